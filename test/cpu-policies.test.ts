/**
 * The CPU scheduling policies on textbook job sets, with the answers worked
 * out by hand (Gantt order, waiting and turnaround times), including ties,
 * idle gaps, I/O, several cores and the GIL.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {makeCpuPolicy, simulate, type Job, type Schedule} from '../source/engine/cpu/index.js';

function run(jobs: Job[], spec: string, cores = 1, quantum?: number): Schedule {
	return simulate(jobs, makeCpuPolicy(spec, quantum), cores);
}

function figures(s: Schedule, field: 'waiting' | 'turnaround' | 'response' | 'start' | 'finish'): Record<string, number> {
	return Object.fromEntries(s.jobs.map(j => [j.job, j[field]]));
}

const job = (name: string, arrival: number, ...bursts: number[]): Job => ({name, arrival, bursts});

describe('fcfs', () => {
	it('makes short jobs wait behind a long one (the convoy): 24, 3, 3', () => {
		const s = run([job('P1', 0, 24), job('P2', 0, 3), job('P3', 0, 3)], 'fcfs');
		assert.deepEqual(s.gantt, [[[0, 24, 'P1'], [24, 27, 'P2'], [27, 30, 'P3']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 0, P2: 24, P3: 27});
		assert.deepEqual(figures(s, 'turnaround'), {P1: 24, P2: 27, P3: 30});
		assert.equal(s.average.waiting, 17);
		assert.equal(s.average.turnaround, 27);
	});

	it('serves jobs that arrive together in their order, and idles when nothing is ready', () => {
		const s = run([job('A', 5, 3), job('B', 0, 2), job('C', 5, 1)], 'fcfs');
		assert.deepEqual(s.gantt, [[[0, 2, 'B'], [5, 8, 'A'], [8, 9, 'C']]]);
		assert.deepEqual(figures(s, 'waiting'), {A: 0, B: 0, C: 3});
		assert.equal(s.makespan, 9);
	});

	it('sends a job back to the end of the line when its I/O ends', () => {
		const s = run([job('P1', 0, 2, 3, 2), job('P2', 0, 4)], 'fcfs');
		assert.deepEqual(s.gantt, [[[0, 2, 'P1'], [2, 6, 'P2'], [6, 8, 'P1']]]);
		const p1 = s.jobs[0]!;
		assert.deepEqual(p1, {job: 'P1', arrival: 0, burst: 4, io: 3, start: 0, finish: 8, waiting: 1, turnaround: 8, response: 0});
	});

	it('uses every core: two cores, three jobs', () => {
		const s = run([job('P1', 0, 4), job('P2', 0, 2), job('P3', 0, 3)], 'fcfs', 2);
		assert.deepEqual(s.gantt, [[[0, 4, 'P1']], [[0, 2, 'P2'], [2, 5, 'P3']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 0, P2: 0, P3: 2});
	});

	it('never runs two jobs of one process at once (the GIL), whatever the cores', () => {
		const jobs: Job[] = [
			{name: 'T1', arrival: 0, bursts: [3], process: 'A'},
			{name: 'T2', arrival: 0, bursts: [3], process: 'A'},
			{name: 'P', arrival: 0, bursts: [3], process: 'B'},
		];
		const s = run(jobs, 'fcfs', 2);
		assert.deepEqual(s.gantt, [[[0, 3, 'T1'], [3, 6, 'T2']], [[0, 3, 'P']]]);
	});
});

describe('sjf (non-preemptive)', () => {
	it('runs the shortest first when all arrive at once: 6, 8, 7, 3', () => {
		const s = run([job('P1', 0, 6), job('P2', 0, 8), job('P3', 0, 7), job('P4', 0, 3)], 'sjf');
		assert.deepEqual(s.gantt, [[[0, 3, 'P4'], [3, 9, 'P1'], [9, 16, 'P3'], [16, 24, 'P2']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 3, P2: 16, P3: 9, P4: 0});
		assert.equal(s.average.waiting, 7);
		assert.equal(s.average.turnaround, 13);
	});

	it('does not take the core from a running job: arrivals 0, 1, 2, 3', () => {
		const s = run([job('P1', 0, 8), job('P2', 1, 4), job('P3', 2, 9), job('P4', 3, 5)], 'sjf');
		assert.deepEqual(s.gantt, [[[0, 8, 'P1'], [8, 12, 'P2'], [12, 17, 'P4'], [17, 26, 'P3']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 0, P2: 7, P3: 15, P4: 9});
		assert.equal(s.average.waiting, 7.75);
	});

	it('breaks a tie of equal bursts by who came first, then by job order', () => {
		const s = run([job('X', 0, 4), job('B', 2, 3), job('A', 2, 3), job('C', 1, 3)], 'sjf');
		// At 4, C (ready since 1), B and A (since 2) all need 3: C first, then B before A (job order).
		assert.deepEqual(s.gantt, [[[0, 4, 'X'], [4, 7, 'C'], [7, 10, 'B'], [10, 13, 'A']]]);
	});
});

describe('srtf (preemptive sjf)', () => {
	it('preempts for a shorter arrival: the textbook 8, 4, 9, 5 at 0, 1, 2, 3', () => {
		const s = run([job('P1', 0, 8), job('P2', 1, 4), job('P3', 2, 9), job('P4', 3, 5)], 'srtf');
		assert.deepEqual(s.gantt, [[[0, 1, 'P1'], [1, 5, 'P2'], [5, 10, 'P4'], [10, 17, 'P1'], [17, 26, 'P3']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 9, P2: 0, P3: 15, P4: 2});
		assert.equal(s.average.waiting, 6.5);
		assert.deepEqual(figures(s, 'response'), {P1: 0, P2: 0, P3: 15, P4: 2});
	});

	it('does not preempt on a tie', () => {
		const s = run([job('A', 0, 4), job('B', 1, 3)], 'srtf');
		// At 1, A has 3 left and B needs 3: A keeps the core.
		assert.deepEqual(s.gantt, [[[0, 4, 'A'], [4, 7, 'B']]]);
	});

	it('preempts the job with the most left when several cores are busy', () => {
		const s = run([job('A', 0, 10), job('B', 0, 6), job('C', 1, 2)], 'srtf', 2);
		// At 0: B (6) on core 0, A (10) on core 1. At 1, C (2) takes A's core.
		assert.deepEqual(s.gantt, [[[0, 6, 'B']], [[0, 1, 'A'], [1, 3, 'C'], [3, 12, 'A']]]);
	});
});

describe('rr', () => {
	it('takes turns with quantum 4: 24, 3, 3', () => {
		const s = run([job('P1', 0, 24), job('P2', 0, 3), job('P3', 0, 3)], 'rr', 1, 4);
		assert.deepEqual(s.gantt, [[[0, 4, 'P1'], [4, 7, 'P2'], [7, 10, 'P3'], [10, 30, 'P1']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 6, P2: 4, P3: 7});
		assert.equal(s.average.waiting, 5.666666667);
		assert.deepEqual(figures(s, 'response'), {P1: 0, P2: 4, P3: 7});
	});

	it('puts a job whose slice ends behind a job that arrives at that instant', () => {
		const s = run([job('P1', 0, 5), job('P2', 2, 3)], 'rr:2');
		assert.deepEqual(s.gantt, [[[0, 2, 'P1'], [2, 4, 'P2'], [4, 6, 'P1'], [6, 7, 'P2'], [7, 8, 'P1']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 3, P2: 2});
	});

	it('rejoins the back of the line after I/O, without waiting for its slice', () => {
		const s = run([job('A', 0, 1, 2, 1), job('B', 0, 6)], 'rr:3');
		// A runs 1 and blocks; B runs 1-4; A is back at 3 and waits for B's slice; B again after A.
		assert.deepEqual(s.gantt, [[[0, 1, 'A'], [1, 4, 'B'], [4, 5, 'A'], [5, 8, 'B']]]);
		assert.deepEqual(figures(s, 'waiting'), {A: 1, B: 2});
	});
});

describe('mlfq', () => {
	it('drops a job that uses its whole slice, doubling the slice each level (q = 2, 4, 8)', () => {
		const s = run([job('P1', 0, 10), job('P2', 1, 2)], 'mlfq:2');
		// P1 0-2 in Q0 (slice over: down to Q1); P2, in Q0, runs first; P1 4-8 in Q1, 8-12 in Q2.
		assert.deepEqual(s.gantt, [[[0, 2, 'P1'], [2, 4, 'P2'], [4, 12, 'P1']]]);
		assert.deepEqual(figures(s, 'waiting'), {P1: 2, P2: 1});
	});

	it('lets a new arrival in a higher queue preempt the running job, which keeps its queue', () => {
		const s = run([job('P1', 0, 10), job('P2', 3, 2)], 'mlfq:2');
		// P1 0-2 (Q0), 2-3 (Q1) until P2 arrives in Q0; P2 3-5; P1 back in Q1 5-9, then Q2 9-12.
		assert.deepEqual(s.gantt, [[[0, 3, 'P1'], [3, 5, 'P2'], [5, 12, 'P1']]]);
		assert.deepEqual(figures(s, 'finish'), {P1: 12, P2: 5});
	});

	it('runs the lowest queue round robin', () => {
		const s = run([job('A', 0, 9), job('B', 0, 9)], 'mlfq:1:2');
		// Q0 slice 1, Q1 slice 2: A 0-1, B 1-2, then both in Q1 take turns of 2.
		assert.deepEqual(s.gantt, [[[0, 1, 'A'], [1, 2, 'B'], [2, 4, 'A'], [4, 6, 'B'], [6, 8, 'A'], [8, 10, 'B'], [10, 12, 'A'], [12, 14, 'B'], [14, 16, 'A'], [16, 18, 'B']]]);
	});

	it('keeps a job that blocks for I/O before its slice ends in its queue', () => {
		const s = run([job('IO', 0, 1, 1, 1, 1, 1), job('CPU', 0, 20)], 'mlfq:2');
		// IO never uses a whole slice, so it stays in Q0. At 2 CPU is in Q0 too: no preemption; CPU drops
		// to Q1 at 3. At 5 IO comes back in Q0 and preempts CPU (in Q1), which keeps Q1.
		assert.deepEqual(s.gantt, [[[0, 1, 'IO'], [1, 3, 'CPU'], [3, 4, 'IO'], [4, 5, 'CPU'], [5, 6, 'IO'], [6, 23, 'CPU']]]);
		assert.deepEqual(figures(s, 'waiting'), {IO: 1, CPU: 3});
	});
});

describe('priority', () => {
	const jobs: Job[] = [
		{name: 'P1', arrival: 0, bursts: [10], priority: 3},
		{name: 'P2', arrival: 0, bursts: [1], priority: 1},
		{name: 'P3', arrival: 0, bursts: [2], priority: 4},
		{name: 'P4', arrival: 0, bursts: [1], priority: 5},
		{name: 'P5', arrival: 0, bursts: [5], priority: 2},
	];

	it('runs the most urgent first (lowest number): the textbook five', () => {
		for (const spec of ['priority', 'priority-np']) {
			const s = run(jobs, spec);
			assert.deepEqual(s.gantt, [[[0, 1, 'P2'], [1, 6, 'P5'], [6, 16, 'P1'], [16, 18, 'P3'], [18, 19, 'P4']]], spec);
			assert.equal(s.average.waiting, 8.2, spec);
		}
	});

	it('preempts for a more urgent arrival (priority) or not (priority-np)', () => {
		const two: Job[] = [
			{name: 'low', arrival: 0, bursts: [5], priority: 2},
			{name: 'high', arrival: 1, bursts: [2], priority: 1},
		];
		assert.deepEqual(run(two, 'priority').gantt, [[[0, 1, 'low'], [1, 3, 'high'], [3, 7, 'low']]]);
		assert.deepEqual(run(two, 'priority-np').gantt, [[[0, 5, 'low'], [5, 7, 'high']]]);
	});
});

describe('policy names and job sets', () => {
	it('reads name:quantum and refuses what it does not know', () => {
		assert.equal(makeCpuPolicy('rr:4').label, 'rr q=4');
		assert.equal(makeCpuPolicy('mlfq', 3).label, 'mlfq q=3,6,12');
		assert.equal(makeCpuPolicy('mlfq:1:4').label, 'mlfq q=1,2,4,8');
		assert.throws(() => makeCpuPolicy('lottery'), /unknown CPU scheduling policy 'lottery'/);
		assert.throws(() => makeCpuPolicy('rr:0'), /not a positive number/);
		assert.throws(() => makeCpuPolicy('fcfs:2'), /takes no parameters/);
	});

	it('refuses a malformed job set', () => {
		assert.throws(() => simulate([job('A', 0, 1, 2)], makeCpuPolicy('fcfs')), /odd count/);
		assert.throws(() => simulate([job('A', 0, 0)], makeCpuPolicy('fcfs')), /CPU burst must be > 0/);
		assert.throws(() => simulate([job('A', 0, 1), job('A', 1, 1)], makeCpuPolicy('fcfs')), /two jobs are named A/);
	});

	it('gives an empty schedule for no jobs', () => {
		const s = run([], 'fcfs', 2);
		assert.deepEqual(s.gantt, [[], []]);
		assert.deepEqual(s.average, {waiting: 0, turnaround: 0, response: 0});
	});
});
