/**
 * The CPU as the trace tells it: the ready queue(s), what runs on each core,
 * the Gantt chart so far and each job's figures. A job is a task that asked
 * for the CPU (`work(units)`): its arrival is its first request, its burst
 * all the CPU time it asked for, its waiting time the time it spent ready
 * for a core.
 *
 * `foldScheduling` is called by the reducer for every event (it keeps
 * `ViewState.sched`), so lessons' invariants can read it; `schedulingView`
 * turns it into what the scheduling panel draws, at the view's time;
 * `scheduleOf` gives a finished run's figures in the simulator's shape.
 */
import {addSegment, averages, roundTime} from '../engine/cpu/index.js';
import type {Averages, JobMetrics, Schedule, Segment} from '../engine/cpu/index.js';
import type {TraceEvent} from '../engine/trace.js';
import type {ViewState} from './state.js';

export type JobStatus = 'ready' | 'running' | 'off' | 'done';

/**
 * A job's state as an operating-systems course draws it (seed 003: 就绪,
 * 运行, 阻塞): ready for a core, running on one, blocked (I/O, a lock…),
 * plus new and done. The zero-time steps a task takes between its bursts
 * (to print, to call sleep) do not count as moves: it stays where it was.
 */
export type OsState = 'new' | 'ready' | 'running' | 'blocked' | 'done';

/** The moves of the classic diagram; any other is a bug. */
export const CLASSIC_MOVES: readonly string[] = ['new>ready', 'ready>running', 'running>ready', 'running>blocked', 'blocked>ready', 'running>done', 'blocked>done', 'ready>done'];

export interface SchedJob {
	name: string;
	/** When it first asked for the CPU. */
	arrival: number;
	/** CPU time asked for so far, all bursts together. */
	burst: number;
	/** CPU time received so far (closed stretches). */
	served: number;
	/** Bursts asked for, and bursts over. */
	asked: number;
	completed: number;
	start?: number;
	/** When its last completed burst ended. */
	finish?: number;
	/** Time spent ready for a core (closed stretches). */
	waiting: number;
	/** `ready`: waiting for a core; `running`: on one; `off`: neither (I/O, other steps); `done`: the task ended. */
	status: JobStatus;
	/** Since when it is ready, or on its core. */
	since?: number;
	core?: number;
	/** The core it last ran on: between bursts (zero-time steps at the same instant) it is still running there. */
	lastCore?: number;
	/** Units left of its current burst, as of the last event. */
	left?: number;
	/** Slices that ran out and preemptions it suffered. */
	slices: number;
	preempted: number;
	/** Where it is in the classic diagram. */
	os: OsState;
}

export interface SchedState {
	/** The CPU policy, with its parameters: `rr q=2`. */
	sched: string;
	cores: number;
	/** The ready queue(s) after the last decisions of an instant (`cpu` events). */
	queues: {quantum?: number; tasks: string[]}[];
	/** Closed stretches per core, merged when a job simply went on. */
	gantt: Segment[][];
	/** The job on each core now. */
	running: (string | undefined)[];
	jobs: Record<string, SchedJob>;
	/** Job names in the order they first asked for the CPU. */
	order: string[];
	/** How many times each move of the diagram happened (`ready>running`: 5). */
	moves: Record<string, number>;
	/** The latest move. */
	lastMove?: {task: string; from: OsState; to: OsState; time: number};
}

/** Folds one event into `s.sched` (created by the run event). */
export function foldScheduling(s: ViewState, e: TraceEvent): void {
	if (e.kind === 'run') {
		s.sched = {sched: e.sched ?? 'fcfs', cores: e.cores, queues: [], gantt: Array.from({length: e.cores}, () => []), running: Array.from({length: e.cores}, () => undefined), jobs: {}, order: [], moves: {}};
		return;
	}
	const c = s.sched;
	if (!c) return;
	if (e.kind === 'cpu') {
		c.sched = e.sched;
		c.queues = e.queues;
		return;
	}
	if (e.kind === 'gate' && e.state === 'blocked') {
		// A job that blocks at a gate (sleep for I/O, a lock, a queue…) leaves the CPU's hands.
		const job = c.jobs[e.task];
		if (job && job.os !== 'blocked') move(c, job, 'blocked', e.time);
		return;
	}
	if (e.kind !== 'state') return;
	const cpu = e.on === 'cpu' && (e.state === 'ready' || e.core !== undefined);
	let job = c.jobs[e.task];
	if (!job) {
		if (!cpu) return;
		job = c.jobs[e.task] = {name: e.task, arrival: e.time, burst: 0, served: 0, asked: 0, completed: 0, waiting: 0, status: 'off', slices: 0, preempted: 0, os: 'new'};
		c.order.push(e.task);
	}
	const t = e.time;
	// Close what was open.
	if (job.status === 'running' && job.since !== undefined && job.core !== undefined) {
		addSegment(c.gantt[job.core]!, [job.since, t, job.name]);
		job.served = roundTime(job.served + t - job.since);
		if (c.running[job.core] === job.name) c.running[job.core] = undefined;
		if (!cpu && e.state !== 'done') {
			job.completed++;
			job.finish = t;
			job.left = 0;
		}
	} else if (job.status === 'ready' && job.since !== undefined) {
		job.waiting = roundTime(job.waiting + t - job.since);
	}
	job.since = undefined;
	job.core = undefined;
	// Open what starts.
	if (e.state === 'done') {
		job.status = 'done';
	} else if (cpu && e.core !== undefined) {
		job.status = 'running';
		job.since = t;
		job.core = e.core;
		job.lastCore = e.core;
		job.start ??= t;
		job.left = e.left;
		c.running[e.core] = job.name;
	} else if (cpu) {
		job.status = 'ready';
		job.since = t;
		job.left = e.left;
		if (e.why === 'request') {
			job.asked++;
			job.burst = roundTime(job.burst + (e.left ?? 0));
		} else if (e.why === 'slice') job.slices++;
		else if (e.why === 'preempted') job.preempted++;
	} else {
		job.status = 'off';
	}
	// Woken from I/O (or a lock…) it is ready at once, as the task list says, not only when it next asks for the CPU.
	const os: OsState =
		e.state === 'done' ? 'done' : job.status === 'ready' ? 'ready' : job.status === 'running' ? 'running' : e.state === 'blocked' ? 'blocked' : e.state === 'ready' && job.os === 'blocked' ? 'ready' : job.os;
	if (os !== job.os) move(c, job, os, t);
}

function move(c: SchedState, job: SchedJob, to: OsState, time: number): void {
	const key = `${job.os}>${to}`;
	c.moves[key] = (c.moves[key] ?? 0) + 1;
	c.lastMove = {task: job.name, from: job.os, to, time};
	job.os = to;
}

// ---- what the panel draws ----------------------------------------------

export interface JobRow {
	job: string;
	status: JobStatus;
	/** Where it is in the classic diagram. */
	os: OsState;
	arrival: number;
	burst: number;
	/** CPU time received, up to now. */
	served: number;
	left?: number;
	start?: number;
	/** Set once the job is over (its task ended). */
	finish?: number;
	/** Up to now while it waits. */
	waiting: number;
	turnaround?: number;
	response?: number;
}

export interface QueueRow {
	/** `Q0`, `Q1`… for several queues; `ready` for one. */
	label: string;
	quantum?: number;
	tasks: string[];
}

export interface SchedulingView {
	sched: string;
	cores: number;
	time: number;
	queues: QueueRow[];
	/** Ready for a core but not in a queue yet: they asked (or their slice ran out) at this instant. */
	entering: string[];
	/** Per core: the job on it and what it has left (`between`: its burst is over and it takes its zero-time steps there), or nothing. */
	running: ({job: string; left?: number; since: number; between?: true} | undefined)[];
	/** Per core, up to now (the running stretch included). */
	gantt: Segment[][];
	jobs: JobRow[];
	/** Over the jobs that are over; none before the first is. */
	average?: Averages;
	/** The classic diagram: the jobs in each state, how often each move happened, and the latest. */
	states: Record<OsState, string[]>;
	moves: Record<string, number>;
	lastMove?: {task: string; from: OsState; to: OsState; time: number};
}

/** The scheduling panel's props at the view's time; undefined when no task has asked for the CPU. */
export function schedulingView(s: ViewState): SchedulingView | undefined {
	const c = s.sched;
	if (!c || c.order.length === 0) return undefined;
	const now = s.time;
	const gantt = c.gantt.map(chart => chart.map(seg => [...seg] as Segment));
	const running: SchedulingView['running'] = c.running.map(() => undefined);
	for (const name of c.order) {
		const job = c.jobs[name]!;
		if (job.status === 'running' && job.core !== undefined && job.since !== undefined) {
			addSegment(gantt[job.core]!, [job.since, now, name]);
			running[job.core] = {job: name, left: job.left === undefined ? undefined : roundTime(job.left - (now - job.since)), since: job.since};
		}
	}
	// A job whose burst is over and that has neither blocked nor asked again still runs its zero-time steps on its core.
	for (const name of c.order) {
		const job = c.jobs[name]!;
		if (job.status === 'off' && job.os === 'running' && job.lastCore !== undefined && running[job.lastCore] === undefined) running[job.lastCore] = {job: name, left: 0, since: now, between: true};
	}
	const queued = new Set<string>();
	const queues: QueueRow[] = c.queues.map((q, i) => {
		const tasks = q.tasks.filter(t => c.jobs[t]?.status === 'ready');
		for (const t of tasks) queued.add(t);
		return {label: c.queues.length > 1 ? `Q${i}` : 'ready', ...(q.quantum !== undefined ? {quantum: q.quantum} : {}), tasks};
	});
	if (queues.length === 0) queues.push({label: 'ready', tasks: []});
	const entering = c.order.filter(t => c.jobs[t]!.status === 'ready' && !queued.has(t));
	const jobs = c.order.map(name => jobRow(c.jobs[name]!, now));
	const over = jobs.filter(j => j.finish !== undefined) as (JobRow & {turnaround: number; response: number})[];
	return {
		sched: c.sched,
		cores: c.cores,
		time: now,
		queues,
		entering,
		running,
		gantt,
		jobs,
		...(over.length > 0 ? {average: averages(over)} : {}),
		states: {
			new: [],
			ready: c.order.filter(t => c.jobs[t]!.os === 'ready'),
			running: c.order.filter(t => c.jobs[t]!.os === 'running'),
			blocked: c.order.filter(t => c.jobs[t]!.os === 'blocked'),
			done: c.order.filter(t => c.jobs[t]!.os === 'done'),
		},
		moves: {...c.moves},
		...(c.lastMove ? {lastMove: {...c.lastMove}} : {}),
	};
}

function jobRow(job: SchedJob, now: number): JobRow {
	const open = job.since !== undefined ? now - job.since : 0;
	const row: JobRow = {
		job: job.name,
		status: job.status,
		os: job.os,
		arrival: job.arrival,
		burst: job.burst,
		served: roundTime(job.served + (job.status === 'running' ? open : 0)),
		waiting: roundTime(job.waiting + (job.status === 'ready' ? open : 0)),
	};
	if (job.status === 'ready' || job.status === 'running') row.left = job.status === 'running' && job.left !== undefined ? roundTime(job.left - open) : job.left;
	if (job.start !== undefined) {
		row.start = job.start;
		row.response = roundTime(job.start - job.arrival);
	}
	if (job.status === 'done' && job.finish !== undefined) {
		row.finish = job.finish;
		row.turnaround = roundTime(job.finish - job.arrival);
	}
	return row;
}

/** A finished run's schedule, in the simulator's shape (jobs in the order they first asked). */
export function scheduleOf(s: ViewState): Schedule {
	const c = s.sched;
	const gantt = c ? c.gantt.map(chart => chart.map(seg => [...seg] as Segment)) : [];
	const jobs: JobMetrics[] = [];
	for (const name of c?.order ?? []) {
		const j = c!.jobs[name]!;
		const finish = j.finish ?? j.arrival;
		const turnaround = roundTime(finish - j.arrival);
		jobs.push({
			job: name,
			arrival: j.arrival,
			burst: j.burst,
			io: roundTime(turnaround - j.burst - j.waiting),
			start: j.start ?? j.arrival,
			finish,
			waiting: j.waiting,
			turnaround,
			response: roundTime((j.start ?? j.arrival) - j.arrival),
		});
	}
	const label = c?.sched ?? 'fcfs';
	return {policy: label.split(' ')[0]!, label, cores: c?.cores ?? 1, gantt, jobs, average: averages(jobs), makespan: Math.max(0, ...jobs.map(j => j.finish))};
}

/** Every job that ended got exactly the CPU time it asked for (for lessons' invariants). */
export function everyBurstServed(s: ViewState): boolean {
	const c = s.sched;
	if (!c) return true;
	return c.order.every(name => {
		const j = c.jobs[name]!;
		return j.status !== 'done' || Math.abs(j.served - j.burst) < 1e-6;
	});
}

/** Never more jobs on cores than cores, never one job on two, never two threads of one process at once. */
export function coresSane(s: ViewState): boolean {
	const c = s.sched;
	if (!c) return true;
	const on = c.running.filter((x): x is string => x !== undefined);
	if (new Set(on).size !== on.length) return false;
	const processes = on.map(name => s.tasks[name]?.process ?? name);
	return new Set(processes).size === processes.length;
}

/** Only the moves of the classic diagram happened (ready → running → blocked → ready, and the rest). */
export function onlyClassicMoves(s: ViewState): boolean {
	const c = s.sched;
	return !c || Object.keys(c.moves).every(m => CLASSIC_MOVES.includes(m));
}

// ---- Gantt charts as character cells ---------------------------------------

/** Columns per time unit for a chart of `end` time in at most `columns` columns: whole columns (at most 4) when it fits. */
export function ganttScale(end: number, columns: number): number {
	if (end <= 0) return 1;
	return end <= columns ? Math.max(1, Math.min(4, Math.floor(columns / end))) : columns / end;
}

/** A run of equal cells: a job's stretch (its cells start with `|` and its name) or idle time (`·`). */
export interface GanttRun {
	text: string;
	job?: string;
}

/**
 * One core's chart as runs of cells over [0, end]: each stretch starts with
 * `|` followed by as much of the job's name as fits; idle time is dots.
 * Stretches too short for a column at this scale take one column.
 */
export function ganttRuns(chart: readonly Segment[], end: number, perUnit: number): GanttRun[] {
	const col = (t: number) => Math.round(t * perUnit);
	const span = col(end);
	const cells: string[] = Array.from({length: span}, () => '·');
	const owner: (string | undefined)[] = Array.from({length: span}, () => undefined);
	for (const [a, b, job] of chart) {
		const from = Math.min(col(a), span - 1);
		const to = Math.min(Math.max(col(b), from + 1), span);
		for (let k = from; k < to; k++) {
			cells[k] = k === from ? '|' : (job[k - from - 1] ?? ' ');
			owner[k] = job;
		}
	}
	const runs: GanttRun[] = [];
	for (let k = 0; k < span; k++) {
		const last = runs.at(-1);
		// A new stretch starts at each bar, even of the same job.
		if (last && last.job === owner[k] && cells[k] !== '|') last.text += cells[k];
		else runs.push({text: cells[k]!, ...(owner[k] !== undefined ? {job: owner[k]} : {})});
	}
	return runs;
}

/** The time axis under a chart: each time in `marks` under its column, skipped where it would run into the previous one. */
export function ganttAxis(marks: Iterable<number>, perUnit: number): string {
	let axis = '';
	for (const t of [...new Set(marks)].sort((a, b) => a - b)) {
		const at = Math.round(t * perUnit);
		const text = String(Math.round(t * 100) / 100);
		if (axis.length > 0 && at < axis.length + 1) continue;
		axis = axis.padEnd(at) + text;
	}
	return axis;
}
