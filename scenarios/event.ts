/**
 * event — seed 002 ("事件 —— multiprocess.Event"): a new Event's flag is
 * False, so `e.wait()` blocks for ever. The run ends as a deadlock with the
 * main process blocked on the event, and nobody who could set it.
 */
import {Event, defineScenario, print} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'event',
	title: {zh: '事件：wait 永远等下去', en: 'Event: a wait that never ends'},
	summary: {
		zh: ['Event 有一个标志，创建时为 False；wait() 在标志为 False 时阻塞。', '没有人调用 set()，所以程序一直卡着：这就是死等。'],
		en: ["An Event holds a flag, False when created; wait() blocks while it is False.", 'Nobody ever calls set(), so the program hangs for ever: the run ends blocked.'],
	},
	sources: ['002 (Event: is_set, wait)'],
	group: 'semaphores-events',
	variants: {wait: {zh: 'is_set() 是 False，然后 wait() 一直阻塞', en: 'is_set() is False, then wait() blocks for ever'}},
	defaultVariant: 'wait',
	invariants: [],
	expectedEnd: 'deadlock',
	processes: () => 1,
	captions: [
		{
			// The run ends at the very step wait() blocks, so this one caption says both.
			when: e => e.kind === 'end' && e.outcome === 'deadlock',
			text: {
				zh: '标志是 False，wait() 阻塞了，要等别人调用 set() 才会往下走。可没有任何人会调用 set()：主进程永远卡在这里，后面的 print 永远不会执行',
				en: 'The flag is False, so wait() blocks until someone calls set(). But nobody ever will: the main process is stuck here for ever, and the print after it never runs',
			},
		},
		{
			when: e => e.kind === 'print' && e.text === 'False',
			text: {zh: 'e.is_set() 打印出 False：Event 刚创建时，标志就是 False', en: 'e.is_set() prints False: an Event starts out with its flag False'},
		},
	],
});

export async function main(): Promise<void> {
	const e = new Event();
	await print(e.is_set()); // False: an event starts cleared · py:main.print
	await e.wait(); // py:main.wait
	await print('1'); // never printed
}
