/**
 * Section 6: `conc-tui explore`, a thousand schedules of a lesson, each one
 * run on the warm engine host, next to the cost of one run of the same
 * lesson measured here (the floor: a search cannot be cheaper than its
 * runs); and an exhaustive search of a two-process lesson within two
 * preemptions, which has to finish and say how many schedules it ran.
 * In this process, as the CLI runs it (the CLI's start is not counted).
 */
import {explore} from '../../source/explore/search.js';
import {runSchedule, type Target} from '../../source/explore/runner.js';
import {loadScenario, resolveScenario} from '../../source/scenario/load.js';
import {sample} from '../lib/measure.js';
import {type Row, ms} from '../lib/table.js';

const RUNS = 1000;

async function target(spec: string): Promise<Target> {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	return {scenario, variant: variant ?? scenario.meta.defaultVariant, options: {}};
}

/** One run's wall time, best and median of `n` after one to warm the host. */
async function oneRun(t: Target, n: number): Promise<{best: number; median: number}> {
	await runSchedule(t, {seed: 1, policy: 'random'});
	const all: number[] = [];
	for (let i = 0; i < n; i++) {
		const start = performance.now();
		await runSchedule(t, {seed: 100 + i, policy: 'random'});
		all.push(performance.now() - start);
	}
	return sample(all, false);
}

async function exploreRow(spec: string, goalMs: number, reps: number): Promise<Row> {
	const t = await target(spec);
	const one = await oneRun(t, 10);
	const times: number[] = [];
	let reruns = 0;
	let broken = '';
	let cpu = 0;
	// A thousand runs are many seconds: at most two takes.
	for (let i = 0; i < Math.min(reps, 2); i++) {
		const start = performance.now();
		const used = process.cpuUsage();
		const x = await explore(t, {strategy: 'random', runs: RUNS, depth: 0, seed: 1});
		times.push(performance.now() - start);
		const spent = process.cpuUsage(used);
		// CPU of every thread of this process (the host's included): on a loaded machine, what the search itself costs.
		cpu = (spent.user + spent.system) / 1000;
		reruns = x.shortest?.reruns ?? 0;
		broken = x.invariants.map(inv => `${inv.name} ${inv.broken}/${x.runs}`).join(', ');
	}
	const took = sample(times, false);
	return {
		target: '6',
		figure: `explore ${spec} --runs ${RUNS}`,
		measured: ms(took.best),
		floor: `one run ${ms(one.best)} (×${RUNS}: ${ms(one.best * RUNS)})`,
		goal: `≤ ${ms(goalMs)}`,
		verdict: took.best <= goalMs ? 'PASS' : 'MISS',
		note: `random strategy, seeds 1–${RUNS}, two runs at a time on the warm hosts, plus ${reruns} reruns minimizing the shortest break; broken: ${broken}; best of ${times.length}, median ${ms(took.median)}; CPU time of all threads ${ms(cpu)} (${(cpu / RUNS).toFixed(1)} ms a run); one run: best of 10, median ${ms(one.median)}`,
	};
}

export async function exploreFigure(reps: number): Promise<Row[]> {
	const rows = [await exploreRow('ticket:unsafe', 5000, reps), await exploreRow('bank:unsafe', 10_000, reps)];
	const lock = await target('bank:lock');
	const start = performance.now();
	const x = await explore(lock, {strategy: 'exhaustive', runs: 100_000, depth: 2, seed: 1});
	const took = performance.now() - start;
	rows.push({
		target: '6',
		figure: 'explore bank:lock --strategy exhaustive --depth 2',
		measured: `${x.runs} schedules, ${x.complete ? 'complete' : 'not complete'}, ${ms(took)}`,
		floor: '—',
		goal: 'finishes and reports its count',
		verdict: x.complete ? 'PASS' : 'MISS',
		note: `every schedule of two processes within 2 preemptions; balance-100 broken in ${x.invariants[0]?.broken ?? 0}`,
	});
	return rows;
}
