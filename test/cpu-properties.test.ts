/**
 * Properties of the CPU scheduling policies over random job sets
 * (fast-check): what every correct scheduler must do, and the textbook
 * comparisons between policies.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {CPU_POLICY_NAMES, makeCpuPolicy, simulate, type Job, type Schedule} from '../source/engine/cpu/index.js';

const RUNS = 300;

/** A job set: 1–7 jobs, integer times, some with I/O between bursts, some with priorities. */
function jobsArb(opts: {io?: boolean; arrivals?: boolean; groups?: boolean} = {}): fc.Arbitrary<Job[]> {
	const {io = true, arrivals = true, groups = false} = opts;
	const bursts = io
		? fc.array(fc.integer({min: 1, max: 9}), {minLength: 1, maxLength: 3}).chain(cpu =>
				fc.array(fc.integer({min: 0, max: 6}), {minLength: cpu.length - 1, maxLength: cpu.length - 1}).map(ios => cpu.flatMap((c, i) => (i < ios.length ? [c, ios[i]!] : [c]))),
			)
		: fc.integer({min: 1, max: 12}).map(b => [b]);
	const one = fc.record({
		arrival: arrivals ? fc.integer({min: 0, max: 12}) : fc.constant(0),
		bursts,
		priority: fc.integer({min: 0, max: 3}),
		process: groups ? fc.constantFrom('A', 'B', 'C') : fc.constant(undefined),
	});
	return fc.array(one, {minLength: 1, maxLength: 7}).map(list =>
		list.map((j, i) => ({name: `J${i + 1}`, arrival: j.arrival, bursts: j.bursts, priority: j.priority, ...(j.process ? {process: j.process} : {})})),
	);
}

const cores = fc.integer({min: 1, max: 3});
const quantum = fc.integer({min: 1, max: 5});
const policy = fc.constantFrom(...CPU_POLICY_NAMES);

/** Each job's service segments, sorted by start. */
function served(s: Schedule): Map<string, [number, number][]> {
	const out = new Map<string, [number, number][]>();
	for (const chart of s.gantt) for (const [a, b, job] of chart) (out.get(job) ?? out.set(job, []).get(job)!).push([a, b]);
	for (const list of out.values()) list.sort((x, y) => x[0] - y[0]);
	return out;
}

/** When each burst of each job was asked for and when it was over, rebuilt from the Gantt chart and the job set. */
function bursts(jobs: Job[], s: Schedule): Map<string, {asked: number; over: number}[]> {
	const segs = served(s);
	const out = new Map<string, {asked: number; over: number}[]>();
	for (const job of jobs) {
		const list: {asked: number; over: number}[] = [];
		const mine = segs.get(job.name) ?? [];
		let asked = job.arrival;
		let need = 0;
		for (let k = 0; k < job.bursts.length; k += 2) {
			need += job.bursts[k]!;
			// The burst is over when the job's service adds up to `need`.
			let total = 0;
			let over = NaN;
			for (const [a, b] of mine) {
				if (total + (b - a) >= need - 1e-9) {
					over = a + (need - total);
					break;
				}
				total += b - a;
			}
			list.push({asked, over});
			asked = over + (job.bursts[k + 1] ?? 0);
		}
		out.set(job.name, list);
	}
	return out;
}

describe('every policy, random job sets', () => {
	it('serves every burst exactly: each job gets its CPU time, never before it asks, on one core at a time', () => {
		fc.assert(
			fc.property(jobsArb({groups: true}), policy, cores, quantum, (jobs, name, n, q) => {
				const s = simulate(jobs, makeCpuPolicy(name, q), n);
				const segs = served(s);
				for (const job of jobs) {
					const want = job.bursts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
					const mine = segs.get(job.name) ?? [];
					const got = mine.reduce((sum, [a, b]) => sum + (b - a), 0);
					assert.ok(Math.abs(got - want) < 1e-9, `${job.name} got ${got} of ${want}`);
					for (let i = 1; i < mine.length; i++) assert.ok(mine[i]![0] >= mine[i - 1]![1] - 1e-9, `${job.name} on two cores at once`);
					assert.ok(mine[0]![0] >= job.arrival, `${job.name} ran before it arrived`);
					// Within a burst's window only: no service while it is in I/O.
					for (const {asked, over} of bursts(jobs, s).get(job.name)!) assert.ok(over >= asked, `${job.name}: a burst ends before it was asked`);
				}
				for (const chart of s.gantt) for (let i = 1; i < chart.length; i++) assert.ok(chart[i]![0] >= chart[i - 1]![1], 'two jobs on one core');
				// Threads of one process never overlap.
				const byProcess = new Map<string, [number, number][]>();
				for (const job of jobs) if (job.process) byProcess.set(job.process, [...(byProcess.get(job.process) ?? []), ...(segs.get(job.name) ?? [])]);
				for (const list of byProcess.values()) {
					list.sort((x, y) => x[0] - y[0]);
					for (let i = 1; i < list.length; i++) assert.ok(list[i]![0] >= list[i - 1]![1] - 1e-9, 'two threads of one process at once');
				}
			}),
			{numRuns: RUNS},
		);
	});

	it('keeps the books: waiting = turnaround − burst − I/O, response ≤ waiting, start ≥ arrival', () => {
		fc.assert(
			fc.property(jobsArb(), policy, cores, quantum, (jobs, name, n, q) => {
				const s = simulate(jobs, makeCpuPolicy(name, q), n);
				for (const m of s.jobs) {
					assert.ok(Math.abs(m.waiting - (m.turnaround - m.burst - m.io)) < 1e-6, JSON.stringify(m));
					assert.ok(m.response <= m.waiting + 1e-9 && m.start >= m.arrival && m.finish <= s.makespan, JSON.stringify(m));
				}
			}),
			{numRuns: RUNS},
		);
	});

	it('never leaves a core idle while a job is ready (no GIL)', () => {
		fc.assert(
			fc.property(jobsArb(), policy, cores, quantum, (jobs, name, n, q) => {
				const s = simulate(jobs, makeCpuPolicy(name, q), n);
				const windows = bursts(jobs, s);
				const segs = served(s);
				const times = new Set<number>();
				for (const chart of s.gantt) for (const [a, b] of chart) times.add(a).add(b);
				for (const list of windows.values()) for (const w of list) times.add(w.asked).add(w.over);
				const sorted = [...times].sort((a, b) => a - b);
				for (let i = 1; i < sorted.length; i++) {
					const t = (sorted[i - 1]! + sorted[i]!) / 2;
					const busy = s.gantt.filter(chart => chart.some(([a, b]) => a < t && t < b)).length;
					const ready = jobs.filter(job => {
						const waiting = windows.get(job.name)!.some(w => w.asked < t && t < w.over);
						const running = (segs.get(job.name) ?? []).some(([a, b]) => a < t && t < b);
						return waiting && !running;
					});
					assert.ok(busy === n || ready.length === 0, `at ${t}: ${n - busy} idle core(s) while ${ready.map(j => j.name).join(', ')} ready`);
				}
			}),
			{numRuns: RUNS},
		);
	});
});

describe('policies compared', () => {
	it("SJF's average waiting is never above FCFS's when all jobs arrive at once", () => {
		fc.assert(
			fc.property(jobsArb({io: false, arrivals: false}), jobs => {
				const a = simulate(jobs, makeCpuPolicy('sjf'), 1).average.waiting;
				const b = simulate(jobs, makeCpuPolicy('fcfs'), 1).average.waiting;
				assert.ok(a <= b + 1e-9, `sjf ${a} > fcfs ${b}`);
			}),
			{numRuns: RUNS},
		);
	});

	it("SRTF's average waiting is never above SJF's (one core, no I/O)", () => {
		fc.assert(
			fc.property(jobsArb({io: false}), jobs => {
				const a = simulate(jobs, makeCpuPolicy('srtf'), 1).average.waiting;
				const b = simulate(jobs, makeCpuPolicy('sjf'), 1).average.waiting;
				assert.ok(a <= b + 1e-9, `srtf ${a} > sjf ${b}`);
			}),
			{numRuns: RUNS},
		);
	});

	it('RR with a quantum at least the longest burst is FCFS (with I/O, on any cores)', () => {
		fc.assert(
			fc.property(jobsArb(), cores, fc.integer({min: 0, max: 5}), (jobs, n, extra) => {
				const longest = Math.max(...jobs.flatMap(j => j.bursts.filter((_, i) => i % 2 === 0)));
				const a = simulate(jobs, makeCpuPolicy('rr', longest + extra), n);
				const b = simulate(jobs, makeCpuPolicy('fcfs'), n);
				assert.deepEqual(a.gantt, b.gantt);
				assert.deepEqual(a.jobs, b.jobs);
			}),
			{numRuns: RUNS},
		);
	});

	it('MLFQ whose top slice fits every burst is FCFS too; priority with equal priorities is FCFS', () => {
		fc.assert(
			fc.property(jobsArb(), cores, (jobs, n) => {
				const longest = Math.max(...jobs.flatMap(j => j.bursts.filter((_, i) => i % 2 === 0)));
				const b = simulate(jobs, makeCpuPolicy('fcfs'), n);
				assert.deepEqual(simulate(jobs, makeCpuPolicy('mlfq', longest), n).gantt, b.gantt);
				const flat = jobs.map(j => ({...j, priority: 1}));
				assert.deepEqual(simulate(flat, makeCpuPolicy('priority'), n).gantt, b.gantt);
			}),
			{numRuns: RUNS},
		);
	});
});
