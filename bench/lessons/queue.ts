/**
 * Bench lesson (target 2, free mode): one process puts small items (integers)
 * into a Queue until a deadline, then None; another gets until None. The
 * consumer prints how many it got and when it got the last.
 */
import {Event, Process, Queue, Semaphore, Value, defineScenario, print, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'bench-queue',
	title: {zh: '基准：队列吞吐', en: 'bench: queue throughput'},
	summary: {zh: ['一个进程放，一个进程取。', '自由模式。'], en: ['One process puts, one gets.', 'Free mode.']},
	sources: ['bench'],
	group: 'extra',
	variants: {queue: {zh: '一个队列', en: 'one queue'}},
	defaultVariant: 'queue',
	options: {ms: {default: 500, min: 1, max: 60_000, help: 'producing window, real milliseconds'}},
	processes: () => 3,
});

export async function producer(q: Queue, ready: Semaphore, go: Event, deadline: Value): Promise<void> {
	await ready.release();
	await go.wait();
	const end = await deadline.load();
	let n = 0;
	for (;;) {
		for (let i = 0; i < 256; i++) await q.put(n++);
		if (Date.now() >= end) break;
	}
	await q.put(null);
}

export async function consumer(q: Queue, ready: Semaphore, go: Event): Promise<void> {
	await ready.release();
	await go.wait();
	let n = 0;
	while ((await q.get()) !== null) n++;
	await print(`n ${n} ${Date.now()}`);
}

export async function main({options}: MainContext): Promise<void> {
	const q = new Queue();
	const ready = new Semaphore(0);
	const go = new Event();
	const deadline = new Value('d', 0, {lock: false});
	const c = new Process({target: consumer, args: [q, ready, go]});
	const p = new Process({target: producer, args: [q, ready, go, deadline]});
	await c.start();
	await p.start();
	await ready.acquire();
	await ready.acquire();
	const start = Date.now();
	await deadline.store(start + options.ms!);
	await print(`go ${start}`);
	await go.set();
	await p.join();
	await c.join();
}
