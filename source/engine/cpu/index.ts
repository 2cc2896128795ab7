/**
 * CPU scheduling policies by name, and the pieces around them. A policy is
 * named on the command line as `name` or `name:quantum` (`rr:4`,
 * `mlfq:2:3` = base slice 2, three queues).
 */
import {fcfs} from './fcfs.js';
import {mlfq} from './mlfq.js';
import {priority} from './priority.js';
import {rr} from './rr.js';
import {sjf} from './sjf.js';
import {srtf} from './srtf.js';
import type {CpuPolicy} from './types.js';

export {Dispatcher, MAX_TIME, RESOLUTION, roundTime, type Change, type QueueView} from './dispatcher.js';
export {simulate, checkJobs, checkSlices, MAX_JOBS, MAX_SLICES} from './simulate.js';
export {addSegment, averages} from './metrics.js';
export {fcfs, sjf, srtf, rr, mlfq, priority};
export type * from './types.js';

export const CPU_POLICY_NAMES = ['fcfs', 'sjf', 'srtf', 'rr', 'mlfq', 'priority', 'priority-np'] as const;
export type CpuPolicyName = (typeof CPU_POLICY_NAMES)[number];

/** The time slice rr and mlfq use when none is given. */
export const DEFAULT_QUANTUM = 2;
/** How many queues mlfq keeps when none is said. */
export const DEFAULT_LEVELS = 3;
/** The longest time slice; with a whole number of at least 1 it is the range `--quantum` takes. */
export const MAX_QUANTUM = 1000;

/**
 * A fresh policy from its name (`rr`, `rr:4`, `mlfq:2:3`…); `quantum` is the
 * slice when the spec names none. Throws a RangeError with one clear line.
 */
export function makeCpuPolicy(spec: string, quantum = DEFAULT_QUANTUM): CpuPolicy {
	const [name, ...params] = spec.trim().toLowerCase().split(':');
	const nums = params.map(p => {
		const n = Number(p);
		if (p === '' || !Number.isFinite(n) || n <= 0) throw new RangeError(`'${spec}': '${p}' is not a positive number`);
		return n;
	});
	const q = nums[0] ?? quantum;
	// As --quantum: a slice is a whole number of time units. A slice of 1e-9 cut a burst into millions of segments.
	if (!Number.isInteger(q) || q < 1 || q > MAX_QUANTUM) throw new RangeError(`'${spec}': a time slice is a whole number from 1 to ${MAX_QUANTUM}, not ${q}`);
	const noParams = () => {
		if (nums.length > 0) throw new RangeError(`'${spec}': ${name} takes no parameters`);
	};
	switch (name) {
		case 'fcfs':
			noParams();
			return fcfs();
		case 'sjf':
			noParams();
			return sjf();
		case 'srtf':
			noParams();
			return srtf();
		case 'rr':
			if (nums.length > 1) throw new RangeError(`'${spec}': rr takes one parameter, its quantum`);
			return rr(q);
		case 'mlfq': {
			if (nums.length > 2) throw new RangeError(`'${spec}': mlfq takes a quantum and a number of queues`);
			const levels = nums[1] ?? DEFAULT_LEVELS;
			if (!Number.isInteger(levels) || levels > 8) throw new RangeError(`'${spec}': mlfq keeps 1 to 8 queues, not ${levels}`);
			return mlfq(q, levels);
		}
		case 'priority':
			noParams();
			return priority(true);
		case 'priority-np':
			noParams();
			return priority(false);
		default:
			throw new RangeError(`unknown CPU scheduling policy '${name}'; policies: ${CPU_POLICY_NAMES.join(', ')}`);
	}
}
