/**
 * What lesson code may do to its thread that it must not: write to the
 * terminal behind the trace's back (console.log, which could move the
 * cursor or clear the screen), or end the thread (process.exit, which would
 * take every process of the thread with it). Both are turned into what a
 * lesson means by them: a line its task prints, and the end of the task with
 * that exit code, as sys.exit(n) ends a Python thread. A promise rejection
 * it leaves unhandled ends its own process, not the thread
 * (engine/rejections.ts).
 */
import {format} from 'node:util';
import {currentTask} from '../engine/current.js';
import {watchRejections} from '../engine/rejections.js';
import {SystemExit} from '../engine/runtime.js';

export function containLessonIo(): void {
	const printer = (stream?: 'stderr') =>
		(...args: unknown[]) => {
			let task;
			try {
				task = currentTask();
			} catch {
				// Not lesson code: nothing of a run to show it in.
				return;
			}
			task.runtime.emit({k: 'print', t: task.t, text: format(...args), ...(stream ? {stream} : {})});
		};
	console.log = printer();
	console.info = printer();
	console.debug = printer();
	console.error = printer('stderr');
	console.warn = printer('stderr');
	process.exit = ((code?: number | string) => {
		throw new SystemExit(Number(code ?? process.exitCode ?? 0) || 0);
	}) as typeof process.exit;
	watchRejections();
}
