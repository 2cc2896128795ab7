/**
 * print, sleep, CPU work and seeded randomness: the rest of what lessons call.
 */
import {rt} from './context.js';
import {pystr} from './repr.js';

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
