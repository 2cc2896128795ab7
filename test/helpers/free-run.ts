/**
 * Runs a test lesson in free mode (gates open, real blocking) under a
 * watchdog: a run that does not end in time is stopped (its workers ended)
 * and the test fails with where each task was, instead of hanging the suite.
 */
import {fileURLToPath} from 'node:url';
import type {RunResult} from '../../source/run/launch.js';
import {createRun, type RunRequest} from '../../source/run/launch.js';
import type {TraceEvent} from '../../source/engine/trace.js';
import {loadScenario, resolveScenario} from '../../source/scenario/load.js';

export interface FreeRan {
	result: RunResult;
	events: TraceEvent[];
	/** Lines printed to stdout, in order. */
	prints: string[];
	/** Tracebacks and other stderr lines: a lesson that found its primitive broken throws. */
	stderr: string[];
}

/** The absolute path of a compiled test lesson (test/lessons/<name>.ts). */
export function testLesson(name: string): string {
	return fileURLToPath(new URL(`../lessons/${name}.js`, import.meta.url));
}

export async function runWatched(spec: string, request: Omit<RunRequest, 'scenario'>, seconds: number): Promise<FreeRan> {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	const events: TraceEvent[] = [];
	const {engine, done} = createRun({variant, lines: false, ...request, scenario}, e => events.push(e));
	let timer: NodeJS.Timeout | undefined;
	const stuck = new Promise<'stuck'>(resolve => (timer = setTimeout(() => resolve('stuck'), seconds * 1000)));
	const result = await Promise.race([done, stuck]);
	clearTimeout(timer);
	if (result === 'stuck') {
		await engine.stop();
		const where = new Map<string, string>();
		for (const e of events) {
			if (e.kind === 'state' || e.kind === 'gate') where.set(e.task, `${e.state}${e.on ? ` on ${e.on}` : ''}`);
			if (e.kind === 'op') where.set(e.task, `${where.get(e.task) ?? ''}, last op ${e.op} ${e.obj ?? ''}`.replace(/(, last op .*)?, last op/, ', last op'));
		}
		throw new Error(`watchdog: ${spec} did not end within ${seconds} s (${events.length} events); tasks: ${[...where].map(([t, w]) => `${t}: ${w}`).join('; ')}`);
	}
	return {
		result,
		events,
		prints: events.flatMap(e => (e.kind === 'print' && e.stream !== 'stderr' ? [e.text] : [])),
		stderr: events.flatMap(e => (e.kind === 'print' && e.stream === 'stderr' ? [e.text] : [])),
	};
}
