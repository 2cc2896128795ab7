/**
 * Runs raw worker_threads on the compiled fixture of the primitive stress
 * tests, under a watchdog: a worker that never finishes (a lost wake-up, a
 * deadlock) fails the test with what the workers had done so far, instead of
 * hanging the suite. A worker that throws or exits early fails it too.
 */
import {Worker} from 'node:worker_threads';

const FIXTURE = new URL('../fixtures/cores-worker.js', import.meta.url);

export interface Watchdog {
	/** Seconds before the run is declared stuck. */
	seconds: number;
	/** What the workers have done so far, for the failure message. */
	progress?: () => string;
}

/** `fixture`: the worker script (the cores-worker fixture, or another with jobs of its own). */
export async function runJobs(jobs: readonly {kind: string}[], watchdog: Watchdog, fixture: URL = FIXTURE): Promise<unknown[]> {
	const workers = jobs.map(job => new Worker(fixture, {workerData: job}));
	const pending = new Set(jobs.map((_, i) => i));
	const results = workers.map(
		(worker, i) =>
			new Promise<unknown>((resolve, reject) => {
				let answered = false;
				worker.once('message', (m: {ok: boolean; result?: unknown; error?: string}) => {
					answered = true;
					pending.delete(i);
					if (m.ok) resolve(m.result);
					else reject(new Error(`worker ${i} (${jobs[i]!.kind}) threw: ${m.error}`));
				});
				worker.once('error', error => reject(new Error(`worker ${i} (${jobs[i]!.kind}) crashed: ${error.message}`)));
				worker.once('exit', code => {
					if (!answered) reject(new Error(`worker ${i} (${jobs[i]!.kind}) exited with ${code} before finishing its job`));
				});
			}),
	);
	let timer: NodeJS.Timeout | undefined;
	const stuck = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			const stuckOnes = [...pending].map(i => `${i}:${jobs[i]!.kind}`).join(', ');
			reject(new Error(`watchdog: workers ${stuckOnes} did not finish within ${watchdog.seconds} s (${watchdog.progress?.() ?? 'no progress report'}): a lost wake-up or a deadlock`));
		}, watchdog.seconds * 1000);
	});
	try {
		return await Promise.race([Promise.all(results), stuck]);
	} finally {
		clearTimeout(timer);
		await Promise.all(workers.map(w => w.terminate()));
	}
}
