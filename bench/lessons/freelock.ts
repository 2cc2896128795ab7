/**
 * Bench lesson (target 2, free mode): `procs` processes take and release one
 * Lock as fast as they can until a shared deadline. All start together
 * (a ready semaphore, then a go event); each prints how many acquisitions it
 * made and when it stopped, and main prints when it said go.
 */
import {Event, Lock, Process, Semaphore, Value, defineScenario, print, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'bench-freelock',
	title: {zh: '基准：自由模式抢锁', en: 'bench: free-mode lock throughput'},
	summary: {zh: ['几个进程同时反复拿同一把锁。', '自由模式：真阻塞，操作系统调度。'], en: ['Several processes hammer one lock.', 'Free mode: real blocking, the OS schedules.']},
	sources: ['bench'],
	group: 'extra',
	variants: {lock: {zh: '一把锁', en: 'one lock'}},
	defaultVariant: 'lock',
	options: {
		procs: {default: 2, min: 1, max: 64, help: 'how many processes'},
		ms: {default: 500, min: 1, max: 60_000, help: 'measuring window, real milliseconds'},
	},
	processes: options => (options.procs ?? 2) + 1,
});

export async function hammer(lock: Lock, ready: Semaphore, go: Event, deadline: Value): Promise<void> {
	await ready.release();
	await go.wait();
	const end = await deadline.load();
	let n = 0;
	for (;;) {
		for (let i = 0; i < 256; i++) {
			await lock.acquire();
			await lock.release();
		}
		n += 256;
		if (Date.now() >= end) break;
	}
	await print(`n ${n} ${Date.now()}`);
}

export async function main({options}: MainContext): Promise<void> {
	const lock = new Lock();
	const ready = new Semaphore(0);
	const go = new Event();
	const deadline = new Value('d', 0, {lock: false});
	const procs = [];
	for (let i = 0; i < options.procs!; i++) {
		const p = new Process({target: hammer, args: [lock, ready, go, deadline]});
		await p.start();
		procs.push(p);
	}
	for (let i = 0; i < options.procs!; i++) await ready.acquire();
	const start = Date.now();
	await deadline.store(start + options.ms!);
	await print(`go ${start}`);
	await go.set();
	for (const p of procs) await p.join();
}
