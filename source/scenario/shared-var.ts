/**
 * State a lesson wants on screen that is not a primitive: a plain variable
 * shared by a process's threads (a module global in Python, `n = 100`, that
 * every thread reads with `temp = n` and writes with `n = temp - 1`), and a
 * task's own local (`dic`, `temp`) named so the Variables panel can show it.
 *
 * Reading or writing a global is no step: under the GIL a load or a store of
 * a name is one bytecode, and the interleaving that matters happens at the
 * lesson's gates (a sleep between the read and the write). Each access is
 * recorded, with its value and its task, as an `op` event, so that the trace
 * says who read what and a read can be seen to go stale.
 */
import {currentTask} from '../engine/current.js';
import type {Task} from '../engine/runtime.js';
import {announce} from './sync.js';
import {pyrepr} from './repr.js';

/** The task running now, or none (module-level code of a process runs before any task). */
function runningTask(): Task | undefined {
	try {
		return currentTask();
	} catch {
		return undefined;
	}
}

/**
 * A variable shared by the threads of one process. A process of its own has
 * its own copy, as each process imports the lesson afresh (see the
 * `isolation` lesson): threads share it, processes do not.
 */
export class Shared<T> {
	private id: string | undefined;
	private current: T;

	constructor(
		readonly name: string,
		initial: T,
	) {
		this.current = initial;
		this.announce();
	}

	/** `temp = n`: the value now, recorded as a read by the running task. */
	get value(): T {
		this.record('read');
		return this.current;
	}

	/** `n = x`: recorded as a write by the running task. */
	set value(v: T) {
		this.current = v;
		this.record('write');
	}

	/** Made at module level, it is announced by the first task that touches it. */
	private announce(): string | undefined {
		if (this.id !== undefined) return this.id;
		if (!runningTask()) return undefined;
		this.id = announce('var', 'Var', this.name, {value: pyrepr(this.current)});
		return this.id;
	}

	private record(op: 'read' | 'write'): void {
		const task = runningTask();
		const id = this.announce();
		if (!task || id === undefined) return;
		task.runtime.emit({k: 'op', t: task.t, op, obj: id, data: {value: pyrepr(this.current)}});
	}
}

/** `n = 100` at module level, shared by the process's threads: `const n = shared('n', 100)`, then `n.value`. */
export function shared<T>(name: string, initial: T): Shared<T> {
	return new Shared(name, initial);
}

/**
 * Names a task's local for the Variables panel (`dic = json.load(f)` is
 * `const dic = watch('dic', JSON.parse(await db.read()))`): returns the value
 * as it is, and records it for the task running now.
 */
export function watch<T>(name: string, value: T): T {
	const task = runningTask();
	if (task) task.runtime.emit({k: 'op', t: task.t, op: 'local', data: {name, value: pyrepr(value)}});
	return value;
}
