/**
 * Which task is running now, in this thread. The lesson API asks it on every
 * call (`rt()`), so it must be cheap, and right in both modes:
 *
 * - Controlled: the step loop hands control to exactly one task at a time
 *   (a grant, or a process's first run) and takes it back when the task parks
 *   at its next gate. Between the two, every line of lesson code that runs is
 *   that task's. Lesson code that runs while no task holds control is the
 *   rest of a task that has just parked without awaiting its call (a call
 *   that can block, made without `await`): it is named, never guessed.
 * - Free: several tasks (of one process or of several) share this thread's
 *   event loop. A thread with one task knows it without any bookkeeping; from
 *   the second task on, each task runs inside an AsyncLocalStorage context,
 *   which follows its promises. The first task keeps no context of its own
 *   (it started before there was one) and is the fallback.
 */
import {AsyncLocalStorage} from 'node:async_hooks';
import type {Task} from './runtime.js';

let active: Task | undefined;
/** The task that parked in the current synchronous turn of lesson code (controlled). */
let parked: Task | undefined;
let parkedClear = false;
let sole: Task | undefined;
let als: AsyncLocalStorage<Task> | undefined;

/** A call that can block was made while its task was already waiting at another one. */
export class UnawaitedCall extends Error {
	/** `call`: the task called again while parked at this call; `end`: its body returned while parked. */
	constructor(readonly task: Task, found: 'call' | 'end' = 'call') {
		super(`${task.name} ${found === 'call' ? 'made a call' : 'ended'} while its call ${describe(task)} was still pending: every call that can block must be awaited (await lock.acquire(), await sleep(1), …)`);
		this.name = 'UnawaitedCall';
	}
}

function describe(task: Task): string {
	const at = task.parkedAt;
	return at ? `${at.op}${at.line !== undefined ? ` (line ${at.line})` : ''}` : 'before it';
}

/** The task whose code is running, or an UnawaitedCall / plain error when there is none. */
export function currentTask(): Task {
	const t = active ?? (als ? als.getStore() ?? sole : sole);
	if (t) return t;
	if (parked) throw new UnawaitedCall(parked);
	throw new Error('this call only works inside a running lesson (run it with conc-tui)');
}

/** The task currently in control, if any (no throwing: for bookkeeping). */
export function activeTask(): Task | undefined {
	return active;
}

/** Controlled: `task` takes control (a grant, a start). */
export function enter(task: Task): void {
	active = task;
	parked = undefined;
}

/** Settled once: a microtask queued on it costs no AsyncResource, as queueMicrotask's does (one per gate adds up). */
const settled = Promise.resolve();
function clearParked(): void {
	parkedClear = false;
	parked = undefined;
}

/** Controlled: the task in control parks at a gate or ends; lesson code that still runs in this turn is an unawaited call's. */
export function leave(task: Task): void {
	if (active === task) active = undefined;
	parked = task;
	if (!parkedClear) {
		parkedClear = true;
		void settled.then(clearParked);
	}
}

/** Free mode: a new task starts in this thread; `launch` runs its body in the task's own context. */
export function launchFree(task: Task, launch: () => void): void {
	if (!sole) {
		sole = task;
		launch();
		return;
	}
	als ??= new AsyncLocalStorage<Task>();
	als.run(task, launch);
}

/** A run is over in this thread: nothing of it may be taken for the next one's. */
export function resetCurrent(): void {
	active = undefined;
	parked = undefined;
	sole = undefined;
	als = undefined;
	freeLive = 0;
}

/** Free mode: how many tasks live in this thread (a waiter alone may block the whole thread). */
let freeLive = 0;
export function freeTaskStarted(): void {
	freeLive++;
}
export function freeTaskEnded(): void {
	freeLive--;
}
export function freeAlone(): boolean {
	return freeLive === 1;
}
