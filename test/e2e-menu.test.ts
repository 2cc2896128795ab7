/**
 * End to end: `conc-tui` with no lesson in a real pseudo-terminal opens the
 * lesson menu; ↓ and Enter open the lesson under the cursor on its intro
 * card; l comes back to the menu; q quits with 0 and the terminal restored.
 * Without a terminal, no lesson is still bad input.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {KEYS, Tty} from './e2e-terminal.js';
import {runCli} from './helpers/cli-run.js';

const open: Tty[] = [];
after(() => {
	for (const t of open) t.kill();
});

describe('conc-tui with no lesson', {timeout: 180_000}, () => {
	it('in a terminal: the menu; ↓ Enter opens print-lock on its card; l back to the menu; q exits 0', async () => {
		const t = new Tty([], {cols: 100, rows: 30, env: {LANG: 'en_US.UTF-8'}});
		open.push(t);
		let screen = await t.waitFor(s => s.includes('› bank') && s.includes('Semaphores and events'), 'the menu');
		assert.match(screen, /^conc-tui · the lessons/);
		assert.match(screen, /Locks/);
		assert.match(screen, /One account, Value\('i', 100\)/, "the selected lesson's summary");
		t.press(KEYS.down);
		await t.waitFor(s => s.includes('› print-lock'), 'print-lock selected');
		t.press(KEYS.enter);
		screen = await t.waitFor(s => /^print-lock:unsafe · ⏸ paused · step 0/.test(s) && s.includes('watch:'), "print-lock's intro card");
		assert.match(screen, /One terminal: even printing needs a lock/);
		assert.match(screen, /variant unsafe: no lock: the lines interleave/);
		assert.match(screen, /from: 002 python全栈学习 day39/);
		t.press('l');
		await t.waitFor(s => s.includes('› print-lock') && s.includes('Locks'), 'the menu again, on print-lock');
		t.press('q');
		const {exitCode} = await t.exited;
		assert.equal(exitCode, 0);
		assert.ok(t.raw.lastIndexOf('\x1b[?25h') > t.raw.lastIndexOf('\x1b[?25l'), 'the cursor is shown last');
		assert.ok(t.raw.lastIndexOf('\x1b[?1049l') > t.raw.lastIndexOf('\x1b[?1049h'), 'the alternate screen is left');
	});

	it('without a terminal: asks for a lesson, exit 2', async () => {
		const r = await runCli([], {limitMs: 30_000});
		assert.equal(r.code, 2);
		assert.match(r.stderr, /name a lesson/);
	});
});
