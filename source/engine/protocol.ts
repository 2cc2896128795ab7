/**
 * What the engine (main thread) and a process's worker share: the layout of
 * the control block, and the events a worker reports at the end of a step.
 *
 * Contract: the main thread writes GRANT_TASK and NOW, then bumps GRANT_SEQ;
 * the worker writes a report into its report area, then bumps REPORT_SEQ.
 * Exactly one side writes each word, so no lock is needed: the sequence
 * words order everything else (Atomics are sequentially consistent).
 */
import type {ReapVia} from './trace.js';

export const GRANT_SEQ = 0;
export const GRANT_TASK = 1;
export const REPORT_SEQ = 2;
export const REPORT_LEN = 3;
/** Float64 index (in a Float64Array over the same buffer) of the virtual clock. */
export const NOW_F64 = 2;
/**
 * How long (µs) the worker spins for its next grant before it parks. The
 * engine writes it with each grant: long when the worker's process is the only
 * live one (nothing else wants the second core, and a parked thread's wake-up
 * costs tens of µs, more on a loaded machine), short otherwise (a spinning
 * worker would take the core its granted neighbour needs).
 */
export const GRANT_SPIN_US = 6;
export const REPORT_OFFSET = 64;
export const REPORT_BYTES = 1 << 20;
export const CONTROL_BYTES = REPORT_OFFSET + REPORT_BYTES;

/** Process table: two words per process slot. */
export const PROC_STATUS = 0;
export const PROC_EXITCODE = 1;
export const PROC_WORDS = 2;
export const MAX_PROCESSES = 4096;
export const PROC_NOT_STARTED = 0;
export const PROC_ALIVE = 1;
export const PROC_DONE = 2;

/** Run-wide counters shared by every worker: the next process slot, then one per kind of primitive. */
export const RUN_PID_COUNTER = 0;
export const RUN_PRIM_COUNTERS: Record<string, number> = {lock: 1, rlock: 2, sem: 3, event: 4, q: 5, value: 6, pipe: 7};
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
	| {k: 'spawn'; t: number; ref: number}
	| {k: 'terminate'; t: number; pid: number}
	/** The task's process collected a child's exit status (CPython's waitpid): the child, if a zombie, is reaped. */
	| {k: 'reap'; t: number; pid: number; via: ReapVia}
	/** When this process ends, wake the waiters of `key` (its copy of a pipe end closes: a reader of the other end may now see EOF). */
	| {k: 'onexit'; key: string}
	| {k: 'end'; t: number; exitcode: number}
	| {k: 'fatal'; message: string};

/** A spawn request a worker posts (with the primitives' buffers) next to its report. */
export interface SpawnRequest {
	type: 'spawn';
	ref: number;
	pid: number;
	name: string;
	daemon: boolean;
	target: string;
	/** Marshalled arguments: plain data, with primitives as handles holding their buffers. */
	args: unknown[];
}

/** What a worker is told when it is given a process to run. */
export interface Assignment {
	type: 'assign';
	module: string;
	target: string;
	args: unknown[];
	pid: number;
	ppid: number;
	name: string;
	daemon: boolean;
	seed: number;
	controlled: boolean;
	control: SharedArrayBuffer;
	procs: SharedArrayBuffer;
	run: SharedArrayBuffer;
	pidBase: number;
	variant: string;
	options: Record<string, unknown>;
	workdir: string;
	/** Free mode: how many real milliseconds one virtual second lasts. */
	msPerSecond: number;
	/** The parent's name, for children's default names (`Process-1:1`). */
	childPrefix: string;
	/** Record each gate's source line (costs a stack capture per step). */
	lines: boolean;
	/** Free mode: record every operation, not only prints and ends. */
	record: boolean;
}
