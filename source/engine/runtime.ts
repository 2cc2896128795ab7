/**
 * The runtime of one process: its tasks (the process's main task and its
 * threads), their gates, and what it tells the engine. It is the `rt()` of
 * the lesson API (source/scenario/context.ts): every API call reaches it
 * through the task that makes the call.
 *
 * One interface, two halves:
 * - runtime-controlled.ts: the process runs in the engine's own thread; a
 *   gate parks the task until the step loop grants it, and a step's events
 *   are handed to the engine as an array.
 * - runtime-free.ts: gates are open; tasks block for real on the primitives'
 *   futex words, on a worker thread shared with other processes; events are
 *   stamped with a run-wide sequence number and posted in batches.
 *
 * Everything a process owns lives here or on its tasks, never in a module
 * variable of the API: several processes share a thread, and a thread is
 * reused from run to run.
 */
import {fileURLToPath} from 'node:url';
import type {Assignment, OpInfo, SpawnRequest, WorkerEvent} from './protocol.js';
import {PROC_ALIVE, PROC_STATUS, PROC_WORDS, RUN_GID_COUNTER, RUN_WORDS} from './protocol.js';
import {Rng, taskSeed} from './rng.js';
import {currentTask} from './current.js';
import {originalLine, originalPosition} from './module-instance.js';

/** Returned by an attempt that would have to wait. */
export const BLOCKED: unique symbol = Symbol('blocked');
/** Returned by a blocking call whose timeout passed. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

export interface Task {
	/** Index of the task inside its process. */
	readonly t: number;
	/** Unique in the run: used as a lock's owner id. */
	readonly gid: number;
	/** The name Python code sees (`MainThread`, `Thread-1`, `Process-2`). */
	readonly pyName: string;
	/** The name in the trace, unique in the run. */
	readonly name: string;
	readonly thread: boolean;
	readonly daemon: boolean;
	readonly rng: Rng;
	/** The process it belongs to. */
	readonly runtime: Runtime;
	/** Controlled: set while the task is parked at a gate; calling it lets the task go on. */
	resume?: () => void;
	/** What it is parked at (controlled), to name a call that was not awaited. */
	parkedAt?: {op: string; line?: number};
	done: boolean;
	exitcode?: number;
	/** Resolves when the task ends (free-mode join of a thread). */
	readonly ended: Promise<void>;
	markEnded: () => void;
	/** Work for a pending start: the thread's target, run when nothing else is active. */
	body?: () => unknown;
}

export type Body = () => unknown;

/** The wait a blocking call describes: its wake key for the step loop, and how free mode waits. */
export interface WaitSpec<T> {
	key: string;
	on: string;
	timeout?: number;
	word?: Int32Array;
	index?: number;
	/** Free mode: look again at least this often (ms), for a change no one notifies (a process that died). */
	pollMs?: number;
	free?: (timeoutMs: number, park: () => void) => Promise<T | typeof TIMED_OUT>;
}

/** sys.exit(n) / process.exit(n) inside a task: the task ends with exit code n. */
export class SystemExit extends Error {
	/** `said`: a message instead of a number (`sys.exit('bye')`), which CPython prints to stderr before it exits with 1. */
	constructor(
		readonly code: number,
		readonly said?: string,
	) {
		super(`exit ${code}`);
		this.name = 'SystemExit';
	}
}

export abstract class Runtime {
	abstract readonly controlled: boolean;
	readonly pid: number;
	readonly ppid: number;
	readonly processName: string;
	readonly daemon: boolean;
	readonly assignment: Assignment;
	readonly tasks: Task[] = [];
	readonly procs: Int32Array;
	readonly runWords: Int32Array;
	/** The scenario module's exports: a process's target is looked up here by name. */
	exports: Record<string, unknown> = {};
	/**
	 * The children this process has started and not yet seen end: CPython's
	 * `multiprocessing.process._children` (the API's Process objects).
	 */
	readonly children = new Set<object>();
	/** Ended (terminated, or its code is over): its tasks' further calls go nowhere. */
	dead = false;
	protected readonly scenarioFile: string;
	private threadCounter = 0;
	private childCounter = 0;
	private spawnRef = 0;
	private readonly lineCache = new Map<number, number>();
	/** Tasks started and not finished. */
	protected unfinished = 0;

	constructor(a: Assignment) {
		this.assignment = a;
		this.pid = a.pid;
		this.ppid = a.ppid;
		this.processName = a.name;
		this.daemon = a.daemon;
		this.procs = new Int32Array(a.procs);
		this.runWords = new Int32Array(a.run, 0, RUN_WORDS);
		this.scenarioFile = a.module.startsWith('file:') ? fileURLToPath(a.module) : a.module;
	}

	/** The task whose code is running now (a task of this process: the API found this runtime through it). */
	get current(): Task {
		return currentTask();
	}

	/** Free mode: the calling task is the only one left in its thread, so a wait may block the thread. */
	abstract get alone(): boolean;

	/** Virtual time, in seconds. */
	abstract now(): number;

	/** Records an event for the trace. */
	abstract emit(event: WorkerEvent): void;

	/** Whether operations are recorded: a hot path can skip building an event that {@link emit} would drop. */
	abstract get recording(): boolean;

	/** An observable operation that never waits: the task passes its gate, then the operation happens. */
	abstract step(op: OpInfo): Task | Promise<Task>;

	/**
	 * An observable operation that may wait. `attempt` is tried once per
	 * grant (controlled) or whenever `word[index]` changes (free); it returns
	 * BLOCKED to wait. `timeout` is in virtual seconds.
	 */
	abstract block<T>(op: OpInfo, attempt: () => T | typeof BLOCKED, wait: WaitSpec<T>): Promise<T | typeof TIMED_OUT>;

	abstract sleep(seconds: number): Promise<void>;

	/** CPU work: holds a core for `units` of virtual time. */
	abstract work(units: number): Promise<void>;

	/** Starts a thread of this process (the caller has passed its gate). */
	abstract startThread(body: Body, pyName: string, daemon: boolean, target: string): Task;

	/** Free mode: sends what is buffered now. */
	flushNow(): void {}

	/**
	 * Makes a change other processes can see (a release, a put, a set, a
	 * store): `act` does it, and the event the caller records next takes its
	 * place in the run's history from before the change, so nobody who saw the
	 * change can come before it in the trace. `made` says whether it happened
	 * (a put into a full queue did not). Controlled mode: a step is atomic, so
	 * `act` just runs.
	 */
	publish<T>(act: () => T, _made?: (result: T) => boolean): T {
		return act();
	}

	/** Starts the process's main task (controlled: resolves once it has reached its first gate). */
	abstract startMain(body: Body): void | Promise<void>;

	/** A failure before any task could run (the module did not load): the process ends with exit code 1 and this message. */
	abstract fail(message: string): void;

	/** The name a new thread gets when none is given, as CPython numbers them. */
	nextThreadName(): string {
		return `Thread-${++this.threadCounter}`;
	}

	/** The name the next child process gets when none is given (`Process-1`, `Process-1:1`). */
	nextChildName(): string {
		this.childCounter++;
		return `${this.assignment.childPrefix}${this.childCounter}`;
	}

	/** Asks the engine to start a process. */
	spawn(request: Omit<SpawnRequest, 'ref'>): void {
		const ref = ++this.spawnRef;
		// is_alive() is true as soon as start() returns, as in CPython.
		Atomics.store(this.procs, this.procWord(request.pid) + PROC_STATUS, PROC_ALIVE);
		// A copy, as pickling makes one: the child's objects are its own (primitives' buffers stay shared).
		this.emit({k: 'spawn', t: this.current.t, ref, request: structuredClone({...request, ref})});
	}

	/** A process's slot in the run's tables (the process table, a pipe end's holders). */
	slotOf(pid: number): number {
		return pid - this.assignment.pidBase;
	}

	/** A process status word of the shared process table. */
	procWord(pid: number): number {
		return this.slotOf(pid) * PROC_WORDS;
	}

	/** The source line (in the scenario file) the calling task is at. */
	lineOf(): number | undefined {
		const saved = Error.prepareStackTrace;
		const savedLimit = Error.stackTraceLimit;
		Error.stackTraceLimit = 12;
		Error.prepareStackTrace = (_e, frames) => frames;
		const holder: {stack?: NodeJS.CallSite[]} = {};
		Error.captureStackTrace(holder);
		const frames = holder.stack!;
		Error.prepareStackTrace = saved;
		Error.stackTraceLimit = savedLimit;
		for (const frame of frames) {
			const file = frame.getFileName();
			if (file !== this.assignment.module && file !== this.scenarioFile) continue;
			const jsLine = frame.getLineNumber() ?? 0;
			let line = this.lineCache.get(jsLine);
			if (line === undefined) {
				line = originalLine(this.assignment.module, jsLine, frame.getColumnNumber() ?? 1);
				this.lineCache.set(jsLine, line);
			}
			return line;
		}
		return undefined;
	}

	protected makeTask(pyName: string, name: string, thread: boolean, daemon: boolean, target: string): Task {
		const t = this.tasks.length;
		let markEnded!: () => void;
		const ended = new Promise<void>(resolve => (markEnded = resolve));
		const task: Task = {
			t,
			gid: Atomics.add(this.runWords, RUN_GID_COUNTER, 1) + 1,
			pyName,
			name,
			thread,
			daemon,
			rng: new Rng(taskSeed(this.assignment.seed, name)),
			runtime: this,
			done: false,
			ended,
			markEnded,
		};
		this.tasks.push(task);
		this.unfinished++;
		this.emit({k: 'task', t, name, thread, daemon, target});
		return task;
	}

	/** Runs a task's body; its end (or its exception, as a traceback) is reported. */
	protected run(task: Task, body: Body): void {
		let result: unknown;
		try {
			result = body();
		} catch (error) {
			result = Promise.reject(error);
		}
		Promise.resolve(result).then(
			() => this.finish(task, 0),
			error => {
				if (this.dead) return this.finish(task, 0);
				if (error instanceof SystemExit) {
					if (error.said !== undefined) this.emit({k: 'print', t: task.t, text: error.said, stream: 'stderr'});
					return this.finish(task, error.code);
				}
				this.emit({k: 'print', t: task.t, text: formatTraceback(task, error, this.scenarioFile), stream: 'stderr'});
				this.finish(task, 1);
			},
		);
	}

	protected finish(task: Task, exitcode: number): void {
		if (task.done) return;
		task.done = true;
		this.unfinished--;
		task.exitcode = exitcode;
		task.markEnded();
		this.emit({k: 'end', t: task.t, exitcode});
	}

	/**
	 * A promise of this task's code was rejected and nothing handled it
	 * (engine/rejections.ts): the process ends with exit code 1 and the
	 * traceback, as Node would end its whole thread.
	 */
	rejected(task: Task, reason: unknown): void {
		if (this.dead) return;
		this.emit({k: 'fatal', t: task.t, message: formatTraceback(task, reason, this.scenarioFile)});
		this.flushNow();
	}

	/** The process is ended from outside (terminate, its parent's exit, the end of the run): nothing of it runs on. */
	kill(): void {
		this.dead = true;
	}
}

/** A traceback in CPython's shape, pointing at the scenario's own lines. */
export function formatTraceback(task: Task, error: unknown, scenarioFile: string): string {
	// The main program's traceback has no heading; a child process's and a thread's do, as in CPython.
	const head = task.thread ? [`Exception in thread ${task.pyName}:`] : task.pyName === 'MainProcess' ? [] : [`Process ${task.pyName}:`];
	const e = error instanceof Error ? error : new Error(String(error));
	const stem = scenarioFile.replace(/^.*\//, '').replace(/\.[cm]?[jt]s$/, '');
	const frames: string[] = [];
	for (const line of (e.stack ?? '').split('\n').slice(1)) {
		const m = /at (?:async )?(?:(\S+) \()?(.*?):(\d+):(\d+)\)?$/.exec(line.trim());
		if (!m) continue;
		const file = m[2]!;
		const base = file.replace(/^.*\//, '');
		if (base.replace(/\.[cm]?[jt]s$/, '') !== stem) continue;
		let lineNo = Number(m[3]);
		let source = base;
		if (/\.[cm]?js$/.test(base)) {
			const url = file.startsWith('file:') ? file : `file://${file}`;
			const at = originalPosition(url, lineNo, Number(m[4]));
			lineNo = at.line;
			if (at.source) source = at.source.replace(/^.*\//, '');
		}
		const fn = (m[1] ?? '<module>').replace(/^Object\./, '');
		frames.unshift(`  File "${source}", line ${lineNo}, in ${fn}`);
	}
	const type = (e as {pyType?: string}).pyType ?? (e.name === 'Error' ? 'Exception' : e.name);
	return [...head, 'Traceback (most recent call last):', ...frames, e.message ? `${type}: ${e.message}` : type].join('\n');
}
