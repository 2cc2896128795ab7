/**
 * What the engine keeps of a run's processes and tasks (engine.ts
 * coordinates them, reports.ts and free-loop.ts update them): plain records,
 * shared by reference between those modules.
 */
import type {BlockInfo} from './protocol.js';
import type {ControlledRuntime} from './runtime-controlled.js';
import type {TaskState} from './trace.js';

export interface TaskRec {
	name: string;
	proc: ProcRec;
	t: number;
	thread: boolean;
	daemon: boolean;
	state: TaskState;
	blocked?: BlockInfo;
	readySince: number;
	/** Ready because a key woke it: it owes that key a retry. */
	wokenBy?: string;
	/** Granted after a wake-up by this key: blocking on it again means it was woken and lost the race. */
	retrying?: string;
	/** In the CPU's hands: waiting for a core (`ready`) or on one (`running`). */
	cpu?: 'ready' | 'running';
	/** What it was last said to be on in the trace (with state `blocked`), to say a change of an exit wait once. */
	shownOn?: string;
}

export interface ProcRec {
	slot: number;
	pid: number;
	name: string;
	daemon: boolean;
	parent?: ProcRec;
	/** Controlled: its runtime, in this thread. */
	runtime?: ControlledRuntime;
	/** Free: the core it runs on. */
	core?: number;
	tasks: TaskRec[];
	children: ProcRec[];
	done: boolean;
	/** Free: asked to end (with this exit code, and why); done when its core says so. */
	ending?: number;
	why?: string;
	mainEnded: boolean;
	mainExit: number;
	/** Its code and non-daemon threads are over: it is in CPython's exit, where it ends its daemons and joins (and so reaps) its other children. */
	exiting: boolean;
	/** Inside tryFinishProc: the children it ends must not start it again. */
	settling: boolean;
	/** Ended, and its parent, alive, has not collected its exit status yet. */
	zombie: boolean;
	exitcode?: number;
	/** Keys whose waiters wake when it ends (its copies of pipe ends close). */
	exitWakes: Set<string>;
	/** Worker-side names mapped to trace names (they differ only when a name was taken). */
	names: Map<string, string>;
	/** What its main task's exit wait said last (said once per change). */
	exitOn?: string;
}

export interface Timer {
	until: number;
	seq: number;
	task: TaskRec;
}

/** A time as the trace shows it: rounded to the microsecond. */
export function round(t: number): number {
	return Math.round(t * 1e6) / 1e6;
}
