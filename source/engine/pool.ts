/**
 * Workers booted ahead of need. Booting a worker costs ~10–18 ms and most of
 * that is Node's own start-up, so a lesson with 100 processes warms them in
 * parallel from the first moment instead of paying for each at its start().
 * A worker runs exactly one process and is then ended: processes never share
 * a heap, not even with a process that has finished.
 */
import {Worker} from 'node:worker_threads';

const ENTRY = new URL('./worker-main.js', import.meta.url);

/** Small young generations: a lesson's process allocates little, and 100 of them must fit in memory. */
const LIMITS = {maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256};

export class WorkerPool {
	private readonly idle: Worker[] = [];
	private readonly all = new Set<Worker>();

	/** Boots workers until `n` are idle. */
	warm(n: number): void {
		while (this.idle.length < n) this.idle.push(this.boot());
	}

	/** An idle worker, or a new one. */
	take(): Worker {
		return this.idle.shift() ?? this.boot();
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
		this.all.add(worker);
		return worker;
	}
}
