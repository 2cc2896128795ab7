/**
 * The runtime inside one process's worker: its tasks (the process's main
 * task and its threads), their gates, and the report sent back each step.
 *
 * Contract, controlled mode: at most one task of this worker is active (not
 * parked at a gate) at any moment. The main thread grants a task; it runs
 * until it parks at its next gate, blocks or ends; threads it started then
 * run, one after another, to their first gate; only then is the step's report
 * written. So the report is a deterministic function of the step, and
 * `current` (which task is calling) is always the one active task.
 *
 * Free mode: gates are open and tasks block for real on the primitives'
 * futex words; events are posted to the main thread in batches. Once a
 * second thread exists, `current` is tracked by an AsyncLocalStorage, which
 * costs every promise, so a process with one task never pays for it.
 */
import {AsyncLocalStorage} from 'node:async_hooks';
import {findSourceMap} from 'node:module';
import {fileURLToPath} from 'node:url';
import {parentPort} from 'node:worker_threads';
import {
	type Assignment,
	type BlockInfo,
	type OpInfo,
	type SpawnRequest,
	type WorkerEvent,
	GRANT_SEQ,
	GRANT_SPIN_US,
	GRANT_TASK,
	NOW_F64,
	REPORT_LEN,
	REPORT_OFFSET,
	REPORT_BYTES,
	REPORT_SEQ,
	PROC_WORDS,
	PROC_STATUS,
	PROC_ALIVE,
	RUN_WORDS,
} from './protocol.js';
import {Rng, taskSeed} from './rng.js';
import {waitChange} from '../primitives/futex.js';

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
	resume?: () => void;
	done: boolean;
	exitcode?: number;
	/** Resolves when the task ends (free-mode join of a thread). */
	readonly ended: Promise<void>;
	markEnded: () => void;
	/** Work for a pending start: the thread's target, run when nothing else is active. */
	body?: () => unknown;
}

type Body = () => unknown;

export class Runtime {
	readonly controlled: boolean;
	readonly pid: number;
	readonly ppid: number;
	readonly processName: string;
	readonly daemon: boolean;
	readonly assignment: Assignment;
	readonly tasks: Task[] = [];
	readonly procs: Int32Array;
	readonly runWords: Int32Array;
	private readonly ctl: Int32Array;
	private readonly ctlF64: Float64Array;
	private readonly reportBytes: Uint8Array;
	private readonly encoder = new TextEncoder();
	private out: WorkerEvent[] = [];
	private active: Task | undefined;
	private single: Task | undefined;
	private als: AsyncLocalStorage<Task> | undefined;
	private readonly pendingStarts: Task[] = [];
	private draining = false;
	private flushScheduled = false;
	private threadCounter = 0;
	private childCounter = 0;
	private spawnRef = 0;
	private readonly scenarioFile: string;
	private readonly lineCache = new Map<number, number>();
	private readonly keepAlive: ReturnType<typeof setInterval>;
	/** Tasks started and not finished. */
	private unfinished = 0;
	/** Controlled mode: reports written so far, and who waits for the next one. */
	private reports = 0;
	private reported: (() => void) | undefined;

	constructor(a: Assignment) {
		this.assignment = a;
		this.controlled = a.controlled;
		this.pid = a.pid;
		this.ppid = a.ppid;
		this.processName = a.name;
		this.daemon = a.daemon;
		this.ctl = new Int32Array(a.control, 0, 16);
		this.ctlF64 = new Float64Array(a.control, 0, 8);
		this.reportBytes = new Uint8Array(a.control, REPORT_OFFSET, REPORT_BYTES);
		this.procs = new Int32Array(a.procs);
		this.runWords = new Int32Array(a.run, 0, RUN_WORDS);
		this.scenarioFile = a.module.startsWith('file:') ? fileURLToPath(a.module) : a.module;
		// A pending Atomics.waitAsync does not keep a worker alive: hold a handle.
		this.keepAlive = setInterval(() => {}, 1 << 30);
	}

	/** The task whose code is running now. */
	get current(): Task {
		const t = this.als ? this.als.getStore() ?? this.single : this.controlled ? this.active ?? this.single : this.single;
		if (!t) throw new Error('no task is running');
		return t;
	}

	/**
	 * Free mode, one task left in this process: nothing else needs the
	 * worker's event loop, so a wait may block the worker (a direct futex
	 * wake-up instead of a hop through the event loop).
	 */
	get alone(): boolean {
		return !this.controlled && this.unfinished === 1;
	}

	/** Virtual time, in seconds. */
	now(): number {
		if (this.controlled) return this.ctlF64[NOW_F64]!;
		// Free mode: the engine wrote the run's start (absolute ms) where the clock would be.
		return (performance.timeOrigin + performance.now() - this.ctlF64[NOW_F64]!) / this.assignment.msPerSecond;
	}

	/** Starts the process's main task. */
	startMain(body: Body): void {
		const task = this.makeTask(this.processName, this.processName, false, this.daemon, this.assignment.target);
		this.single = task;
		this.launch(task, body);
		if (this.controlled) this.dispatch();
	}

	/** The scenario module's exports: a process's target is looked up here by name. */
	exports: Record<string, unknown> = {};

	/** The name a new thread gets when none is given, as CPython numbers them. */
	nextThreadName(): string {
		return `Thread-${++this.threadCounter}`;
	}

	/** Starts a thread of this process (the caller has passed its gate). */
	startThread(body: Body, pyName: string, daemon: boolean, target: string): Task {
		const traceName = this.processName === 'MainProcess' ? pyName : `${this.processName}/${pyName}`;
		const task = this.makeTask(pyName, traceName, true, daemon, target);
		if (this.controlled) {
			task.body = body;
			this.pendingStarts.push(task);
		} else {
			if (!this.als) {
				this.als = new AsyncLocalStorage<Task>();
				// The caller keeps its identity across its own later awaits.
				this.als.enterWith(this.current);
			}
			this.als.run(task, () => this.launch(task, body));
		}
		return task;
	}

	/** The name the next child process gets when none is given (`Process-1`, `Process-1:1`). */
	nextChildName(): string {
		this.childCounter++;
		return `${this.assignment.childPrefix}${this.childCounter}`;
	}

	/** Asks the engine to start a process; its buffers travel in the message. */
	spawn(request: Omit<SpawnRequest, 'type' | 'ref'>): void {
		const ref = ++this.spawnRef;
		// is_alive() is true as soon as start() returns, as in CPython.
		Atomics.store(this.procs, this.procWord(request.pid) + PROC_STATUS, PROC_ALIVE);
		parentPort!.postMessage({type: 'spawn', ref, ...request} satisfies SpawnRequest);
		this.emit({k: 'spawn', t: this.current.t, ref});
	}

	/**
	 * Whether operations are recorded (false in free mode with `record: off`,
	 * where only prints, task starts and ends are): a hot path can skip
	 * building an event that {@link emit} would drop.
	 */
	get recording(): boolean {
		return this.controlled || this.assignment.record;
	}

	/** Records an event for the trace. */
	emit(event: WorkerEvent): void {
		// Unrecorded free mode still tells the engine which tasks exist (it ends the run when they are all done).
		if (!this.controlled && !this.assignment.record && event.k !== 'print' && event.k !== 'end' && event.k !== 'task' && event.k !== 'spawn' && event.k !== 'terminate' && event.k !== 'reap' && event.k !== 'onexit') return;
		if (!this.controlled) (event as {at?: number}).at = performance.timeOrigin + performance.now();
		this.out.push(event);
		if (!this.controlled && !this.flushScheduled) {
			this.flushScheduled = true;
			setImmediate(() => this.flushFree());
		}
	}

	/**
	 * An observable operation that never waits: the task passes its gate,
	 * then the operation happens (the caller does it after this resolves).
	 */
	step(op: OpInfo): Task | Promise<Task> {
		const task = this.current;
		// Free mode: the gate is open, so no promise (and no microtask hops) for it.
		if (!this.controlled) return task;
		return this.gated(task, op);
	}

	private async gated(task: Task, op: OpInfo): Promise<Task> {
		await this.gate(task, op);
		return task;
	}

	/**
	 * An observable operation that may wait. `attempt` is tried once per
	 * grant (controlled) or whenever `word[index]` changes (free); it returns
	 * BLOCKED to wait. `timeout` is in virtual seconds.
	 */
	async block<T>(
		op: OpInfo,
		attempt: () => T | typeof BLOCKED,
		wait: {
			key: string;
			on: string;
			timeout?: number;
			word?: Int32Array;
			index?: number;
			/** Free mode: look again at least this often (ms), for a change no one notifies (a process that died). */
			pollMs?: number;
			free?: (timeoutMs: number, park: () => void) => Promise<T | typeof TIMED_OUT>;
		},
	): Promise<T | typeof TIMED_OUT> {
		const task = this.current;
		if (this.controlled) {
			await this.gate(task, op);
			let deadline: number | undefined;
			if (wait.timeout !== undefined) deadline = this.now() + Math.max(0, wait.timeout);
			for (;;) {
				const r = attempt();
				if (r !== BLOCKED) return r;
				if (deadline !== undefined && this.now() >= deadline) return TIMED_OUT;
				await this.gate(task, op, {key: wait.key, on: wait.on, until: deadline});
			}
		}
		const timeoutMs = wait.timeout === undefined ? Infinity : Math.max(0, wait.timeout) * this.assignment.msPerSecond;
		if (wait.free) {
			// Told only when it really parks, so a waiter that gets in by spinning costs no event.
			const r = await wait.free(timeoutMs, () => {
				this.emit({k: 'gate', t: task.t, op, line: this.parkLine(), blocked: {key: wait.key, on: wait.on}});
				// A wait that blocks the worker would hold this back until it ends: the engine must see it now.
				if (this.alone) this.flushFree();
			});
			this.restore(task);
			return r;
		}
		const deadline = performance.now() + timeoutMs;
		let announced = false;
		for (;;) {
			const seen = Atomics.load(wait.word!, wait.index!);
			const r = attempt();
			if (r !== BLOCKED) {
				this.restore(task);
				return r;
			}
			const left = deadline - performance.now();
			if (left <= 0) {
				this.restore(task);
				return TIMED_OUT;
			}
			if (!announced) {
				announced = true;
				this.emit({k: 'gate', t: task.t, op, line: this.parkLine(), blocked: {key: wait.key, on: wait.on}});
			}
			await waitChange(wait.word!, wait.index!, seen, wait.pollMs === undefined ? left : Math.min(left, wait.pollMs));
		}
	}

	/** Virtual sleep (controlled) or a real, scaled one (free). */
	async sleep(seconds: number): Promise<void> {
		const task = this.current;
		const op = {op: 'sleep', arg: String(seconds)};
		if (!this.controlled) {
			this.emit({k: 'gate', t: task.t, op, line: this.parkLine(), blocked: {key: 'timer', on: `sleep ${seconds}s`}});
			await new Promise(resolve => setTimeout(resolve, seconds * this.assignment.msPerSecond));
			this.restore(task);
			return;
		}
		await this.gate(task, op);
		const until = this.now() + Math.max(0, seconds);
		while (this.now() < until) await this.gate(task, op, {key: 'timer', on: 'sleep', until});
	}

	/** CPU work: holds a core for `units` of virtual time. */
	async work(units: number): Promise<void> {
		const task = this.current;
		const op = {op: 'work', arg: String(units)};
		if (!this.controlled) {
			const end = performance.now() + units * this.assignment.msPerSecond;
			while (performance.now() < end) {
				// Real CPU work in free mode: the OS schedules it.
			}
			return;
		}
		await this.gate(task, op);
		await this.gate(task, op, {key: 'cpu', on: 'cpu', work: units});
	}

	/** A process's slot in the run's tables (the process table, a pipe end's holders). */
	slotOf(pid: number): number {
		return pid - this.assignment.pidBase;
	}

	/** A process status word of the shared process table. */
	procWord(pid: number): number {
		return this.slotOf(pid) * PROC_WORDS;
	}

	/**
	 * Free mode: the line a task parks at (a wait or a sleep), so the Code
	 * pane can show where blocked tasks are. Asked only when it really parks,
	 * still inside the lesson's own call: the hot path of a wait that gets in
	 * at once pays nothing for it.
	 */
	private parkLine(): number | undefined {
		return this.assignment.lines ? this.lineOf() : undefined;
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
				const map = findSourceMap(this.scenarioFile);
				const entry = map?.findEntry(jsLine - 1, (frame.getColumnNumber() ?? 1) - 1) as {originalLine?: number} | undefined;
				line = entry && entry.originalLine !== undefined ? entry.originalLine + 1 : jsLine;
				this.lineCache.set(jsLine, line);
			}
			return line;
		}
		return undefined;
	}

	private makeTask(pyName: string, name: string, thread: boolean, daemon: boolean, target: string): Task {
		const t = this.tasks.length;
		let markEnded!: () => void;
		const ended = new Promise<void>(resolve => (markEnded = resolve));
		const task: Task = {
			t,
			gid: (this.slotOf(this.pid) + 1) * 4096 + t,
			pyName,
			name,
			thread,
			daemon,
			rng: new Rng(taskSeed(this.assignment.seed, name)),
			done: false,
			ended,
			markEnded,
		};
		this.tasks.push(task);
		this.unfinished++;
		this.emit({k: 'task', t, name, thread, daemon, target});
		return task;
	}

	private launch(task: Task, body: Body): void {
		if (this.controlled) this.active = task;
		let result: unknown;
		try {
			result = body();
		} catch (error) {
			result = Promise.reject(error);
		}
		Promise.resolve(result).then(
			() => this.finish(task, 0),
			error => {
				this.emit({k: 'print', t: task.t, text: formatTraceback(task, error, this.scenarioFile), stream: 'stderr'});
				this.finish(task, 1);
			},
		);
	}

	private finish(task: Task, exitcode: number): void {
		task.done = true;
		this.unfinished--;
		task.exitcode = exitcode;
		task.markEnded();
		this.emit({k: 'end', t: task.t, exitcode});
		if (this.controlled) {
			if (this.active === task) this.active = undefined;
			this.drain();
		}
	}

	private restore(task: Task): void {
		if (this.als) this.als.enterWith(task);
	}

	private gate(task: Task, op: OpInfo, blocked?: BlockInfo): Promise<void> {
		this.out.push({k: 'gate', t: task.t, op, line: this.assignment.lines ? this.lineOf() : undefined, blocked});
		const parked = new Promise<void>(resolve => (task.resume = resolve));
		if (this.active === task) this.active = undefined;
		this.drain();
		return parked;
	}

	/** Runs pending thread starts one at a time; reports when nothing is active. */
	private drain(): void {
		if (this.draining) return;
		this.draining = true;
		while (!this.active && this.pendingStarts.length > 0) {
			const task = this.pendingStarts.shift()!;
			const body = task.body!;
			task.body = undefined;
			this.launch(task, body);
		}
		this.draining = false;
		if (!this.active) this.flushControlled();
	}

	private flushControlled(): void {
		const json = JSON.stringify(this.out);
		this.out = [];
		let {read, written} = this.encoder.encodeInto(json, this.reportBytes);
		if (read! < json.length) {
			const fatal = JSON.stringify([{k: 'fatal', message: `a step's report exceeded ${REPORT_BYTES} bytes`}]);
			({written} = this.encoder.encodeInto(fatal, this.reportBytes));
		}
		Atomics.store(this.ctl, REPORT_LEN, written!);
		Atomics.add(this.ctl, REPORT_SEQ, 1);
		Atomics.notify(this.ctl, REPORT_SEQ);
		this.reports++;
		const reported = this.reported;
		this.reported = undefined;
		reported?.();
	}

	/** Reports a failure that happened before any task could run (a module that does not load). */
	fail(message: string): void {
		this.out.push({k: 'fatal', message});
		if (this.controlled) this.flushControlled();
		else this.flushFree();
	}

	private flushFree(): void {
		this.flushScheduled = false;
		if (this.out.length === 0) return;
		const events = this.out;
		this.out = [];
		parentPort!.postMessage({type: 'events', events});
	}

	/** Free mode: sends what is buffered now (before the worker is ended). */
	flushNow(): void {
		if (!this.controlled) this.flushFree();
	}

	/**
	 * Waits for grants and resumes the granted task.
	 *
	 * Between a report and the next grant no task of this process is active,
	 * so nothing here needs the event loop: the worker spins briefly, then
	 * blocks in Atomics.wait, which the engine's notify wakes directly (a
	 * waitAsync wake-up goes through the event loop: measured about twice as
	 * slow a hop, and slower still on a loaded machine). worker.terminate()
	 * interrupts the wait.
	 */
	private async dispatch(): Promise<void> {
		// The main task's first report may still be on its way (its first gate can be a few awaits in).
		if (this.reports === 0) await new Promise<void>(resolve => (this.reported = resolve));
		// Grants are counted from 0: the first may land before this loop starts.
		let seen = 0;
		for (;;) {
			// The engine says how long to spin (see GRANT_SPIN_US); 0 before the first grant.
			const until = performance.now() + Atomics.load(this.ctl, GRANT_SPIN_US) / 1000;
			let spins = 0;
			while (Atomics.load(this.ctl, GRANT_SEQ) === seen && ((++spins & 63) !== 0 || performance.now() < until));
			// A loop, not an if: a wake-up can be stale (the notify of a grant this
			// worker already saw while spinning), and a stale wake-up must not
			// resume the task parked at its next gate.
			while (Atomics.load(this.ctl, GRANT_SEQ) === seen) Atomics.wait(this.ctl, GRANT_SEQ, seen);
			seen = Atomics.load(this.ctl, GRANT_SEQ);
			const task = this.tasks[Atomics.load(this.ctl, GRANT_TASK)];
			if (!task?.resume) {
				this.out.push({k: 'fatal', message: `granted task ${Atomics.load(this.ctl, GRANT_TASK)} is not parked`});
				this.flushControlled();
				continue;
			}
			const resume = task.resume;
			task.resume = undefined;
			this.active = task;
			const before = this.reports;
			resume();
			// The granted task runs (in microtasks) to its next gate and the step is
			// reported; only then can a new grant come, so wait for it from there.
			if (this.reports === before) await new Promise<void>(resolve => (this.reported = resolve));
		}
	}

	/** Lets the worker exit once its work is over. */
	close(): void {
		clearInterval(this.keepAlive);
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
		const file = m[2]!.replace(/^file:\/\//, '');
		const base = file.replace(/^.*\//, '');
		if (base.replace(/\.[cm]?[jt]s$/, '') !== stem) continue;
		let lineNo = Number(m[3]);
		let source = base;
		if (/\.[cm]?js$/.test(base)) {
			// Source maps were not applied to this stack: map the line ourselves.
			const entry = findSourceMap(file)?.findEntry(lineNo - 1, Number(m[4]) - 1) as {originalLine?: number; originalSource?: string} | undefined;
			if (entry?.originalLine !== undefined) lineNo = entry.originalLine + 1;
			if (entry?.originalSource) source = entry.originalSource.replace(/^.*\//, '');
		}
		const fn = (m[1] ?? '<module>').replace(/^Object\./, '');
		frames.unshift(`  File "${source}", line ${lineNo}, in ${fn}`);
	}
	const type = (e as {pyType?: string}).pyType ?? (e.name === 'Error' ? 'Exception' : e.name);
	return [...head, 'Traceback (most recent call last):', ...frames, e.message ? `${type}: ${e.message}` : type].join('\n');
}
