/**
 * What the main thread and an engine host (the worker thread a run executes
 * in) say to each other. Everything here is plain data: it crosses threads
 * by structured clone.
 *
 * Main → host: `run` (a run to execute), `picked` (a manual choice), `stop`.
 * Host → main: `events` (the trace, in batches, in order), `pick` (the
 * manual policy asks), `done` (the engine's result) or `failed`.
 *
 * The watchdog words (`beats`) are written by the host and read by the main
 * thread, which cannot otherwise tell a busy loop (lesson code that never
 * reaches a gate, holding the host's thread) from a long step.
 */
import type {Outcome} from './trace.js';

/** Entries into lesson code so far (a grant, a process's start): the number a rerun's killAt names. */
export const BEAT_ENTRIES = 0;
/** 1 while lesson code has control, 0 while the engine decides or waits (for a pick, for the event loop). */
export const BEAT_IN_LESSON = 1;
/** The pid of the process whose code has control. */
export const BEAT_PID = 2;
export const BEAT_WORDS = 4;

/** What a run is, as plain data: the engine's config and the host's spec share these. */
export interface RunSettings {
	/** URL of the lesson's compiled module. */
	module: string;
	/** The lesson's name, for the run event. */
	scenario: string;
	variant: string;
	seed: number;
	cores: number;
	free: boolean;
	options: Record<string, number>;
	/** Record each gate's source line. */
	lines: boolean;
	/** Free mode: record every operation (not only prints and ends). */
	record: boolean;
	/** Stop after this many steps, or instants of the clock (outcome `limit`). */
	maxSteps: number;
	/** How long a busy loop ran before it was reported, and before its process was ended (for the trace of a rerun with killAt). */
	busyMs: number;
	busyKillMs: number;
	/** A rerun after a busy loop: the process about to be given control for the killAt-th time is ended instead. */
	killAt?: number;
	/** Controlled: the longest the loop runs steps before it lets the event loop turn (ms). */
	turnMs: number;
	/** Free mode: real milliseconds per virtual second. */
	msPerSecond: number;
	/** Free mode: a run with no event for this long, every task blocked, is a deadlock. */
	idleMs: number;
	/** The run's folder (shared files live there), made and removed by the caller. */
	workdir: string;
	/** The files the lesson starts with, announced in the trace (they are already in workdir). */
	files: Record<string, string>;
}

/** A run as the host executes it: its settings, with the policies named rather than built. */
export interface RunSpec extends RunSettings {
	policy: string;
	/** The step policy's quantum (`rr`). */
	quantum: number;
	/** Choices to follow first (task names), then the policy. */
	replay: readonly string[];
	sched: string;
	schedQuantum: number;
	/** How many processes the lesson expects (free mode: how many cores to have). */
	processes: number;
}

/** What a manual pick is shown of each ready task. */
export interface PickCandidate {
	name: string;
	readySince: number;
}

export type ToHost =
	| {type: 'run'; id: number; spec: RunSpec; beats: SharedArrayBuffer}
	| {type: 'picked'; id: number; index: number}
	| {type: 'stop'; id: number};

export type FromHost =
	/** The trace as a JSON array: a batch of small objects crosses threads several times faster as one string. */
	| {type: 'events'; id: number; json: string}
	| {type: 'pick'; id: number; ready: PickCandidate[]}
	| {type: 'done'; id: number; outcome: Outcome; steps: number; time: number}
	| {type: 'failed'; id: number; message: string};

/** Main → a core (a free-mode worker thread). */
export type ToCore =
	| {type: 'assign'; assignment: import('./protocol.js').Assignment}
	| {type: 'kill'; pid: number}
	| {type: 'reset'};

/** A core → its host: the events of one of its processes. */
export interface FromCore {
	type: 'events';
	pid: number;
	events: import('./protocol.js').StampedEvent[];
}
