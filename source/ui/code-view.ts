/**
 * What the Code pane shows: the lesson's Python view for the variant on
 * screen (the default, when the lesson has one), or the lesson's own file.
 * Either way, a text and where each task stands in it.
 */
import type {LoadedScenario} from '../scenario/load.js';
import {tutorialTitle} from '../scenario/tutorials.js';
import {lessonAnchors, pythonLine, pythonProgram} from '../scenario/python-view.js';
import type {TaskView} from '../view/state.js';

export type CodeMode = 'python' | 'lesson';

export interface CodeShown {
	mode: CodeMode;
	/** The pane's title: the language, and the tutorial the example comes from. */
	title: string;
	lines: string[];
	/** Where the lesson departs from the tutorial (Python only). */
	notes: string[];
	/** The line (1-based) a task stands on in these lines, if any. */
	lineOf: (task: TaskView) => number | undefined;
	/** The other mode exists: `t` switches to it. */
	canSwitch: boolean;
}

const cache = new WeakMap<LoadedScenario, Map<string, CodeShown>>();

/** The code for a lesson, variant and mode (Python falls back to the lesson's file when it has no Python view). */
export function codeFor(scenario: LoadedScenario, variant: string, mode: CodeMode): CodeShown {
	const key = `${mode}:${variant}`;
	let byKey = cache.get(scenario);
	if (!byKey) cache.set(scenario, (byKey = new Map()));
	let shown = byKey.get(key);
	if (!shown) byKey.set(key, (shown = build(scenario, variant, mode)));
	return shown;
}

function build(scenario: LoadedScenario, variant: string, mode: CodeMode): CodeShown {
	const file = scenario.module.split('/').at(-1)!.replace(/\.js$/, scenario.python === undefined ? '.js' : '.ts');
	if (mode === 'lesson' || scenario.python === undefined) {
		return {
			mode: 'lesson',
			title: `Code · ${file}`,
			lines: scenario.source.replace(/\t/g, '  ').split('\n'),
			notes: [],
			lineOf: t => t.line,
			canSwitch: scenario.python !== undefined,
		};
	}
	const program = pythonProgram(scenario.python, variant);
	const anchors = lessonAnchors(scenario.source);
	const from = program.from ?? scenario.meta.sources[0] ?? '';
	return {
		mode: 'python',
		title: `Code · Python · ${tutorialTitle(from)}`,
		lines: program.lines.map(l => l.replace(/\t/g, '    ')),
		notes: program.notes,
		lineOf: t => pythonLine(program, anchors, t.line, t.target, t.line === undefined ? 1 : t.arrivals?.[t.line]),
		canSwitch: true,
	};
}
