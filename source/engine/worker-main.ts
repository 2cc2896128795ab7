/**
 * The entry point of every process's worker. A worker waits in the pool
 * until it is given a process to run; it then imports the lesson's module
 * (its own copy, with its own module variables, as a spawned Python process
 * re-imports its main module) and runs the target as the process's main task.
 * It never imports React or Ink.
 */
import {parentPort} from 'node:worker_threads';
import type {Assignment} from './protocol.js';
import {Runtime} from './runtime.js';
import {setRuntime} from '../scenario/context.js';
import {unmarshal} from '../scenario/handles.js';
import {runExport} from '../scenario/tasks.js';
// Registers how each primitive is rebuilt from a handle.
import '../scenario/api.js';

parentPort!.once('message', async (a: Assignment) => {
	process.setSourceMapsEnabled(true);
	const runtime = new Runtime(a);
	setRuntime(runtime);
	let module: Record<string, unknown>;
	try {
		module = (await import(a.module)) as Record<string, unknown>;
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
	const args = unmarshal(a.args) as unknown[];
	// A function is called with the args; a Process subclass is rebuilt and its run() called.
	runtime.startMain(() => runExport(target as (...x: unknown[]) => unknown, args));
});
