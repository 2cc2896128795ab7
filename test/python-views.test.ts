/**
 * Every lesson's Python view (issue 13): each variant of each built-in lesson
 * has one; each is a program python3 accepts; every anchor it names is on a
 * line of the lesson; and in runs of every variant, each gate a task stops
 * at stands on a Python line of that variant.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {before, describe, it} from 'node:test';
import {builtInNames, loadScenario, resolveScenario, type LoadedScenario} from '../source/scenario/load.js';
import {pythonProgram, pythonText} from '../source/scenario/python-view.js';
import {unknownAnchors, unmappedGates} from './helpers/python-check.js';
import {runLesson} from './helpers/run.js';

const SEEDS = [1, 2, 3];
const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;

const lessons = new Map<string, LoadedScenario>();

before(async () => {
	for (const name of builtInNames()) {
		const {module, label} = resolveScenario(name);
		lessons.set(name, await loadScenario(module, label));
	}
});

describe('Python views', () => {
	it('every built-in lesson has one, and it names only anchors its lesson carries', () => {
		for (const [name, s] of lessons) {
			assert.ok(s.python, `${name} has no Python view (scenarios/${name}.py)`);
			assert.deepEqual(unknownAnchors(s), [], `${name}.py names anchors no lesson line carries`);
		}
	});

	it('every variant is a program python3 compiles', {skip: HAS_PYTHON ? false : 'no python3'}, () => {
		const dir = mkdtempSync(join(tmpdir(), 'conc-py-'));
		for (const [name, s] of lessons) {
			for (const variant of Object.keys(s.meta.variants)) {
				const file = join(dir, `${name}-${variant}.py`);
				writeFileSync(file, pythonText(pythonProgram(s.python ?? '', variant)));
				const r = spawnSync('python3', ['-m', 'py_compile', file], {encoding: 'utf8'});
				assert.equal(r.status, 0, `${name}:${variant}: ${r.stderr}`);
			}
		}
	});

	it('every variant starts in the tutorial’s way: an unsafe variant takes no lock', () => {
		for (const [name, s] of lessons) {
			if (!s.meta.variants.unsafe) continue;
			const text = pythonText(pythonProgram(s.python ?? '', 'unsafe'));
			assert.doesNotMatch(text, /\.acquire\(/, `${name}:unsafe`);
		}
	});

	it('each gate a task stops at, in every variant over several seeds, stands on a Python line of that variant', async () => {
		const problems: string[] = [];
		for (const [name, s] of lessons) {
			for (const variant of Object.keys(s.meta.variants)) {
				for (const seed of SEEDS) {
					const r = await runLesson(`${name}:${variant}`, {seed});
					for (const p of unmappedGates(s, variant, r.events)) problems.push(`${name}:${variant} seed ${seed}: ${p}`);
				}
			}
		}
		assert.deepEqual(problems, []);
	});
});
