/**
 * The cores of Condition, Barrier and a Manager's shared structure alone,
 * under real contention from raw worker threads: no engine, no gates, no
 * scheduler (as primitives-stress.test.ts does for the first cores). A
 * watchdog fails a test whose workers do not all finish: a lost wake-up.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {BarrierCore} from '../source/primitives/barrier.js';
import {ConditionCore} from '../source/primitives/condition.js';
import {LockCore} from '../source/primitives/lock.js';
import {SharedObjectCore} from '../source/primitives/shared-object.js';
import {B_COUNT, BUFFER_WORDS, type MoreJob} from './fixtures/more-cores-worker.js';
import {runJobs} from './helpers/workers.js';

const FIXTURE = new URL('./fixtures/more-cores-worker.js', import.meta.url);
const WATCHDOG_S = 20;

describe('ConditionCore under contention (raw workers)', () => {
	it('two conditions over one lock: 3 putters and 3 getters x 3000 through 4 slots, every item once, no wake-up lost', async () => {
		const lock = new LockCore();
		const notFull = new ConditionCore();
		const notEmpty = new ConditionCore();
		const buffer = new SharedArrayBuffer(BUFFER_WORDS * 4);
		const items = 3000;
		const jobs: MoreJob[] = [0, 1, 2].flatMap(me => [
			{kind: 'cond-put', lock: lock.sab, notFull: notFull.sab, notEmpty: notEmpty.sab, buffer, me: me + 1, items},
			{kind: 'cond-get', lock: lock.sab, notFull: notFull.sab, notEmpty: notEmpty.sab, buffer, me: me + 11, items},
		]);
		const results = (await runJobs(jobs, {seconds: WATCHDOG_S, progress: () => `buffer count ${new Int32Array(buffer)[B_COUNT]}`}, FIXTURE)) as {sum?: number}[];
		const got = results.filter((_, i) => jobs[i]!.kind === 'cond-get').reduce((a, r) => a + r.sum!, 0);
		let put = 0;
		for (const me of [1, 2, 3]) put += me * 100_000 * items + (items * (items + 1)) / 2;
		assert.equal(got, put);
		assert.equal(new Int32Array(buffer)[B_COUNT], 0);
		assert.equal(lock.locked, false);
		assert.equal(notFull.waiting + notEmpty.waiting, 0, 'a waiter never left');
	});
});

describe('BarrierCore under contention (raw workers)', () => {
	it('5 workers pass 2000 rounds: nobody passes a round before all arrive; each round hands out 0..4', async () => {
		const parties = 5;
		const count = 2000;
		const barrier = BarrierCore.create(parties);
		const rounds = new SharedArrayBuffer(parties * 4);
		const jobs: MoreJob[] = Array.from({length: parties}, (_, me) => ({kind: 'barrier', barrier: barrier.sab, rounds, me, parties, count}));
		const results = (await runJobs(jobs, {seconds: WATCHDOG_S, progress: () => `rounds ${[...new Int32Array(rounds)].join(' ')}`}, FIXTURE)) as {indexSum: number}[];
		assert.equal(
			results.reduce((a, r) => a + r.indexSum, 0),
			count * ((parties * (parties - 1)) / 2),
		);
		assert.equal(barrier.broken, false);
		assert.equal(barrier.waiting, 0);
	});
});

describe('SharedObjectCore under contention (raw workers)', () => {
	it('4 workers x 2000 updates of one structure (which grows from 4 KB): no update lost', async () => {
		const core = SharedObjectCore.create<Record<string, number[]>>({});
		const count = 2000;
		const jobs: MoreJob[] = [0, 1, 2, 3].map(me => ({kind: 'shared-object', object: core.sab, me, count}));
		await runJobs(jobs, {seconds: WATCHDOG_S}, FIXTURE);
		const value = core.read();
		assert.deepEqual(value.n, [4 * count]);
		for (const me of [0, 1, 2, 3]) assert.deepEqual(value[`w${me}`], Array.from({length: count}, (_, i) => i), `worker ${me}'s list`);
	});
});
