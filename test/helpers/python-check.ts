/**
 * Checks a lesson's Python view against runs of the lesson: every gate a
 * task stops at must stand on a Python line of the variant that ran.
 */
import type {TraceEvent} from '../../source/engine/trace.js';
import type {LoadedScenario} from '../../source/scenario/load.js';
import {lessonAnchors, pythonLine, pythonProgram} from '../../source/scenario/python-view.js';

/** Gates of a run that stand on no Python line: `task at lesson line N (op)`. */
export function unmappedGates(scenario: LoadedScenario, variant: string, events: readonly TraceEvent[]): string[] {
	const program = pythonProgram(scenario.python ?? '', variant);
	const anchors = lessonAnchors(scenario.source);
	const targets = new Map<string, string>();
	const missing = new Set<string>();
	for (const e of events) {
		if (e.kind === 'task') targets.set(e.task, e.target);
		if (e.kind !== 'gate') continue;
		if (pythonLine(program, anchors, e.line, targets.get(e.task)) === undefined) {
			missing.add(`${e.task} at lesson line ${e.line} (${e.op}${anchors.has(e.line ?? -1) ? `, anchor ${anchors.get(e.line!)}` : ', no anchor'})`);
		}
	}
	return [...missing];
}

/** Anchors the Python view names (in any variant) that no lesson line carries. */
export function unknownAnchors(scenario: LoadedScenario): string[] {
	const known = new Set(lessonAnchors(scenario.source).values());
	const named = new Set<string>();
	for (const variant of Object.keys(scenario.meta.variants)) for (const a of pythonProgram(scenario.python ?? '', variant).anchors.keys()) named.add(a);
	return [...named].filter(a => !known.has(a));
}
