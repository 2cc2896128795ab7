/**
 * The dispatcher: the ready queue(s), the cores, and the decisions of one
 * instant. It has no clock: the caller (the engine, or the simulator) tells
 * it the time. Both callers drive it the same way:
 *
 * 1. `end(id, now)` for each running job whose slice ends now: its burst is
 *    over (`done`: the job leaves the CPU) or its slice is (`slice`: it will
 *    rejoin the ready queue);
 * 2. `request(id, units)` for each job that asks for the CPU now (it arrived,
 *    its I/O ended, or it asks for its next burst);
 * 3. `settle(now)`, once nothing else can happen at this instant: it enters
 *    the new requests in the ready queue (in the jobs' canonical order, so
 *    jobs that arrive together are served in their order), then the jobs
 *    whose slice ended (behind them, as textbooks do for round robin), fills
 *    the free cores (lowest core first) with the first ready job allowed
 *    there, and, for a preemptive policy, lets a ready job take the core of
 *    the least urgent running job it beats. It returns what changed.
 *
 * The GIL: jobs of one group never run at the same time; a job whose group
 * is running elsewhere is skipped, the next ready job is tried.
 */
import type {CpuPolicy, JobState} from './types.js';

/** What `settle` changed, in order. */
export type Change =
	/** The job runs on the core until `until` (its slice or its burst ends then). */
	| {kind: 'run'; id: string; core: number; until: number; left: number}
	/** The job was taken off the core and is ready again with `left` units to go. */
	| {kind: 'preempt'; id: string; core: number; left: number};

/** A ready queue for display, most urgent first. */
export interface QueueView {
	level: number;
	quantum?: number;
	jobs: string[];
}

interface Run {
	job: JobState;
	start: number;
	until: number;
}

/**
 * The CPU clock's resolution: times are kept on a 1e-9 grid, so 0.1 + 0.2
 * and 0.3 are the same instant. A CPU burst shorter than one tick would
 * round to nothing.
 */
export const RESOLUTION = 1e-9;
/**
 * The latest instant the clock represents well: on a 1e-9 grid a double
 * holds every tick only below 2^53 ns (about 9.0e6); 1e6 keeps a margin and
 * is far beyond any lesson.
 */
export const MAX_TIME = 1e6;

export function roundTime(t: number): number {
	return Math.round(t * 1e9) / 1e9;
}

export class Dispatcher {
	private readonly jobs = new Map<string, JobState>();
	private readonly priorities = new Map<string, number>();
	private ready: JobState[] = [];
	private arriving: JobState[] = [];
	private expired: {job: JobState; core: number}[] = [];
	private readonly running: (Run | undefined)[];
	private seq = 0;

	constructor(
		readonly policy: CpuPolicy,
		readonly cores: number,
	) {
		if (!Number.isInteger(cores) || cores < 1) throw new RangeError(`cores must be a whole number ≥ 1, not ${cores}`);
		this.running = Array.from({length: cores}, () => undefined);
	}

	/** A job asks for the CPU for a burst of `units`. It enters the ready queue at the next `settle`. */
	request(id: string, units: number, info: {order: number; group?: string; priority?: number}): void {
		if (!(units >= 0) || !Number.isFinite(units)) throw new RangeError(`a CPU burst must be a finite number ≥ 0, not ${units}`);
		let job = this.jobs.get(id);
		if (!job) {
			job = {id, order: info.order, group: info.group, priority: info.priority ?? this.priorities.get(id) ?? 0, left: 0, burst: 0, seq: 0, level: 0};
			this.jobs.set(id, job);
		} else if (this.where(id) !== undefined) {
			throw new Error(`job ${id} asks for the CPU while it is ${this.where(id)}`);
		}
		if (info.priority !== undefined) job.priority = info.priority;
		job.left = roundTime(units);
		job.burst = job.left;
		this.arriving.push(job);
	}

	/** Sets a job's priority (lower is more urgent), now or for when it first asks. */
	setPriority(id: string, priority: number): void {
		this.priorities.set(id, priority);
		const job = this.jobs.get(id);
		if (job) job.priority = priority;
	}

	/** A running job's slice ends now: `done` if its burst is over, else it rejoins the ready queue at `settle`. */
	end(id: string, now: number): 'done' | 'slice' {
		const core = this.running.findIndex(r => r?.job.id === id);
		if (core < 0) throw new Error(`job ${id} is not running`);
		const run = this.running[core]!;
		this.running[core] = undefined;
		const job = run.job;
		job.left = roundTime(job.left - (now - run.start));
		if (job.left <= 0) {
			job.left = 0;
			return 'done';
		}
		this.expired.push({job, core});
		return 'slice';
	}

	/** Takes a job out of the CPU's hands (its task was killed); its core is free at the next `settle`. */
	remove(id: string): void {
		const core = this.running.findIndex(r => r?.job.id === id);
		if (core >= 0) this.running[core] = undefined;
		this.ready = this.ready.filter(j => j.id !== id);
		this.arriving = this.arriving.filter(j => j.id !== id);
		this.expired = this.expired.filter(x => x.job.id !== id);
	}

	/** The decisions of the instant `now`; see the header. */
	settle(now: number): Change[] {
		const changes: Change[] = [];
		this.arriving.sort((a, b) => a.order - b.order);
		for (const job of this.arriving) this.enter(job, 'request');
		this.arriving = [];
		this.expired.sort((a, b) => a.core - b.core);
		for (const {job} of this.expired) this.enter(job, 'slice');
		this.expired = [];
		for (;;) {
			this.fill(now, changes);
			if (!this.policy.preemptive || !this.preemptOne(now, changes)) break;
		}
		return changes;
	}

	/** When the next running slice ends, if any core is busy. */
	nextEnd(): number | undefined {
		let next: number | undefined;
		for (const r of this.running) if (r && (next === undefined || r.until < next)) next = r.until;
		return next;
	}

	/** The jobs whose slice ends at or before `now`, lowest core first. */
	endingBy(now: number): string[] {
		const ids: string[] = [];
		for (const r of this.running) if (r && r.until <= now) ids.push(r.job.id);
		return ids;
	}

	/** The job on each core (undefined: idle). */
	onCores(): (string | undefined)[] {
		return this.running.map(r => r?.job.id);
	}

	/** The ready queue(s), each in the order jobs would be picked; jobs that asked at this instant are not in yet. */
	queues(): QueueView[] {
		const sorted = this.sorted();
		return Array.from({length: this.policy.levels}, (_, level) => ({
			level,
			...(this.policy.quantumOf(level) !== undefined ? {quantum: this.policy.quantumOf(level)} : {}),
			jobs: sorted.filter(j => j.level === level).map(j => j.id),
		}));
	}

	/** Jobs that asked for the CPU at this instant and are not in the ready queue yet, in the order they will enter. */
	waitingToEnter(): string[] {
		return [...this.arriving].sort((a, b) => a.order - b.order).map(j => j.id);
	}

	/** A job's state, as the dispatcher knows it. */
	job(id: string): Readonly<JobState> | undefined {
		return this.jobs.get(id);
	}

	private where(id: string): string | undefined {
		if (this.running.some(r => r?.job.id === id)) return 'running';
		if (this.ready.some(j => j.id === id) || this.arriving.some(j => j.id === id) || this.expired.some(x => x.job.id === id)) return 'ready';
		return undefined;
	}

	private enter(job: JobState, why: 'request' | 'slice' | 'preempted'): void {
		this.policy.enter(job, why);
		job.seq = ++this.seq;
		this.ready.push(job);
	}

	/** Ready jobs in the order the policy picks them: by key, then by when they entered. */
	private sorted(): JobState[] {
		const p = this.policy;
		return [...this.ready].sort((a, b) => p.key(a) - p.key(b) || a.seq - b.seq);
	}

	/** May `job` run on `core`? Not while another job of its group runs on another core. */
	private allowed(job: JobState, core: number): boolean {
		if (job.group === undefined) return true;
		return this.running.every((r, c) => c === core || !r || r.job.group !== job.group);
	}

	private fill(now: number, changes: Change[]): void {
		for (let core = 0; core < this.cores; core++) {
			if (this.running[core]) continue;
			const job = this.sorted().find(j => this.allowed(j, core));
			if (!job) continue;
			this.start(job, core, now, changes);
		}
	}

	private start(job: JobState, core: number, now: number, changes: Change[]): void {
		this.ready.splice(this.ready.indexOf(job), 1);
		const until = roundTime(now + Math.min(job.left, this.policy.slice(job)));
		this.running[core] = {job, start: now, until};
		changes.push({kind: 'run', id: job.id, core, until, left: job.left});
	}

	/**
	 * One preemption, if a ready job beats a running one: the least urgent
	 * running job first (ties: the highest core), replaced by the first ready
	 * job allowed on its core, if that job's key is strictly smaller.
	 */
	private preemptOne(now: number, changes: Change[]): boolean {
		const p = this.policy;
		const victims = this.running
			.map((r, core) => (r ? {core, key: p.key({...r.job, left: roundTime(r.job.left - (now - r.start))})} : undefined))
			.filter(v => v !== undefined)
			.sort((a, b) => b.key - a.key || b.core - a.core);
		const sorted = this.sorted();
		for (const v of victims) {
			const challenger = sorted.find(j => this.allowed(j, v.core));
			if (!challenger || !(p.key(challenger) < v.key)) continue;
			const run = this.running[v.core]!;
			this.running[v.core] = undefined;
			run.job.left = roundTime(run.job.left - (now - run.start));
			changes.push({kind: 'preempt', id: run.job.id, core: v.core, left: run.job.left});
			this.enter(run.job, 'preempted');
			this.start(challenger, v.core, now, changes);
			return true;
		}
		return false;
	}
}
