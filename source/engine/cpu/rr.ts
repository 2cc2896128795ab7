/**
 * Round robin: a line, as FCFS, but a job may keep its core for one time
 * slice only; if its burst is not over by then, it goes to the back of the
 * line (behind the jobs that became ready at that same instant) and the
 * first job of the line runs. A job that blocks for I/O before its slice is
 * over rejoins the back of the line when the I/O ends. Alone in the line, a
 * job whose slice ends just gets another one.
 */
import type {CpuPolicy} from './types.js';

export function rr(quantum: number): CpuPolicy {
	if (!(quantum > 0)) throw new RangeError(`rr needs a positive quantum, not ${quantum}`);
	return {
		name: 'rr',
		label: `rr q=${quantum}`,
		preemptive: false,
		quantum,
		levels: 1,
		enter() {},
		key: () => 0,
		slice: () => quantum,
		quantumOf: () => quantum,
	};
}
