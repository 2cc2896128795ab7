/**
 * The four lessons of the engine's first issue, across many seeds, with their
 * invariants checked by the engine itself.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {runLesson} from './helpers/run.js';

const SEEDS = Array.from({length: 50}, (_, i) => i + 1);

describe('ktv', () => {
	it('never has more than four inside, over 50 seeds', async () => {
		for (const seed of SEEDS) {
			const {result, prints} = await runLesson('ktv', {seed, lines: false});
			assert.equal(result.outcome, 'completed', `seed ${seed}`);
			assert.deepEqual(result.broken, [], `seed ${seed}`);
			let inside = 0;
			let most = 0;
			for (const text of prints) {
				if (text.endsWith('进来唱歌了')) most = Math.max(most, ++inside);
				if (text.endsWith('从ktv出去了')) inside--;
			}
			assert.ok(most <= 4, `seed ${seed}: ${most} inside`);
			assert.equal(prints.length, 12);
		}
	});

	it('lets all six in without the semaphore', async () => {
		const {result} = await runLesson('ktv:unsafe');
		assert.equal(result.state.invariants['at-most-four-inside']?.ok, false);
	});
});

describe('ticket', () => {
	it('sells exactly one ticket with the lock, over 50 seeds', async () => {
		for (const seed of SEEDS) {
			const {result, prints} = await runLesson('ticket:lock', {seed, lines: false});
			assert.equal(result.outcome, 'completed');
			assert.equal(prints.filter(p => p.endsWith('抢票成功!')).length, 1, `seed ${seed}`);
			assert.equal(prints.filter(p => p.endsWith('抢票失败')).length, 9, `seed ${seed}`);
			assert.deepEqual(result.broken, []);
		}
	});

	it('oversells without the lock on its default seed', async () => {
		const {result, prints} = await runLesson('ticket:unsafe');
		assert.ok(prints.filter(p => p.endsWith('抢票成功!')).length > 1);
		assert.equal(result.state.invariants['not-oversold']?.ok, false);
		assert.deepEqual(result.broken, [], 'a breakable invariant is not an error');
	});
});

describe('bank', () => {
	it('ends at 100 with the lock, over 50 seeds', async () => {
		for (const seed of SEEDS) {
			const {result, prints} = await runLesson('bank:lock', {seed, lines: false});
			assert.equal(result.outcome, 'completed');
			assert.equal(prints.at(-1), '100', `seed ${seed}`);
		}
	});

	it('loses an update without the lock on its default seed', async () => {
		const {prints} = await runLesson('bank:unsafe');
		assert.notEqual(prints.at(-1), '100');
	});
});

describe('event', () => {
	it('ends in deadlock with the main process waiting on the event, over 50 seeds', async () => {
		for (const seed of SEEDS) {
			const {result, events} = await runLesson('event', {seed, lines: false});
			assert.equal(result.outcome, 'deadlock');
			const end = events.at(-1)!;
			assert.equal(end.kind, 'end');
			assert.deepEqual(end.kind === 'end' && end.waits, [{task: 'MainProcess', on: 'event#1', heldBy: []}]);
		}
	});
});
