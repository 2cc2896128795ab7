/**
 * What the screen shows, derived from the trace alone. Nothing here reads
 * shared memory or talks to a worker: a saved trace gives the same state.
 */
import type {EventOf, ReapVia, TaskState, TraceEvent} from '../engine/trace.js';
import type {SchedState} from './scheduling.js';
import {emptyShared, type SharedState} from './shared-state.js';

export interface TaskView {
	name: string;
	pid: number;
	ppid: number;
	/** The process the task belongs to. */
	process: string;
	thread: boolean;
	daemon: boolean;
	target: string;
	state: TaskState;
	/** What it is blocked on, for people: `sem#1`, `q#2.get (empty)`, `join Process-2`, `sleep`. */
	on?: string;
	/** When a sleeping or timed-out wait ends (virtual seconds). */
	until?: number;
	/** The operation it is at or doing: `acquire`, `put`… and on what. */
	op?: string;
	obj?: string;
	arg?: string;
	/** Source line of the scenario the task is at. */
	line?: number;
	/** How many times it has arrived at each source line's gate: a loop the Python writes out (`p1.start()`, `p2.start()`) is on its n-th line at the n-th arrival. */
	arrivals?: Record<number, number>;
	exitcode?: number;
	/**
	 * A child process that has ended and whose parent has not collected its
	 * exit status: the parent's name. It stays `done`; it is a zombie until
	 * reaped (see TaskState in engine/trace.ts).
	 */
	zombie?: string;
	/** Who collected its exit status once it ended (its parent, or `init` for an orphan), and how. */
	reapedBy?: string;
	reapedVia?: ReapVia;
	/** Steps it was granted. */
	steps: number;
}

export interface PrimView {
	obj: string;
	type: string;
	name?: string;
	/** Lock/RLock: who holds it (null when free), and how deep. */
	holder?: string | null;
	depth?: number;
	/** Semaphore: the counter now and at the start; who is inside. */
	value?: number;
	initial?: number;
	holders?: string[];
	/** Event. */
	flag?: boolean;
	/** Queue: items as shown, oldest first, and its capacity (0: none). */
	items?: string[];
	maxsize?: number;
	unfinished?: number;
	/** Value's type code. */
	typecode?: string;
	/** A file's current contents. */
	content?: string;
	/** What it is part of: a Value's (or Array's) own lock names its Value; a pipe's ring names its Pipe. */
	of?: string;
	/** A lock that is part of something: whether it has been acquired yet. */
	used?: boolean;
	/** Pipe: whether both ends send and receive; its two ends' ids; per end, the ring it receives from (null: that end only sends). */
	duplex?: boolean;
	ends?: string[];
	rings?: (string | null)[];
	/** Pipe: per end, the processes that have closed their copy of it. */
	closed?: string[][];
}

export interface OutputLine {
	task: string;
	text: string;
	stream?: 'stderr';
	step: number;
}

export interface InvariantView {
	ok: boolean;
	expected: 'hold' | 'breakable';
	text: string;
	/** The step at which it first broke. */
	brokeAt?: number;
	/** Breaking it is what the variant demonstrates: what the break shows (see Invariant.shown). */
	shown?: string;
}

export interface ViewState {
	run?: EventOf<'run'>;
	tasks: Record<string, TaskView>;
	/** Task names in the order they were created. */
	order: string[];
	prims: Record<string, PrimView>;
	primOrder: string[];
	output: OutputLine[];
	time: number;
	step: number;
	invariants: Record<string, InvariantView>;
	/** Why each broken invariant broke (`deadlock` for a deadlocked end), as the trace's explain events said. */
	explanations: Record<string, EventOf<'explain'>>;
	busy?: EventOf<'busy'>;
	end?: EventOf<'end'>;
	/** Shared variables, what each task last read of them, and every access (view/shared-state.ts). */
	shared: SharedState;
	/** The CPU: ready queues, cores, Gantt chart, jobs (view/scheduling.ts). */
	sched?: SchedState;
	/** How many events have been folded in. */
	events: number;
	/** The last event folded in. */
	last?: TraceEvent;
}

export function emptyState(): ViewState {
	return {tasks: {}, order: [], prims: {}, primOrder: [], output: [], time: 0, step: 0, invariants: {}, events: 0, shared: emptyShared(), explanations: {}};
}
