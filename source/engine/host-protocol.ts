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

/** A run as the host executes it: the request with every default filled in, as data. */
export interface RunSpec {
	module: string;
	scenario: string;
	variant: string;
	seed: number;
	policy: string;
	/** The step policy's quantum (`rr`). */
	quantum: number;
	/** Choices to follow first (task names), then the policy. */
	replay: readonly string[];
	sched: string;
	schedQuantum: number;
	cores: number;
	free: boolean;
	options: Record<string, number>;
	lines: boolean;
	record: boolean;
	maxSteps: number;
	busyMs: number;
	busyKillMs: number;
	killAt?: number;
	turnMs: number;
	msPerSecond: number;
	idleMs: number;
	workdir: string;
	files: Record<string, string>;
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
