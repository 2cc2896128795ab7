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
import {drawFrame, recordedSession} from './helpers/lesson-frame.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', {timeout: 120_000}, () => {
	it('shows ticket:unsafe at step 80 at 80×24 as the screen draws it today', async () => {
		const between = /<!-- screen-80x24:start -->\n```text\n([\s\S]*?)\n```\n<!-- screen-80x24:end -->/.exec(readme);
		assert.ok(between, 'the screen-80x24:start/end markers');
		const s = await recordedSession('ticket:unsafe');
		try {
			s.goto(80);
			assert.equal(between[1], drawFrame(s.frame(), 80, 24).join('\n'), 'README.md: the 80×24 picture is out of date (node dist/test/helpers/show-frames.js ticket:unsafe 80 80x24)');
		} finally {
			await s.dispose();
		}
	});

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
