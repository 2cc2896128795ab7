/**
 * Loading a bench lesson (bench/lessons/*.ts, compiled next to this file) and
 * running it with the engine, as the CLI would, minus the output.
 */
import {fileURLToPath} from 'node:url';
import {createRun, type RunRequest} from '../../source/run/launch.js';
import type {RunResult} from '../../source/run/launch.js';
import type {TraceEvent} from '../../source/engine/trace.js';
import {loadScenario, resolveScenario, type LoadedScenario} from '../../source/scenario/load.js';

const cache = new Map<string, LoadedScenario>();

/** A bench lesson by name (`pingpong`), or a built-in lesson by its spec (`ticket:lock`). */
export async function lesson(spec: string): Promise<{scenario: LoadedScenario; variant: string | undefined}> {
	const m = /^(.*?)(?::([\w-]+))?$/.exec(spec)!;
	const path = m[1]!.startsWith('bench/') ? fileURLToPath(new URL(`../lessons/${m[1]!.slice(6)}.js`, import.meta.url)) : m[1]!;
	const {module, variant, label} = resolveScenario(m[2] ? `${path}:${m[2]}` : path);
	let scenario = cache.get(module);
	if (!scenario) cache.set(module, (scenario = await loadScenario(module, label)));
	return {scenario, variant};
}

export async function runLesson(spec: string, request: Omit<RunRequest, 'scenario' | 'variant'>, onEvent: (e: TraceEvent) => void): Promise<RunResult> {
	const {scenario, variant} = await lesson(spec);
	const {done} = createRun({...request, scenario, variant}, onEvent);
	return done;
}

/** The text of every print of a run (free mode records prints even with `record: false`). */
export async function runForPrints(spec: string, request: Omit<RunRequest, 'scenario' | 'variant'>): Promise<{prints: string[]; result: RunResult}> {
	const prints: string[] = [];
	const result = await runLesson(spec, request, e => {
		if (e.kind === 'print') prints.push(e.text);
	});
	return {prints, result};
}
