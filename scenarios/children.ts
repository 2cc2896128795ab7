/**
 * children — seed 003 ("进阶,多个进程同时执行", "多个子进程"): four children
 * started in a loop run in no fixed order; the parent joins them all, then
 * picks one at random.
 *
 * 多个子进程 / Several children
 *   zh: 在循环里开4个子进程，它们的执行顺序不受开启顺序影响，每次运行都可能不同。
 *       把进程放进列表，全部 join 之后，父进程再随机选一个。
 *   en: Four children started in a loop: the order they run in is not the order they were started in.
 *       The parent keeps them in a list, joins every one, then picks one at random.
 *
 * Variants
 *   join-all  the tutorial's program; change the seed to see another order.
 * Invariants
 *   choice-after-all (hold): 我选… comes after all four 我是… lines.
 */
import {Process, choice, defineScenario, print, sleep} from '../source/scenario/api.js';

const ADDR = ['河南的', '山东的', '辽宁的', '湖南的'];

export const meta = defineScenario({
	name: 'children',
	title: {zh: '多个子进程：顺序不定，全部 join', en: 'Several children: no fixed order, all joined'},
	summary: {
		zh: ['在循环里开4个子进程，它们的执行顺序不受开启顺序影响，每次运行都可能不同。', '把进程放进列表，全部 join 之后，父进程再随机选一个。'],
		en: ['Four children started in a loop: they do not run in the order they were started in.', 'The parent keeps them in a list, joins every one, then picks one at random.'],
	},
	sources: ['003 (多个子进程: 河南的, 山东的, 辽宁的, 湖南的)'],
	group: 'process-life',
	variants: {'join-all': {zh: '开4个，全部 join，再随机选一个（换个 seed 顺序就变）', en: 'start four, join all, pick one (another seed, another order)'}},
	defaultVariant: 'join-all',
	invariants: [
		{
			name: 'choice-after-all',
			text: {zh: '"我选…" 在4个 "我是…" 之后', en: '我选… comes after all four 我是… lines'},
			check: s => {
				const at = s.output.findIndex(line => line.text.startsWith('我选'));
				return at < 0 || s.output.slice(0, at).filter(line => line.text.startsWith('我是')).length === ADDR.length;
			},
		},
	],
	expectedEnd: 'completed',
	processes: () => ADDR.length + 1,
	captions: [
		{
			when: e => e.kind === 'print' && e.text.startsWith('我选'),
			text: {zh: '4个都 join 完了，父进程才随机选一个', en: 'All four are joined; only now does the parent pick one'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'join',
			text: {zh: '父进程按列表顺序 join：等这个子进程结束', en: 'The parent joins them in list order: it waits for this one to end'},
		},
		{
			when: e => e.kind === 'print' && e.text.startsWith('我是'),
			text: {zh: '谁先打印由调度决定，不一定是先开启的那个', en: 'Who prints first is up to the scheduler, not the order of start()'},
		},
	],
});

export async function func(i: string): Promise<void> {
	await print(`我是${i}`); // py:func.print
}

export async function main(): Promise<void> {
	const l: Process[] = [];
	for (const i of ADDR) {
		const p = new Process({target: func, args: [i]});
		await p.start(); // py:main.start
		l.push(p);
	}
	for (const p of l) await p.join(); // py:main.join
	await sleep(1); // py:main.sleep
	await print(`我选${choice(ADDR)}`); // py:main.print
}
