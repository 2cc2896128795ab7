/**
 * A promise rejection that lesson code leaves unhandled (`Promise.reject(e)`
 * not awaited, an async function that throws, called without `await`) ends
 * the process it happened in, as a task that throws does: a traceback on its
 * stderr and exit code 1, while the other processes go on. Node would end the
 * whole thread instead, and with it every process the thread hosts.
 *
 * Free mode: Node reports the rejection once the thread's microtasks have
 * run, in the async context of the promise, so the calling task
 * (engine/current.ts) is the one whose code made the promise. Its process
 * sends a `fatal` report.
 *
 * Controlled mode: every process of the run shares the step loop's thread,
 * whose steps chain on microtasks, so Node would report a rejection only at
 * the loop's next turn (a matter of wall time), or after the run. The trace
 * must not depend on that. Node reads `process.domain` at the very moment a
 * promise is rejected with no handler; a getter there notes the task in
 * control. After any step (or start, or late report) with such a note, the
 * step loop lets its thread's event loop turn once (takeRejections), Node
 * reports those of the rejections no handler took meanwhile, and the engine
 * ends their processes right there, at the same point of every run.
 */
import {currentTask, UnawaitedCall} from './current.js';
import type {Task} from './runtime.js';

/** A rejection Node reported during a controlled run, with the task in control when it happened (if one was). */
export interface Rejection {
	reason: unknown;
	task: Task | undefined;
}

/** Controlled runs going on in this thread (one at a time; a count, to be safe). */
let controlledRuns = 0;
/** Controlled: rejections with no handler when they happened, in order; the task in control then. */
const noted: (Task | undefined)[] = [];
/** Controlled: rejections Node has reported as unhandled, for the engine to take. */
const reported: Rejection[] = [];
let watching = false;

/** The task whose code runs now, if any: in controlled mode also the one that has just parked (its unawaited rest). */
function runningTask(): Task | undefined {
	try {
		return currentTask();
	} catch (error) {
		return error instanceof UnawaitedCall ? error.task : undefined;
	}
}

/** Called once per thread that runs lesson code (host/lesson-io.ts). */
export function watchRejections(): void {
	if (watching) return;
	watching = true;
	let domain: unknown = (process as {domain?: unknown}).domain;
	Object.defineProperty(process, 'domain', {
		configurable: true,
		enumerable: true,
		get() {
			if (controlledRuns > 0) noted.push(runningTask());
			return domain;
		},
		set(value: unknown) {
			domain = value;
		},
	});
	process.on('unhandledRejection', reason => {
		if (controlledRuns > 0) {
			reported.push({reason, task: noted.shift()});
			return;
		}
		const task = runningTask();
		// Not lesson code's: Node's own answer (the thread ends with the error).
		if (!task) throw reason;
		task.runtime.rejected(task, reason);
	});
}

/** A controlled run starts (true) or ends (false) in this thread. */
export function controlledRun(on: boolean): void {
	controlledRuns = Math.max(0, controlledRuns + (on ? 1 : -1));
	noted.length = 0;
	reported.length = 0;
}

/** Controlled: a rejection with no handler has happened since the last take (or Node has reported one). */
export function rejectionsPending(): boolean {
	return noted.length > 0 || reported.length > 0;
}

/** Controlled: lets the event loop turn once, so Node says which of the noted rejections no handler took; returns those. */
export async function takeRejections(): Promise<Rejection[]> {
	if (noted.length > 0) await new Promise(resolve => setImmediate(resolve));
	noted.length = 0;
	return reported.splice(0);
}
