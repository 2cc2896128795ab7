/**
 * What the engine does with a process's reports: the events its runtime
 * recorded (a task started, a gate reached, an operation, a print, a
 * process spawned, a wake-up, an end), applied in order to the run's records
 * and turned into trace events. Controlled mode hands a step's events over
 * at the end of the step; free mode one event at a time, in the run-wide
 * order free-loop.ts puts them in.
 */
import type {Dispatcher} from './cpu/index.js';
import type {BlockInfo, SpawnRequest, WorkerEvent} from './protocol.js';
import {round, type ProcRec, type TaskRec} from './records.js';
import type {EventBody, ReapVia, TaskState} from './trace.js';
import {WAKE} from './protocol.js';

/** What applying a report needs of the engine (engine.ts). */
export interface ReportTarget {
	readonly config: {readonly free: boolean};
	readonly cpu: Dispatcher;
	readonly procs: readonly ProcRec[];
	readonly tasks: Map<string, TaskRec>;
	readonly taskOrder: TaskRec[];
	/** Counts the times a task became ready, to order the ready tasks (readySince). */
	readySeq: number;
	/** terminate() requests, applied before the next decision. */
	readonly terminations: {pid: number; exitcode: number}[];
	emit(event: EventBody): void;
	uniqueName(base: string): string;
	setState(task: TaskRec, state: TaskState, extra?: {on?: string; until?: number; exitcode?: number; choice?: number; of?: number; clock?: number; zombie?: string}): void;
	block(task: TaskRec, info: BlockInfo): void;
	wake(key: string, n: number): void;
	startProcess(request: Pick<SpawnRequest, 'pid' | 'name' | 'daemon' | 'target' | 'args'>, parent: ProcRec | undefined): ProcRec;
	/** Controlled: a new process's first run, to its first gate, with its report applied. */
	startLocal(p: ProcRec): Promise<void>;
	reap(child: ProcRec, by: string, via: ReapVia): void;
	tryFinishProc(p: ProcRec): void;
	finishProc(p: ProcRec, exitcode: number, why?: string, confirmed?: boolean): void;
	/** Free: the loop looks again now (a terminate() to apply). */
	wakeFree(): void;
}

/**
 * Applies a process's events in order. Synchronous, unless one of them
 * starts a controlled process: then the rest waits for the child's first
 * run, and the returned promise says when all is applied.
 */
export function applyEvents(run: ReportTarget, p: ProcRec, events: WorkerEvent[], from = 0): Promise<void> | undefined {
	for (let i = from; i < events.length; i++) {
		const e = events[i]!;
		if (p.done && e.k !== 'killed') continue;
		switch (e.k) {
			case 'task': {
				const name = run.uniqueName(e.name);
				p.names.set(e.name, name);
				const task: TaskRec = {name, proc: p, t: e.t, thread: e.thread, daemon: e.daemon, state: 'new', readySince: 0};
				p.tasks[e.t] = task;
				run.tasks.set(name, task);
				run.taskOrder.push(task);
				run.emit({kind: 'task', task: name, pid: p.pid, ppid: p.parent?.pid ?? 0, process: p.name, thread: e.thread, daemon: e.daemon, target: e.target, state: 'new'});
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
					task.shownOn = e.blocked.on;
					run.emit({kind: 'gate', task: task.name, state, op: e.op.op, obj: e.op.obj, arg: e.op.arg, line: e.line, on: e.blocked.on, until: e.blocked.until === undefined ? undefined : round(e.blocked.until), ...(again ? {again: true as const} : {})});
					run.block(task, e.blocked);
				} else {
					if (task.state !== 'ready') task.readySince = ++run.readySeq;
					task.state = 'ready';
					task.blocked = undefined;
					task.shownOn = undefined;
					run.emit({kind: 'gate', task: task.name, state: 'ready', op: e.op.op, obj: e.op.obj, arg: e.op.arg, line: e.line});
				}
				break;
			}
			case 'op': {
				const task = p.tasks[e.t];
				const data = e.data ?? {};
				if (e.op === 'nice' && task && typeof data.nice === 'number') run.cpu.setPriority(task.name, data.nice);
				if (typeof data.holder === 'string') data.holder = p.names.get(data.holder) ?? data.holder;
				if (run.config.free && task && task.state !== 'running' && task.state !== 'done') run.setState(task, 'running');
				run.emit({kind: 'op', task: task?.name ?? p.name, op: e.op, obj: e.obj, ...data});
				break;
			}
			case 'print':
				run.emit({kind: 'print', task: p.tasks[e.t]?.name ?? p.name, text: e.text, ...(e.stream ? {stream: e.stream} : {})});
				break;
			case 'prim':
				run.emit({kind: 'prim', task: p.tasks[e.t]?.name ?? p.name, obj: e.obj, type: e.type, ...(e.name ? {name: e.name} : {}), ...e.data});
				break;
			case 'wake':
				if (!run.config.free) run.wake(e.key, e.n);
				break;
			case 'spawn': {
				const child = run.startProcess(e.request, p);
				if (!run.config.free) return run.startLocal(child).then(() => applyEvents(run, p, events, i + 1));
				break;
			}
			case 'onexit':
				p.exitWakes.add(e.key);
				break;
			case 'reap': {
				// Only a parent can collect its child (CPython asserts as much before any waitpid).
				const child = run.procs.find(x => x.pid === e.pid);
				if (child?.parent === p && child.zombie) run.reap(child, p.tasks[0]?.name ?? p.name, e.via);
				break;
			}
			case 'terminate':
				// Applied before the next decision: just after terminate(), is_alive() is still true, as in CPython.
				run.terminations.push({pid: e.pid, exitcode: -(e.signal ?? 15)});
				if (run.config.free) run.wakeFree();
				break;
			case 'end': {
				const task = p.tasks[e.t];
				if (!task || task.state === 'done') break;
				if (e.t === 0) {
					p.mainEnded = true;
					p.mainExit = e.exitcode;
					run.tryFinishProc(p);
				} else {
					run.setState(task, 'done');
					run.wake(WAKE.thread(p.pid, task.t), -1);
					if (!task.daemon && p.mainEnded) run.tryFinishProc(p);
				}
				break;
			}
			case 'fatal':
				run.emit({kind: 'print', task: (e.t !== undefined ? p.tasks[e.t]?.name : undefined) ?? p.tasks[0]?.name ?? p.name, text: e.message, stream: 'stderr'});
				run.finishProc(p, 1);
				break;
			case 'killed':
				if (p.ending !== undefined) run.finishProc(p, p.ending, undefined, true);
				break;
		}
	}
}
