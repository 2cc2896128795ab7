/**
 * `conc-tui compare fcfs,sjf,srtf,rr,mlfq [--jobs <lesson> | --jobs 'A@0:5,B@1:3/2/1'] [--quantum N] [--cores N] [--json]`
 *
 * The same jobs under several CPU policies: the averages and each job's
 * figures side by side, then a Gantt chart per policy. The jobs come from a
 * lesson (run for real, once per policy: its tasks are real workers and
 * their work() calls the CPU bursts) or from a job list, which the
 * simulator runs. Plain text (coloured bars on a terminal, unless NO_COLOR),
 * or one JSON document with `--json`.
 *
 * A job list: `NAME@ARRIVAL:CPU[/IO/CPU…][#PRIORITY]`, comma-separated;
 * `P1@0:8,P2@1:4` or `io@0:1/3/1#2` (CPU 1, I/O 3, CPU 1, priority 2).
 */
import {createRun, resolveRequest} from '../run/launch.js';
import {DEFAULT_QUANTUM, RESOLUTION, checkJobs, checkSlices, makeCpuPolicy, simulate, type Job, type Schedule} from '../engine/cpu/index.js';
import {InputError, loadScenario, resolveScenario} from '../scenario/load.js';
import {apply} from '../view/reducer.js';
import {emptyState} from '../view/state.js';
import {ganttAxis, ganttRuns, ganttScale, scheduleOf} from '../view/scheduling.js';
import type {Args} from './args.js';
import {track} from './shutdown.js';

export const DEFAULT_POLICIES = 'fcfs,sjf,srtf,rr,mlfq';
export const DEFAULT_JOBS = 'sjf';

export interface Comparison {
	/** Where the jobs came from: a lesson (`sjf`, `round-robin:q1`) or `list`. */
	source: string;
	/** `run`: the lesson ran for real under each policy; `simulated`: the simulator ran the job list. */
	how: 'run' | 'simulated';
	cores: number;
	quantum: number;
	/** The jobs, as given (a list) or as the first run saw them. */
	jobs: {name: string; arrival: number; burst: number}[];
	schedules: Schedule[];
}

/** Parses a job list (see the header); throws an InputError naming the bad part. */
export function parseJobList(text: string): Job[] {
	const jobs = text
		.split(',')
		.map(s => s.trim())
		.filter(Boolean)
		.map(part => {
			const m = /^([\w-]+)@([\d.]+):([\d./]+?)(?:#(-?\d+))?$/.exec(part);
			if (!m) throw new InputError(`--jobs: '${part}' is not NAME@ARRIVAL:CPU[/IO/CPU…][#PRIORITY], e.g. P1@0:8 or io@0:1/3/1`);
			// The clock has nine decimals: a finer time would be rounded to another one, or to nothing.
			const fine = [m[2]!, ...m[3]!.split('/')].find(t => (t.split('.')[1]?.length ?? 0) > 9);
			if (fine !== undefined) throw new InputError(`--jobs: '${part}': ${fine} is finer than the clock's resolution (${RESOLUTION})`);
			const bursts = m[3]!.split('/').map(Number);
			const job: Job = {name: m[1]!, arrival: Number(m[2]), bursts};
			if (m[4] !== undefined) job.priority = Number(m[4]);
			return job;
		});
	if (jobs.length === 0) throw new InputError('--jobs: no jobs given');
	try {
		checkJobs(jobs);
	} catch (error) {
		throw new InputError(`--jobs: ${(error as Error).message}`);
	}
	return jobs;
}

/** The policies named (comma-separated), each checked. */
export function parsePolicies(text: string, quantum: number): string[] {
	const specs = text
		.split(',')
		.map(s => s.trim())
		.filter(Boolean);
	if (specs.length === 0) throw new InputError(`name the policies to compare, e.g. 'conc-tui compare ${DEFAULT_POLICIES}'`);
	for (const spec of specs) {
		try {
			makeCpuPolicy(spec, quantum);
		} catch (error) {
			throw new InputError((error as Error).message);
		}
	}
	return specs;
}

/** Runs the comparison: a lesson for real, or a job list in the simulator. */
export async function compare(options: {policies: string; jobs?: string; quantum?: number; cores?: number; seed?: number}): Promise<Comparison> {
	const jobsSpec = options.jobs ?? DEFAULT_JOBS;
	if (jobsSpec.includes('@')) {
		const quantum = options.quantum ?? DEFAULT_QUANTUM;
		const cores = options.cores ?? 1;
		const specs = parsePolicies(options.policies, quantum);
		const jobs = parseJobList(jobsSpec);
		return {
			source: 'list',
			how: 'simulated',
			cores,
			quantum,
			jobs: jobs.map(j => ({name: j.name, arrival: j.arrival, burst: j.bursts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0)})),
			schedules: specs.map(spec => {
				const policy = makeCpuPolicy(spec, quantum);
				try {
					checkSlices(jobs, policy);
				} catch (error) {
					throw new InputError(`--jobs: ${(error as Error).message}`);
				}
				return simulate(jobs, policy, cores);
			}),
		};
	}
	const {module, variant, label} = resolveScenario(jobsSpec);
	const scenario = await loadScenario(module, label);
	// Checks the variant and the lesson's hooks first: a meta.cpu() that throws is one line.
	resolveRequest({scenario, variant});
	const machine = scenario.meta.cpu?.(variant ?? scenario.meta.defaultVariant, {}) ?? {};
	const quantum = options.quantum ?? machine.quantum ?? DEFAULT_QUANTUM;
	const cores = options.cores ?? machine.cores ?? 1;
	const specs = parsePolicies(options.policies, quantum);
	const schedules: Schedule[] = [];
	for (const spec of specs) {
		const state = emptyState();
		// The step policy is fifo: the CPU schedule does not depend on it, and the run is the same every time.
		const {done} = track(createRun({scenario, variant, sched: spec, quantum, cores, policy: 'fifo', seed: options.seed, lines: false, record: false}, e => apply(state, e)));
		await done;
		schedules.push(scheduleOf(state));
	}
	const first = schedules[0]!;
	if (first.jobs.length === 0) throw new InputError(`lesson ${label} does no CPU work (its tasks never call work()): nothing to schedule`);
	return {
		source: jobsSpec,
		how: 'run',
		cores,
		quantum,
		jobs: first.jobs.map(j => ({name: j.job, arrival: j.arrival, burst: j.burst})),
		schedules,
	};
}

// ---- plain text ------------------------------------------------------------

/** A number as short as it can be: `8`, `8.75`, `5.67`. */
function num(x: number): string {
	return String(Math.round(x * 100) / 100);
}

function table(rows: string[][]): string[] {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map(r => (r[c] ?? '').length)));
	return rows.map(r => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ').trimEnd());
}

const PALETTE = [41, 42, 43, 44, 45, 46, 101, 102, 103, 104, 105, 106];

/**
 * One policy's Gantt chart as text: a bar per core, `|P1    |P2  |`, idle
 * time as dots, and the times where something changed under it. `width` is
 * the most columns the bars may take; `color` paints each job's stretches.
 */
export function ganttText(s: Schedule, jobOrder: readonly string[], width = 96, color = false): string[] {
	// A fold, not Math.max(...): a long rr chart has more segments than a call has room for arguments.
	const end = s.gantt.reduce((m, c) => c.reduce((n, seg) => Math.max(n, seg[1]), m), Math.max(s.makespan, 0));
	if (end === 0) return s.gantt.map((_, i) => `core ${i} (idle)`);
	const perUnit = ganttScale(end, width);
	const label = (i: number) => `core ${i} `;
	const marks = [0, end, ...s.gantt.flatMap(c => c.flatMap(([a, b]) => [a, b]))];
	const lines = s.gantt.map((chart, i) => {
		const runs = ganttRuns(chart, end, perUnit);
		const bar = runs
			.map(r => {
				const p = r.job === undefined ? -1 : jobOrder.indexOf(r.job);
				return color && p >= 0 ? `\u001B[30;${PALETTE[p % PALETTE.length]}m${r.text}\u001B[0m` : r.text;
			})
			.join('');
		// A closing bar after the last stretch, when it ends the chart.
		const closes = chart.length > 0 && chart.at(-1)![1] === end;
		return `${label(i)}${bar}${closes ? '|' : ''}`.trimEnd();
	});
	lines.push(' '.repeat(label(0).length) + ganttAxis(marks, perUnit));
	return lines;
}

/** The whole comparison as text. */
export function comparisonText(c: Comparison, color = false): string {
	const head = c.schedules.map(s => s.label);
	const out: string[] = [];
	const what = c.how === 'run' ? `lesson ${c.source}, run for real under each policy` : 'a job list, simulated';
	out.push(`Jobs: ${what} · ${c.cores} core${c.cores === 1 ? '' : 's'} · quantum ${num(c.quantum)}`);
	out.push(`  ${c.jobs.map(j => `${j.name} (arrives ${num(j.arrival)}, CPU ${num(j.burst)})`).join(', ')}`);
	out.push('');
	out.push(
		...table([
			['Averages', ...head],
			['  waiting', ...c.schedules.map(s => num(s.average.waiting))],
			['  turnaround', ...c.schedules.map(s => num(s.average.turnaround))],
			['  response', ...c.schedules.map(s => num(s.average.response))],
			['  all done at', ...c.schedules.map(s => num(s.makespan))],
		]),
	);
	for (const [field, title] of [
		['waiting', 'Waiting'],
		['turnaround', 'Turnaround'],
		['response', 'Response'],
		['finish', 'Finish'],
	] as const) {
		out.push('');
		out.push(...table([[title, ...head], ...c.jobs.map(j => [`  ${j.name}`, ...c.schedules.map(s => num(s.jobs.find(m => m.job === j.name)?.[field] ?? NaN))])]));
	}
	const order = c.jobs.map(j => j.name);
	for (const s of c.schedules) {
		out.push('');
		out.push(`Gantt: ${s.label}`);
		out.push(...ganttText(s, order, 96, color).map(line => `  ${line}`));
	}
	return out.join('\n');
}

/** The command: prints the comparison; 0, or throws an InputError on bad input. */
export async function runCompare(args: Args): Promise<number> {
	const c = await compare({policies: args.policies ?? DEFAULT_POLICIES, jobs: args.jobs, quantum: args.quantum, cores: args.cores, seed: args.seed});
	if (args.json) {
		process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
		return 0;
	}
	const color = Boolean(process.stdout.isTTY) && !(process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb';
	process.stdout.write(`${comparisonText(c, color)}\n`);
	return 0;
}

