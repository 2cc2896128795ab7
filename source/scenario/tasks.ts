/**
 * Process and Thread, as Python has them. A Process is an instance of the
 * lesson module of its own (its own module variables: nothing is shared but
 * primitives); a Thread is a task inside its process's instance (the same
 * variables, one running at a time).
 */
import {BLOCKED, TIMED_OUT, type Runtime, type Task} from '../engine/runtime.js';
import type {ReapVia} from '../engine/trace.js';
import {PROC_ALIVE, PROC_DONE, PROC_EXITCODE, PROC_STATUS, PROC_WORDS, RUN_PID_COUNTER, WAKE} from '../engine/protocol.js';
import {rt} from './context.js';
import {AssertionError, PyTypeError, RuntimeError, SystemExit} from './errors.js';
import {marshal} from './handles.js';
import {seconds} from './sync.js';

type Target = (...args: never[]) => unknown;

/**
 * The children this process has started and not yet seen end: CPython's
 * `multiprocessing.process._children`, kept by the process's runtime (several
 * processes share this module).
 */
function children(): Set<Process> {
	return rt().children as Set<Process>;
}

/**
 * This process has collected the exit status of a child that has ended
 * (CPython's waitpid, behind join, is_alive, exitcode, start and
 * active_children): the engine reaps the child if it is still a zombie.
 * Each child is reported once.
 */
function collected(child: Process, pid: number, via: ReapVia): void {
	if (!children().delete(child)) return;
	const r = rt();
	r.emit({k: 'reap', t: r.current.t, pid, via});
}

/** CPython's `_cleanup()`: polls every child started and not yet collected; the ended ones are reaped. */
function cleanup(via: ReapVia): void {
	for (const child of [...children()]) if (child.pid !== null && ended(child)) collected(child, child.pid, via);
}

/** Whether the process table says a started process has ended (a plain read: reaps nothing). */
function ended(p: Process): boolean {
	if (p.pid === null) return false;
	const r = rt();
	return Atomics.load(r.procs, r.procWord(p.pid) + PROC_STATUS) === PROC_DONE;
}

/** multiprocessing.active_children(): the children still running; polling them reaps the ones that have ended. */
export function active_children(): Process[] {
	cleanup('active_children');
	return [...children()];
}

export interface ProcessOptions {
	/** A function exported by the scenario module (it is looked up by name, as pickling does). */
	target?: Target;
	args?: unknown[];
	/** Python's keyword arguments: the target gets them as one last argument, an object (`function f(a, {b = 2} = {})`). */
	kwargs?: Record<string, unknown>;
	name?: string;
	daemon?: boolean;
}

/** The arguments a target is called with: `args`, then `kwargs` as one object if there are any. */
function callArgs(options: {args?: unknown[]; kwargs?: Record<string, unknown>}): unknown[] {
	const args = options.args ?? [];
	return options.kwargs === undefined ? args : [...args, options.kwargs];
}

/** multiprocessing.Process. */
export class Process {
	name: string;
	private daemonFlag: boolean;
	private readonly target: Target | undefined;
	private readonly args: unknown[];
	private pidValue: number | null = null;

	constructor(options: ProcessOptions = {}) {
		this.target = options.target;
		this.args = callArgs(options);
		// CPython numbers every child, named or not: a named one still uses up a number.
		let name = rt().nextChildName();
		// It names a process after its class: `Process-1`, or `MyProcess-1` for a subclass.
		if (new.target !== Process && name.startsWith('Process-')) name = `${new.target.name}${name.slice('Process'.length)}`;
		this.name = options.name ?? name;
		this.daemonFlag = options.daemon ?? rt().daemon;
	}

	get daemon(): boolean {
		return this.daemonFlag;
	}

	/** Set before start() only, as CPython asserts. */
	set daemon(daemonic: boolean) {
		if (this.pidValue !== null) throw new AssertionError('process has already started');
		this.daemonFlag = daemonic;
	}

	/**
	 * What the process does once started: calls the target with the args.
	 * A subclass overrides it, as in Python; the subclass must be exported by
	 * the lesson, since the child process rebuilds the object by that name
	 * (with the fields it had at start(), as unpickling gives) and calls run().
	 */
	async run(): Promise<unknown> {
		return this.target ? this.target(...(this.args as never[])) : undefined;
	}

	/** The child's pid once started, None (null) before. */
	get pid(): number | null {
		return this.pidValue;
	}

	/** None (null) while running; 0, 1, or -15 after terminate(), as CPython reports. Reading it polls the child, so an ended one is reaped. */
	get exitcode(): number | null {
		if (this.pidValue === null || !ended(this)) return null;
		const r = rt();
		collected(this, this.pidValue, 'exitcode');
		return Atomics.load(r.procs, r.procWord(this.pidValue) + PROC_EXITCODE);
	}

	/** Whether the child runs; asking polls it, so an ended child is reaped (as CPython's is_alive() does). */
	is_alive(): boolean {
		if (this.pidValue === null) return false;
		const r = rt();
		if (this.pidValue === r.pid) return true;
		const alive = Atomics.load(r.procs, r.procWord(this.pidValue) + PROC_STATUS) === PROC_ALIVE;
		if (!alive) collected(this, this.pidValue, 'is_alive');
		return alive;
	}


	async start(): Promise<void> {
		const r = rt();
		if (this.pidValue !== null) throw new AssertionError('cannot start a process twice');
		await r.step({op: 'start', obj: this.name});
		if (r.daemon) throw new AssertionError('daemonic processes are not allowed to have children');
		// CPython's start() first polls the children already started: the ended ones are reaped here.
		cleanup('start');
		const subclass = this.constructor !== Process;
		// A subclass travels as its export name and its fields; a plain Process as its target's name and args.
		const target = subclass ? this.exportName(this.constructor as Target, 'class') : this.exportName(this.target, 'target');
		const args = subclass ? [this.fields()] : this.args;
		const slot = Atomics.add(r.runWords, RUN_PID_COUNTER, 1);
		this.pidValue = r.assignment.pidBase + slot;
		r.spawn({pid: this.pidValue, name: this.name, daemon: this.daemon, target, args: marshal(args, slot) as unknown[]});
		children().add(this);
	}

	/** The object's state as it crosses to the child: its own fields, the target by export name. */
	private fields(): Record<string, unknown> {
		const fields: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(this)) if (key !== 'target' && key !== 'pidValue') fields[key] = value;
		fields[TARGET_FIELD] = this.target ? this.exportName(this.target, 'target') : null;
		return fields;
	}

	/** In the child: the subclass object rebuilt from its fields (no constructor runs, as unpickling), its pid its own. */
	static revive(cls: new (...a: never[]) => Process, fields: Record<string, unknown>): Process {
		const r = rt();
		const self = Object.create(cls.prototype) as Process;
		const {[TARGET_FIELD]: targetName, ...own} = fields;
		Object.assign(self, own);
		const writable = self as unknown as {target: unknown; pidValue: number};
		writable.target = typeof targetName === 'string' ? r.exports[targetName] : undefined;
		writable.pidValue = r.pid;
		return self;
	}

	async join(timeout: number | null = null): Promise<void> {
		if (this.pidValue === null) throw new AssertionError('can only join a started process');
		const r = rt();
		const me = r.current;
		const at = r.procWord(this.pidValue) + PROC_STATUS;
		const result = await r.block({op: 'join', obj: this.name}, () => (Atomics.load(r.procs, at) === PROC_DONE ? true : BLOCKED), {
			key: WAKE.process(this.pidValue),
			on: `join ${this.name}`,
			timeout: seconds(timeout),
			word: r.procs,
			index: at,
		});
		// A join that saw the child end has collected it (waitpid): reaped before join() returns.
		if (result !== TIMED_OUT) collected(this, this.pidValue, 'join');
		r.emit({k: 'op', t: me.t, op: result === TIMED_OUT ? 'join-timeout' : 'join', obj: this.name, data: {exitcode: this.exitcode}});
	}

	/** Sends SIGTERM: the process ends soon (is_alive() may still be true just after), exit code -15. */
	terminate(): Promise<void> {
		return this.signal('terminate', 15);
	}

	/** Sends SIGKILL: the same, with exit code -9. */
	kill(): Promise<void> {
		return this.signal('kill', 9);
	}

	private async signal(op: string, signal: 9 | 15): Promise<void> {
		const r = rt();
		const me = await r.step({op, obj: this.name});
		if (this.pidValue === null) return;
		r.emit({k: 'terminate', t: me.t, pid: this.pidValue, signal});
		r.flushNow();
	}

	private exportName(target: Target | undefined, what: 'target' | 'class'): string {
		if (!target) throw new PyTypeError('Process needs a target (or a subclass that overrides run)');
		for (const [name, value] of Object.entries(rt().exports)) if (value === target) return name;
		throw new PyTypeError(
			what === 'class'
				? `Can't pickle ${target.name || 'the class'}: a Process subclass must be exported by the scenario module`
				: `Can't pickle ${target.name || 'the target'}: a process's target must be exported by the scenario module`,
		);
	}
}

const TARGET_FIELD = '__target';

/**
 * How a worker runs the export it was started with: a function is called
 * with the args; a Process subclass is rebuilt from its fields and run.
 */
/**
 * Ways a process may be started other than calling its target: a Pool's
 * worker is started with a function of the lesson (so it can be looked up
 * by name) and a role as its first argument, and runs the pool's loop.
 * Each runner returns undefined when the process is not its kind.
 */
const runners: Array<(target: (...args: unknown[]) => unknown, args: unknown[]) => Promise<unknown> | undefined> = [];

export function registerRunner(runner: (typeof runners)[number]): void {
	runners.push(runner);
}

export async function runExport(target: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
	for (const runner of runners) {
		const running = runner(target, args);
		if (running) return running;
	}
	if (target.prototype instanceof Process) {
		return Process.revive(target as unknown as new () => Process, (args[0] ?? {}) as Record<string, unknown>).run();
	}
	return target(...args);
}

/** `sys.exit(code)`: raises SystemExit; uncaught, it ends the thread, or the process with that exit code. */
export function exit(code: number | string | null = null): never {
	throw new SystemExit(code);
}

/** The `sys` module, as far as lessons use it. */
export const sys = {exit};

export interface ThreadOptions {
	target?: Target;
	args?: unknown[];
	/** As a Process's: the target gets them as one last argument, an object. */
	kwargs?: Record<string, unknown>;
	name?: string;
	daemon?: boolean;
}

/** threading.Thread: subclass it and override `run`, or give it a target. */
export class Thread {
	name: string;
	private daemonFlag: boolean;
	private readonly target: Target | undefined;
	private readonly args: unknown[];
	private task: Task | undefined;
	/** start() has been called: the thread is alive from then on, even before its task exists. */
	private started = false;

	constructor(options: ThreadOptions = {}) {
		this.target = options.target;
		this.args = callArgs(options);
		// CPython 3.10+: `Thread-1 (task)` after its target; only an unnamed thread uses up a number.
		this.name = options.name ?? `${rt().nextThreadName()}${options.target ? ` (${options.target.name || '<lambda>'})` : ''}`;
		// Inherited from the thread that makes it, as CPython's; a process's main thread is never a daemon.
		const maker = rt().current;
		this.daemonFlag = options.daemon ?? (maker.thread && maker.daemon);
	}

	/** threading.get_ident() of the thread: unique in the run. None (null) before start. */
	get ident(): number | null {
		return this.task?.gid ?? null;
	}

	get native_id(): number | null {
		return this.ident;
	}

	get daemon(): boolean {
		return this.daemonFlag;
	}

	set daemon(daemonic: boolean) {
		if (this.started) throw new RuntimeError('cannot set daemon status of active thread');
		this.daemonFlag = daemonic;
	}

	/** What the thread does: calls the target; override in a subclass. */
	async run(): Promise<unknown> {
		return this.target ? this.target(...(this.args as never[])) : undefined;
	}

	async start(): Promise<void> {
		const r = rt();
		if (this.started) throw new RuntimeError('threads can only be started once');
		await r.step({op: 'start', obj: this.name});
		this.started = true;
		threadsOf(r).live.add(this);
		this.task = r.startThread(() => this.body(), this.name, this.daemonFlag, this.target?.name ?? 'run');
		taskThreads.set(this.task, this);
	}

	/** run(), as threading's bootstrap runs it: sys.exit() in a thread ends the thread, silently. */
	private async body(): Promise<void> {
		// Known before the target's first line: in free mode it runs inside startThread, before start() has its task.
		taskThreads.set(rt().current, this);
		try {
			await this.run();
		} catch (error) {
			if (!(error instanceof SystemExit)) throw error;
		} finally {
			threadsOf(rt()).live.delete(this);
		}
	}

	async join(timeout: number | null = null): Promise<void> {
		const task = this.task;
		if (!task) throw new RuntimeError('cannot join thread before it is started');
		const r = rt();
		const me = r.current;
		if (me === task) throw new RuntimeError('cannot join current thread');
		await r.block({op: 'join', obj: task.name}, () => (task.done ? true : BLOCKED), {
			key: WAKE.thread(r.pid, task.t),
			on: `join ${task.name}`,
			timeout: seconds(timeout),
			free: (ms, park) => {
				if (!task.done) park();
				return Promise.race([
					task.ended.then(() => true as const),
					...(ms === Infinity ? [] : [new Promise<typeof TIMED_OUT>(resolve => setTimeout(() => resolve(TIMED_OUT), ms))]),
				]);
			},
		});
		r.emit({k: 'op', t: me.t, op: 'join', obj: task.name, data: {}});
	}

	is_alive(): boolean {
		return this.started && !(this.task?.done ?? false);
	}
}

/** A process's threads as the threading module knows them. */
interface ProcessThreads {
	/** Started and not ended, in the order they started. */
	live: Set<Thread>;
	/** Its MainThread, made on first use. */
	main?: Thread;
}

/**
 * Kept by runtime, since the processes of a thread share this module; and
 * which Thread each task is (a task belongs to one process).
 */
const byRuntime = new WeakMap<Runtime, ProcessThreads>();
const taskThreads = new WeakMap<Task, Thread>();

function threadsOf(r: Runtime): ProcessThreads {
	let threads = byRuntime.get(r);
	if (!threads) {
		threads = {live: new Set()};
		byRuntime.set(r, threads);
	}
	return threads;
}

/** What `multiprocessing.current_process()` gives. */
export function current_process(): {name: string; pid: number; daemon: boolean} {
	const r = rt();
	return {name: r.processName, pid: r.pid, daemon: r.daemon};
}

/** This process's MainThread, as a Thread: made once, not constructed (it uses up no number). */
function mainThread(): Thread {
	const r = rt();
	const threads = threadsOf(r);
	if (!threads.main) {
		const main = Object.create(Thread.prototype) as Thread;
		Object.assign(main, {name: 'MainThread', daemonFlag: false, target: undefined, args: [], task: r.tasks[0], started: true});
		threads.main = main;
	}
	return threads.main;
}

/** `threading.current_thread()`: the Thread that is running (MainThread for a process's main task). */
export function current_thread(): Thread {
	const task = rt().current;
	return (task.thread ? taskThreads.get(task) : undefined) ?? mainThread();
}

/** `threading.main_thread()`. */
export function main_thread(): Thread {
	return mainThread();
}

/** `threading.enumerate()`: this process's threads that are alive, MainThread first. */
export function enumerate(): Thread[] {
	const main = mainThread();
	return [...(main.is_alive() ? [main] : []), ...[...threadsOf(rt()).live].filter(t => t.is_alive())];
}

/** `threading.active_count()`. */
export function active_count(): number {
	return enumerate().length;
}

/** os.getpid() */
export function getpid(): number {
	return rt().pid;
}

/**
 * os.getppid(). An orphan (its parent process has ended) has been adopted
 * by init, so it is 1, as on Linux without a subreaper.
 */
export function getppid(): number {
	const r = rt();
	const slot = r.slotOf(r.ppid);
	if (slot >= 0 && slot * PROC_WORDS < r.procs.length && Atomics.load(r.procs, r.procWord(r.ppid) + PROC_STATUS) === PROC_DONE) return 1;
	return r.ppid;
}
