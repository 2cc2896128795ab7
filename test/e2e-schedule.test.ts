/**
 * End to end: `--schedule S` in a real terminal opens the TUI on the run the
 * schedule gives (it used to print the transcript), and S shows it back.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {encodeSchedule} from '../source/engine/policies.js';
import {ChoiceLog} from '../source/view/choices.js';
import {runLesson} from './helpers/run.js';
import {Tty} from './e2e-terminal.js';

const open: Tty[] = [];
after(() => {
	for (const t of open) t.kill();
});

async function scheduleOf(seed: number): Promise<string> {
	const log = new ChoiceLog();
	for (const e of (await runLesson('ticket:unsafe', {seed})).events) log.see(e);
	return encodeSchedule(log.choices);
}

describe('--schedule in a real terminal', {timeout: 300_000}, () => {
	it('opens the TUI on that run, paused at step 0; stepped to its end, S shows the same schedule', async () => {
		// Seed 46's schedule, followed on the default seed (1): the run is seed 46's.
		const schedule = await scheduleOf(46);
		assert.notEqual(schedule, await scheduleOf(1));
		const t = new Tty(['ticket:unsafe', '--paused', '--schedule', schedule], {cols: 100, rows: 30});
		open.push(t);
		const first = await t.waitFor(s => /· step 0\/\d+ /.test(s) && !s.includes('rerunning'), 'the TUI at step 0');
		assert.match(first, /⏸ paused/);
		const steps = Number(/· step 0\/(\d+) /.exec(first)![1]);
		t.press('n'.repeat(steps));
		await t.waitFor(s => new RegExp(`· step ${steps}/${steps} `).test(s), 'the last step');
		t.press('S');
		const shown = await t.waitFor(s => s.includes('Replay it:'), 'the schedule overlay');
		assert.ok(shown.includes(schedule), `the schedule followed:\n${shown}`);
		assert.ok(shown.replace(/\n/g, '').includes(`--seed 1 --schedule ${schedule}`), shown);
		t.press('q');
		assert.equal((await t.exited).exitCode, 0);
	});
});
