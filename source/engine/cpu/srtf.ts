/**
 * Shortest remaining time first: SJF with preemption. A job that becomes
 * ready with a burst strictly shorter than what a running job has left takes
 * that job's core; the running job goes back to the ready queue with what it
 * has left. Equal times: no preemption, and the earlier ready job goes first.
 */
import type {CpuPolicy} from './types.js';

export function srtf(): CpuPolicy {
	return {
		name: 'srtf',
		label: 'srtf',
		preemptive: true,
		levels: 1,
		enter() {},
		key: job => job.left,
		slice: () => Infinity,
		quantumOf: () => undefined,
	};
}
