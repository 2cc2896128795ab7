/**
 * Free mode must end a run that can never finish as a deadlock (after its
 * idle time, with what each task waits on), not hang: the same deadlock on a
 * Semaphore and on a Lock. A task alone in its process waits on a Lock by
 * parking its whole worker (lockBlocking): its timeout still ends the wait,
 * and a release still wakes it.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {runWatched, testLesson} from './helpers/free-run.js';

const LESSON = testLesson('free-stress');

describe('a deadlock in free mode', () => {
	it('on a Semaphore(1) held by main while it joins the child that waits for it: reported as a deadlock', async () => {
		const ran = await runWatched(`${LESSON}:deadlock-sem`, {free: true}, 10);
		assert.equal(ran.result.outcome, 'deadlock');
		assert.deepEqual(ran.prints, ['child tries']);
		const end = ran.events.at(-1)!;
		assert.ok(end.kind === 'end');
		assert.deepEqual(end.waits?.map(w => w.task).sort(), ['MainProcess', 'Process-1']);
	});

	it('on a Lock, the same: reported as a deadlock', async () => {
		const ran = await runWatched(`${LESSON}:deadlock-lock`, {free: true}, 10);
		assert.equal(ran.result.outcome, 'deadlock');
		assert.deepEqual(ran.prints, ['child tries']);
		const end = ran.events.at(-1)!;
		assert.ok(end.kind === 'end');
		assert.deepEqual(end.waits?.map(w => w.task).sort(), ['MainProcess', 'Process-1']);
	});

	it('a lone task parked on a Lock: times out when asked, and wakes when the holder lets go', async () => {
		const ran = await runWatched(`${LESSON}:lock-timeout`, {free: true, lines: true}, 15);
		assert.equal(ran.result.outcome, 'completed');
		// Prints of two processes reach the engine in no fixed order in free mode: what the child saw tells the order.
		assert.deepEqual(ran.prints, ['got false, released 0', 'got true, released 1']);
		// Each time the child parked, the engine was told (before the worker blocked) at which line of the
		// lesson, which the Code pane marks; main's sleep too.
		const source = readFileSync(new URL('../../test/lessons/free-stress.ts', import.meta.url), 'utf8').split('\n');
		const lineOf = (text: string) => source.findIndex(l => l.includes(text)) + 1;
		const blocked = ran.events.flatMap(e => (e.kind === 'gate' && e.task === 'Process-1' && e.state === 'blocked' ? [e.line] : []));
		const [first, second] = [lineOf('const first = await lock.acquire(true, 0.5)'), lineOf('const second = await lock.acquire()')];
		// The first acquire always parks (main holds the lock); the second does unless the machine kept the child away for all of main's sleep.
		assert.equal(blocked[0], first, `Process-1 parked at ${blocked.join(', ')}`);
		assert.ok(blocked.every(line => line === first || line === second), `Process-1 parked at ${blocked.join(', ')}`);
		const main = ran.events.filter(e => e.kind === 'gate' && e.task === 'MainProcess' && e.state === 'blocked' && e.op === 'sleep');
		assert.deepEqual(main.map(e => e.kind === 'gate' && e.line), [lineOf('await sleep(5)')]);
	});
});
