/**
 * A process in controlled mode: its tasks run in the engine's own thread and
 * move only when the step loop says so.
 *
 * Contract: at most one task of the whole run holds control (engine/current.ts).
 * The step loop grants a task; it runs until it parks at its next gate,
 * blocks or ends; threads it started then run, one after another, to their
 * first gate; only then is the step over and its events handed to the engine.
 * So a step's events are a deterministic function of the step. A grant is a
 * promise resolution in this thread: no thread hop, no serialisation.
 *
 * Lesson code that runs while none of its tasks holds control (the rest of a
 * call that was not awaited) still reports what it does: the engine is told
 * it has late events and takes them before its next decision.
 */
import {enter, leave, activeTask, UnawaitedCall} from './current.js';
import {originalLine} from './module-instance.js';
import {WAKE, type Assignment, type BlockInfo, type OpInfo, type WorkerEvent} from './protocol.js';
import {BLOCKED, Runtime, TIMED_OUT, type Body, type Task, type WaitSpec} from './runtime.js';

/** What a controlled process needs of the step loop beside it. */
export interface StepLink {
	/** The virtual clock, in seconds. */
	now(): number;
	/** Events were recorded outside a step (a call that was not awaited): take them before the next decision. */
	late(runtime: ControlledRuntime): void;
	/** Lesson code is about to run on behalf of this process (a grant, a start): the watchdog counts these. */
	entering(runtime: ControlledRuntime): void;
}

/** A parked task's `resume` is its gate's resolve, given the task: step() hands it to the API with no promise more. */
type Resume = (task: Task) => void;

/** Structured frames instead of a formatted stack, for callLine. */
const frames = (_e: Error, f: NodeJS.CallSite[]) => f;
/** Frames looked at past the runtime's own (the API's, then the lesson's): a capture costs per frame. */
const CALL_FRAMES = 4;

export class ControlledRuntime extends Runtime {
	readonly controlled = true;
	private out: WorkerEvent[] = [];
	private readonly pendingStarts: Task[] = [];
	private draining = false;
	/** Between a grant (or the start) and the end of its step. */
	private inStep = false;
	private reported: (() => void) | undefined;
	private readonly link: StepLink;
	/** Compiled line → the lesson's line, for callLine (as lineOf keeps its own). */
	private readonly callLines = new Map<number, number>();

	constructor(a: Assignment, link: StepLink) {
		super(a);
		this.link = link;
	}

	get alone(): boolean {
		return false;
	}

	get recording(): boolean {
		return true;
	}

	now(): number {
		return this.link.now();
	}

	emit(event: WorkerEvent): void {
		if (this.dead) return;
		this.out.push(event);
		if (!this.inStep) this.link.late(this);
	}

	/** The events recorded since the last call. */
	takeEvents(): WorkerEvent[] {
		const out = this.out;
		this.out = [];
		return out;
	}

	/** Starts the process's main task; resolves when it has parked at its first gate (or ended). */
	startMain(body: Body): Promise<void> {
		const task = this.makeTask(this.processName, this.processName, false, this.daemon, this.assignment.target);
		const done = this.stepDone();
		this.link.entering(this);
		enter(task);
		this.run(task, body);
		this.drain();
		return done;
	}

	/** A failure before any task could run (the module did not load). */
	fail(message: string): void {
		this.out.push({k: 'fatal', message});
	}

	/** Lets a parked task go on; resolves when the step is over. */
	grant(t: number): Promise<void> {
		const task = this.tasks[t];
		const resume = task?.resume;
		if (!task || !resume) {
			this.out.push({k: 'fatal', message: `granted task ${t} is not parked`});
			return Promise.resolve();
		}
		task.resume = undefined;
		task.parkedAt = undefined;
		const done = this.stepDone();
		this.link.entering(this);
		enter(task);
		(resume as unknown as Resume)(task);
		return done;
	}

	private stepDone(): Promise<void> {
		this.inStep = true;
		return new Promise<void>(resolve => (this.reported = resolve));
	}

	step(op: OpInfo): Promise<Task> {
		return this.gate(this.current, op, undefined, this.assignment.lines ? this.callLine(this.step) : undefined);
	}

	async block<T>(op: OpInfo, attempt: () => T | typeof BLOCKED, wait: WaitSpec<T>): Promise<T | typeof TIMED_OUT> {
		const task = this.current;
		// Found once, as the call is made: its retries are the same call, at the same line.
		const line = this.assignment.lines ? this.callLine(this.block) : undefined;
		await this.gate(task, op, undefined, line);
		let deadline: number | undefined;
		// A negative timeout is no wait at all, as in CPython.
		if (wait.timeout !== undefined) deadline = this.now() + Math.max(0, wait.timeout);
		for (;;) {
			const r = attempt();
			if (r !== BLOCKED) return r;
			if (deadline !== undefined && this.now() >= deadline) return TIMED_OUT;
			await this.gate(task, op, {key: wait.key, on: wait.on, until: deadline}, line);
		}
	}

	async sleep(seconds: number): Promise<void> {
		const task = this.current;
		const op = {op: 'sleep', arg: String(seconds)};
		const line = this.assignment.lines ? this.callLine(this.sleep) : undefined;
		await this.gate(task, op, undefined, line);
		const until = this.now() + Math.max(0, seconds);
		while (this.now() < until) await this.gate(task, op, {key: WAKE.timer, on: 'sleep', until}, line);
	}

	async work(units: number): Promise<void> {
		const task = this.current;
		const op = {op: 'work', arg: String(units)};
		const line = this.assignment.lines ? this.callLine(this.work) : undefined;
		await this.gate(task, op, undefined, line);
		await this.gate(task, op, {key: WAKE.cpu, on: 'cpu', work: units}, line);
	}

	/**
	 * The lesson's line the calling task is at, as lineOf() finds it, for a
	 * call that has reached `entry` (a method of this runtime the API called):
	 * the frames of the runtime itself are skipped and only the next few are
	 * captured, a stack capture costing per frame. Looked for deeper by
	 * lineOf() when the lesson is not among them.
	 */
	private callLine(entry: (...args: never[]) => unknown): number | undefined {
		const saved = Error.prepareStackTrace;
		const savedLimit = Error.stackTraceLimit;
		Error.stackTraceLimit = CALL_FRAMES;
		Error.prepareStackTrace = frames;
		const holder: {stack?: NodeJS.CallSite[]} = {};
		Error.captureStackTrace(holder, entry);
		const stack = holder.stack!;
		Error.prepareStackTrace = saved;
		Error.stackTraceLimit = savedLimit;
		const module = this.assignment.module;
		for (const frame of stack) {
			const file = frame.getFileName();
			if (file !== module && file !== this.scenarioFile) continue;
			const jsLine = frame.getLineNumber() ?? 0;
			let line = this.callLines.get(jsLine);
			if (line === undefined) {
				line = originalLine(module, jsLine, frame.getColumnNumber() ?? 1);
				this.callLines.set(jsLine, line);
			}
			return line;
		}
		return this.lineOf();
	}

	startThread(body: Body, pyName: string, daemon: boolean, target: string): Task {
		const traceName = this.processName === 'MainProcess' ? pyName : `${this.processName}/${pyName}`;
		const task = this.makeTask(pyName, traceName, true, daemon, target);
		task.body = body;
		this.pendingStarts.push(task);
		return task;
	}

	protected override finish(task: Task, exitcode: number): void {
		if (task.done) return;
		if (task.resume && !this.dead) {
			// Its body returned while one of its calls still waited at a gate: that call was never awaited.
			this.out.push({k: 'fatal', t: task.t, message: new UnawaitedCall(task, 'end').message});
			task.resume = undefined;
		}
		super.finish(task, exitcode);
		leave(task);
		this.drain();
	}

	/** Parks `task` at a gate; resolves with the task when it is granted. `line`: where the call is (lines on). */
	private gate(task: Task, op: OpInfo, blocked: BlockInfo | undefined, line: number | undefined): Promise<Task> {
		if (this.dead) return new Promise<Task>(() => {});
		if (task.resume) {
			// Two gates pending from one task: the first call was not awaited.
			this.out.push({k: 'fatal', t: task.t, message: new UnawaitedCall(task).message});
			if (!this.inStep) this.link.late(this);
			return new Promise<Task>(() => {});
		}
		this.out.push({k: 'gate', t: task.t, op, line, blocked});
		const parked = new Promise<Task>(resolve => (task.resume = resolve as Resume as unknown as () => void));
		task.parkedAt = {op: op.obj ? `${op.op} ${op.obj}` : op.op, line};
		leave(task);
		this.drain();
		return parked;
	}

	/** Runs pending thread starts one at a time; the step is over when nothing is active. */
	private drain(): void {
		if (this.draining) return;
		this.draining = true;
		while (!activeTask() && this.pendingStarts.length > 0) {
			const task = this.pendingStarts.shift()!;
			const body = task.body!;
			task.body = undefined;
			enter(task);
			this.run(task, body);
		}
		this.draining = false;
		if (!activeTask() && this.inStep) {
			this.inStep = false;
			const reported = this.reported;
			this.reported = undefined;
			reported?.();
		}
	}

	override kill(): void {
		super.kill();
		this.out = [];
		this.pendingStarts.length = 0;
		const reported = this.reported;
		this.reported = undefined;
		this.inStep = false;
		reported?.();
	}
}
