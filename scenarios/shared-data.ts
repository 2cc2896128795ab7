/**
 * shared-data — seed 001 ("方式三: 共享数据"): the third way processes talk,
 * data a Manager shares between them. The tutorial has no program for it,
 * only the warning that shared data takes no lock of its own ("共享数据也没有
 * 自动加锁的功能"), so a queue is better; this lesson is our own program of
 * that warning. Ten processes each take one from `d['count']` (10 at the
 * start) through a Manager's dict: `d['count'] -= 1` is a read and then a
 * write, two requests to the manager, and without a lock two processes can
 * read the same count, so a decrement is lost and the count ends above 0.
 * With a lock around it, it ends at 0.
 */
import {Lock, Manager, Process, defineScenario, print, type MainContext, type ViewState, type DictProxy} from '../source/scenario/api.js';

/** What main printed last: `count N`. */
function finalCount(s: ViewState): number | undefined {
	const last = [...s.output].reverse().find(line => line.text.startsWith('count '));
	return last ? Number(last.text.slice('count '.length)) : undefined;
}

export const meta = defineScenario({
	name: 'shared-data',
	title: {zh: '共享数据：Manager 不自动加锁', en: 'Shared data: a Manager takes no lock for you'},
	summary: {
		zh: ["Manager().dict() 让几个进程共用一份数据：10个进程各把 d['count'] 减 1，从 10 减到 0。", "d['count'] -= 1 是先读后写两次请求：共享数据没有自动加锁，不加锁就会丢失更新；加锁才一定是 0，所以还是推荐用队列。"],
		en: ["Manager().dict() lets processes share data: ten processes each take one from d['count'], from 10 down to 0.", "d['count'] -= 1 is a read then a write, two requests: shared data takes no lock of its own, so without one updates get lost; with one the count always ends at 0. A queue is the better way."],
	},
	sources: ['001 (进程间通信 方式三: 共享数据)'],
	group: 'queues-pipes',
	variants: {
		unsafe: {zh: '不加锁：减少会丢失，结果大于 0', en: 'no lock: decrements get lost, the count ends above 0'},
		lock: {zh: '加锁：一定是 0', en: 'a lock: the count always ends at 0'},
	},
	defaultVariant: 'unsafe',
	invariants: [
		{
			name: 'count-0',
			text: {zh: '结束时 count 是 0', en: 'the count ends at 0'},
			check: s => finalCount(s) === 0,
			when: 'end',
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => 11,
});

export async function work(d: DictProxy, lock: Lock | null): Promise<void> {
	if (lock) await lock.acquire(); // py:work.acquire
	const n = (await d.getitem('count')) as number; // d['count'] -= 1: first a read · py:work.update
	await d.set('count', n - 1); // then a write · py:work.update
	if (lock) await lock.release(); // py:work.release
}

export async function main({variant}: MainContext): Promise<void> {
	await new Manager().with(async m => {
		const d = m.dict({count: 10});
		const lock = variant === 'lock' ? new Lock() : null;
		const ps = Array.from({length: 10}, () => new Process({target: work, args: [d, lock]}));
		for (const p of ps) await p.start(); // py:main.start
		for (const p of ps) await p.join(); // py:main.join
		await print(`count ${await d.getitem('count')}`); // py:main.print
	});
}
