/**
 * Everything a lesson imports, named as Python names it. See the README's
 * Python ↔ conc-tui table. Blocking calls are awaited.
 */
export {Lock, RLock, Semaphore, BoundedSemaphore, Event} from './sync.js';
export {Queue, JoinableQueue, Pipe, Connection} from './queues.js';
export {Value, SharedFile} from './shared.js';
export {Process, Thread, active_children, current_process, current_thread, getpid, getppid} from './tasks.js';
export {print, sleep, time, work, random, randint, uniform, choice} from './builtins.js';
export {pystr} from './repr.js';
export {nice} from './nice.js';
export {Full, Empty, AssertionError, PyError, EOFError, OSError, BrokenPipeError} from './errors.js';
export {defineScenario, type ScenarioMeta, type MainContext, type Invariant} from './define.js';
export type {ViewState} from '../view/state.js';
