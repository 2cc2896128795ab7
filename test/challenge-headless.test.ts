/**
 * A challenge checked without the TUI, as a teacher checks a student's
 * solution: `conc-tui LESSON:variant --challenge --schedule S --headless`
 * ends with the outcome (and `--json`'s end event carries it), exit 0 either
 * way. The schedules are real runs of the engine: in `ticket:unsafe
 * --clients 2`, `a6.aa.a9` (found by `explore --strategy exhaustive`) sells
 * the ticket once and `a20` oversells it.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {TraceEvent} from '../source/engine/trace.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {challengeOf, challengeOutcome, pickSteps} from '../source/view/challenge.js';
import {reduce} from '../source/view/reducer.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));

function run(...args: string[]): {code: number | null; stdout: string; stderr: string} {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, LANG: 'C'}});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

/** The transcript's last line, and the exit code (0 whether won or lost). */
function lastLine(...args: string[]): string {
	const r = run(...args, '--challenge', '--headless');
	assert.equal(r.code, 0, r.stderr);
	return r.stdout.trimEnd().split('\n').at(-1)!;
}

function endEvent(...args: string[]): Record<string, unknown> {
	const r = run(...args, '--challenge', '--json');
	assert.equal(r.code, 0, r.stderr);
	return JSON.parse(r.stdout.trimEnd().split('\n').at(-1)!) as Record<string, unknown>;
}

describe('--challenge without the TUI', {timeout: 120_000}, () => {
	it('ticket:unsafe --clients 2: the schedule that oversells wins, the one that sells once loses', () => {
		assert.match(lastLine('ticket:unsafe', '--clients', '2', '--schedule', 'a20'), /^challenge: won in 20 picks \(at step 20\): .*two clients both get the one ticket$/);
		assert.match(lastLine('ticket:unsafe', '--clients', '2', '--schedule', 'a6.aa.a9'), /^challenge: lost: the run ended \(completed\) after 19 picks without the goal/);
		assert.deepEqual(endEvent('ticket:unsafe', '--clients', '2', '--schedule', 'a20').challenge, {outcome: 'won', step: 20, picks: 20});
		assert.deepEqual(endEvent('ticket:unsafe', '--clients', '2', '--schedule', 'a6.aa.a9').challenge, {outcome: 'lost', why: 'ended', picks: 19, end: 'completed'});
	});

	it('bank:unsafe: a lost update within 12 picks wins; a run without one by then loses', () => {
		// Both processes load 100 before either stores: the second store writes the first over, at the seventh pick.
		assert.match(lastLine('bank:unsafe', '--schedule', 'a3abab'), /^challenge: won in 7 picks \(at step 7\)/);
		assert.deepEqual(endEvent('bank:unsafe', '--schedule', 'a3abab').challenge, {outcome: 'won', step: 7, picks: 7});
		// Each process does its whole turn alone (load, store, print, sleep): no update is lost in the first 19 picks.
		assert.match(lastLine('bank:unsafe', '--schedule', 'a19'), /^challenge: lost: over the pick limit of 12/);
	});

	it('bank:unsafe: still playing at pick 12 of 12, lost at pick 13', async () => {
		const r = run('bank:unsafe', '--schedule', 'a19', '--json', '--max-steps', '40');
		assert.equal(r.code, 0, r.stderr);
		const events = r.stdout.trimEnd().split('\n').map(l => JSON.parse(l) as TraceEvent);
		const {module, label} = resolveScenario('bank');
		const meta = (await loadScenario(module, label)).meta;
		const c = challengeOf(meta, 'unsafe')!;
		// The prefix that ends just before the 13th pick, and the one just after it.
		const steps = pickSteps(events);
		const thirteenth = events.findIndex(e => e.step === steps[12] && ((e.kind === 'state' && e.choice !== undefined) || e.kind === 'clock'));
		const before = challengeOutcome(c, reduce(events, thirteenth), pickSteps(events, thirteenth), meta.invariants);
		const after = challengeOutcome(c, reduce(events, thirteenth + 1), pickSteps(events, thirteenth + 1), meta.invariants);
		assert.deepEqual(before, {kind: 'playing', picks: 12, within: 12});
		assert.deepEqual(after, {kind: 'lost', why: 'limit', picks: 13, within: 12});
	});

	it('deadlock: reached, whatever the schedule; a safe variant held', () => {
		assert.match(lastLine('deadlock'), /^challenge: won in \d+ picks \(at step \d+\): reach the deadlock/);
		assert.equal((endEvent('deadlock').challenge as {outcome: string}).outcome, 'won');
		assert.match(lastLine('ticket:lock', '--clients', '2'), /^challenge: held: tickets sold never exceed the one in stock, in \d+ picks$/);
	});

	it('a variant without a challenge: one line, exit 2, naming those with one', () => {
		for (const [args, message] of [
			[['ticket:002', '--challenge'], /^conc-tui: ticket:002 has no challenge; the variants with one: ticket:unsafe, ticket:lock$/],
			[['ktv', '--challenge', '--headless'], /^conc-tui: ktv has no challenge; the lessons' variants with one: .*ticket:unsafe.*deadlock:opposite/],
			[['explore', 'ticket', '--challenge'], /^conc-tui: --challenge goes with a lesson/],
			[['ticket', '--challenge', '--free', '--headless'], /^conc-tui: --challenge is played by choosing who runs next: not with --free/],
		] as const) {
			const r = run(...args);
			assert.equal(r.code, 2, r.stderr);
			assert.equal(r.stdout, '');
			assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
			assert.match(r.stderr.trim(), message);
		}
	});
});
