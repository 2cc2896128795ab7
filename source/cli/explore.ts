/**
 * `conc-tui explore LESSON[:variant]`: many schedules of a lesson, with its
 * options as its flags give them, reported as a table and histograms (or
 * one JSON object with --json). Exit 0 when done, 1 when an invariant the
 * variant is expected to hold broke in some schedule, 2 for bad input.
 */
import {STRATEGIES, explore, type Plan, type Strategy} from '../explore/search.js';
import {jsonReport, textReport} from '../explore/report.js';
import {resolveRequest} from '../run/launch.js';
import {InputError, loadScenario, resolveScenario} from '../scenario/load.js';
import type {Args} from './args.js';
import {onLeave, track} from './shutdown.js';

const DEFAULT_RUNS: Record<Strategy, number> = {random: 100, pct: 100, exhaustive: 10_000};
const DEFAULT_DEPTH: Record<Strategy, number> = {random: 0, pct: 3, exhaustive: 2};

function whole(flag: string, value: string, min: number, max: number): number {
	const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
	if (!Number.isInteger(n) || n < min || n > max) throw new InputError(`--${flag} must be a whole number from ${min} to ${max}, not '${value}'`);
	return n;
}

/** The search the flags ask for; refused here, before anything runs. */
export function explorePlan(args: Args, defaultSeed: number): Plan {
	const x = args.explore ?? {};
	const strategy = (x.strategy ?? 'random') as Strategy;
	if (!STRATEGIES.includes(strategy)) throw new InputError(`--strategy must be one of ${STRATEGIES.join(', ')}, not '${x.strategy}'`);
	if (x.depth !== undefined && strategy === 'random') throw new InputError(`--depth goes with --strategy pct (the bug depth) or exhaustive (the bound on preemptions)`);
	for (const [flag, given] of [['policy', args.policy], ['schedule', args.schedule], ['free', args.free || undefined]] as const) {
		if (given !== undefined) throw new InputError(`--${flag} does not go with explore: the strategy chooses the schedules`);
	}
	return {
		strategy,
		runs: x.runs === undefined ? DEFAULT_RUNS[strategy] : whole('runs', x.runs, 1, 1_000_000),
		depth: x.depth === undefined ? DEFAULT_DEPTH[strategy] : whole('depth', x.depth, strategy === 'pct' ? 1 : 0, 100),
		seed: args.seed ?? defaultSeed,
	};
}

export async function runExplore(args: Args): Promise<number> {
	const {module, variant, label} = resolveScenario(args.spec!);
	const scenario = await loadScenario(module, label);
	const resolved = resolveRequest({scenario, variant, options: args.options, sched: args.sched, quantum: args.quantum, cores: args.cores});
	const plan = explorePlan(args, scenario.meta.defaultSeed ?? 1);
	// Registered before any run, so a signal marks the search as leaving before it ends the runs going.
	let leaving = false;
	const forget = onLeave(async () => {
		leaving = true;
	});
	const target = {scenario, variant: resolved.variant, options: resolved.options, maxSteps: args.maxSteps, sched: args.sched, quantum: args.quantum, cores: args.cores, watch: {track, leaving: () => leaving}};
	const x = await explore(target, plan).finally(forget);
	const titled = {label: `${label}:${resolved.variant}`, variant: resolved.variant, flags: {spec: label, maxSteps: args.maxSteps, sched: args.sched, quantum: args.quantum, cores: args.cores, options: args.options}};
	const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
	process.stdout.write(`${args.json ? JSON.stringify(jsonReport(x, titled)) : textReport(x, titled, colour, args.lang ?? 'en')}\n`);
	return x.invariants.some(i => i.expected === 'hold' && i.broken > 0) ? 1 : 0;
}
