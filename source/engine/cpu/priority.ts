/**
 * Priority scheduling: the most urgent ready job (lowest priority number,
 * like nice) runs first; equal priorities, first come first served.
 * `priority` is preemptive (a job that becomes ready more urgent than a
 * running one takes its core); `priority-np` is not.
 */
import type {CpuPolicy} from './types.js';

export function priority(preemptive = true): CpuPolicy {
	const name = preemptive ? 'priority' : 'priority-np';
	return {
		name,
		label: name,
		preemptive,
		levels: 1,
		enter() {},
		key: job => job.priority,
		slice: () => Infinity,
		quantumOf: () => undefined,
	};
}
