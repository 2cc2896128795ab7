/**
 * The CPU clock's limits: what it cannot represent is refused with a clear
 * RangeError, and a long chart still prints.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {MAX_JOBS, MAX_SLICES, MAX_TIME, RESOLUTION, makeCpuPolicy, simulate, type Job} from '../source/engine/cpu/index.js';
import {comparisonText, parseJobList} from '../source/cli/compare.js';

const job = (name: string, arrival: number, ...bursts: number[]): Job => ({name, arrival, bursts});

describe('the CPU clock', () => {
	it('refuses a burst below its resolution instead of showing finish = arrival', () => {
		assert.throws(() => simulate([job('A', 0, RESOLUTION / 3)], makeCpuPolicy('fcfs')), /below the clock's resolution/);
		assert.throws(() => simulate([job('A', 0, 1, RESOLUTION / 3, 1)], makeCpuPolicy('fcfs')), /an I\/O of .* below the clock's resolution/);
		assert.equal(simulate([job('A', 0, RESOLUTION)], makeCpuPolicy('fcfs')).jobs[0]!.finish, RESOLUTION);
	});

	it('refuses times past its limit, where a double no longer holds every tick', () => {
		assert.throws(() => simulate([job('A', 2 ** 53, 1)], makeCpuPolicy('fcfs')), /past the clock's limit/);
		assert.throws(() => simulate([job('A', MAX_TIME, 1)], makeCpuPolicy('fcfs')), /past the clock's limit/);
		assert.equal(simulate([job('A', MAX_TIME - 1, 1)], makeCpuPolicy('fcfs')).makespan, MAX_TIME);
	});

	it('takes a whole slice from 1 to 1000 in rr:Q and mlfq:Q, as --quantum does', () => {
		for (const spec of ['rr:1e-9', 'rr:1e-300', 'rr:0.5', 'rr:1001', 'mlfq:0.25', 'mlfq:1e-9:3']) assert.throws(() => makeCpuPolicy(spec), /a time slice is a whole number from 1 to 1000/, spec);
		assert.throws(() => makeCpuPolicy('rr', 0.5), /a time slice is a whole number/);
		assert.equal(makeCpuPolicy('rr:1000').quantum, 1000);
	});

	it('bounds the work: too many jobs or time slices are refused, not run for minutes', () => {
		assert.throws(() => simulate([job('A', 0, MAX_SLICES + 1)], makeCpuPolicy('rr:1')), /time slices/);
		assert.equal(simulate([job('A', 0, MAX_SLICES + 1)], makeCpuPolicy('fcfs')).makespan, MAX_SLICES + 1);
		const many = Array.from({length: MAX_JOBS + 1}, (_, i) => job(`J${i}`, 0, 1));
		assert.throws(() => simulate(many, makeCpuPolicy('fcfs')), /at most 200 jobs/);
	});

	it('refuses a job list written finer than the clock', () => {
		assert.throws(() => parseJobList('A@0:0.0000000001'), /finer than the clock's resolution/);
		assert.throws(() => parseJobList('A@0.0000000001:1'), /finer than the clock's resolution/);
		assert.deepEqual(parseJobList('A@0.000000001:1')[0]!.arrival, 1e-9);
	});

	it('prints a chart of a hundred thousand slices (no spread into Math.max)', () => {
		const jobs = [job('A', 0, 50_000), job('B', 0, 50_000)];
		const s = simulate(jobs, makeCpuPolicy('rr:1'));
		const text = comparisonText({source: 'list', how: 'simulated', cores: 1, quantum: 1, jobs: jobs.map(j => ({name: j.name, arrival: 0, burst: 50_000})), schedules: [s]});
		assert.match(text, /Gantt: rr q=1/);
	});
});

describe('the readings docs/scheduling.md states', () => {
	it('a preempted job goes behind a job that arrived at the same instant', () => {
		const s = simulate(parseJobList('A@0:5#1,B@2:1#0,C@2:3#1'), makeCpuPolicy('priority'));
		assert.deepEqual(s.gantt, [[[0, 2, 'A'], [2, 3, 'B'], [3, 6, 'C'], [6, 9, 'A']]]);
	});

	it('MLFQ: a job that has just dropped a queue preempts a job running in a lower one', () => {
		const s = simulate(parseJobList('X@0:20,Y@3:10,Z@4:10'), makeCpuPolicy('mlfq:1:3'), 2);
		const at4 = s.gantt.map(core => core.find(([a, b]) => a <= 4 && 4 < b)?.[2]);
		assert.deepEqual(at4.sort(), ['Y', 'Z'], JSON.stringify(s.gantt));
	});

	it('the default priority is 0: -1 runs before it, 1 after', () => {
		const s = simulate(parseJobList('A@0:2,B@0:2#-1,C@0:2#1'), makeCpuPolicy('priority-np'));
		assert.deepEqual(s.gantt[0]!.map(seg => seg[2]), ['B', 'A', 'C']);
	});
});
