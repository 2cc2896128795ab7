/**
 * Time as a move: where a sleep or a timeout could end while tasks are
 * ready, "the clock runs to the next timer" is a choice of the schedule (`.`
 * in its string), for the manual picker and for the search; the default
 * policies never take it, so their traces are what they were.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {CLOCK, CLOCK_MOVE, decodeSchedule, encodeSchedule, fifo, manual, nonPreemptive, random, replaySchedule, type Candidate} from '../source/engine/policies.js';
import {ChoiceLog} from '../source/view/choices.js';
import {runCli} from './helpers/cli-run.js';
import {runLesson} from './helpers/run.js';

const ready: Candidate[] = [
	{name: 'A', readySince: 1},
	{name: 'B', readySince: 2},
];

describe('time as a move', () => {
	it('writes a clock move as a dot in a schedule, and reads it back', () => {
		assert.equal(encodeSchedule([0, 0, 0, CLOCK_MOVE, 1, CLOCK_MOVE, CLOCK_MOVE, CLOCK_MOVE]), 'a3.b.3');
		assert.deepEqual(decodeSchedule('a3.b.3'), [0, 0, 0, CLOCK_MOVE, 1, CLOCK_MOVE, CLOCK_MOVE, CLOCK_MOVE]);
	});

	it('a followed schedule runs the clock where it is offered, and says so when it is not', () => {
		const p = replaySchedule([CLOCK_MOVE, CLOCK_MOVE], fifo());
		assert.equal(p.timeMoves, true);
		assert.equal(p.choose(ready, {last: undefined, step: 0, clock: 0.1}), 2);
		assert.throws(() => p.choose(ready, {last: undefined, step: 1}), /the schedule diverged at step 2: it runs the clock, but no sleep or timeout can end now/);
		// A schedule without a clock move takes none: its run is the run it was recorded from.
		assert.notEqual(replaySchedule([0, 1], random(1)).timeMoves, true);
	});

	it('the default policies take no time moves; the manual picker and the search’s continuation offer them', async () => {
		for (const p of [random(1), fifo()]) assert.notEqual(p.timeMoves, true, p.name);
		assert.equal(nonPreemptive().timeMoves, true);
		let asked: readonly Candidate[] = [];
		const m = manual(async c => ((asked = c), c.length - 1));
		assert.equal(m.timeMoves, true);
		assert.equal(await m.choose(ready, {last: undefined, step: 0, clock: 0.3}), 2);
		assert.deepEqual(asked.map(c => c.name), ['A', 'B', CLOCK]);
		await m.choose(ready, {last: undefined, step: 1});
		assert.deepEqual(asked.map(c => c.name), ['A', 'B']);
	});

	it('counts a clock move as a choice point of the schedule, and offered clocks as one more alternative', () => {
		const log = new ChoiceLog();
		log.see({step: 0, time: 0, kind: 'task', task: 'A', pid: 1, ppid: 0, process: 'A', thread: false, daemon: false, target: 'main', state: 'new'});
		log.see({step: 0, time: 0, kind: 'gate', task: 'A', state: 'ready', op: 'print'});
		log.see({step: 1, time: 0, kind: 'state', task: 'A', state: 'running', choice: 0, of: 1, clock: 0.1});
		log.see({step: 1, time: 0, kind: 'gate', task: 'A', state: 'ready', op: 'print'});
		log.see({step: 2, time: 0, kind: 'clock', until: 0.1, of: 1});
		assert.deepEqual(log.points, [
			{task: 'A', choice: 0, of: 1, clock: true},
			{task: CLOCK, choice: CLOCK_MOVE, of: 1, stay: 0, clock: true},
		]);
		assert.equal(encodeSchedule(log.choices), 'a.');
		// Letting the clock run is a preemption (it delays every ready task).
		assert.equal(log.preemptions, 1);
	});

	it('ticket:unsafe with two clients: a schedule that lets the clock run sells the ticket once', async () => {
		const {events, prints} = await runLesson('ticket:unsafe', {seed: 1, options: {clients: 2}, schedule: 'a6.aa.a9'});
		assert.equal(events.filter(e => e.kind === 'clock').length, 2);
		assert.deepEqual(prints.filter(p => /抢票(成功|失败)/.test(p)), ['用户0抢票成功!', '用户1抢票失败']);
		assert.deepEqual(events.filter(e => e.kind === 'invariant' && !e.ok), []);
	});

	it('a default random run has no clock in its trace', async () => {
		const {jsonl} = await runLesson('ticket:unsafe', {seed: 1, options: {clients: 2}});
		assert.doesNotMatch(jsonl, /"clock"/);
	});

	it('the exhaustive search finds the schedules where only one ticket is sold', async () => {
		const r = await runCli(['explore', 'ticket:unsafe', '--clients', '2', '--strategy', 'exhaustive', '--depth', '2', '--json']);
		assert.equal(r.code, 0, r.stderr);
		const sold = (JSON.parse(r.stdout) as {outcomes: Record<string, Record<string, number>>}).outcomes['sold']!;
		assert.ok((sold['1'] ?? 0) > 0, JSON.stringify(sold));
		assert.ok((sold['2'] ?? 0) > 0, JSON.stringify(sold));
	});
});
