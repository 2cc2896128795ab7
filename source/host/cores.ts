/**
 * Free mode's cores, as the engine host keeps them: worker threads that run
 * the processes in parallel, booted at the first free run and reused. A
 * process goes to the core the engine names; each core posts its processes'
 * stamped events back here.
 */
import {Worker} from 'node:worker_threads';
import type {Cores} from '../engine/engine.js';
import type {FromCore, ToCore} from '../engine/host-protocol.js';
import type {Assignment, StampedEvent} from '../engine/protocol.js';

const ENTRY = new URL('./core.js', import.meta.url);
const LIMITS = {maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512};

export class CoreSet implements Cores {
	private workers: Worker[] = [];
	private onEvents: ((pid: number, events: StampedEvent[]) => void) | undefined;
	/** Where each live process runs (to end it when its core is lost). */
	private readonly placed = new Map<number, number>();

	get count(): number {
		return this.workers.length;
	}

	/** Makes sure `n` cores are up (more than before: new ones are booted; none are taken away). */
	async prepare(n: number): Promise<void> {
		const booting: Promise<void>[] = [];
		while (this.workers.length < n) {
			const index = this.workers.length;
			const worker = new Worker(ENTRY, {resourceLimits: LIMITS, stdout: true, stderr: true, execArgv: ['--experimental-vm-modules', '--no-warnings'], env: {...process.env, NODE_ENV: 'production'}});
			worker.on('message', (m: FromCore) => this.onEvents?.(m.pid, m.events));
			worker.on('error', () => {});
			worker.on('exit', () => this.lost(index));
			this.workers.push(worker);
			booting.push(new Promise(resolve => worker.once('online', () => resolve())));
		}
		await Promise.all(booting);
	}

	assign(core: number, assignment: Assignment): void {
		this.placed.set(assignment.pid, core);
		this.post(core, {type: 'assign', assignment});
	}

	kill(core: number, pid: number): void {
		this.post(core, {type: 'kill', pid});
	}

	listen(onEvents: (pid: number, events: StampedEvent[]) => void): void {
		this.onEvents = onEvents;
	}

	/** The run is over: every core forgets its processes. */
	reset(): void {
		this.onEvents = undefined;
		this.placed.clear();
		for (let i = 0; i < this.workers.length; i++) this.post(i, {type: 'reset'});
	}

	private post(core: number, m: ToCore): void {
		this.workers[core]?.postMessage(m);
	}

	/** A core died (a lesson crashed its thread): its processes are over, and it is booted again on the next run. */
	private lost(index: number): void {
		for (const [pid, core] of this.placed) {
			if (core !== index) continue;
			this.placed.delete(pid);
			this.onEvents?.(pid, [{k: 'print', t: 0, text: 'the worker thread this process ran on stopped', stream: 'stderr'}, {k: 'killed'}]);
		}
		this.workers = this.workers.filter((_, i) => i !== index);
	}
}
