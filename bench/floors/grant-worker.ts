/**
 * The worker side of the bare grant loop: park on Atomics.waitAsync for the
 * next grant, answer it, nothing else. No engine, no report, no task.
 */
import {workerData} from 'node:worker_threads';

const GRANT = 0;
const REPORT = 1;
const STOP = 2;
const ctl = new Int32Array(workerData.sab as SharedArrayBuffer);
const spinMs = (workerData.spinUs as number) / 1000;
// A pending waitAsync does not keep a worker alive.
const keepAlive = setInterval(() => {}, 1 << 30);

let seen = 0;
for (;;) {
	const until = performance.now() + spinMs;
	while (Atomics.load(ctl, GRANT) === seen && performance.now() < until);
	if (Atomics.load(ctl, GRANT) === seen) {
		const w = Atomics.waitAsync(ctl, GRANT, seen);
		if (w.async) await w.value;
	}
	seen = Atomics.load(ctl, GRANT);
	if (Atomics.load(ctl, STOP) !== 0) break;
	Atomics.add(ctl, REPORT, 1);
	Atomics.notify(ctl, REPORT);
}
clearInterval(keepAlive);
