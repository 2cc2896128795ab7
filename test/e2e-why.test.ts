/**
 * End to end: bank:unsafe seed 3 in a real terminal plays to its break,
 * shows why it broke, and `w` goes back to the step the story begins at.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {Tty, stepOf} from './e2e-terminal.js';

const open: Tty[] = [];
after(() => {
	for (const t of open) t.kill();
});

describe('why it broke, in a real terminal', {timeout: 300_000}, () => {
	it('bank:unsafe --seed 3: the break shows its story and the stale read; w goes back to the step it begins at', async () => {
		const t = new Tty(['bank:unsafe', '--seed', '3'], {cols: 120, rows: 36});
		open.push(t);
		// The lesson opens on its intro card, paused: space puts it away and plays, as a student would.
		await t.waitFor(s => /watch:/.test(s), 'the intro card', 30_000);
		t.press(' ');
		// The story's first step, as the story line tells it (`… read num=100 @27 ·`).
		const broken = await t.waitFor(s => /! invariant broken/.test(s) && /lost/.test(s), 'the break and its story', 120_000, 50, 0);
		const story = /Process-\d read num=\d+ @(\d+)/.exec(broken);
		assert.ok(story, `the story line:\n${broken}`);
		const from = Number(story[1]);
		assert.match(broken, /─ Variables/);
		t.press('w');
		const back = await t.waitFor(s => stepOf(s) === from, `step ${from}`, 30_000);
		assert.match(back, /⏸ paused/);
		assert.match(back, new RegExp(`@${from}\\b`), 'the story stays on screen');
		t.press('q');
		assert.equal((await t.exited).exitCode, 0);
	});
});
