/**
 * Floor for target 2: raw workers taking and releasing one spin-then-wait
 * Atomics mutex (the engine's own futex algorithm) as fast as they can, for
 * the same window the engine's free-mode lesson gets. Acquisitions per
 * second, all workers together.
 */
import {Worker} from 'node:worker_threads';

const READY = 1;
const GO = 2;

export async function mutexFloor(workers: number, windowMs: number): Promise<number> {
	const sab = new SharedArrayBuffer(32);
	const words = new Int32Array(sab, 0, 4);
	const deadline = new Float64Array(sab, 16, 1);
	const all: Worker[] = [];
	const results: Promise<{n: number; end: number}>[] = [];
	for (let i = 0; i < workers; i++) {
		const w = new Worker(new URL('./mutex-worker.js', import.meta.url), {workerData: {sab}});
		all.push(w);
		results.push(new Promise((resolve, reject) => {
			w.once('message', resolve);
			w.once('error', reject);
		}));
	}
	for (;;) {
		const ready = Atomics.load(words, READY);
		if (ready >= workers) break;
		const w = Atomics.waitAsync(words, READY, ready, 5000);
		if (w.async) await w.value;
	}
	const start = Date.now();
	deadline[0] = start + windowMs;
	Atomics.store(words, GO, 1);
	Atomics.notify(words, GO);
	const done = await Promise.all(results);
	await Promise.all(all.map(w => w.terminate()));
	const total = done.reduce((s, r) => s + r.n, 0);
	const end = Math.max(...done.map(r => r.end));
	return (total / (end - start)) * 1000;
}
