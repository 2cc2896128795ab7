/**
 * A test lesson: a Queue given items of every kind, each printed as it
 * comes out, so a test can compare the panels' and print's Python with
 * CPython's.
 */
import {Queue, defineScenario, print} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'queue-items',
	title: {zh: '队列内容', en: 'Queue items'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {items: {zh: '', en: 'items of every kind through one queue'}},
	defaultVariant: 'items',
	processes: () => 1,
});

/** What goes in, in order; test/repr.test.ts knows the same list. */
export const ITEMS: unknown[] = [['a', 1], "it's", 'a\nb', 1.5, null, true, {k: [1, 'x']}, '你好'];

export async function main(): Promise<void> {
	const q = new Queue();
	for (const item of ITEMS) await q.put(item);
	for (let i = 0; i < ITEMS.length; i++) await print(await q.get());
}
