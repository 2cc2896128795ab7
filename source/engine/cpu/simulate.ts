/**
 * A small discrete-event simulator: jobs with arrival times, CPU bursts and
 * I/O, run by a policy on some cores, give the Gantt chart and each job's
 * figures. Time jumps from event to event (an arrival, the end of an I/O,
 * the end of a slice); at each instant the dispatcher decides as it does for
 * the engine's real tasks.
 */
import {Dispatcher, MAX_TIME, RESOLUTION, roundTime} from './dispatcher.js';
import {addSegment, averages} from './metrics.js';
import type {CpuPolicy, Job, JobMetrics, Schedule, Segment} from './types.js';

interface Live {
	job: Job;
	index: number;
	/** Index into job.bursts of the burst it is in or waits for. */
	phase: number;
	/** When it next asks for the CPU (arrival, end of I/O); undefined while it is in the CPU's hands or done. */
	nextAt: number | undefined;
	readySince: number;
	waiting: number;
	start: number | undefined;
	finish: number | undefined;
}

/** The most jobs a simulation takes: each instant sorts the ready queue, and a list is typed by hand. */
export const MAX_JOBS = 200;
/** The most time slices a simulation may cut (rr and mlfq), so a tiny slice or a huge burst is refused, not run for minutes. */
export const MAX_SLICES = 100_000;

/** Checks a job set; throws a RangeError naming the first problem. */
export function checkJobs(jobs: readonly Job[]): void {
	const names = new Set<string>();
	if (jobs.length > MAX_JOBS) throw new RangeError(`at most ${MAX_JOBS} jobs, not ${jobs.length}`);
	// Every job could run after every other has arrived and run: the last instant is at most this.
	let horizon = Math.max(0, ...jobs.map(j => j.arrival));
	for (const job of jobs) {
		if (!job.name) throw new RangeError('a job needs a name');
		if (names.has(job.name)) throw new RangeError(`two jobs are named ${job.name}`);
		names.add(job.name);
		if (!(job.arrival >= 0) || !Number.isFinite(job.arrival)) throw new RangeError(`${job.name}: arrival must be a finite number ≥ 0`);
		if (job.bursts.length % 2 !== 1) throw new RangeError(`${job.name}: bursts go CPU, I/O, CPU, …, CPU (an odd count)`);
		job.bursts.forEach((b, i) => {
			if (!Number.isFinite(b) || b < 0 || (i % 2 === 0 && b === 0)) throw new RangeError(`${job.name}: ${i % 2 === 0 ? 'a CPU burst must be > 0' : 'an I/O must be ≥ 0'}, not ${b}`);
			if (i % 2 === 0 && b < RESOLUTION) throw new RangeError(`${job.name}: a CPU burst of ${b} is below the clock's resolution (${RESOLUTION})`);
			if (b > 0 && b < RESOLUTION) throw new RangeError(`${job.name}: an I/O of ${b} is below the clock's resolution (${RESOLUTION})`);
			horizon += b;
		});
		if (job.priority !== undefined && !Number.isSafeInteger(job.priority)) throw new RangeError(`${job.name}: a priority must be a whole number, not ${job.priority}`);
	}
	if (horizon > MAX_TIME) throw new RangeError(`the jobs could run until ${horizon}, past the clock's limit of ${MAX_TIME} time units`);
}

/** Refuses a job set that `policy` would cut into more than MAX_SLICES slices. */
export function checkSlices(jobs: readonly Job[], policy: CpuPolicy): void {
	if (policy.quantum === undefined) return;
	let slices = 0;
	for (const job of jobs) job.bursts.forEach((b, i) => i % 2 === 0 && (slices += Math.ceil(b / policy.quantum!)));
	if (slices > MAX_SLICES) throw new RangeError(`${policy.label} would cut these jobs into ${slices} time slices, more than the ${MAX_SLICES} a simulation takes: a longer slice, or shorter bursts`);
}

export function simulate(jobs: readonly Job[], policy: CpuPolicy, cores = 1): Schedule {
	checkJobs(jobs);
	checkSlices(jobs, policy);
	const d = new Dispatcher(policy, cores);
	const live: Live[] = jobs.map((job, index) => ({job, index, phase: 0, nextAt: roundTime(job.arrival), readySince: 0, waiting: 0, start: undefined, finish: undefined}));
	const byName = new Map(live.map(l => [l.job.name, l]));
	const gantt: Segment[][] = Array.from({length: cores}, () => []);
	const since: (number | undefined)[] = Array.from({length: cores}, () => undefined);
	const close = (core: number, id: string, now: number) => {
		addSegment(gantt[core]!, [since[core]!, now, id]);
		since[core] = undefined;
	};
	let now = Math.min(...live.map(l => l.nextAt!), Infinity);
	while (Number.isFinite(now)) {
		// 1. Slices that end now.
		for (const id of d.endingBy(now)) {
			const core = d.onCores().indexOf(id);
			close(core, id, now);
			const l = byName.get(id)!;
			if (d.end(id, now) === 'slice') {
				l.readySince = now;
				continue;
			}
			l.phase++;
			if (l.phase < l.job.bursts.length) {
				l.nextAt = roundTime(now + l.job.bursts[l.phase]!);
				l.phase++;
			} else {
				l.finish = now;
			}
		}
		// 2. Jobs that ask for the CPU now.
		for (const l of live) {
			if (l.nextAt === undefined || l.nextAt > now) continue;
			l.nextAt = undefined;
			l.readySince = now;
			d.request(l.job.name, l.job.bursts[l.phase]!, {order: l.index, group: l.job.process, priority: l.job.priority});
		}
		// 3. The decisions of the instant.
		for (const c of d.settle(now)) {
			const l = byName.get(c.id)!;
			if (c.kind === 'preempt') {
				close(c.core, c.id, now);
				l.readySince = now;
			} else {
				since[c.core] = now;
				l.waiting += now - l.readySince;
				l.start ??= now;
			}
		}
		let next = d.nextEnd() ?? Infinity;
		for (const l of live) if (l.nextAt !== undefined && l.nextAt < next) next = l.nextAt;
		now = next;
	}
	const metrics: JobMetrics[] = live.map(l => {
		const burst = roundTime(l.job.bursts.reduce((sum, b, i) => (i % 2 === 0 ? sum + b : sum), 0));
		const io = roundTime(l.job.bursts.reduce((sum, b, i) => (i % 2 === 1 ? sum + b : sum), 0));
		const arrival = roundTime(l.job.arrival);
		const finish = l.finish!;
		return {
			job: l.job.name,
			arrival,
			burst,
			io,
			start: l.start!,
			finish,
			waiting: roundTime(l.waiting),
			turnaround: roundTime(finish - arrival),
			response: roundTime(l.start! - arrival),
		};
	});
	return {
		policy: policy.name,
		label: policy.label,
		cores,
		gantt,
		jobs: metrics,
		average: averages(metrics),
		makespan: Math.max(0, ...metrics.map(m => m.finish)),
	};
}
