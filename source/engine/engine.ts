/**
 * The engine: runs a lesson's processes and decides, step by step, which
 * task goes next. It only produces the trace: what the trace means
 * (invariants, verdicts, explanations) is worked out by its consumers
 * (source/view), from the same events.
 *
 * Contract (controlled mode): the engine runs in a worker thread with every
 * process of the run beside it, each an instance of the lesson module
 * (runtime-controlled.ts). A step is one grant: the engine resumes the
 * granted task and waits, in the same thread, for the step to end; the step
 * is over when the granted task has parked at its next gate, blocked or
 * ended, every thread it started has parked at its first gate, and every
 * process it started has reached its first gate. Only then is the next task chosen, from the ready tasks, by the
 * policy. Wake-ups are bookkept here, by key: an operation that may unblock
 * others (a release, a put, a set, an end) names a key and how many waiters
 * of that key become ready; those retry their operation when granted. So the
 * trace depends on nothing but the scenario, variant, seed, policy and cores.
 *
 * When no task is ready the clock jumps to the next timer; with no timer
 * either, the run is over: `completed` if every task is done, `deadlock` if
 * some task is blocked for ever.
 *
 * CPU work (`work(units)`) is a CPU burst, scheduled by a CPU policy
 * (engine/cpu: fcfs, sjf, srtf, rr, mlfq, priority) on `cores` cores, never
 * two threads of one process at once (the GIL). A task that asks for the CPU
 * is ready (for a core, `on: 'cpu'`) until the dispatcher gives it one; it
 * runs (`core: n`) until its slice or burst ends or a more urgent task
 * preempts it (it keeps what it has left). The dispatcher decides once an
 * instant is over, when no task can take a step: so the tasks that ask at
 * the same virtual time enter the ready queue in their creation order,
 * whatever order the step policy granted them in, and the CPU schedule is a
 * function of the jobs and the CPU policy alone.
 *
 * Free mode: gates are open; the processes run on other worker threads (the
 * "cores", at least two) in parallel and block for real; the engine follows
 * their events in the order they happened (free-loop.ts), starts and ends
 * processes, and applies CPython's rules for the end of a process. Ending a
 * process there is a request: it is over when its core says so, after what
 * it recorded until then.
 *
 * Layout: this file coordinates a run (its processes, their ends, waits,
 * timers, the CPU) and holds the controlled step loop; reports.ts applies
 * what processes report, free-loop.ts follows the cores in free mode, and
 * records.ts holds the records all three share.
 *
 * A busy loop holds the engine's thread too, so it is watched from outside
 * (run/watchdog): the run is then re-executed in a fresh thread, which is
 * deterministic, up to the moment the looping process was given control,
 * and that process is ended there instead (`killAt`).
 */
import type {Policy} from './policies.js';
import {Dispatcher, fcfs, roundTime, type CpuPolicy} from './cpu/index.js';
import {FreeLoop, type FreeSide} from './free-loop.js';
import {endsAsZombie, exitStep, exitWait, type ExitProcess} from './process-exit.js';
import {round, type ProcRec, type TaskRec, type Timer} from './records.js';
import {controlledRun, rejectionsPending, takeRejections} from './rejections.js';
import {applyEvents, type ReportTarget} from './reports.js';
import {ControlledRuntime, type StepLink} from './runtime-controlled.js';
import {
	type Assignment,
	type BlockInfo,
	type SpawnRequest,
	type StampedEvent,
	type WorkerEvent,
	MAX_PROCESSES,
	PROC_ALIVE,
	PROC_DONE,
	PROC_EXITCODE,
	PROC_STATUS,
	PROC_WORDS,
	RUN_PID_COUNTER,
	RUN_WORDS,
	WAKE,
} from './protocol.js';
import type {EventBody, Outcome, ReapVia, TaskState, TraceEvent} from './trace.js';
import {BEAT_ENTRIES, BEAT_IN_LESSON, BEAT_PID, type RunSettings} from './host-protocol.js';

/** The exit code CPython reports for a process ended by terminate() (SIGTERM). */
export const SIGTERM_EXITCODE = -15;

/** How a controlled process's code is started: its module instance evaluated, its target run as its main task. */
export type StartProcess = (runtime: ControlledRuntime) => Promise<void>;

/** Free mode: the worker threads the processes run on, as the engine reaches them. */
export interface Cores {
	readonly count: number;
	/** Starts a process on core `core`. */
	assign(core: number, assignment: Assignment): void;
	/** Ends a process; its core answers with a stamped `killed` report once what it recorded is sent. */
	kill(core: number, pid: number): void;
	/** The engine takes every report from here on: `pid`'s events, stamped. */
	listen(onEvents: (pid: number, events: StampedEvent[]) => void): void;
}

/** A run as the engine executes it: its settings (plain data, host-protocol.ts), and what runs it in this thread. */
export interface RunConfig extends RunSettings {
	policy: Policy;
	/** CPU scheduling of `work()` (default: fcfs). */
	cpu?: CpuPolicy;
	/** Controlled: starts a process's code in this thread. */
	startProcess: StartProcess;
	/** Free: the worker threads (cores) the processes run on. */
	coreThreads?: Cores;
	/** For the watchdog: entries into lesson code, whether lesson code runs, and whose. */
	beats?: Int32Array;
	/** Every trace event, in order. */
	onEvent: (event: TraceEvent) => void;
}

/** How a run ended, as the engine sees it (verdicts are the consumers'). */
export interface EngineResult {
	outcome: Outcome;
	steps: number;
	time: number;
}

export class Engine implements StepLink, ReportTarget, FreeSide {
	readonly config: RunConfig;
	readonly procs: ProcRec[] = [];
	readonly byPid = new Map<number, ProcRec>();
	readonly tasks = new Map<string, TaskRec>();
	readonly taskOrder: TaskRec[] = [];
	/** The tasks of taskOrder not known to be done, in the same order (see readyTasks). */
	private readonly live: TaskRec[] = [];
	private liveSeen = 0;
	private readonly waiters = new Map<string, TaskRec[]>();
	private timers: Timer[] = [];
	private timerSeq = 0;
	readySeq = 0;
	step = 0;
	time = 0;
	private last: string | undefined;
	private readonly procTable = new SharedArrayBuffer(MAX_PROCESSES * PROC_WORDS * 4);
	private readonly procWords = new Int32Array(this.procTable);
	private readonly runBuffer = new SharedArrayBuffer(RUN_WORDS * 4);
	private readonly runWords = new Int32Array(this.runBuffer);
	private readonly pidBase: number;
	terminations: {pid: number; exitcode: number}[] = [];
	readonly cpu: Dispatcher;
	/** The last ready-queue snapshot emitted, to emit only changes. */
	private cpuShown = '';
	stopped = false;
	/** The end event is out: processes ended after it (at close) add nothing to the trace. */
	over = false;
	/** Controlled: processes with events recorded outside a step. */
	private readonly lateProcs = new Set<ControlledRuntime>();
	private readonly runtimes = new Map<ControlledRuntime, ProcRec>();
	/** Entries into lesson code so far (the watchdog's clock, and killAt's). */
	private entries = 0;
	readonly startAbs = performance.timeOrigin + performance.now();
	/** Controlled: instants the clock has moved to with no step between (CPU slices, timers). */
	private instants = 0;
	/** Free: the next core to put a process on. */
	private nextCore = 0;
	/** Free: the loop that follows the cores (free-loop.ts). */
	private readonly free = new FreeLoop(this);

	constructor(config: RunConfig) {
		this.config = config;
		// Deterministic, realistic-looking pids: the seed picks where they start.
		this.pidBase = 2000 + ((Math.imul(config.seed >>> 0, 2654435761) >>> 0) % 60000);
		this.cpu = new Dispatcher(config.cpu ?? fcfs(), config.cores);
	}

	/** Stops a run from outside (the viewer quit): ends every process. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.free.wake();
	}

	async run(): Promise<EngineResult> {
		const c = this.config;
		this.emit({kind: 'run', scenario: c.scenario, variant: c.variant, seed: c.seed, policy: c.policy.name, sched: this.cpu.policy.label, cores: c.cores, mode: c.free ? 'free' : 'controlled', options: c.options});
		for (const [name, content] of Object.entries(c.files)) this.emit({kind: 'prim', task: 'MainProcess', obj: `file:${name}`, type: 'File', name, content});
		Atomics.store(this.runWords, RUN_PID_COUNTER, 1);
		if (c.free) this.free.listen(c.coreThreads!);
		else controlledRun(true);
		try {
			const main = this.startProcess({pid: this.pidBase, name: 'MainProcess', daemon: false, target: 'main', args: [{variant: c.variant, options: c.options}]}, undefined);
			Atomics.store(this.procWords, PROC_STATUS, PROC_ALIVE);
			const outcome = c.free ? await this.free.loop() : await this.runControlled(main);
			return this.finishRun(outcome);
		} finally {
			this.over = true;
			for (const p of this.procs) if (!p.done) this.release(p);
			if (c.beats) Atomics.store(c.beats, BEAT_IN_LESSON, 0);
			if (!c.free) controlledRun(false);
		}
	}

	// ---- StepLink: what controlled processes tell the step loop ----------

	now(): number {
		return this.time;
	}

	late(runtime: ControlledRuntime): void {
		this.lateProcs.add(runtime);
	}

	entering(runtime: ControlledRuntime): void {
		const beats = this.config.beats;
		if (!beats) return;
		Atomics.store(beats, BEAT_PID, runtime.pid);
		Atomics.store(beats, BEAT_IN_LESSON, 1);
		Atomics.store(beats, BEAT_ENTRIES, this.entries);
	}

	/**
	 * Lesson code of `p` is about to get control. False when this is the entry
	 * a busy loop was found at (a rerun's killAt): the process is ended instead.
	 */
	private admit(p: ProcRec, who: string): boolean {
		this.entries++;
		if (this.config.killAt !== this.entries) return true;
		this.emit({kind: 'busy', task: who, ms: this.config.busyMs, action: 'reported'});
		this.emit({kind: 'busy', task: who, ms: this.config.busyKillMs, action: 'terminated'});
		this.finishProc(p, SIGTERM_EXITCODE);
		return false;
	}

	// ---- controlled mode -------------------------------------------------

	private async runControlled(main: ProcRec): Promise<Outcome> {
		await this.startLocal(main);
		let turn = performance.now();
		for (;;) {
			// Steps chain on microtasks alone, which would keep the event loop (the trace's
			// delivery, a stop, a pick) waiting until the run ends: let it turn now and then.
			if (performance.now() - turn >= this.config.turnMs) {
				if (this.config.beats) Atomics.store(this.config.beats, BEAT_IN_LESSON, 0);
				await new Promise(resolve => setImmediate(resolve));
				turn = performance.now();
			}
			if (this.stopped) return 'limit';
			if (this.lateProcs.size > 0) await this.takeLate();
			if (this.terminations.length > 0) await this.applyTerminations();
			const ready = this.readyTasks();
			if (ready.length === 0) {
				this.settleCpu();
				if (this.live.length === 0) return 'completed';
				// Each instant the clock moves to counts against the limit too: CPU slices alone can go on for ever.
				if (++this.instants > this.config.maxSteps) return 'limit';
				if (this.fireTimers()) continue;
				return 'deadlock';
			}
			if (this.step >= this.config.maxSteps) return 'limit';
			if (this.config.beats) Atomics.store(this.config.beats, BEAT_IN_LESSON, 0);
			const clock = this.config.policy.timeMoves ? this.clockMove() : undefined;
			// The records themselves, read-only to the policy: a thousand ready threads cost no copies per step.
			const choice = this.config.policy.choose(ready, clock === undefined ? {last: this.last, step: this.step} : {last: this.last, step: this.step, clock});
			// Only a manual pick waits; awaiting a number would cost every step a turn of the microtask queue.
			const chosen = typeof choice === 'number' ? choice : await choice;
			if (this.stopped) return 'limit';
			if (clock !== undefined && chosen === ready.length) {
				// What ran last stays the task that ran last: going on with it after the timer is no preemption.
				this.step++;
				this.emit({kind: 'clock', until: clock, of: ready.length});
				this.fireTimers();
				continue;
			}
			const task = ready[chosen];
			if (!task) throw new Error(`policy ${this.config.policy.name} chose ${chosen} of ${ready.length}`);
			this.step++;
			this.last = task.name;
			task.retrying = task.wokenBy;
			task.wokenBy = undefined;
			// setState(task, 'running', {choice, of}) and emit(), written out: every step has this event, and the
			// two spreads and the extra object cost it more than the rest of its making.
			task.state = 'running';
			task.shownOn = undefined;
			this.config.onEvent(
				clock === undefined
					? {step: this.step, time: round(this.time), kind: 'state', task: task.name, state: 'running', choice: chosen, of: ready.length}
					: {step: this.step, time: round(this.time), kind: 'state', task: task.name, state: 'running', choice: chosen, of: ready.length, clock},
			);
			if (!this.admit(task.proc, task.name)) continue;
			const runtime = task.proc.runtime!;
			await runtime.grant(task.t);
			const spawning = this.applyReport(task.proc, runtime.takeEvents());
			if (spawning) await spawning;
		}
	}

	/** Events recorded outside a step (calls that were not awaited), in the order their processes recorded them. */
	private async takeLate(): Promise<void> {
		while (this.lateProcs.size > 0) {
			const runtimes = [...this.lateProcs];
			this.lateProcs.clear();
			for (const runtime of runtimes) {
				const p = this.runtimes.get(runtime);
				if (p && !p.done) await this.applyReport(p, runtime.takeEvents());
			}
		}
	}

	/** A controlled process's first run, to its first gate: its module instance is evaluated and its target called. */
	async startLocal(p: ProcRec): Promise<void> {
		const runtime = p.runtime!;
		if (!this.admit(p, p.name)) return;
		await this.config.startProcess(runtime);
		await this.applyReport(p, runtime.takeEvents());
	}

	/**
	 * The ready tasks in creation order: what `taskOrder.filter(ready)` gives,
	 * without walking every task that has ever ended at every step (a lesson
	 * with a thousand finished threads would pay for each of them each time).
	 */
	private readyTasks(): TaskRec[] {
		while (this.liveSeen < this.taskOrder.length) this.live.push(this.taskOrder[this.liveSeen++]!);
		const ready: TaskRec[] = [];
		let kept = 0;
		for (const t of this.live) {
			if (t.state === 'done') continue;
			this.live[kept++] = t;
			if (t.state === 'ready') ready.push(t);
		}
		this.live.length = kept;
		return ready;
	}

	// ---- reports (applied by reports.ts) -----------------------------------

	wakeFree(): void {
		this.free.wake();
	}

	/**
	 * Applies a process's events in order. Synchronous, unless one of them
	 * starts a controlled process (the rest waits for the child's first run),
	 * or lesson code left a promise rejected with no handler (the event loop
	 * turns once to learn whether one took it: engine/rejections.ts); the
	 * returned promise then says when all is applied.
	 */
	applyReport(p: ProcRec, events: WorkerEvent[]): Promise<void> | undefined {
		const applied = applyEvents(this, p, events);
		if (this.config.free || !rejectionsPending()) return applied;
		return (applied ?? Promise.resolve()).then(() => this.takeRejected(p));
	}

	/** Controlled: the processes whose code left a rejection unhandled end (with their late reports taken before the next decision). */
	private async takeRejected(fallback: ProcRec): Promise<void> {
		for (const {reason, task} of await takeRejections()) {
			const p = task ? this.runtimes.get(task.runtime as ControlledRuntime) : fallback;
			const runtime = p?.runtime;
			if (!p || p.done || !runtime) continue;
			const at = task ?? runtime.tasks[0];
			if (at) runtime.rejected(at, reason);
		}
	}

	// ---- processes -------------------------------------------------------

	startProcess(request: Pick<SpawnRequest, 'pid' | 'name' | 'daemon' | 'target' | 'args'>, parent: ProcRec | undefined): ProcRec {
		const c = this.config;
		const slot = request.pid - this.pidBase;
		const p: ProcRec = {
			slot,
			pid: request.pid,
			name: request.name,
			daemon: request.daemon,
			parent,
			tasks: [],
			children: [],
			done: false,
			mainEnded: false,
			mainExit: 0,
			exiting: false,
			settling: false,
			zombie: false,
			exitWakes: new Set(),
			names: new Map(),
		};
		parent?.children.push(p);
		this.procs.push(p);
		this.byPid.set(p.pid, p);
		const assignment: Assignment = {
			module: c.module,
			target: request.target,
			args: request.args,
			pid: request.pid,
			// MainProcess's parent (the shell) gets a pid from the seed too: a trace must not depend on the real one.
			ppid: parent?.pid ?? this.pidBase - 1,
			name: request.name,
			daemon: request.daemon,
			seed: c.seed,
			controlled: !c.free,
			procs: this.procTable,
			run: this.runBuffer,
			pidBase: this.pidBase,
			variant: c.variant,
			options: c.options,
			workdir: c.workdir,
			msPerSecond: c.msPerSecond,
			startAbs: this.startAbs,
			childPrefix: parent ? `${request.name}:` : 'Process-',
			lines: c.lines,
			record: c.record,
		};
		if (c.free) {
			const cores = c.coreThreads!;
			p.core = this.nextCore;
			this.nextCore = (this.nextCore + 1) % cores.count;
			cores.assign(p.core, assignment);
		} else {
			p.runtime = new ControlledRuntime(assignment, this);
			this.runtimes.set(p.runtime, p);
		}
		return p;
	}

	/** Lets go of a process's code: its runtime stops, or its core is told to end it. */
	private release(p: ProcRec): void {
		if (p.runtime) {
			p.runtime.kill();
			this.runtimes.delete(p.runtime);
			this.lateProcs.delete(p.runtime);
		} else if (p.core !== undefined && p.ending === undefined) {
			p.ending = p.exitcode ?? SIGTERM_EXITCODE;
			this.config.coreThreads!.kill(p.core, p.pid);
		}
	}

	/** What the exit rules (process-exit.ts) see of a process. */
	private exitView(p: ProcRec): ExitProcess {
		return {
			name: p.name,
			daemon: p.daemon,
			done: p.done,
			mainEnded: p.mainEnded,
			zombie: p.zombie,
			exiting: p.exiting,
			threads: p.tasks.slice(1).map(t => ({name: t.name, thread: t.thread, daemon: t.daemon, done: t.state === 'done'})),
			children: p.children.map(c => ({name: c.name, daemon: c.daemon, done: c.done, mainEnded: c.mainEnded, zombie: c.zombie, exiting: c.exiting, threads: [], children: []})),
		};
	}

	/** Takes a process on through CPython's end (process-exit.ts), as far as it can go now. */
	tryFinishProc(p: ProcRec): void {
		// Not again from inside itself: each daemon it ends below would call it back (finishProc does).
		if (p.settling) return;
		const step = exitStep(this.exitView(p));
		const main = p.tasks[0];
		if (step.kind === 'running' || !main) return;
		if (step.kind === 'threads') return this.blockOnExit(main, step.waitFor);
		if (step.kind === 'children') {
			p.exiting = true;
			p.settling = true;
			try {
				for (const child of p.children) if (step.reap.includes(child.name)) this.reap(child, main.name, 'exit');
				for (const child of p.children) if (step.terminate.includes(child.name)) this.finishProc(child, SIGTERM_EXITCODE);
			} finally {
				p.settling = false;
			}
			const left = p.children.filter(child => !child.done);
			if (left.length > 0) return this.blockOnExit(main, left.map(child => child.name));
		}
		if (!p.done) this.finishProc(p, p.mainExit);
	}

	/** The main task of an exiting process waits for these threads or children; said once per change of the list. */
	private blockOnExit(main: TaskRec, names: string[]): void {
		const on = exitWait(names);
		if (main.state === 'blocked' && main.shownOn === on) return;
		this.setState(main, 'blocked', {on});
	}

	/** A zombie's exit status is collected (by its parent's task `by`, or by init): it leaves the process table. */
	reap(child: ProcRec, by: string, via: ReapVia): void {
		if (!child.zombie) return;
		child.zombie = false;
		const task = child.tasks[0];
		if (!task) return;
		this.emit({kind: 'reap', task: task.name, by, via, ...(child.exitcode !== undefined ? {exitcode: child.exitcode} : {})});
	}

	/** Ends a process now, with an exit code: its tasks are done, its joiners wake, its worker ends. */
	finishProc(p: ProcRec, exitcode: number, why?: string, confirmed = false): void {
		if (p.done) return;
		if (p.core !== undefined && !confirmed && !this.over) {
			// Free mode: it is over once its core says so, after everything it recorded until then.
			if (p.ending === undefined) {
				p.ending = exitcode;
				p.why = why;
				this.config.coreThreads!.kill(p.core, p.pid);
			}
			return;
		}
		why ??= p.why;
		p.done = true;
		p.exitcode = exitcode;
		// A child whose parent is alive and not already waiting for it in its exit is a zombie until the parent collects it.
		// MainProcess has no parent here (its parent, the shell, reaps it at once).
		const parent = p.parent;
		const parentName = parent ? (parent.tasks[0]?.name ?? parent.name) : undefined;
		p.zombie = endsAsZombie(parent);
		const ends = {exitcode, ...(p.zombie ? {zombie: parentName} : {})};
		if (why) this.emit({kind: 'print', task: p.tasks[0]?.name ?? p.name, text: why, stream: 'stderr'});
		for (const task of p.tasks) {
			if (!task || task.state === 'done') continue;
			this.unblock(task);
			this.setState(task, 'done', task.t === 0 ? ends : {});
			this.wake(WAKE.thread(p.pid, task.t), -1);
		}
		if (!p.tasks[0]) {
			// A process that never reported (its module failed to load) still has a row to end.
			const name = this.uniqueName(p.name);
			const task: TaskRec = {name, proc: p, t: 0, thread: false, daemon: p.daemon, state: 'done', readySince: 0};
			p.tasks[0] = task;
			this.tasks.set(name, task);
			this.taskOrder.push(task);
			this.emit({kind: 'task', task: name, pid: p.pid, ppid: p.parent?.pid ?? 0, process: p.name, thread: false, daemon: p.daemon, target: '?', state: 'new'});
			this.setState(task, 'done', ends);
		}
		const at = p.slot * PROC_WORDS;
		Atomics.store(this.procWords, at + PROC_EXITCODE, exitcode);
		Atomics.store(this.procWords, at + PROC_STATUS, PROC_DONE);
		Atomics.notify(this.procWords, at + PROC_STATUS);
		this.wake(WAKE.process(p.pid), -1);
		// Its copies of pipe ends close with it: their other ends' readers look again (EOF?).
		for (const key of p.exitWakes) this.wake(key, -1);
		this.release(p);
		// Not a zombie (its parent, in its exit, collects it at once; or its parent is gone and init does): nothing to reap, and no event.
		// Zombies it never collected (it was terminated, or crashed) are adopted by init, which reaps them.
		for (const child of p.children) if (child.zombie) this.reap(child, 'init', 'orphan');
		if (parent?.mainEnded) this.tryFinishProc(parent);
	}

	async applyTerminations(): Promise<void> {
		const asked = this.terminations;
		if (asked.length === 0) return;
		this.terminations = [];
		for (const {pid, exitcode} of asked) {
			const p = this.byPid.get(pid);
			if (p && !p.done) this.finishProc(p, exitcode);
		}
	}

	// ---- states, waits, time ---------------------------------------------

	setState(task: TaskRec, state: TaskState, extra: {on?: string; until?: number; exitcode?: number; choice?: number; of?: number; clock?: number; zombie?: string} = {}): void {
		if (state === 'ready' && task.state !== 'ready') task.readySince = ++this.readySeq;
		task.state = state;
		task.shownOn = extra.on;
		this.emit({kind: 'state', task: task.name, state, ...extra});
	}

	block(task: TaskRec, info: BlockInfo): void {
		task.state = 'blocked';
		task.blocked = info;
		if (info.work !== undefined) {
			this.requestCpu(task, info.work);
			return;
		}
		let list = this.waiters.get(info.key);
		if (!list) this.waiters.set(info.key, (list = []));
		list.push(task);
		if (info.until !== undefined) this.addTimer(task, info.until);
	}

	private addTimer(task: TaskRec, until: number): void {
		const timer = {until, seq: ++this.timerSeq, task};
		let i = this.timers.length;
		while (i > 0 && (this.timers[i - 1]!.until > until || (this.timers[i - 1]!.until === until && this.timers[i - 1]!.seq > timer.seq))) i--;
		this.timers.splice(i, 0, timer);
	}

	// ---- the CPU -------------------------------------------------------

	/**
	 * A task asks for a core for `units` of time. For the engine it stays
	 * blocked (no step can be granted to it) until its burst is over; in the
	 * trace it is ready, for a core, until the dispatcher gives it one.
	 */
	private requestCpu(task: TaskRec, units: number): void {
		this.cpu.request(task.name, units, {order: this.taskOrder.indexOf(task), group: String(task.proc.pid)});
		task.cpu = 'ready';
		this.emitCpu(task, 'ready', {on: 'cpu', left: roundTime(units), why: 'request'});
	}

	/** A trace state for a task in the CPU's hands; its state for the engine stays `blocked`. */
	private emitCpu(task: TaskRec, state: 'ready' | 'running', extra: {on: 'cpu'; until?: number; core?: number; left: number; why?: 'request' | 'slice' | 'preempted'}): void {
		task.cpu = state;
		task.shownOn = 'cpu';
		this.emit({kind: 'state', task: task.name, state, ...extra});
	}

	/**
	 * The CPU decisions of the instant, made once no task can take a step:
	 * the tasks that asked enter the ready queue, free cores are given out,
	 * a preemptive policy preempts. Each running task holds a timer for the
	 * end of its slice. Then the ready queue(s), if they changed.
	 */
	private settleCpu(): void {
		const changes = this.cpu.settle(this.time);
		for (const change of changes) {
			const task = this.tasks.get(change.id)!;
			if (change.kind === 'preempt') {
				this.timers = this.timers.filter(x => x.task !== task);
				task.blocked = {key: WAKE.cpu, on: 'cpu'};
				this.emitCpu(task, 'ready', {on: 'cpu', left: change.left, why: 'preempted'});
			} else {
				task.blocked = {key: WAKE.cpu, on: 'cpu', until: change.until};
				this.addTimer(task, change.until);
				this.emitCpu(task, 'running', {on: 'cpu', until: change.until, core: change.core, left: change.left});
			}
		}
		const queues = this.cpu.queues().map(q => ({...(q.quantum !== undefined ? {quantum: q.quantum} : {}), tasks: q.jobs}));
		const shown = JSON.stringify(queues);
		if (shown !== this.cpuShown && !(this.cpuShown === '' && queues.every(q => q.tasks.length === 0))) {
			this.cpuShown = shown;
			this.emit({kind: 'cpu', sched: this.cpu.policy.label, queues});
		}
	}

	/** A running task's slice ended (its timer fired): its burst is over, or it goes back to the ready queue. */
	private endSlice(task: TaskRec): void {
		if (this.cpu.end(task.name, this.time) === 'done') {
			task.cpu = undefined;
			task.blocked = undefined;
			this.setState(task, 'ready');
			return;
		}
		task.blocked = {key: WAKE.cpu, on: 'cpu'};
		this.emitCpu(task, 'ready', {on: 'cpu', left: this.cpu.job(task.name)!.left, why: 'slice'});
	}

	/** Takes a task out of every wait list and timer. */
	private unblock(task: TaskRec): void {
		const info = task.blocked;
		if (info) {
			const list = this.waiters.get(info.key);
			if (list) {
				const i = list.indexOf(task);
				if (i >= 0) list.splice(i, 1);
			}
		}
		if (task.cpu) {
			// Killed in the CPU's hands: its core is given out at the end of the instant.
			this.cpu.remove(task.name);
			task.cpu = undefined;
		}
		this.timers = this.timers.filter(x => x.task !== task);
		task.blocked = undefined;
		if (task.wokenBy) {
			// It was woken but will never retry: pass the wake-up on.
			const key = task.wokenBy;
			task.wokenBy = undefined;
			this.wake(key, 1);
		}
	}

	/** Makes up to `n` waiters of `key` ready (all of them when n < 0), oldest first. */
	wake(key: string, n: number): void {
		const list = this.waiters.get(key);
		if (!list || list.length === 0) return;
		const woken = n < 0 ? list.splice(0) : list.splice(0, n);
		for (const task of woken) {
			this.timers = this.timers.filter(x => x.task !== task);
			task.blocked = undefined;
			task.wokenBy = key;
			this.setState(task, 'ready');
		}
	}

	/**
	 * Where running the clock is a move: the instant of the next timer, when
	 * it is a sleep's or a timeout's and no CPU work is under way (a burst's
	 * slices are the CPU policy's to time, not the viewer's).
	 */
	private clockMove(): number | undefined {
		const first = this.timers[0];
		if (!first || this.live.some(t => t.cpu !== undefined)) return undefined;
		return round(first.until);
	}

	/** Advances the clock to the next timer and wakes what is due. False if there is none. */
	private fireTimers(): boolean {
		const first = this.timers[0];
		if (!first) return false;
		this.time = Math.max(this.time, first.until);
		while (this.timers[0] && this.timers[0].until <= this.time) {
			const {task} = this.timers.shift()!;
			const info = task.blocked;
			if (task.cpu === 'running') {
				this.endSlice(task);
				continue;
			}
			if (info) {
				const list = this.waiters.get(info.key);
				const i = list?.indexOf(task) ?? -1;
				if (i >= 0) list!.splice(i, 1);
			}
			task.blocked = undefined;
			this.setState(task, 'ready');
		}
		return true;
	}

	// ---- trace -----------------------------------------------------------

	emit(event: EventBody): void {
		this.config.onEvent({step: this.step, time: round(this.time), ...event} as TraceEvent);
	}

	uniqueName(base: string): string {
		if (!this.tasks.has(base)) return base;
		for (let i = 2; ; i++) if (!this.tasks.has(`${base}~${i}`)) return `${base}~${i}`;
	}

	private finishRun(outcome: Outcome): EngineResult {
		this.over = true;
		this.emit({kind: 'end', outcome, steps: this.step});
		return {outcome, steps: this.step, time: this.time};
	}
}
