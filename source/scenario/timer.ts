/**
 * threading.Timer and threading.local: two small things made of the others.
 */
import type {Task} from '../engine/runtime.js';
import {rt} from './context.js';
import {Event} from './sync.js';
import {Thread} from './tasks.js';

/** threading.Timer(interval, function, args, kwargs): a thread that calls `function` after `interval` seconds unless cancelled. */
export class Timer extends Thread {
	private readonly finished = new Event();

	constructor(
		private readonly interval: number,
		private readonly fn: (...args: never[]) => unknown,
		private readonly fnArgs: unknown[] = [],
		private readonly fnKwargs?: Record<string, unknown>,
	) {
		super();
	}

	override async run(): Promise<void> {
		await this.finished.wait(this.interval);
		if (!this.finished.is_set()) await this.fn(...((this.fnKwargs === undefined ? this.fnArgs : [...this.fnArgs, this.fnKwargs]) as never[]));
		await this.finished.set();
	}

	/** Stops the timer if it is still waiting. */
	cancel(): Promise<void> {
		return this.finished.set();
	}
}

/**
 * threading.local(): an object whose attributes each thread sees its own
 * copy of (`data.x = 1` in one thread is not seen by another). An attribute
 * a thread has not set reads as undefined (CPython raises AttributeError).
 */
export class local {
	constructor() {
		const perTask = new WeakMap<Task, Record<PropertyKey, unknown>>();
		const own = (): Record<PropertyKey, unknown> => {
			const task = rt().current;
			let values = perTask.get(task);
			if (!values) {
				values = {};
				perTask.set(task, values);
			}
			return values;
		};
		return new Proxy(this, {
			get: (target, key, receiver) => (key in own() ? own()[key] : Reflect.get(target, key, receiver)),
			set: (_target, key, value) => {
				own()[key] = value;
				return true;
			},
			has: (target, key) => key in own() || key in target,
			deleteProperty: (_target, key) => delete own()[key],
			ownKeys: () => Reflect.ownKeys(own()),
			getOwnPropertyDescriptor: (_target, key) => (key in own() ? {value: own()[key], writable: true, enumerable: true, configurable: true} : undefined),
		});
	}
}
