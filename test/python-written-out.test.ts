/**
 * A loop of a lesson that the tutorial writes out line by line
 * (`p1.start()`, `p2.start()`, `p3.start()`): the task's n-th pass through
 * the loop's gate stands on the n-th Python line, not always on the first.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {lessonAnchors, pythonLine, pythonProgram} from '../source/scenario/python-view.js';
import {codeFor} from '../source/ui/code-view.js';
import {reduce} from '../source/view/reducer.js';
import {runLesson} from './helpers/run.js';

describe('written-out loops in the Python view', () => {
	it('stands on the n-th written-out line at the n-th arrival, in the task’s own block', () => {
		const program = pythonProgram(['def main():', '    p1.start()  #@ go', '    p2.start()  #@ go', 'def other():', '    x.start()  #@ go'].join('\n'), 'v');
		const anchors = new Map([[10, 'go']]);
		assert.equal(pythonLine(program, anchors, 10, 'main', 1), 2);
		assert.equal(pythonLine(program, anchors, 10, 'main', 2), 3);
		assert.equal(pythonLine(program, anchors, 10, 'other', 2), 5);
		// A task in none of the blocks: the first block that has the anchor.
		assert.equal(pythonLine(program, anchors, 10, 'elsewhere', 2), 3);
	});

	it('producer-consumer:many shows MainProcess on p1.start(), p2.start(), p3.start() in turn', async () => {
		const {module, variant, label} = resolveScenario('producer-consumer:many');
		const scenario = await loadScenario(module, label);
		const {events} = await runLesson('producer-consumer:many', {seed: 1, policy: 'fifo'});
		const code = codeFor(scenario, variant!, 'python');
		const startLine = [...lessonAnchors(scenario.source)].find(([, name]) => name === 'main.start')![0];
		const shown: string[] = [];
		events.forEach((e, i) => {
			if (e.kind === 'gate' && e.task === 'MainProcess' && e.line === startLine && e.state === 'ready') {
				const task = reduce(events, i + 1).tasks['MainProcess']!;
				shown.push(code.lines[code.lineOf(task)! - 1]!.trim());
			}
		});
		assert.deepEqual(shown, ['p1.start()', 'p2.start()', 'p3.start()']);
	});
});
