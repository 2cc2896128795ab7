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
		assert.deepEqual(ran.prints, ['got false', 'main lets go', 'got true']);
		// The child's second acquire was seen blocked (told to the engine before the worker parked),
		// at its line of the lesson (the Code pane marks it), as main's sleep and join were.
		const source = readFileSync(new URL('../../test/lessons/free-stress.ts', import.meta.url), 'utf8').split('\n');
		const lineOf = (text: string) => source.findIndex(l => l.includes(text)) + 1;
		const blocked = ran.events.filter(e => e.kind === 'gate' && e.task === 'Process-1' && e.state === 'blocked');
		assert.ok(blocked.length >= 2, `Process-1 blocked ${blocked.length} times`);
		assert.deepEqual(
			blocked.map(e => e.kind === 'gate' && e.line),
			[lineOf('await lock.acquire(true, 0.5)'), lineOf('got ${await lock.acquire()}')],
		);
		const main = ran.events.filter(e => e.kind === 'gate' && e.task === 'MainProcess' && e.state === 'blocked' && e.op === 'sleep');
		assert.deepEqual(main.map(e => e.kind === 'gate' && e.line), [lineOf('await sleep(5)')]);
	});
});
