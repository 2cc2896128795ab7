/**
 * `threading` and `multiprocessing` as namespaces, for a lesson that says
 * which module it means (`new threading.Lock()`): the two raise different
 * exceptions for the same mistake. The names a lesson imports bare
 * (`Lock`, `Semaphore`…) are multiprocessing's.
 */
import {BoundedSemaphore, Event, Lock, RLock, Semaphore, ThreadingBoundedSemaphore, ThreadingLock, ThreadingRLock, ThreadingSemaphore} from './sync.js';
import {JoinableQueue, Pipe, Queue, SimpleQueue} from './queues.js';
import {SharedArray, Value} from './shared.js';
import {Barrier, Condition, ThreadingBarrier, ThreadingCondition} from './condition.js';
import {LifoQueue, PriorityQueue, SimpleThreadQueue, ThreadQueue} from './thread-queues.js';
import {Timer, local} from './timer.js';
import {Manager} from './manager.js';
import {Pool, cpu_count} from './pool.js';
import {Empty, Full} from './errors.js';
import {Process, Thread, active_children, active_count, current_process, current_thread, enumerate, main_thread} from './tasks.js';

export const threading = {
	Lock: ThreadingLock,
	RLock: ThreadingRLock,
	Semaphore: ThreadingSemaphore,
	BoundedSemaphore: ThreadingBoundedSemaphore,
	Event,
	Condition: ThreadingCondition,
	Barrier: ThreadingBarrier,
	Timer,
	local,
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
	Condition,
	Barrier,
	Process,
	Queue,
	JoinableQueue,
	SimpleQueue,
	Pipe,
	Value,
	Array: SharedArray,
	Manager,
	Pool,
	cpu_count,
	active_children,
	current_process,
};

/** The `queue` module: queues for the threads of one process. */
export const queue = {
	Queue: ThreadQueue,
	LifoQueue,
	PriorityQueue,
	SimpleQueue: SimpleThreadQueue,
	Full,
	Empty,
};
