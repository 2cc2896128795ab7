/**
 * Everything a lesson imports, named as Python names it. See the README's
 * Python ↔ conc-tui table. Blocking calls are awaited.
 */
export {Lock, RLock, Semaphore, BoundedSemaphore, Event} from './sync.js';
export {Queue, JoinableQueue, SimpleQueue, Pipe, Connection} from './queues.js';
export {LifoQueue, PriorityQueue} from './thread-queues.js';
export {Condition, Barrier} from './condition.js';
export {Timer, local} from './timer.js';
export {shared, Shared, watch} from './shared-var.js';
export {Manager, DictProxy, ListProxy} from './manager.js';
export {Pool, AsyncResult, cpu_count} from './pool.js';
export {Value, SharedArray as Array, SharedFile} from './shared.js';
export {Process, Thread, active_children, active_count, current_process, current_thread, main_thread, getpid, getppid, exit, sys} from './tasks.js';
export {print, sleep, time, work, random, randint, uniform, choice} from './builtins.js';
export {pystr} from './repr.js';
export {nice} from './nice.js';
export {tuple, Tuple, float, Float} from './values.js';
export {threading, multiprocessing, queue} from './modules.js';
export {
	Full,
	Empty,
	PyError,
	Exception,
	ValueError,
	RuntimeError,
	AttributeError,
	PyTypeError as TypeError,
	KeyError,
	IndexError,
	ZeroDivisionError,
	TimeoutError,
	AssertionError,
	SystemExit,
	EOFError,
	OSError,
	BrokenPipeError,
	BrokenBarrierError,
} from './errors.js';
export {defineScenario, type ScenarioMeta, type MainContext, type Invariant} from './define.js';
export type {ViewState} from '../view/state.js';
