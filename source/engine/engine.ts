/**
 * The engine: runs a lesson's processes on real workers and decides, step by
 * step, which task goes next.
 *
 * Contract (controlled mode): a step is one grant. The engine writes the
 * virtual clock and the granted task into the task's worker's control block
 * and waits for that worker's report; the step is over when the granted task
 * has parked at its next gate, blocked or ended, every thread it started has
 * parked at its first gate, and every process it started has reported its
 * first gate. Only then is the next task chosen, from the ready tasks, by the
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
 * Free mode: gates are open; the workers run in parallel and block for real;
 * the engine only follows their events, starts and ends processes, and
 * applies CPython's rules for the end of a process.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Worker} from 'node:worker_threads';
import type {Policy} from './policies.js';
import {Dispatcher, fcfs, roundTime, type CpuPolicy} from './cpu/index.js';
import {WorkerPool} from './pool.js';
import {
	type Assignment,
	type BlockInfo,
	type SpawnRequest,
	type WorkerEvent,
	CONTROL_BYTES,
	GRANT_SEQ,
	GRANT_SPIN_US,
	GRANT_TASK,
	MAX_PROCESSES,
	NOW_F64,
	PROC_ALIVE,
	PROC_DONE,
	PROC_EXITCODE,
	PROC_STATUS,
	PROC_WORDS,
	REPORT_LEN,
	REPORT_OFFSET,
	REPORT_SEQ,
	RUN_PID_COUNTER,
	RUN_WORDS,
} from './protocol.js';
import type {EventBody, Outcome, ReapVia, TaskState, TraceEvent, Wait} from './trace.js';
import type {ScenarioMeta} from '../scenario/define.js';
import {apply} from '../view/reducer.js';
import {emptyState, type ViewState} from '../view/state.js';

/** The exit code CPython reports for a process ended by terminate() (SIGTERM). */
export const SIGTERM_EXITCODE = -15;

/** How long the engine spins for a granted step's report before it parks on waitAsync (the bench measures the same spins bare). */
export const MAIN_SPIN_MS = 0.2;
/** A worker's spin for its next grant (GRANT_SPIN_US): alone in the run, and beside other processes. */
export const WORKER_SPIN_ALONE_US = 200;
export const WORKER_SPIN_SHARED_US = 5;

export interface RunConfig {
	/** URL of the lesson's compiled module. */
	module: string;
	meta: ScenarioMeta;
	variant: string;
	seed: number;
	policy: Policy;
	/** CPU scheduling of `work()` (default: fcfs). */
	cpu?: CpuPolicy;
	cores: number;
	free: boolean;
	options: Record<string, number>;
	/** Record each gate's source line. */
	lines: boolean;
	/** Free mode: record every operation (not only prints and ends). */
	record: boolean;
	/** Stop after this many steps (outcome `limit`). */
	maxSteps: number;
	/** A task that has not reached a gate after this long is reported. */
	busyMs: number;
	/** …and its process is terminated after this long (0: never). */
	busyKillMs: number;
	/** Controlled: the longest the loop runs steps before it lets the event loop turn (ms). */
	turnMs: number;
	/** Free mode: real milliseconds per virtual second. */
	msPerSecond: number;
	/** Free mode: a run with no event for this long, every task blocked, is a deadlock. */
	idleMs: number;
	/** Every trace event, in order. */
	onEvent: (event: TraceEvent) => void;
}

interface TaskRec {
	name: string;
	proc: ProcRec;
	t: number;
	thread: boolean;
	daemon: boolean;
	state: TaskState;
	blocked?: BlockInfo;
	readySince: number;
	/** Ready because a key woke it: it owes that key a retry. */
	wokenBy?: string;
	/** Granted after a wake-up by this key: blocking on it again means it was woken and lost the race. */
	retrying?: string;
	/** In the CPU's hands: waiting for a core (`ready`) or on one (`running`). */
	cpu?: 'ready' | 'running';
}

interface ProcRec {
	slot: number;
	pid: number;
	name: string;
	daemon: boolean;
	parent?: ProcRec;
	worker: Worker;
	ctl: Int32Array;
	ctlF64: Float64Array;
	report: Buffer;
	reportSeen: number;
	tasks: TaskRec[];
	children: ProcRec[];
	done: boolean;
	mainEnded: boolean;
	mainExit: number;
	/** Its code and non-daemon threads are over: it is in CPython's exit, where it ends its daemons and joins (and so reaps) its other children. */
	exiting: boolean;
	/** Inside tryFinishProc: the children it ends must not start it again. */
	settling: boolean;
	/** Ended, and its parent, alive, has not collected its exit status yet. */
	zombie: boolean;
	exitcode?: number;
	/** Keys whose waiters wake when it ends (its copies of pipe ends close). */
	exitWakes: Set<string>;
	exited: Promise<void>;
	crashed?: string;
	/** Worker-side names mapped to trace names (they differ only when a name was taken). */
	names: Map<string, string>;
}

interface Timer {
	until: number;
	seq: number;
	task: TaskRec;
}

export interface RunResult {
	outcome: Outcome;
	steps: number;
	time: number;
	/** Invariants expected to hold that broke. */
	broken: string[];
	state: ViewState;
}

export class Engine {
	private readonly config: RunConfig;
	private readonly pool = new WorkerPool();
	private readonly procs: ProcRec[] = [];
	/** Processes started and not yet ended: a worker alone spins longer for its next grant. */
	private liveProcs = 0;
	private readonly tasks = new Map<string, TaskRec>();
	private readonly taskOrder: TaskRec[] = [];
	/** The tasks of taskOrder not known to be done, in the same order (see readyTasks). */
	private readonly live: TaskRec[] = [];
	private liveSeen = 0;
	private readonly waiters = new Map<string, TaskRec[]>();
	private timers: Timer[] = [];
	private timerSeq = 0;
	private readySeq = 0;
	private step = 0;
	private time = 0;
	private last: string | undefined;
	private readonly procTable = new SharedArrayBuffer(MAX_PROCESSES * PROC_WORDS * 4);
	private readonly procWords = new Int32Array(this.procTable);
	private readonly runBuffer = new SharedArrayBuffer(RUN_WORDS * 4);
	private readonly pidBase: number;
	private readonly workdir: string;
	private readonly view = emptyState();
	private readonly pendingSpawns = new Map<number, Map<number, SpawnRequest>>();
	private readonly spawnWaiters = new Map<string, (r: SpawnRequest) => void>();
	private terminations: number[] = [];
	private readonly cpu: Dispatcher;
	/** The last ready-queue snapshot emitted, to emit only changes. */
	private cpuShown = '';
	private readonly broken = new Set<string>();
	private stopped = false;
	private lastEventAt = 0;
	/** The end event is out: workers ended after it (at close) add nothing to the trace. */
	private over = false;
	private freeWake: (() => void) | undefined;

	constructor(config: RunConfig) {
		this.config = config;
		// Deterministic, realistic-looking pids: the seed picks where they start.
		this.pidBase = 2000 + ((Math.imul(config.seed >>> 0, 2654435761) >>> 0) % 60000);
		this.cpu = new Dispatcher(config.cpu ?? fcfs(), config.cores);
		this.workdir = mkdtempSync(join(tmpdir(), 'conc-tui-'));
		const files = config.meta.files?.(config.options, config.variant) ?? {};
		for (const [name, content] of Object.entries(files)) writeFileSync(join(this.workdir, name), content);
	}

	/** Stops a run from outside (the viewer quit): ends every worker. */
	async stop(): Promise<void> {
		this.stopped = true;
		this.freeWake?.();
		await this.pool.close();
	}

	async run(): Promise<RunResult> {
		const c = this.config;
		const hint = Math.min(c.meta.processes?.(c.options, c.variant) ?? 1, 256);
		this.emit({kind: 'run', scenario: c.meta.name, variant: c.variant, seed: c.seed, policy: c.policy.name, sched: this.cpu.policy.label, cores: c.cores, mode: c.free ? 'free' : 'controlled', options: c.options});
		const files = c.meta.files?.(c.options, c.variant) ?? {};
		for (const [name, content] of Object.entries(files)) this.emit({kind: 'prim', task: 'MainProcess', obj: `file:${name}`, type: 'File', name, content});
		// Only now: booting a hundred workers takes the cores for a second or more, and the first lines must not wait for it.
		this.pool.warm(hint);
		Atomics.store(new Int32Array(this.runBuffer), RUN_PID_COUNTER, 1);
		try {
			const main = this.startProcess({pid: this.pidBase, name: 'MainProcess', daemon: false, target: 'main', args: [{variant: c.variant, options: c.options}]}, undefined);
			Atomics.store(this.procWords, PROC_STATUS, PROC_ALIVE);
			const outcome = c.free ? await this.runFree() : await this.runControlled(main);
			return this.finishRun(outcome);
		} finally {
			await this.pool.close();
			rmSync(this.workdir, {recursive: true, force: true});
		}
	}

	// ---- controlled mode -------------------------------------------------

	private async runControlled(main: ProcRec): Promise<Outcome> {
		await this.collect(main);
		let turn = performance.now();
		for (;;) {
			// Steps whose reports are caught by spinning chain on microtasks alone, which would keep the
			// event loop (keys, frames, worker messages) waiting until the run parks: let it turn now and then.
			if (performance.now() - turn >= this.config.turnMs) {
				await new Promise(resolve => setImmediate(resolve));
				turn = performance.now();
			}
			if (this.stopped) return 'limit';
			await this.applyTerminations();
			this.checkInvariants('always');
			const ready = this.readyTasks();
			if (ready.length === 0) {
				this.settleCpu();
				if (this.live.length === 0) return 'completed';
				if (this.fireTimers()) continue;
				return 'deadlock';
			}
			if (this.step >= this.config.maxSteps) return 'limit';
			const chosen = await this.config.policy.choose(
				// The records themselves, read-only to the policy: a thousand ready threads cost no copies per step.
				ready,
				{last: this.last, step: this.step},
			);
			const task = ready[chosen];
			if (!task) throw new Error(`policy ${this.config.policy.name} chose ${chosen} of ${ready.length}`);
			this.step++;
			this.last = task.name;
			task.retrying = task.wokenBy;
			task.wokenBy = undefined;
			this.setState(task, 'running', {choice: chosen, of: ready.length});
			this.grant(task);
			await this.collect(task.proc, task);
		}
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

	private grant(task: TaskRec): void {
		const p = task.proc;
		p.ctlF64[NOW_F64] = this.time;
		Atomics.store(p.ctl, GRANT_SPIN_US, this.liveProcs === 1 ? WORKER_SPIN_ALONE_US : WORKER_SPIN_SHARED_US);
		Atomics.store(p.ctl, GRANT_TASK, task.t);
		Atomics.add(p.ctl, GRANT_SEQ, 1);
		Atomics.notify(p.ctl, GRANT_SEQ);
	}

	/** Waits for a process's report and applies it; reports (and may end) a task stuck between gates. */
	private async collect(p: ProcRec, granted?: TaskRec): Promise<void> {
		const seen = p.reportSeen;
		if (granted) {
			// Most steps report within tens of µs: spinning for them beats a waitAsync wake-up through the event loop.
			const until = performance.now() + MAIN_SPIN_MS;
			let spins = 0;
			while (Atomics.load(p.ctl, REPORT_SEQ) === seen && ((++spins & 255) !== 0 || performance.now() < until));
		}
		let waited = 0;
		while (Atomics.load(p.ctl, REPORT_SEQ) === seen) {
			if (p.crashed !== undefined || this.stopped) {
				if (!p.done) this.finishProc(p, 1, p.crashed);
				return;
			}
			// A process's first report includes booting its worker, which a loaded machine can make slow.
			const slice = granted ? this.config.busyMs : Math.max(this.config.busyMs, 10_000);
			const w = Atomics.waitAsync(p.ctl, REPORT_SEQ, seen, slice);
			const r = w.async ? await Promise.race([w.value, p.exited.then(() => 'exited' as const)]) : w.value;
			if (r !== 'timed-out') continue;
			waited += slice;
			const who = granted?.name ?? p.name;
			const kill = this.config.busyKillMs > 0 && waited >= this.config.busyKillMs;
			this.emit({kind: 'busy', task: who, ms: waited, action: kill ? 'terminated' : 'reported'});
			if (kill) {
				this.finishProc(p, SIGTERM_EXITCODE);
				return;
			}
		}
		p.reportSeen = Atomics.load(p.ctl, REPORT_SEQ);
		const len = Atomics.load(p.ctl, REPORT_LEN);
		const events = JSON.parse(p.report.toString('utf8', 0, len)) as WorkerEvent[];
		await this.applyReport(p, events);
	}

	// ---- free mode -------------------------------------------------------

	private async runFree(): Promise<Outcome> {
		const started = performance.now();
		this.lastEventAt = started;
		for (;;) {
			if (this.stopped) return 'limit';
			await this.applyTerminations();
			if (this.taskOrder.length > 0 && this.taskOrder.every(t => t.state === 'done')) return 'completed';
			const idle = performance.now() - this.lastEventAt;
			if (idle > this.config.idleMs) {
				// A process that has not reported yet may be about to do anything: not a deadlock.
				const live = this.taskOrder.filter(t => t.state !== 'done');
				const starting = this.procs.some(p => !p.done && p.tasks.length === 0);
				if (live.length > 0 && !starting && live.every(t => t.state === 'blocked' && t.blocked?.key !== 'timer')) return 'deadlock';
			}
			if (this.step >= this.config.maxSteps) return 'limit';
			await new Promise<void>(resolve => {
				this.freeWake = resolve;
				setTimeout(resolve, 50);
			});
			this.freeWake = undefined;
		}
	}

	private onFreeEvents(p: ProcRec, events: WorkerEvent[]): void {
		this.lastEventAt = performance.now();
		void this.applyReport(p, events).then(() => this.freeWake?.());
	}

	// ---- reports ---------------------------------------------------------

	private async applyReport(p: ProcRec, events: WorkerEvent[]): Promise<void> {
		for (const e of events) {
			if (this.config.free) {
				const at = (e as {at?: number}).at;
				if (at !== undefined) this.time = Math.max(this.time, (at - this.startAbs) / this.config.msPerSecond);
				this.step++;
			}
			switch (e.k) {
				case 'task': {
					const name = this.uniqueName(e.name);
					p.names.set(e.name, name);
					const task: TaskRec = {name, proc: p, t: e.t, thread: e.thread, daemon: e.daemon, state: 'new', readySince: 0};
					p.tasks[e.t] = task;
					this.tasks.set(name, task);
					this.taskOrder.push(task);
					this.emit({kind: 'task', task: name, pid: p.pid, ppid: p.parent?.pid ?? 0, process: p.name, thread: e.thread, daemon: e.daemon, target: e.target, state: 'new'});
					break;
				}
				case 'gate': {
					const task = p.tasks[e.t];
					if (!task || task.state === 'done') break;
					const retrying = task.retrying;
					task.retrying = undefined;
					if (e.blocked) {
						// Asking for the CPU is not blocking: the task is ready, for a core.
						const state = e.blocked.work !== undefined ? 'ready' : 'blocked';
						const again = retrying !== undefined && retrying === e.blocked.key;
						this.emit({kind: 'gate', task: task.name, state, op: e.op.op, obj: e.op.obj, arg: e.op.arg, line: e.line, on: e.blocked.on, until: e.blocked.until === undefined ? undefined : round(e.blocked.until), ...(again ? {again: true as const} : {})});
						this.block(task, e.blocked);
					} else {
						if (task.state !== 'ready') task.readySince = ++this.readySeq;
						task.state = 'ready';
						task.blocked = undefined;
						this.emit({kind: 'gate', task: task.name, state: 'ready', op: e.op.op, obj: e.op.obj, arg: e.op.arg, line: e.line});
					}
					break;
				}
				case 'op': {
					const task = p.tasks[e.t];
					const data = e.data ?? {};
					if (e.op === 'nice' && task && typeof data.nice === 'number') this.cpu.setPriority(task.name, data.nice);
					if (typeof data.holder === 'string') data.holder = p.names.get(data.holder) ?? data.holder;
					if (this.config.free && task && task.state !== 'running' && task.state !== 'done') this.setState(task, 'running');
					this.emit({kind: 'op', task: task?.name ?? p.name, op: e.op, obj: e.obj, ...data});
					break;
				}
				case 'print':
					this.emit({kind: 'print', task: p.tasks[e.t]?.name ?? p.name, text: e.text, ...(e.stream ? {stream: e.stream} : {})});
					break;
				case 'prim':
					this.emit({kind: 'prim', task: p.tasks[e.t]?.name ?? p.name, obj: e.obj, type: e.type, ...(e.name ? {name: e.name} : {}), ...e.data});
					break;
				case 'wake':
					if (!this.config.free) this.wake(e.key, e.n);
					break;
				case 'spawn': {
					const request = await this.spawnRequest(p, e.ref);
					const child = this.startProcess(request, p);
					if (!this.config.free) await this.collect(child);
					break;
				}
				case 'onexit':
					p.exitWakes.add(e.key);
					break;
				case 'reap': {
					// Only a parent can collect its child (CPython asserts as much before any waitpid).
					const child = this.procs.find(x => x.pid === e.pid);
					if (child?.parent === p && child.zombie) this.reap(child, p.tasks[0]?.name ?? p.name, e.via);
					break;
				}
				case 'terminate':
					// Applied before the next decision: just after terminate(), is_alive() is still true, as in CPython.
					this.terminations.push(e.pid);
					if (this.config.free) this.freeWake?.();
					break;
				case 'end': {
					const task = p.tasks[e.t];
					if (!task || task.state === 'done') break;
					if (e.t === 0) {
						p.mainEnded = true;
						p.mainExit = e.exitcode;
						this.tryFinishProc(p);
					} else {
						this.setState(task, 'done');
						this.wake(`join:${p.pid}/${task.t}`, -1);
						if (!task.daemon && p.mainEnded) this.tryFinishProc(p);
					}
					break;
				}
				case 'fatal':
					this.emit({kind: 'print', task: p.tasks[0]?.name ?? p.name, text: e.message, stream: 'stderr'});
					this.finishProc(p, 1);
					break;
			}
		}
	}

	private spawnRequest(p: ProcRec, ref: number): Promise<SpawnRequest> {
		const got = this.pendingSpawns.get(p.slot)?.get(ref);
		if (got) {
			this.pendingSpawns.get(p.slot)!.delete(ref);
			return Promise.resolve(got);
		}
		return new Promise(resolve => this.spawnWaiters.set(`${p.slot}:${ref}`, resolve));
	}

	private onSpawnMessage(p: ProcRec, request: SpawnRequest): void {
		const key = `${p.slot}:${request.ref}`;
		const waiter = this.spawnWaiters.get(key);
		if (waiter) {
			this.spawnWaiters.delete(key);
			waiter(request);
			return;
		}
		let m = this.pendingSpawns.get(p.slot);
		if (!m) this.pendingSpawns.set(p.slot, (m = new Map()));
		m.set(request.ref, request);
	}

	// ---- processes -------------------------------------------------------

	private startAbs = performance.timeOrigin + performance.now();

	private startProcess(request: Pick<SpawnRequest, 'pid' | 'name' | 'daemon' | 'target' | 'args'>, parent: ProcRec | undefined): ProcRec {
		const c = this.config;
		const control = new SharedArrayBuffer(CONTROL_BYTES);
		const worker = this.pool.take();
		const p: ProcRec = {
			slot: request.pid - this.pidBase,
			pid: request.pid,
			name: request.name,
			daemon: request.daemon,
			parent,
			worker,
			ctl: new Int32Array(control, 0, 16),
			ctlF64: new Float64Array(control, 0, 8),
			report: Buffer.from(control, REPORT_OFFSET),
			reportSeen: 0,
			tasks: [],
			children: [],
			done: false,
			mainEnded: false,
			mainExit: 0,
			exiting: false,
			settling: false,
			zombie: false,
			exitWakes: new Set(),
			exited: this.pool.exited(worker),
			names: new Map(),
		};
		p.exited.then(() => {
			if (p.done || this.over) return;
			p.crashed ??= `process ${p.name} stopped unexpectedly`;
			// Free mode has no step waiting on this worker: end its process now, so its joiners wake.
			if (c.free) {
				this.finishProc(p, 1, p.crashed);
				this.freeWake?.();
			}
		});
		worker.on('error', error => {
			p.crashed = `${error.name}: ${error.message}`;
		});
		if (c.free) p.ctlF64[NOW_F64] = this.startAbs;
		parent?.children.push(p);
		this.procs.push(p);
		this.liveProcs++;
		worker.on('message', (m: {type: string; events?: WorkerEvent[]} & SpawnRequest) => {
			if (m.type === 'spawn') this.onSpawnMessage(p, m);
			else if (m.type === 'events' && m.events) this.onFreeEvents(p, m.events);
		});
		const assignment: Assignment = {
			type: 'assign',
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
			control,
			procs: this.procTable,
			run: this.runBuffer,
			pidBase: this.pidBase,
			variant: c.variant,
			options: c.options,
			workdir: this.workdir,
			msPerSecond: c.msPerSecond,
			childPrefix: parent ? `${request.name}:` : 'Process-',
			lines: c.lines,
			record: c.record,
		};
		worker.postMessage(assignment);
		return p;
	}

	/**
	 * CPython's end of a process: once its main code and its non-daemon
	 * threads are over, its daemon children are terminated, then its other
	 * children are joined; only then is it done.
	 */
	private tryFinishProc(p: ProcRec): void {
		// Not again from inside itself: each daemon it ends below would call it back (finishProc does).
		if (p.done || !p.mainEnded || p.settling) return;
		const main = p.tasks[0]!;
		const threads = p.tasks.filter(t => t.thread && !t.daemon && t.state !== 'done');
		if (threads.length > 0) {
			this.blockOnExit(main, threads.map(t => t.name));
			return;
		}
		// CPython's atexit: active_children() reaps the children that have ended, daemons are terminated, the rest joined.
		p.exiting = true;
		p.settling = true;
		try {
			for (const child of p.children) if (child.zombie) this.reap(child, main.name, 'exit');
			for (const child of p.children) if (child.daemon && !child.done) this.finishProc(child, SIGTERM_EXITCODE);
		} finally {
			p.settling = false;
		}
		const children = p.children.filter(child => !child.done);
		if (children.length > 0) {
			this.blockOnExit(main, children.map(child => child.name));
			return;
		}
		this.finishProc(p, p.mainExit);
	}

	/** The main task of an exiting process waits for these threads or children; said once per change of the list. */
	private blockOnExit(main: TaskRec, names: string[]): void {
		const on = `exit: join ${names.join(', ')}`;
		const shown = this.view.tasks[main.name];
		if (main.state === 'blocked' && shown?.state === 'blocked' && shown.on === on) return;
		this.setState(main, 'blocked', {on});
	}

	/** A zombie's exit status is collected (by its parent's task `by`, or by init): it leaves the process table. */
	private reap(child: ProcRec, by: string, via: ReapVia): void {
		if (!child.zombie) return;
		child.zombie = false;
		const task = child.tasks[0];
		if (!task) return;
		this.emit({kind: 'reap', task: task.name, by, via, ...(child.exitcode !== undefined ? {exitcode: child.exitcode} : {})});
	}

	/** Ends a process now, with an exit code: its tasks are done, its joiners wake, its worker ends. */
	private finishProc(p: ProcRec, exitcode: number, why?: string): void {
		if (p.done) return;
		p.done = true;
		this.liveProcs--;
		p.exitcode = exitcode;
		// A child whose parent is alive and not already waiting for it in its exit is a zombie until the parent collects it.
		// MainProcess has no parent here (its parent, the shell, reaps it at once).
		const parent = p.parent;
		const parentName = parent ? (parent.tasks[0]?.name ?? parent.name) : undefined;
		p.zombie = parent !== undefined && !parent.done && !parent.exiting;
		const ends = {exitcode, ...(p.zombie ? {zombie: parentName} : {})};
		if (why) this.emit({kind: 'print', task: p.tasks[0]?.name ?? p.name, text: why, stream: 'stderr'});
		for (const task of p.tasks) {
			if (!task || task.state === 'done') continue;
			this.unblock(task);
			this.setState(task, 'done', task.t === 0 ? ends : {});
			this.wake(`join:${p.pid}/${task.t}`, -1);
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
		this.wake(`join:pid:${p.pid}`, -1);
		// Its copies of pipe ends close with it: their other ends' readers look again (EOF?).
		for (const key of p.exitWakes) this.wake(key, -1);
		void this.pool.retire(p.worker);
		// Not a zombie (its parent, in its exit, collects it at once; or its parent is gone and init does): nothing to reap, and no event.
		// Zombies it never collected (it was terminated, or crashed) are adopted by init, which reaps them.
		for (const child of p.children) if (child.zombie) this.reap(child, 'init', 'orphan');
		if (parent?.mainEnded) this.tryFinishProc(parent);
	}

	private async applyTerminations(): Promise<void> {
		const pids = this.terminations;
		if (pids.length === 0) return;
		this.terminations = [];
		for (const pid of pids) {
			const p = this.procs.find(x => x.pid === pid);
			if (p && !p.done) this.finishProc(p, SIGTERM_EXITCODE);
		}
	}

	// ---- states, waits, time ---------------------------------------------

	private setState(task: TaskRec, state: TaskState, extra: {on?: string; until?: number; exitcode?: number; choice?: number; of?: number; zombie?: string} = {}): void {
		if (state === 'ready' && task.state !== 'ready') task.readySince = ++this.readySeq;
		task.state = state;
		this.emit({kind: 'state', task: task.name, state, ...extra});
	}

	private block(task: TaskRec, info: BlockInfo): void {
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
				task.blocked = {key: 'cpu', on: 'cpu'};
				this.emitCpu(task, 'ready', {on: 'cpu', left: change.left, why: 'preempted'});
			} else {
				task.blocked = {key: 'cpu', on: 'cpu', until: change.until};
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
		// What the cores hold now lasts until the clock moves: the invariants see it.
		if (changes.length > 0) this.checkInvariants('always');
	}

	/** A running task's slice ended (its timer fired): its burst is over, or it goes back to the ready queue. */
	private endSlice(task: TaskRec): void {
		if (this.cpu.end(task.name, this.time) === 'done') {
			task.cpu = undefined;
			task.blocked = undefined;
			this.setState(task, 'ready');
			return;
		}
		task.blocked = {key: 'cpu', on: 'cpu'};
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
	private wake(key: string, n: number): void {
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

	private emit(event: EventBody): void {
		const e = {step: this.step, time: round(this.time), ...event} as TraceEvent;
		apply(this.view, e);
		this.config.onEvent(e);
	}

	private uniqueName(base: string): string {
		if (!this.tasks.has(base)) return base;
		for (let i = 2; ; i++) if (!this.tasks.has(`${base}~${i}`)) return `${base}~${i}`;
	}

	/**
	 * `always` invariants after each step (announced once, when they first
	 * break); at the end, every invariant's verdict: an `always` one that broke
	 * at any step stays broken.
	 */
	private checkInvariants(when: 'always' | 'end'): void {
		for (const inv of this.config.meta.invariants ?? []) {
			const kind = inv.when ?? 'always';
			if (when === 'always' && kind === 'end') continue;
			const expected = inv.expect?.[this.config.variant] ?? 'hold';
			let ok: boolean;
			try {
				ok = inv.check(this.view);
			} catch {
				ok = false;
			}
			const before = this.view.invariants[inv.name];
			if (when === 'end' && kind === 'always' && before?.ok === false) ok = false;
			if (!ok && expected === 'hold') this.broken.add(inv.name);
			if (when === 'end' || (!ok && before?.ok !== false)) this.emit({kind: 'invariant', name: inv.name, ok, expected, text: inv.text.en});
		}
	}

	private finishRun(outcome: Outcome): RunResult {
		this.over = true;
		this.checkInvariants('end');
		let waits: Wait[] | undefined;
		if (outcome === 'deadlock') {
			waits = this.taskOrder
				.filter(t => t.state === 'blocked')
				.map(t => ({task: t.name, on: t.blocked?.on ?? this.view.tasks[t.name]?.on ?? '?', heldBy: this.holdersOf(t)}));
		}
		this.emit({
			kind: 'end',
			outcome,
			steps: this.step,
			...(waits ? {waits} : {}),
			...(this.broken.size > 0 ? {broken: [...this.broken]} : {}),
		});
		return {outcome, steps: this.step, time: this.time, broken: [...this.broken], state: this.view};
	}

	/** Who holds what a blocked task waits on, as far as the trace tells. */
	private holdersOf(task: TaskRec): string[] {
		const key = task.blocked?.key ?? '';
		const obj = key.split('.')[0]!;
		const prim = this.view.prims[obj];
		if (prim?.holder) return [prim.holder];
		if (prim?.holders) return [...prim.holders];
		if (key.startsWith('join:pid:')) {
			const p = this.procs.find(x => `join:pid:${x.pid}` === key);
			if (p) return p.tasks.filter(t => t && t.state !== 'done').map(t => t.name);
		}
		return [];
	}
}

function round(t: number): number {
	return Math.round(t * 1e6) / 1e6;
}
