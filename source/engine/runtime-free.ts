/**
 * A process in free mode: gates are open, tasks block for real on the
 * primitives' futex words, and the OS schedules the threads. Several
 * processes may share one worker thread (a "core"), each its own module
 * instance; tasks of one thread interleave at their awaits, tasks of
 * different threads in parallel.
 *
 * Every recorded event is stamped, as it is recorded, with a run-wide
 * sequence number (one shared word that every core increments) and posted to
 * the engine in batches; the engine applies them in sequence order, so the
 * trace is one possible history of the run (engine/free-merge.ts).
 */
import {freeAlone, freeTaskEnded, freeTaskStarted, launchFree} from './current.js';
import {waitChange} from '../primitives/futex.js';
import type {Assignment, OpInfo, StampedEvent, WorkerEvent} from './protocol.js';
import {RUN_SEQ, WAKE} from './protocol.js';
import {BLOCKED, Runtime, TIMED_OUT, type Body, type Task, type WaitSpec} from './runtime.js';

/** Where a core sends what its processes record. */
export interface FreeLink {
	post(runtime: FreeRuntime, events: StampedEvent[]): void;
}

/** How long lesson code may keep a core's event loop before one of its calls lets it turn (ms). */
const TURN_MS = 4;
/** When this thread's event loop last turned for lesson code (shared by every task of the thread). */
let turned = performance.now();
setInterval(() => (turned = performance.now()), TURN_MS).unref();

/** Kinds recorded even when operations are not (the engine needs them to follow processes' lives). */
const ALWAYS = new Set(['print', 'end', 'task', 'spawn', 'terminate', 'reap', 'onexit', 'fatal']);

export class FreeRuntime extends Runtime {
	readonly controlled = false;
	private out: StampedEvent[] = [];
	private flushScheduled = false;
	/** Places in the history taken before a change others can see, for the next event each task records (see publish). */
	private readonly reserved = new Map<number, number>();
	private readonly link: FreeLink;

	constructor(a: Assignment, link: FreeLink) {
		super(a);
		this.link = link;
	}

	get alone(): boolean {
		return freeAlone();
	}

	get recording(): boolean {
		return this.assignment.record;
	}

	now(): number {
		return (performance.timeOrigin + performance.now() - this.assignment.startAbs) / this.assignment.msPerSecond;
	}

	emit(event: WorkerEvent): void {
		if (this.dead) return;
		if (!this.assignment.record && !ALWAYS.has(event.k)) return;
		const e = event as StampedEvent;
		const t = (event as {t?: number}).t;
		const reserved = t === undefined || this.reserved.size === 0 ? undefined : this.reserved.get(t);
		if (reserved === undefined) e.seq = Atomics.add(this.runWords, RUN_SEQ, 1);
		else {
			e.seq = reserved;
			this.reserved.delete(t!);
		}
		e.at = performance.timeOrigin + performance.now();
		this.out.push(e);
		if (this.out.length >= 4096) this.flush();
		else if (!this.flushScheduled) {
			this.flushScheduled = true;
			setImmediate(() => this.flush());
		}
	}

	override publish<T>(act: () => T, made: (result: T) => boolean = () => true): T {
		if (this.dead || !this.assignment.record) return act();
		const seq = Atomics.add(this.runWords, RUN_SEQ, 1);
		let result: T;
		try {
			result = act();
		} catch (error) {
			this.skip(seq);
			throw error;
		}
		const t = this.current.t;
		const stale = this.reserved.get(t);
		if (stale !== undefined) this.skip(stale);
		if (made(result)) this.reserved.set(t, seq);
		else this.skip(seq);
		return result;
	}

	/** A place in the history that no event will fill: said, so the engine does not wait for it. */
	private skip(seq: number): void {
		this.out.push({k: 'skip', seq});
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			setImmediate(() => this.flush());
		}
	}

	private flush(): void {
		this.flushScheduled = false;
		if (this.out.length === 0) return;
		const events = this.out;
		this.out = [];
		this.link.post(this, events);
	}

	override flushNow(): void {
		this.flush();
	}

	startMain(body: Body): void {
		const task = this.makeTask(this.processName, this.processName, false, this.daemon, this.assignment.target);
		this.launch(task, body);
	}

	fail(message: string): void {
		this.emit({k: 'fatal', message});
		this.flush();
	}

	private launch(task: Task, body: Body): void {
		freeTaskStarted();
		launchFree(task, () => this.run(task, body));
	}

	protected override finish(task: Task, exitcode: number): void {
		if (task.done) return;
		freeTaskEnded();
		super.finish(task, exitcode);
	}

	/**
	 * Free mode: the gate is open, so no promise (and no microtask hops) for
	 * it; but a task whose calls never wait would keep its thread's event loop
	 * for ever (its events never sent, the other processes of the thread never
	 * woken): every few milliseconds a call lets the loop turn first.
	 */
	step(_op: OpInfo): Task | Promise<Task> {
		const task = this.current;
		if (this.dead) return new Promise<Task>(() => {});
		const now = performance.now();
		if (now - turned < TURN_MS) return task;
		turned = now;
		return new Promise<Task>(resolve => setImmediate(() => resolve(task)));
	}

	async block<T>(op: OpInfo, attempt: () => T | typeof BLOCKED, wait: WaitSpec<T>): Promise<T | typeof TIMED_OUT> {
		const task = this.current;
		if (this.dead) return new Promise<never>(() => {});
		const timeoutMs = wait.timeout === undefined ? Infinity : Math.max(0, wait.timeout) * this.assignment.msPerSecond;
		if (wait.free) {
			// Told only when it really parks, so a waiter that gets in by spinning costs no event.
			const r = await wait.free(timeoutMs, () => {
				this.emit({k: 'gate', t: task.t, op, line: this.parkLine(), blocked: {key: wait.key, on: wait.on}});
				// A wait that blocks the thread would hold this back until it ends: the engine must see it now.
				if (this.alone) this.flush();
			});
			return this.dead ? new Promise<never>(() => {}) : r;
		}
		const deadline = performance.now() + timeoutMs;
		let announced = false;
		for (;;) {
			const seen = Atomics.load(wait.word!, wait.index!);
			const r = attempt();
			if (r !== BLOCKED) return r;
			const left = deadline - performance.now();
			if (left <= 0) return TIMED_OUT;
			if (!announced) {
				announced = true;
				this.emit({k: 'gate', t: task.t, op, line: this.parkLine(), blocked: {key: wait.key, on: wait.on}});
			}
			await waitChange(wait.word!, wait.index!, seen, wait.pollMs === undefined ? left : Math.min(left, wait.pollMs));
			if (this.dead) return new Promise<never>(() => {});
		}
	}

	async sleep(seconds: number): Promise<void> {
		const task = this.current;
		this.emit({k: 'gate', t: task.t, op: {op: 'sleep', arg: String(seconds)}, line: this.parkLine(), blocked: {key: WAKE.timer, on: `sleep ${seconds}s`}});
		await new Promise(resolve => setTimeout(resolve, Math.max(0, seconds) * this.assignment.msPerSecond));
		if (this.dead) await new Promise<never>(() => {});
	}

	async work(units: number): Promise<void> {
		const end = performance.now() + units * this.assignment.msPerSecond;
		while (performance.now() < end) {
			// Real CPU work in free mode: the OS schedules it.
		}
	}

	startThread(body: Body, pyName: string, daemon: boolean, target: string): Task {
		const traceName = this.processName === 'MainProcess' ? pyName : `${this.processName}/${pyName}`;
		const task = this.makeTask(pyName, traceName, true, daemon, target);
		this.launch(task, body);
		return task;
	}

	/**
	 * The line a task parks at (a wait or a sleep), so the Code pane can show
	 * where blocked tasks are; asked only when it really parks.
	 */
	private parkLine(): number | undefined {
		return this.assignment.lines ? this.lineOf() : undefined;
	}

	override kill(): void {
		// What it recorded before it was ended is part of the run: send it first.
		this.flush();
		super.kill();
		for (const task of this.tasks) if (!task.done) {
			task.done = true;
			freeTaskEnded();
			task.markEnded();
		}
	}
}
