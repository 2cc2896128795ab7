/**
 * Runs a lesson headless from a test, collecting its whole trace.
 */
import {createRun, type RunRequest} from '../../source/run/launch.js';
import type {RunResult} from '../../source/run/launch.js';
import type {TraceEvent} from '../../source/engine/trace.js';
import {loadScenario, resolveScenario} from '../../source/scenario/load.js';

export interface Ran {
	events: TraceEvent[];
	result: RunResult;
	/** The JSON Lines the CLI would print. */
	jsonl: string;
	prints: string[];
}

export async function runLesson(spec: string, request: Omit<RunRequest, 'scenario'> = {}): Promise<Ran> {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	const events: TraceEvent[] = [];
	const {done} = createRun({variant, ...request, scenario}, e => events.push(e));
	const result = await done;
	return {
		events,
		result,
		jsonl: events.map(e => JSON.stringify(e)).join('\n'),
		prints: events.flatMap(e => (e.kind === 'print' ? [e.text] : [])),
	};
}
