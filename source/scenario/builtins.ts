/**
 * print, sleep, CPU work and seeded randomness: the rest of what lessons call.
 */
import {rt} from './context.js';
import {PY_STR, floatRepr, isTuple} from './values.js';

/** How Python's str() shows a value, for the common cases. */
export function pystr(v: unknown): string {
	if (v === null || v === undefined) return 'None';
	if (v === true) return 'True';
	if (v === false) return 'False';
	if (typeof v === 'string') return v;
	// A whole number is an int unless it says it is a float (Float); any other number is a float.
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatRepr(v);
	// A Float that crossed processes arrives as a plain Number object: still a float.
	if (v instanceof Number) return floatRepr(v.valueOf());
	if (isTuple(v)) return v.length === 1 ? `(${pyrepr(v[0])},)` : `(${v.map(pyrepr).join(', ')})`;
	if (Array.isArray(v)) return `[${v.map(pyrepr).join(', ')}]`;
	if (v instanceof Set) return v.size === 0 ? 'set()' : `{${[...v].map(pyrepr).join(', ')}}`;
	if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyrepr(k)}: ${pyrepr(x)}`).join(', ')}}`;
	if (typeof v === 'object' && typeof (v as {[PY_STR]?: unknown})[PY_STR] === 'function') return (v as {[PY_STR]: () => string})[PY_STR]();
	if (typeof v === 'object') {
		return `{${Object.entries(v as Record<string, unknown>)
			.map(([k, x]) => `${pyrepr(k)}: ${pyrepr(x)}`)
			.join(', ')}}`;
	}
	return String(v);
}

/** How Python's repr() shows a value inside a list or dict. */
export function pyrepr(v: unknown): string {
	return typeof v === 'string' ? `'${v}'` : pystr(v);
}

/** Python's print(*args): one line, one step. */
export async function print(...args: unknown[]): Promise<void> {
	const r = rt();
	const text = args.map(pystr).join(' ');
	const me = await r.step({op: 'print', arg: text.length > 60 ? `${text.slice(0, 57)}...` : text});
	r.emit({k: 'print', t: me.t, text});
}

/** time.sleep(seconds), on the run's virtual clock. */
export function sleep(secondsToSleep: number): Promise<void> {
	return rt().sleep(secondsToSleep);
}

/** time.time(), on the run's virtual clock: seconds since the run began (not a step). */
export function time(): number {
	return rt().now();
}

/** CPU work for `units` of time: holds a core while it runs. */
export function work(units: number): Promise<void> {
	return rt().work(units);
}

/** random.random(), from the run's seed. */
export function random(): number {
	return rt().current.rng.random();
}

/** random.randint(a, b), both ends included, from the run's seed. */
export function randint(a: number, b: number): number {
	return rt().current.rng.randint(a, b);
}

/** random.uniform(a, b). */
export function uniform(a: number, b: number): number {
	return a + (b - a) * random();
}

/** random.choice(seq). */
export function choice<T>(items: readonly T[]): T {
	return items[rt().current.rng.below(items.length)]!;
}
