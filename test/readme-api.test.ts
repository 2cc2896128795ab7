/**
 * The README's Python ↔ conc-tui table names everything a lesson can
 * import: a name added to the API and not to the table fails here.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import * as api from '../source/scenario/api.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Exports a lesson does not call as Python names them: the machinery behind the table's names. */
const NOT_PYTHON = new Set(['defineScenario', 'pystr', 'PyError', 'Tuple', 'Float', 'Connection', 'DictProxy', 'ListProxy', 'AsyncResult']);

describe("README's Python ↔ conc-tui table", () => {
	it('names every export of the lesson API', () => {
		const start = readme.indexOf('| Python | conc-tui |');
		const end = readme.indexOf('### How the API differs from CPython');
		assert.ok(start > 0 && end > start, 'the table and the differences after it');
		const table = readme.slice(start, end);
		const missing = Object.keys(api).filter(name => !NOT_PYTHON.has(name) && !new RegExp(`\`[^\`]*\\b${name}\\b[^\`]*\``).test(table));
		assert.deepEqual(missing, []);
	});
});
