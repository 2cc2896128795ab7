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
});

export async function main(): Promise<void> {
	const e = new Event();
	await print(e.is_set()); // False: an event starts cleared · py:main.print
	await e.wait(); // py:main.wait
	await print('1'); // never printed
}
