/**
 * The README is the front door: its lesson tables are the lessons' own
 * headers (regenerate with `npm run readme`), every lesson is in them, and
 * the two commands it promises are there.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {lessonsMarkdown} from '../source/cli/list.js';
import {builtInNames} from '../source/scenario/load.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
	it('has the lesson tables the lessons describe (npm run readme rewrites them)', async () => {
		const between = /<!-- lessons:start -->\n([\s\S]*?)\n<!-- lessons:end -->/.exec(readme);
		assert.ok(between, 'the lessons:start/lessons:end markers');
		assert.equal(between[1], await lessonsMarkdown(), 'README.md is out of date: run npm run readme');
		for (const name of builtInNames()) assert.match(between[1]!, new RegExp(`\\| \`${name}\` \\|`), name);
	});

	it('gives the two commands of a fresh machine', () => {
		assert.ok(readme.includes('npm install && npx conc-tui ktv'));
		assert.ok(readme.includes('npm test'));
	});
});
