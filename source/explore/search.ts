/**
 * Many schedules of one lesson: fresh random seeds, PCT, or every schedule
 * within a bound on preemptions (a preemption: granting another task while
 * the one that ran last could go on). Each schedule is one run on a warm
 * engine host (runner.ts); what comes back is counted, and the shortest
 * schedule that broke an invariant is minimized by re-running its prefixes.
 */
import {availableParallelism} from 'node:os';
import {CLOCK_MOVE} from '../engine/policies.js';
import {breaks, runSchedule, type Drive, type Explored, type Target} from './runner.js';

export const STRATEGIES = ['random', 'pct', 'exhaustive'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface Plan {
	strategy: Strategy;
	/** How many schedules at most. */
	runs: number;
	/** pct: the bug depth d; exhaustive: the bound on preemptions. */
	depth: number;
	/** The first seed (random, pct: one seed a run, counting up; exhaustive: the seed of every run). */
	seed: number;
}

export interface InvariantCount {
	name: string;
	expected: 'hold' | 'breakable';
	/** Schedules whose end verdict on it was "broken". */
	broken: number;
}

export interface Shortest {
	run: Explored;
	/** The invariants it broke. */
	broke: string[];
	/** The schedule it was minimized from, in steps and preemptions, and the runs minimizing took. */
	from: {steps: number; preemptions: number};
	reruns: number;
}

export interface Exploration {
	plan: Plan;
	/** Schedules run (the search's own; not those minimizing took). */
	runs: number;
	/** Exhaustive: whether every schedule within the bound was run. */
	complete?: boolean;
	invariants: InvariantCount[];
	/** For each outcome value, how many schedules ended with each value, in order of the values. */
	outcomes: Record<string, [number | string, number][]>;
	shortest?: Shortest;
	/** False when some preemption could not be told from the trace (CPU work): counts of preemptions are then a floor. */
	exact: boolean;
}

/** Fewest steps, then fewest preemptions. */
function shorter(a: Explored, b: Explored | undefined): boolean {
	return !b || a.steps < b.steps || (a.steps === b.steps && a.preemptions < b.preemptions);
}

export async function explore(target: Target, plan: Plan, onRun?: (done: number) => void): Promise<Exploration> {
	const meta = target.scenario.meta;
	const invariants = (meta.invariants ?? []).map(inv => ({name: inv.name, expected: inv.expect?.[target.variant] ?? 'hold', broken: 0}));
	const histograms = new Map<string, Map<number | string, number>>();
	let best: Explored | undefined;
	let exact = true;
	let runs = 0;
	const count = (r: Explored) => {
		runs++;
		exact &&= r.exact;
		for (const inv of invariants) if (r.broke[inv.name] !== undefined) inv.broken++;
		for (const [name, value] of Object.entries(r.values)) {
			let h = histograms.get(name);
			if (!h) histograms.set(name, (h = new Map()));
			h.set(value, (h.get(value) ?? 0) + 1);
		}
		if (breaks(r) && shorter(r, best)) best = r;
		onRun?.(runs);
	};
	let complete: boolean | undefined;
	if (plan.strategy === 'random') {
		await inOrder(plan.runs, i => runSchedule(target, {seed: plan.seed + i, policy: 'random'}), count);
	} else if (plan.strategy === 'pct') {
		// PCT draws its change points over the run's length: measured on one run of the lesson.
		const length = (await runSchedule(target, {seed: plan.seed, policy: 'random'})).steps;
		await inOrder(plan.runs, i => runSchedule(target, {seed: plan.seed + i, policy: `pct:${plan.depth}:${length}`}), count);
	} else {
		complete = await exhaustive(target, plan, count);
	}
	const outcomes: Exploration['outcomes'] = {};
	for (const [name, h] of histograms) outcomes[name] = [...h].sort(([a], [b]) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
	return {plan, runs, ...(complete !== undefined ? {complete} : {}), invariants, outcomes, ...(best ? {shortest: await minimize(target, best)} : {}), exact};
}

/** Schedules that do not depend on each other run two at a time (the host pool keeps two warm), and are counted in order: the report is the same however they interleave. */
const AT_ONCE = Math.min(2, availableParallelism());

async function inOrder(n: number, run: (i: number) => Promise<Explored>, count: (r: Explored) => void): Promise<void> {
	const pending: Promise<Explored>[] = [];
	let next = 0;
	const start = () => {
		const p = run(next++);
		// Awaited in its turn; a failure while an earlier run is awaited must not go unhandled meanwhile.
		p.catch(() => {});
		pending.push(p);
	};
	while (next < Math.min(n, AT_ONCE)) start();
	for (let i = 0; i < n; i++) {
		const r = await pending.shift()!;
		if (next < n) start();
		count(r);
	}
}

/**
 * Depth-first over the choice points: each run follows a prefix, then never
 * preempts (policy `np`), so it is the one schedule of its subtree that adds
 * no preemption; every other choice it passed after the prefix is a subtree
 * still to run, if it keeps within the bound. Each schedule within the bound
 * is run exactly once. True when all were run within `plan.runs`.
 */
async function exhaustive(target: Target, plan: Plan, count: (r: Explored) => void): Promise<boolean> {
	const stack: number[][] = [[]];
	let runs = 0;
	while (stack.length > 0) {
		if (runs >= plan.runs) return false;
		const prefix = stack.pop()!;
		const r = await runSchedule(target, {seed: plan.seed, policy: 'np', prefix});
		runs++;
		count(r);
		let cost = 0;
		const children: number[][] = [];
		r.points.forEach((p, j) => {
			if (j >= prefix.length) {
				// Every ready task, and the clock where it could run to a timer instead (a time move).
				const alternatives = Array.from({length: p.of}, (_, a) => a);
				if (p.clock) alternatives.push(CLOCK_MOVE);
				for (const a of alternatives) {
					if (a === p.choice) continue;
					// No "stay": the last task could not go on (or, in an inexact trace, it is not known, and counts: the bound errs small).
					// A clock move delays every ready task: it always counts, or timers would make the bound no bound.
					const extra = a === CLOCK_MOVE ? 1 : p.stay !== undefined ? (a === p.stay ? 0 : 1) : r.exact ? 0 : 1;
					if (cost + extra <= plan.depth) children.push([...r.choices.slice(0, j), a]);
				}
			}
			if (p.choice === CLOCK_MOVE || (p.stay !== undefined && p.choice !== p.stay)) cost++;
		});
		// The earliest branch on top: the search goes deep before it goes wide.
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
	}
	return true;
}

/** Reruns a minimization may take, whatever the schedule's length. */
const MINIMIZE_RUNS = 120;

/**
 * Makes a breaking schedule smaller by re-running candidates, keeping each
 * one that still breaks one of the same invariants with fewer steps, or as
 * many and fewer preemptions:
 * 1. the shortest prefix that breaks when the run then never preempts
 *    (policy `np`), by bisection over its length (about log2(steps) runs);
 * 2. then each preemption left in that prefix in turn, the task that ran
 *    last let go on instead, the rest of the prefix followed by task name
 *    (a candidate that cannot be followed is dropped).
 */
async function minimize(target: Target, found: Explored): Promise<Shortest> {
	const wanted = Object.keys(found.broke);
	let best = found;
	let reruns = 0;
	const attempt = async (drive: Omit<Drive, 'seed' | 'policy'>): Promise<Explored | undefined> => {
		reruns++;
		try {
			const r = await runSchedule(target, {seed: found.seed, policy: 'np', ...drive});
			if (!wanted.some(name => r.broke[name] !== undefined)) return undefined;
			if (shorter(r, best)) best = r;
			return r;
		} catch (error) {
			if (/diverged/.test((error as Error).message)) return undefined;
			throw error;
		}
	};
	let lo = 0;
	let hi = found.choices.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (await attempt({prefix: found.choices.slice(0, mid)})) hi = mid;
		else lo = mid + 1;
	}
	// The prefix that matters, by name: past it the run never preempts.
	const length = hi;
	for (let j = 1; j < length && reruns < MINIMIZE_RUNS; j++) {
		const point = best.points[j];
		if (!point || point.stay === undefined || point.stay === point.choice) continue;
		const names = best.points.slice(0, length).map(p => p.task);
		names[j] = best.points[j - 1]!.task;
		await attempt({names});
	}
	return {run: best, broke: Object.keys(best.broke), from: {steps: found.steps, preemptions: found.preemptions}, reruns};
}
