/**
 * The worker side of the bare mutex floor: the same futex algorithm as the
 * engine's Lock (source/primitives/futex.ts: a try, a spin, then lockAsync;
 * unlock; imported, not copied), called directly in an async loop until the
 * shared deadline.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {lockAsync, spinLock, tryLock, unlock} from '../../source/primitives/futex.js';

const MUTEX = 0;
const READY = 1;
const GO = 2;
const words = new Int32Array(workerData.sab as SharedArrayBuffer, 0, 4);
const deadline = new Float64Array(workerData.sab as SharedArrayBuffer, 16, 1);
const keepAlive = setInterval(() => {}, 1 << 30);

Atomics.add(words, READY, 1);
Atomics.notify(words, READY);
while (Atomics.load(words, GO) === 0) {
	const w = Atomics.waitAsync(words, GO, 0);
	if (w.async) await w.value;
}
/** As the floor always was: one awaited call per acquisition (a lesson awaits its Lock's too). */
async function acquire(): Promise<void> {
	if (!tryLock(words, MUTEX) && !spinLock(words, MUTEX)) await lockAsync(words, MUTEX);
}

const end = deadline[0]!;
let n = 0;
for (;;) {
	for (let i = 0; i < 256; i++) {
		await acquire();
		unlock(words, MUTEX);
	}
	n += 256;
	if (Date.now() >= end) break;
}
parentPort!.postMessage({n, end: Date.now()});
clearInterval(keepAlive);
