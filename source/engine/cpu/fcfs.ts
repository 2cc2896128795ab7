/** First come, first served: the ready queue is a plain line; a job keeps its core until its burst ends. */
import type {CpuPolicy} from './types.js';

export function fcfs(): CpuPolicy {
	return {
		name: 'fcfs',
		label: 'fcfs',
		preemptive: false,
		levels: 1,
		enter() {},
		key: () => 0,
		slice: () => Infinity,
		quantumOf: () => undefined,
	};
}
