/**
 * One schedule of a lesson, run to its end on a warm engine host and
 * summed up for a search: its choices, its preemptions, how it ended, which
 * invariants it broke and the values it ended with.
 */
import {encodeSchedule} from '../engine/policies.js';
import type {Outcome} from '../engine/trace.js';
import {createRun} from '../run/launch.js';
import type {LoadedScenario} from '../scenario/load.js';
import {ChoiceLog, type ChoicePoint} from '../view/choices.js';
import {outcomeValues, type OutcomeValues} from './outcome.js';

/** The lesson as explore runs it: the same for every schedule. */
export interface Target {
	scenario: LoadedScenario;
	variant: string;
	options: Record<string, number>;
	maxSteps?: number;
	/** The machine, as --sched, --quantum and --cores give it (else the lesson's own). */
	sched?: string;
	quantum?: number;
	cores?: number;
	/**
	 * The caller's hold on each run (the CLI ends them on a signal and removes
	 * their folders), and whether it is leaving: then no run starts, as its
	 * folder would be made after the cleanup.
	 */
	watch?: {track: <R extends ReturnType<typeof createRun>>(run: R) => R; leaving: () => boolean};
}

/** How one schedule is chosen: a seed and a policy, and a schedule to follow first. */
export interface Drive {
	seed: number;
	policy: string;
	prefix?: readonly number[];
	/** Or task names to follow first, loosely: one that is not ready is skipped (engine/policies.ts, followNames). */
	names?: readonly string[];
}

export interface Explored {
	seed: number;
	points: ChoicePoint[];
	choices: number[];
	preemptions: number;
	steps: number;
	end: Outcome;
	/** Invariants whose last verdict was "broken", expected to hold or not, and the step each first broke at. */
	broke: Record<string, number>;
	values: OutcomeValues;
	/** Whether every preemption could be told from the trace (view/choices.ts). */
	exact: boolean;
}

export function breaks(r: Explored): boolean {
	return Object.keys(r.broke).length > 0;
}

export async function runSchedule(target: Target, drive: Drive): Promise<Explored> {
	const log = new ChoiceLog();
	// The program is about to exit: nothing more is started, and the search waits for good.
	if (target.watch?.leaving()) return new Promise<never>(() => {});
	const run = createRun(
		{
			scenario: target.scenario,
			variant: target.variant,
			options: target.options,
			maxSteps: target.maxSteps,
			sched: target.sched,
			quantum: target.quantum,
			cores: target.cores,
			seed: drive.seed,
			policy: drive.names ? `follow:${JSON.stringify({names: drive.names, then: drive.policy})}` : drive.policy,
			...(drive.prefix && drive.prefix.length > 0 ? {schedule: encodeSchedule(drive.prefix)} : {}),
			// Nothing here is shown step by step: no source lines to capture.
			lines: false,
		},
		e => log.see(e),
	);
	const result = await (target.watch ? target.watch.track(run) : run).done;
	const broke: Record<string, number> = {};
	for (const [name, verdict] of Object.entries(result.state.invariants)) if (!verdict.ok) broke[name] = verdict.brokeAt ?? result.steps;
	return {
		seed: drive.seed,
		points: log.points,
		choices: log.choices,
		preemptions: log.preemptions,
		steps: log.points.length,
		end: result.outcome,
		broke,
		values: {...outcomeValues(target.scenario.meta, result.state), end: result.outcome},
		exact: log.exact,
	};
}
