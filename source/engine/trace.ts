/**
 * The trace: one flat, ordered union of events, the only thing that leaves
 * the engine. The view state is a fold over it (source/view/reducer.ts), the
 * headless transcript is a rendering of it, and `--json` prints it as JSON
 * Lines. Field names are stable: tools outside the project read them.
 */

/**
 * A task's state, as every operating-systems course draws it.
 *
 * A zombie is not a sixth state but a flag on `done` (`zombie: <parent>` on
 * the state event, cleared by a `reap` event): a zombie process runs nothing and
 * waits on nothing, so for scheduling, joins and the end of the run it is
 * done, and every reader of `state` (the engine, the views, the tests, tools
 * outside the project that know the five states) stays right. What a zombie
 * still has is a slot in its parent's process table, which is what the flag
 * says until the parent collects its exit status.
 */
export type TaskState = 'new' | 'ready' | 'running' | 'blocked' | 'done';

/**
 * Where a zombie was reaped, as CPython does it: `join` (a join that saw the
 * child end), `is_alive` and `exitcode` (each polls with waitpid), `start`
 * (Process.start() first polls every child it started), `active_children`,
 * `exit` (the parent's own exit: active_children(), then a join of each),
 * `orphan` (its parent died without reaping it: init adopts and reaps it).
 * A child that ends while its parent already waits for it in its exit, or
 * after its parent has died, is never a zombie and gets no `reap` event.
 */
export type ReapVia = 'join' | 'is_alive' | 'exitcode' | 'start' | 'active_children' | 'exit' | 'orphan';

/** How a run ended. */
export type Outcome = 'completed' | 'deadlock' | 'limit';

interface Stamp {
	/** Increasing: the number of grants so far. */
	step: number;
	/** Virtual seconds. */
	time: number;
}

/** A blocked task at the end of a deadlocked run, and who holds what it waits on. */
export interface Wait {
	task: string;
	on: string;
	heldBy: string[];
}

/** A step of an explanation's story: who did what to which shared variable, with the value. */
export interface StoryAccess {
	step: number;
	task: string;
	op: 'read' | 'write';
	name: string;
	value: string;
}

/** A task of a deadlock's wait-for cycle: what it holds, what it waits for and who holds that. */
export interface WaitLink {
	task: string;
	holds: string[];
	waitsFor: string;
	heldBy: string;
}

/**
 * Why an invariant broke, found in the trace by the consumer side
 * (view/explain.ts), the same way for every lesson.
 */
export type Story =
	/** A task wrote back a value computed from a read that had gone stale: the writes made since its read are lost. */
	| {kind: 'lost-update'; name: string; chain: StoryAccess[]; lost: string[]; by: string}
	/** Several tasks read the same value and none has written it back: each acts on the same state. */
	| {kind: 'same-read'; name: string; chain: StoryAccess[]}
	/** Each task of the cycle holds what the next one waits for. */
	| {kind: 'deadlock'; cycle: WaitLink[]}
	/** One more entered than the limit lets in. */
	| {kind: 'capacity'; limit: number; inside: {task: string; since: number}[]; entered: string};

/** An event before the engine stamps it with the step and the time. */
export type EventBody =
		| {
				kind: 'run';
				scenario: string;
				variant: string;
				seed: number;
				policy: string;
				/** The CPU scheduling policy of `work()`, with its parameters: `fcfs`, `rr q=2`, `mlfq q=2,4,8`. */
				sched?: string;
				cores: number;
				mode: 'controlled' | 'free';
				options: Record<string, number>;
		  }
		| {kind: 'task'; task: string; pid: number; ppid: number; process: string; thread: boolean; daemon: boolean; target: string; state: 'new'}
		| {
				kind: 'state';
				task: string;
				state: TaskState;
				on?: string;
				until?: number;
				exitcode?: number;
				choice?: number;
				of?: number;
				/** Where the run takes time moves: running the clock to this instant (a sleep or a timeout ending) was a choice too, after the `of` tasks. */
				clock?: number;
				/** CPU work: the core it runs on (state `running`, on `cpu`). */
				core?: number;
				/** CPU work: units of its burst still to run. */
				left?: number;
				/** CPU work: why it joined the ready queue (state `ready`, on `cpu`): a new burst, its slice ran out, it was preempted. */
				why?: 'request' | 'slice' | 'preempted';
				/**
				 * State `done` of a child process whose parent is alive and has not
				 * collected its exit status: it is a zombie until a `reap` event. The
				 * parent's name (the one that has to reap it).
				 */
				zombie?: string;
		  }
		/** A time move: instead of granting one of the `of` ready tasks, the clock ran to the next timer (`until`), whose tasks wake. A step of the schedule. */
		| {kind: 'clock'; until: number; of: number}
		/** A zombie is reaped: its parent (`by`, the parent's row; `init` for an orphan) collected its exit status. `task` is the zombie's row. */
		| {kind: 'reap'; task: string; by: string; via: ReapVia; exitcode?: number}
		| {
				kind: 'gate';
				task: string;
				state: 'ready' | 'blocked';
				op: string;
				obj?: string;
				arg?: string;
				line?: number;
				on?: string;
				until?: number;
				/** Blocked again on what woke it: it was woken, tried again, and found it taken (another task got there first, or it changed back). */
				again?: true;
		  }
		| {kind: 'op'; task: string; op: string; obj?: string; [field: string]: unknown}
		| {kind: 'print'; task: string; text: string; stream?: 'stderr'}
		| {kind: 'prim'; task: string; obj: string; type: string; name?: string; [field: string]: unknown}
		| {
				kind: 'invariant';
				name: string;
				ok: boolean;
				expected: 'hold' | 'breakable';
				text: string;
				/** A breakable invariant whose break is what the variant demonstrates: what the break shows (English), so it is worded as shown, not as broken. */
				shown?: string;
		  }
		/** Why an invariant (`name`; `deadlock` for a deadlocked end) broke: the story, its first step (`from`) and the story in one line. */
		| {kind: 'explain'; name: string; from: number; story: Story; text: string}
		| {kind: 'busy'; task: string; ms: number; action: 'reported' | 'terminated'}
		/** The CPU ready queue(s) after the decisions of an instant, each in the order tasks would be picked (MLFQ: one per level, most urgent first). */
		| {kind: 'cpu'; sched: string; queues: {quantum?: number; tasks: string[]}[]}
		| {kind: 'end'; outcome: Outcome; steps: number; waits?: Wait[]; broken?: string[]; text?: string};

export type TraceEvent = Stamp & EventBody;

export type TraceKind = TraceEvent['kind'];
export type EventOf<K extends TraceKind> = Extract<TraceEvent, {kind: K}>;
