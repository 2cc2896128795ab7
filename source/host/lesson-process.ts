/**
 * How a process's code starts, in whichever thread hosts it: a fresh
 * instance of the lesson module is evaluated, the target is looked up by
 * name among its exports (as multiprocessing unpickles a target by name),
 * its arguments are rebuilt (primitives from their handles), and the target
 * runs as the process's main task.
 */
import {instantiate} from '../engine/module-instance.js';
import type {Runtime} from '../engine/runtime.js';
import {unmarshal} from '../scenario/handles.js';
import {runExport} from '../scenario/tasks.js';

export async function startLesson(runtime: Runtime): Promise<void> {
	const a = runtime.assignment;
	let module: Record<string, unknown>;
	try {
		module = await instantiate(a.module);
	} catch (error) {
		runtime.fail(`cannot load ${a.module}: ${error instanceof Error ? error.message : String(error)}`);
		return;
	}
	runtime.exports = module;
	const target = module[a.target];
	if (typeof target !== 'function') {
		runtime.fail(`${a.target} is not a function exported by the lesson`);
		return;
	}
	// Rebuilt by the process's own main task: a primitive revived from its handle belongs to this process.
	await runtime.startMain(() => runExport(target as (...x: unknown[]) => unknown, unmarshal(a.args) as unknown[]));
}
