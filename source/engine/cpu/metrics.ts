/** Figures shared by the simulator and the view: Gantt segments and averages. */
import {roundTime} from './dispatcher.js';
import type {Averages, JobMetrics, Segment} from './types.js';

/** Appends a segment to a core's chart, merging it with the last one if the same job simply went on; empty ones are dropped. */
export function addSegment(chart: Segment[], segment: Segment): void {
	const [start, end, job] = segment;
	if (!(end > start)) return;
	const last = chart.at(-1);
	if (last && last[2] === job && last[1] === start) last[1] = end;
	else chart.push([start, end, job]);
}

/** The mean waiting, turnaround and response time (0 with no jobs). */
export function averages(jobs: readonly Pick<JobMetrics, 'waiting' | 'turnaround' | 'response'>[]): Averages {
	const mean = (f: (j: (typeof jobs)[number]) => number) => (jobs.length === 0 ? 0 : roundTime(jobs.reduce((s, j) => s + f(j), 0) / jobs.length));
	return {waiting: mean(j => j.waiting), turnaround: mean(j => j.turnaround), response: mean(j => j.response)};
}
