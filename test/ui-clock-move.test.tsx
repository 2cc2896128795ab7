/**
 * Time as a move in the TUI: in manual mode, where a sleep could end while
 * tasks are ready, the clock is one more pickable row (number 0, under the
 * tasks); picking it lets the next timer fire. With it a student can play
 * the schedule where only one of two clients buys the ticket, and a branch
 * from a past step replays the clock moves before it.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {CLOCK} from '../source/engine/policies.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {Screen} from '../source/ui/Screen.js';
import {RunSession, type Frame} from '../source/ui/session.js';
import {runTask, until} from './helpers/session.js';

const {module, label} = resolveScenario('ticket:unsafe');
const scenario = await loadScenario(module, label);
const sessions: RunSession[] = [];
after(async () => {
	await Promise.all(sessions.map(s => s.dispose()));
});

/** Selects `which` (the first ready task, or the clock: 0) by its number at the live end, presses Enter, and waits for the step. */
async function pick(s: RunSession, which: 'first' | 'clock'): Promise<Frame> {
	const f = await until(s, f => f.status === 'pick' && !f.busy, 'a pending pick');
	if (which === 'clock') assert.ok(f.ready.includes(CLOCK), `the clock is a choice at step ${f.pos}: ${f.ready.join()}`);
	runTask(s, which === 'clock' ? CLOCK : f.ready[0]!);
	return until(s, g => g.pos === f.pos + 1 || g.status === 'ended', `step ${f.pos + 1}`);
}

const sold = (f: Frame) => f.view.output.filter(l => /抢票成功/.test(l.text)).length;

describe('the clock as a pickable row', {timeout: 300_000}, () => {
	it('is offered where a sleep could end, drawn under the tasks, and picking it sells the ticket once', async () => {
		const s = new RunSession({scenario, variant: 'unsafe', lang: 'en', paused: true, policy: 'manual', options: {clients: 2}}, () => {});
		sessions.push(s);
		for (let i = 0; i < 6; i++) await pick(s, 'first');
		const at = await until(s, f => f.status === 'pick' && !f.busy, 'the pick after six steps');
		assert.equal(at.ready.at(-1), CLOCK);
		assert.equal(at.clock, 0.1);
		const {lastFrame, unmount} = render(<Screen frame={at} columns={120} rows={36} />);
		const screen = lastFrame() ?? '';
		unmount();
		assert.match(screen, / 0 ⏱ clock → 0\.1s: let time pass \(wakes Process-1\)/);
		const moved = await pick(s, 'clock');
		assert.equal(moved.view.time, 0.1);
		assert.equal(moved.view.last?.kind === 'state' || moved.view.last?.kind === 'clock', true);
		await pick(s, 'first');
		await pick(s, 'first');
		await pick(s, 'clock');
		for (;;) {
			const f = await until(s, f => (f.status === 'pick' && !f.busy) || f.status === 'ended', 'a pick or the end');
			if (f.status === 'ended') {
				assert.equal(sold(f), 1);
				assert.deepEqual(Object.values(f.view.invariants).filter(i => !i.ok), []);
				break;
			}
			await pick(s, 'first');
		}
		// A branch from a step after the clock moves replays them: back to step 10, another pick, the run goes on from there.
		const end = s.frame();
		while (s.frame().pos > 10) s.command({name: 'back'});
		const past = s.frame();
		assert.equal(past.pos, 10);
		const other = past.ready.find(n => n !== CLOCK && n !== end.view.order[0]) ?? past.ready[0]!;
		runTask(s, other);
		const branched = await until(s, f => f.pos === 11 && !f.busy, 'the branch at step 11');
		assert.equal(branched.error, undefined);
		assert.equal(branched.view.time >= 0.1, true, 'the clock moves before the branch were replayed');
	});

	it('is not offered when no sleep or timeout can end', async () => {
		const s = new RunSession({scenario, variant: 'unsafe', lang: 'en', paused: true, policy: 'manual', options: {clients: 2}}, () => {});
		sessions.push(s);
		const f = await until(s, f => f.status === 'pick' && !f.busy, 'the first pick');
		assert.equal(f.clock, undefined);
		assert.ok(!f.ready.includes(CLOCK));
	});
});
