/**
 * Shortest job first, non-preemptive: when a core is free, the ready job
 * with the shortest next CPU burst gets it and keeps it until the burst ends.
 * Equal bursts: whoever entered the ready queue first.
 */
import type {CpuPolicy} from './types.js';

export function sjf(): CpuPolicy {
	return {
		name: 'sjf',
		label: 'sjf',
		preemptive: false,
		levels: 1,
		enter() {},
		key: job => job.left,
		slice: () => Infinity,
		quantumOf: () => undefined,
	};
}
