/**
 * os.nice: how urgent the calling task is for the `priority` CPU policies
 * (lower is more urgent, as on Linux, where nice is per thread). The other
 * CPU policies ignore it.
 */
import type {Task} from '../engine/runtime.js';
import {rt} from './context.js';

const niceness = new WeakMap<Task, number>();

/** os.nice(increment): adds to the calling task's niceness (0 at first) and returns the new value. One step. */
export async function nice(increment: number): Promise<number> {
	const r = rt();
	const me = await r.step({op: 'nice', arg: String(increment)});
	const value = (niceness.get(me) ?? 0) + increment;
	niceness.set(me, value);
	r.emit({k: 'op', t: me.t, op: 'nice', data: {nice: value}});
	return value;
}
