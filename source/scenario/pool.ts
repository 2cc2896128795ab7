/**
 * multiprocessing.Pool: worker processes that take jobs from one queue and
 * put results on another; map() and apply_async() hand out jobs and wait
 * for their results.
 *
 * A worker process is started, as every process is, with a function the
 * lesson exports (the first one the pool is given), and a role that makes
 * it run the pool's loop instead of calling that function; so the workers
 * start at the first job, not at Pool(). Jobs and results cross in queues,
 * so their arguments are plain data, as they must pickle in CPython.
 */
import {availableParallelism} from 'node:os';
import {rt} from './context.js';
import {PyError, TimeoutError, ValueError} from './errors.js';
import {type Handle, registerReviver, unmarshal} from './handles.js';
import {Empty} from './errors.js';
import {Queue} from './queues.js';
import {Process, registerRunner} from './tasks.js';

type Fn = (...args: never[]) => unknown;
/** A job: its id, the export name of its function, its arguments. null tells a worker to stop. */
type Job = [number, string, unknown[]] | null;
/** A result: its job's id, whether it returned, and what it returned or [exception type, message]. */
type Result = [number, boolean, unknown];

/** os.cpu_count(). */
export function cpu_count(): number {
	return availableParallelism();
}

/** What makes a started process a pool worker: the pool's two queues. */
class PoolWorkerRole {
	constructor(
		readonly jobs: Queue,
		readonly results: Queue,
	) {}

	toHandle(): Handle {
		return {__prim: 'PoolWorker', jobs: this.jobs.toHandle(), results: this.results.toHandle()};
	}
}

registerReviver('PoolWorker', h => new PoolWorkerRole(unmarshal(h.jobs) as Queue, unmarshal(h.results) as Queue));

/** A pool worker's life: a job at a time until told to stop. An exception is sent back, not raised. */
async function workerLoop(role: PoolWorkerRole): Promise<void> {
	const exports = rt().exports;
	for (;;) {
		const job = (await role.jobs.get()) as Job;
		if (job === null) return;
		const [id, name, args] = job;
		let result: Result;
		try {
			result = [id, true, await (exports[name] as Fn)(...(args as never[]))];
		} catch (error) {
			const e = error as {pyType?: string; name?: string; message?: string};
			result = [id, false, [e.pyType ?? (e.name === 'Error' ? 'Exception' : (e.name ?? 'Exception')), e.message ?? String(error)]];
		}
		await role.results.put(result);
	}
}

registerRunner((_target, args) => (args[0] instanceof PoolWorkerRole ? workerLoop(args[0]) : undefined));

/** What apply_async() returns. */
export class AsyncResult<T = unknown> {
	constructor(
		private readonly pool: Pool,
		readonly id: number,
	) {}

	/** The job's value, once it is done (raises what the job raised; TimeoutError after `timeout`). */
	get(timeout: number | null = null): Promise<T> {
		return this.pool.resultOf(this.id, timeout) as Promise<T>;
	}

	/** Waits until the job is done, or the timeout passes. */
	async wait(timeout: number | null = null): Promise<void> {
		try {
			await this.pool.collect(this.id, timeout);
		} catch (error) {
			if (!(error instanceof TimeoutError)) throw error;
		}
	}

	/** Whether the job is done (a look at what has arrived; no step). */
	ready(): boolean {
		return this.pool.arrived(this.id);
	}

	successful(): boolean {
		if (!this.ready()) throw new ValueError(`${this.constructor.name} not ready`);
		return this.pool.succeeded(this.id);
	}
}

/** multiprocessing.Pool(processes=os.cpu_count()). */
export class Pool {
	readonly processes: number;
	private readonly jobs = new Queue(0, {name: 'pool jobs'});
	private readonly results = new Queue(0, {name: 'pool results'});
	private workers: Process[] = [];
	private state: 'RUN' | 'CLOSE' | 'TERMINATE' = 'RUN';
	private nextId = 0;
	/** Results that have arrived, by job id (whoever waits collects for everyone). */
	private readonly done = new Map<number, Result>();

	constructor(processes: number | null = null) {
		const n = processes ?? cpu_count();
		if (n < 1) throw new ValueError('Number of processes must be at least 1');
		this.processes = n;
	}

	private exportName(fn: Fn): string {
		const name = Object.entries(rt().exports).find(([, v]) => v === fn)?.[0];
		if (!name) throw new PyError(`Can't pickle ${fn.name || 'the function'}: a pool's function must be exported by the lesson`, 'AttributeError');
		return name;
	}

	private async submit(fn: Fn, args: unknown[]): Promise<number> {
		if (this.state !== 'RUN') throw new ValueError('Pool not running');
		const name = this.exportName(fn);
		if (this.workers.length === 0) {
			for (let i = 0; i < this.processes; i++) {
				const p = new Process({target: fn, args: [new PoolWorkerRole(this.jobs, this.results)], daemon: true});
				// CPython names a pool's workers after the start method, with the process's own number.
				p.name = p.name.replace(/^Process-/, 'ForkPoolWorker-');
				this.workers.push(p);
			}
			for (const p of this.workers) await p.start();
		}
		const id = this.nextId++;
		await this.jobs.put([id, name, args] satisfies Job);
		return id;
	}

	/** Collects results until job `id`'s has arrived (or the timeout passes). */
	async collect(id: number, timeout: number | null): Promise<Result> {
		const r = rt();
		const end = timeout === null ? undefined : r.now() + Math.max(0, timeout);
		while (!this.done.has(id)) {
			let result: Result;
			try {
				result = (await this.results.get(true, end === undefined ? null : Math.max(0, end - r.now()))) as Result;
			} catch (error) {
				if (error instanceof Empty) throw new TimeoutError();
				throw error;
			}
			this.done.set(result[0], result);
		}
		return this.done.get(id)!;
	}

	async resultOf(id: number, timeout: number | null): Promise<unknown> {
		const [, ok, value] = await this.collect(id, timeout);
		if (ok) return value;
		const [pyType, message] = value as [string, string];
		throw new PyError(message, pyType);
	}

	arrived(id: number): boolean {
		return this.done.has(id);
	}

	succeeded(id: number): boolean {
		return this.done.get(id)?.[1] === true;
	}

	/** pool.apply_async(fn, args, kwds): the job's AsyncResult at once. */
	async apply_async<T>(fn: Fn, args: unknown[] = [], kwds?: Record<string, unknown>): Promise<AsyncResult<T>> {
		return new AsyncResult<T>(this, await this.submit(fn, kwds === undefined ? args : [...args, kwds]));
	}

	/** pool.apply(fn, args, kwds): waits for the job's value. */
	async apply<T>(fn: Fn, args: unknown[] = [], kwds?: Record<string, unknown>): Promise<T> {
		return (await this.apply_async<T>(fn, args, kwds)).get();
	}

	/** pool.map(fn, iterable): the values in the iterable's order; raises the first job's exception. */
	async map<T>(fn: Fn, iterable: Iterable<unknown>): Promise<T[]> {
		return this.starmap<T>(fn, [...iterable].map(x => [x]));
	}

	/** pool.starmap(fn, iterable of argument lists). */
	async starmap<T>(fn: Fn, iterable: Iterable<unknown[]>): Promise<T[]> {
		const ids: number[] = [];
		for (const args of iterable) ids.push(await this.submit(fn, [...args]));
		const values: T[] = [];
		for (const id of ids) values.push((await this.resultOf(id, null)) as T);
		return values;
	}

	/** No more jobs; the workers stop once the queued ones are done. */
	async close(): Promise<void> {
		if (this.state !== 'RUN') return;
		this.state = 'CLOSE';
		for (const _ of this.workers) await this.jobs.put(null satisfies Job);
	}

	/** Waits for the workers to stop (after close() or terminate()). */
	async join(): Promise<void> {
		if (this.state === 'RUN') throw new ValueError('Pool is still running');
		for (const p of this.workers) await p.join();
	}

	/** Stops the workers now, jobs or not. */
	async terminate(): Promise<void> {
		this.state = 'TERMINATE';
		for (const p of this.workers) await p.terminate();
		for (const p of this.workers) await p.join();
	}

	/** `with Pool(n) as pool:` terminates the pool at the end, as CPython's does. */
	async with<T>(body: (pool: Pool) => Promise<T>): Promise<T> {
		try {
			return await body(this);
		} finally {
			await this.terminate();
		}
	}

	toHandle(): never {
		throw new PyError('pool objects cannot be passed between processes or pickled', 'NotImplementedError');
	}
}
