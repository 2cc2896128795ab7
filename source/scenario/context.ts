/**
 * The runtime of the process this code runs in. Set once per worker when the
 * worker is given a process; scenario API calls made anywhere else (on the
 * main thread, where the engine only reads a scenario's metadata) fail with a
 * clear message instead of doing something half-real.
 */
import type {Runtime} from '../engine/runtime.js';

let runtime: Runtime | undefined;

export function setRuntime(r: Runtime): void {
	runtime = r;
}

export function rt(): Runtime {
	if (!runtime) throw new Error('this call only works inside a running lesson (run it with conc-tui)');
	return runtime;
}
