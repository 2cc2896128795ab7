/**
 * Multilevel feedback queue, as seed 003 describes it:
 * - several ready queues; the first is the most urgent, each next one less;
 * - the time slice doubles at each lower queue (q, 2q, 4q, …);
 * - a new job joins the back of the first queue; a job that uses up its whole
 *   slice without finishing its burst drops to the back of the next queue;
 *   the last queue is round robin (a job stays there);
 * - a queue runs only when every queue above it is empty, and a job that
 *   becomes ready in a higher queue than a running job's preempts it: the
 *   preempted job goes back to the back of its own queue (no drop).
 * Where the seed is silent: a job that blocks for I/O before its slice is
 * over keeps its queue and rejoins its back when the I/O ends; a job gets a
 * whole new slice each time it is dispatched.
 */
import type {CpuPolicy} from './types.js';

export function mlfq(quantum: number, levels = 3): CpuPolicy {
	if (!(quantum > 0)) throw new RangeError(`mlfq needs a positive quantum, not ${quantum}`);
	if (!Number.isInteger(levels) || levels < 1) throw new RangeError(`mlfq needs a whole number of queues, not ${levels}`);
	const quanta = Array.from({length: levels}, (_, i) => quantum * 2 ** i);
	return {
		name: 'mlfq',
		label: `mlfq q=${quanta.join(',')}`,
		preemptive: true,
		quantum,
		levels,
		enter(job, why) {
			if (why === 'slice') job.level = Math.min(job.level + 1, levels - 1);
		},
		key: job => job.level,
		slice: job => quanta[job.level]!,
		quantumOf: level => quanta[level],
	};
}
