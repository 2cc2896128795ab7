/**
 * Python values JavaScript has no type for: a tuple, and a float that is a
 * whole number (`1.0`). Both cross processes through pipes and queues (a
 * structured clone) and print as Python prints them.
 */
import {type Handle, marshal, registerReviver, unmarshal} from './handles.js';
import {floatRepr} from './repr.js';

/**
 * A tuple: an array (indexing, length, destructuring all work) marked by an
 * own `__tuple` property, the one kind of mark a structured clone keeps on
 * an array. Frozen, as a tuple is immutable. What arrives from another
 * process is an array with the mark; {@link reviveTuples} makes it a Tuple
 * again.
 */
export class Tuple<T = unknown> extends Array<T> {
	declare readonly __tuple: true;

	constructor(...args: never[]) {
		super(...args);
		// `map` and `slice` make their result with this constructor: the mark stays on it.
		(this as {__tuple: boolean}).__tuple = true;
	}

	/** Passed to another process in a Process's args: rebuilt there as a Tuple. */
	toHandle(to?: number): Handle {
		return {__prim: 'tuple', items: marshal([...this], to)};
	}
}

/** `(a, b)` in Python: `tuple(a, b)`. */
export function tuple<T>(...items: T[]): Tuple<T> {
	const t = new Tuple<T>();
	t.push(...items);
	return Object.freeze(t) as Tuple<T>;
}

/** Whether a value is a tuple, here or as it arrived from another process. */
export function isTuple(v: unknown): v is readonly unknown[] {
	return Array.isArray(v) && (v as {__tuple?: unknown}).__tuple === true;
}

/** Gives the tuples inside a value that came through a queue or pipe back their class (in place). */
export function reviveTuples<T>(value: T): T {
	if (Array.isArray(value)) {
		if (isTuple(value) && !(value instanceof Tuple)) Object.setPrototypeOf(value, Tuple.prototype);
		for (const v of value) reviveTuples(v);
	} else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		for (const v of Object.values(value)) reviveTuples(v);
	}
	return value;
}

registerReviver('tuple', h => tuple(...(unmarshal(h.items) as unknown[])));

/**
 * A Python float: a number that remembers it is one, so `1.0` prints as
 * `1.0` (a JavaScript number prints it `1`). What `Value('d')` loads.
 * Arithmetic and comparisons with < > work on it as on a number; `===`
 * compares objects, so compare with `==` or unwrap with `+x`.
 */
export class Float extends Number {
	override toString(): string {
		return floatRepr(this.valueOf());
	}
}

/** Python's `float(x)`. */
export function float(x: number | string): Float {
	return new Float(Number(x));
}

/**
 * How an object says what Python's str() of it is, when that is not its
 * fields (a Manager's dict proxy prints the dict it stands for).
 */
export const PY_STR: unique symbol = Symbol.for('conc-tui.pystr');
