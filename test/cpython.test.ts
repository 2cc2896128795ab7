/**
 * The lesson API as CPython 3.11 behaves: each test/cpython/NAME.py is a
 * small Python program and NAME.mjs the same program as a conc-tui lesson;
 * NAME.expected.json is what python3 printed (scripts/cpython-expected.js
 * writes it). The lesson, run headless through the real CLI, must print the
 * same lines, the same exceptions and end with the same exit code; where
 * python3 is present, the program must still print what is expected.
 */
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {CPYTHON_DIR, type Outcome, runLessonCli, runPython} from './helpers/cpython.js';

const names = readdirSync(CPYTHON_DIR)
	.filter(f => f.endsWith('.py'))
	.map(f => f.slice(0, -3))
	.sort();
const hasPython = runPython('_probe') !== undefined;

/**
 * Behaviours that wait on a change to the engine (source/engine), each with
 * what it needs: the test runs and reports, and does not fail the suite.
 */
const NEEDS_ENGINE: Record<string, string> = {};

function expected(name: string): Outcome {
	return JSON.parse(readFileSync(join(CPYTHON_DIR, `${name}.expected.json`), 'utf8')) as Outcome;
}

describe('the lesson API as CPython behaves', () => {
	for (const name of names.filter(n => !n.startsWith('_'))) {
		it(`${name}: the lesson prints what CPython prints`, {todo: NEEDS_ENGINE[name] ?? false}, () => {
			// Two schedules: what CPython prints must not be one seed's luck.
			for (const seed of ['1', '7']) assert.deepEqual(runLessonCli(name, ['--seed', seed]), expected(name), `seed ${seed}`);
		});
		it(`${name}: the Python program still prints what is expected`, {skip: hasPython ? false : 'no python3 here'}, () => {
			assert.deepEqual(runPython(name), expected(name));
		});
	}
});
