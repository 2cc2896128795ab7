/**
 * The floor of starting processes as the engine does: `n` bare
 * worker_threads, each doing nothing but say it is online. No engine, no
 * module of the project loaded in them: what Node itself takes here.
 */
import {Worker} from 'node:worker_threads';

/** Milliseconds until `n` bare workers have all said they are online. */
export async function bareWorkersOnline(n: number): Promise<number> {
	const t = performance.now();
	const workers: Worker[] = [];
	await new Promise<void>((resolve, reject) => {
		let online = 0;
		for (let i = 0; i < n; i++) {
			const w = new Worker('require("node:worker_threads").parentPort.postMessage(0)', {eval: true});
			w.once('message', () => {
				if (++online === n) resolve();
			});
			w.once('error', reject);
			workers.push(w);
		}
	});
	const elapsed = performance.now() - t;
	await Promise.all(workers.map(w => w.terminate()));
	return elapsed;
}
