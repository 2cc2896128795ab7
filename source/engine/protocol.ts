/**
 * What the engine and the processes it hosts share: the layout of the
 * run-wide shared words (the process table, the counters), and the events a
 * process reports at the end of a step (controlled) or as they happen (free).
 *
 * Controlled mode: the processes run in the engine's own thread, so a report
 * is handed over as an array, never serialised. Free mode: the processes run
 * on other worker threads ("cores") and post their events in batches, each
 * stamped with a run-wide sequence number so the engine can put the streams
 * of several threads back into one possible history (see engine/free-merge.ts).
 */
import type {ReapVia} from './trace.js';

/** Process table: two words per process slot. */
export const PROC_STATUS = 0;
export const PROC_EXITCODE = 1;
export const PROC_WORDS = 2;
/**
 * Processes a run may start, finished ones included (each keeps its slot, as a
 * pid is never reused within a run). Two words each: 512 KiB of table.
 */
export const MAX_PROCESSES = 65536;
export const PROC_NOT_STARTED = 0;
export const PROC_ALIVE = 1;
export const PROC_DONE = 2;

/** Run-wide counters shared by every process: the next process slot, then one per kind of primitive. */
export const RUN_PID_COUNTER = 0;
export const RUN_PRIM_COUNTERS: Record<string, number> = {lock: 1, rlock: 2, sem: 3, event: 4, q: 5, value: 6, pipe: 7, cond: 8, barrier: 9, array: 10, manager: 11, pool: 12, var: 15};
/** The next task id: unique in the run whatever the process, so a lock's owner id never names two tasks. */
export const RUN_GID_COUNTER = 13;
/** Free mode: the next sequence number of a recorded event. */
export const RUN_SEQ = 14;
export const RUN_WORDS = 16;

/** What a task is about to do at its gate, or has just done. */
export interface OpInfo {
	/** The operation, named as in Python: `acquire`, `put`, `sleep`, `print`, `join`… */
	op: string;
	/** The object it acts on: `lock#1`, `q#2`, `Process-3`, `file:ticket.json`. */
	obj?: string;
	/** A short argument shown next to the operation: the item put, the seconds slept. */
	arg?: string;
}

/**
 * Wake keys: what a blocked task waits to be woken by, the same string on
 * both sides, the lesson API that blocks on it and the engine that wakes it.
 * A primitive's keys are its id (`lock#1`) or one side of it (`q#2.get`);
 * the engine itself wakes the joiners of a process or a thread when it ends,
 * and owns the clock and the CPU.
 */
export const WAKE = {
	/** A sleep or a timeout: the clock wakes it. */
	timer: 'timer',
	/** CPU work: the dispatcher gives it a core. */
	cpu: 'cpu',
	/** Joiners of a process, woken when it ends. */
	process: (pid: number) => `join:pid:${pid}`,
	/** Joiners of a thread (task `t` of process `pid`), woken when it ends. */
	thread: (pid: number, t: number) => `join:${pid}/${t}`,
	/** One side of a primitive: its getters, putters, joiners… (`q#2.get`). */
	side: (obj: string, side: string) => `${obj}.${side}`,
} as const;

/** Why a task that tried an operation could not go on. */
export interface BlockInfo {
	/** The wake key: the task becomes ready again when this key is signalled. */
	key: string;
	/** What it waits on, for people: `sem#1`, `q#2.get`, `join Process-2`, `sleep`. */
	on: string;
	/** Virtual time at which it is woken anyway (a sleep, or a timeout). */
	until?: number;
	/** CPU work: wait for a core, then hold it for this many time units. */
	work?: number;
}

/** Events a worker reports, in the order they happened inside the step. */
export type WorkerEvent =
	| {k: 'task'; t: number; name: string; thread: boolean; daemon: boolean; target: string}
	| {k: 'gate'; t: number; op: OpInfo; line?: number; blocked?: BlockInfo}
	| {k: 'op'; t: number; op: string; obj?: string; data?: Record<string, unknown>}
	| {k: 'print'; t: number; text: string; stream?: 'stderr'}
	| {k: 'prim'; t: number; obj: string; type: string; name?: string; data?: Record<string, unknown>}
	| {k: 'wake'; key: string; n: number}
	| {k: 'spawn'; t: number; ref: number; request: SpawnRequest}
	/** End another process: SIGTERM (exit code -15) unless `signal` says SIGKILL (9: exit code -9). */
	| {k: 'terminate'; t: number; pid: number; signal?: 9 | 15}
	/** The task's process collected a child's exit status (CPython's waitpid): the child, if a zombie, is reaped. */
	| {k: 'reap'; t: number; pid: number; via: ReapVia}
	/** When this process ends, wake the waiters of `key` (its copy of a pipe end closes: a reader of the other end may now see EOF). */
	| {k: 'onexit'; key: string}
	| {k: 'end'; t: number; exitcode: number}
	/** The process cannot go on (its module did not load, a call was not awaited): it ends with exit code 1 and this message. */
	| {k: 'fatal'; message: string; t?: number}
	/** Free mode: the core has ended the process the engine asked it to end; everything it recorded came before. */
	| {k: 'killed'}
	/** Free mode: a place in the history no event fills (a change that did not happen after all). */
	| {k: 'skip'};

/** Free mode: an event as a core posts it, with its place in the run's history and its real time. */
export type StampedEvent = WorkerEvent & {seq?: number; at?: number};

/** What a process asks of the engine when it starts a child (arguments already marshalled and copied). */
export interface SpawnRequest {
	ref: number;
	pid: number;
	name: string;
	daemon: boolean;
	target: string;
	/** Marshalled arguments: plain data, with primitives as handles holding their buffers. */
	args: unknown[];
}

/** What a process is given to run: everything its runtime needs, as plain data (it may cross threads). */
export interface Assignment {
	/** URL of the lesson's compiled module; each process evaluates its own instance of it. */
	module: string;
	target: string;
	args: unknown[];
	pid: number;
	ppid: number;
	name: string;
	daemon: boolean;
	seed: number;
	controlled: boolean;
	procs: SharedArrayBuffer;
	run: SharedArrayBuffer;
	pidBase: number;
	variant: string;
	options: Record<string, number>;
	workdir: string;
	/** Free mode: how many real milliseconds one virtual second lasts. */
	msPerSecond: number;
	/** Free mode: the run's start, in absolute milliseconds (performance.timeOrigin + now). */
	startAbs: number;
	/** The parent's name, for children's default names (`Process-1:1`). */
	childPrefix: string;
	/** Record each gate's source line (costs a stack capture per step). */
	lines: boolean;
	/** Free mode: record every operation, not only prints and ends. */
	record: boolean;
}
