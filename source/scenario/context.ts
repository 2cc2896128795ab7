/**
 * The runtime of the process the calling code belongs to, found through the
 * task that is running (engine/current.ts): several processes share a
 * thread, each with a runtime of its own. A call made where no lesson task
 * runs (on the main thread, where only a lesson's metadata is read) fails
 * with a clear message instead of doing something half-real; one made while
 * its task waits at a call it did not await names that call.
 */
import {currentTask} from '../engine/current.js';
import type {Runtime} from '../engine/runtime.js';

export function rt(): Runtime {
	return currentTask().runtime;
}
