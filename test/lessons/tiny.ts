/**
 * A test lesson for explore: two processes, each adding 1 to a shared Value
 * by a read and a write (`two`), or a read, a write and a print (`three`).
 * Small enough that every schedule can be counted by brute force.
 */
import {Process, Value, defineScenario, print, type MainContext, type ViewState} from '../../source/scenario/api.js';

function total(s: ViewState): number | undefined {
	return Object.values(s.prims).find(p => p.type === 'Value')?.value;
}

export const meta = defineScenario({
	name: 'tiny',
	title: {zh: '测试用', en: 'explore tests'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		two: {zh: '', en: 'read, write'},
		three: {zh: '', en: 'read, write, print'},
	},
	defaultVariant: 'two',
	invariants: [{name: 'total-2', text: {zh: '结束时是2', en: 'the total ends at 2'}, check: s => total(s) === 2, when: 'end', expect: {two: 'breakable', three: 'breakable'}}],
	processes: () => 3,
});

export async function add(n: Value, loud: boolean): Promise<void> {
	await n.store((await n.load()) + 1);
	if (loud) await print('added');
}

export async function main({variant}: MainContext): Promise<void> {
	const n = new Value('i', 0);
	const a = new Process({target: add, args: [n, variant === 'three']});
	const b = new Process({target: add, args: [n, variant === 'three']});
	await a.start();
	await b.start();
	await a.join();
	await b.join();
}
