/**
 * Workers booted ahead of need. Booting a worker costs ~10–18 ms and most of
 * that is Node's own start-up, so a lesson with 100 processes warms them in
 * parallel from the first moment instead of paying for each at its start().
 * A worker runs exactly one process and is then ended: processes never share
 * a heap, not even with a process that has finished.
 */
import {Worker} from 'node:worker_threads';

const ENTRY = new URL('./worker-main.js', import.meta.url);

/**
 * Small young generations: a lesson's process allocates little, and 100 of
 * them must fit in memory. 2 MB rather than 4 took 101 processes' peak RSS
 * from about 990 to 940 MiB, with the free-mode lock and queue rates the
 * same within noise.
 */
const LIMITS = {maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 256};

export class WorkerPool {
	private readonly idle: Worker[] = [];
	private readonly all = new Set<Worker>();
	private readonly ends = new WeakMap<Worker, Promise<void>>();
	private readonly dead = new WeakSet<Worker>();

	/** Boots workers until `n` are idle. */
	warm(n: number): void {
		while (this.idle.length < n) this.idle.push(this.boot());
	}

	/** An idle worker that is still alive (one can die while booting), or a new one. */
	take(): Worker {
		for (;;) {
			const worker = this.idle.shift();
			if (!worker) return this.boot();
			if (!this.dead.has(worker)) return worker;
		}
	}

	/** Resolves when the worker has exited, however it ended (watched from its boot, so no exit is missed). */
	exited(worker: Worker): Promise<void> {
		return this.ends.get(worker) ?? Promise.resolve();
	}

	/** Ends every worker, busy or idle. */
	async close(): Promise<void> {
		const ending = [...this.all].map(w => w.terminate().catch(() => 0));
		this.idle.length = 0;
		this.all.clear();
		await Promise.all(ending);
	}

	/** Ends one worker (its process is over). */
	retire(worker: Worker): Promise<number> {
		this.all.delete(worker);
		return worker.terminate().catch(() => 0);
	}

	private boot(): Worker {
		const worker = new Worker(ENTRY, {resourceLimits: LIMITS, stdout: true, stderr: false, env: {...process.env, NODE_ENV: 'production'}});
		// A lesson talks through print(); stray console output from a worker must not tear the screen.
		worker.stdout.resume();
		worker.on('error', () => {});
		this.ends.set(
			worker,
			new Promise(resolve =>
				worker.once('exit', () => {
					this.dead.add(worker);
					resolve();
				}),
			),
		);
		this.all.add(worker);
		return worker;
	}
}
