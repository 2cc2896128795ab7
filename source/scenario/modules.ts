/**
 * `threading` and `multiprocessing` as namespaces, for a lesson that says
 * which module it means (`new threading.Lock()`): the two raise different
 * exceptions for the same mistake. The names a lesson imports bare
 * (`Lock`, `Semaphore`…) are multiprocessing's.
 */
import {BoundedSemaphore, Event, Lock, RLock, Semaphore, ThreadingBoundedSemaphore, ThreadingLock, ThreadingRLock, ThreadingSemaphore} from './sync.js';
import {JoinableQueue, Pipe, Queue} from './queues.js';
import {Value} from './shared.js';
import {Process, Thread, active_children, active_count, current_process, current_thread, enumerate, main_thread} from './tasks.js';

export const threading = {
	Lock: ThreadingLock,
	RLock: ThreadingRLock,
	Semaphore: ThreadingSemaphore,
	BoundedSemaphore: ThreadingBoundedSemaphore,
	Event,
	Thread,
	current_thread,
	main_thread,
	enumerate,
	active_count,
};

export const multiprocessing = {
	Lock,
	RLock,
	Semaphore,
	BoundedSemaphore,
	Event,
	Process,
	Queue,
	JoinableQueue,
	Pipe,
	Value,
	active_children,
	current_process,
};
