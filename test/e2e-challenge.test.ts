/**
 * End to end: `--challenge` in a real terminal, played as a person plays it:
 * the goal bar under the header, task numbers typed as digits, Enter to run
 * the selected task, and the win banner. bank:unsafe: both processes load
 * the balance before either stores it back, and an update is lost in 7 picks.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {KEYS, Tty} from './e2e-terminal.js';

const open: Tty[] = [];
after(() => {
	for (const t of open) t.kill();
});

describe('--challenge in a real terminal', {timeout: 300_000}, () => {
	it('bank:unsafe: the goal bar, digits and Enter, the win banner; r to try again', async () => {
		const t = new Tty(['bank:unsafe', '--challenge', '--paused', '--lang', 'en'], {cols: 100, rows: 30});
		open.push(t);
		let screen = await t.waitFor(s => s.includes('★ challenge') && s.includes('? your pick'), 'the challenge at step 0');
		assert.match(screen, /★ challenge: within 12 picks, lose a deposit or a withdrawal · picks 0\/12/);
		assert.match(screen, /bank:unsafe · manual/);
		// MainProcess (1) starts both processes and waits; Process-1 (2) and Process-2 (3) each load 100, then each stores.
		const plays = ['1', '1', '1', '2', '3', '2', '3'];
		for (const [i, digit] of plays.entries()) {
			t.press(digit);
			await t.waitFor(s => new RegExp(`^.>${digit} `, 'm').test(s.split('─ Tasks')[1] ?? ''), `task ${digit} selected`);
			t.press(KEYS.enter);
			if (i < plays.length - 1) await t.waitFor(s => s.includes(`picks ${i + 1}/12`), `pick ${i + 1}`);
		}
		screen = await t.waitFor(s => s.includes('★ you won'), 'the win banner');
		assert.match(screen, /★ you won: an update was written over, and the balance is off, in 7 picks \(step 7\) · r to try again/);
		t.press('r');
		await t.waitFor(s => s.includes('picks 0/12') && s.includes('? your pick') && !s.includes('rerunning'), 'the challenge again, from step 0');
		t.press('q');
		assert.equal((await t.exited).exitCode, 0);
	});
});
