/**
 * Floor for target 1: the main thread grants one worker's gate, waits for its
 * answer with Atomics.waitAsync, and grants again. This is the cheapest a
 * controlled step can be with the engine's threading model; the engine's
 * steps per second are judged against it.
 *
 * `spin` = 0 is the floor as the issue defines it (park at once on both
 * sides); the engine spins first, for a time (source/engine/engine.ts:
 * MAIN_SPIN_MS on the main thread, GRANT_SPIN_US in the worker), so the same
 * loop with those spins is measured too, for attribution.
 */
import {Worker} from 'node:worker_threads';

const GRANT = 0;
const REPORT = 1;
const STOP = 2;

export async function grantLoop(durationMs: number, spin: {mainMs: number; workerUs: number} = {mainMs: 0, workerUs: 0}): Promise<number> {
	const sab = new SharedArrayBuffer(16);
	const ctl = new Int32Array(sab);
	const worker = new Worker(new URL('./grant-worker.js', import.meta.url), {workerData: {sab, spinUs: spin.workerUs}});
	await new Promise(resolve => worker.once('online', resolve));
	let seen = 0;
	const grantOnce = async () => {
		Atomics.add(ctl, GRANT, 1);
		Atomics.notify(ctl, GRANT);
		const until = performance.now() + spin.mainMs;
		while (Atomics.load(ctl, REPORT) === seen && performance.now() < until);
		if (Atomics.load(ctl, REPORT) === seen) {
			const w = Atomics.waitAsync(ctl, REPORT, seen);
			if (w.async) await w.value;
		}
		seen = Atomics.load(ctl, REPORT);
	};
	// Warm up (JIT, the worker reaching its loop).
	for (let i = 0; i < 2000; i++) await grantOnce();
	const start = performance.now();
	let grants = 0;
	let elapsed = 0;
	do {
		for (let i = 0; i < 256; i++) await grantOnce();
		grants += 256;
		elapsed = performance.now() - start;
	} while (elapsed < durationMs);
	Atomics.store(ctl, STOP, 1);
	Atomics.add(ctl, GRANT, 1);
	Atomics.notify(ctl, GRANT);
	await worker.terminate();
	return (grants / elapsed) * 1000;
}
