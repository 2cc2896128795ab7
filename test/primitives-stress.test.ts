/**
 * The shared-memory cores alone, under real contention from raw worker
 * threads: no engine, no gates, no scheduler. Each test starts its workers
 * together (a barrier) and runs many iterations; a watchdog fails a test
 * whose workers do not all finish, which is how a lost wake-up shows.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {EventCore} from '../source/primitives/event.js';
import {LockCore} from '../source/primitives/lock.js';
import {QueueCore} from '../source/primitives/queue.js';
import {SemaphoreCore} from '../source/primitives/semaphore.js';
import {type Job, STATS_WORDS, S_COUNT, S_DONE, S_MAX, S_PROGRESS, S_VIOLATIONS} from './fixtures/cores-worker.js';
import {type ConsumerResult, checkDelivery} from './helpers/delivery.js';
import {runJobs} from './helpers/workers.js';

const WATCHDOG_S = 15;

function newStats(): {sab: SharedArrayBuffer; words: Int32Array} {
	const sab = new SharedArrayBuffer(STATS_WORDS * 4);
	return {sab, words: new Int32Array(sab)};
}

type LockHow = Extract<Job, {kind: 'lock'}>['how'];

/** Runs one worker per entry of `hows` on one lock; returns the stats words and the lock. */
async function contendLock(hows: LockHow[], iterations: number): Promise<{stats: Int32Array; core: LockCore; timeouts: number}> {
	const reentrant = hows.includes('reentrant');
	const core = new LockCore(undefined, reentrant);
	const {sab, words} = newStats();
	const jobs: Job[] = hows.map((how, i) => ({kind: 'lock', how, lock: core.sab, stats: sab, me: 4096 * (i + 1), iterations, workers: hows.length}));
	const results = (await runJobs(jobs, {seconds: WATCHDOG_S, progress: () => `${Atomics.load(words, S_PROGRESS)} of ${iterations * hows.length} critical sections done`})) as {timeouts: number}[];
	return {stats: words, core, timeouts: results.reduce((n, r) => n + r.timeouts, 0)};
}

describe('LockCore under contention (raw workers)', () => {
	const ITER = 12_000;

	for (const how of ['async', 'try', 'spin', 'sync', 'timed', 'reentrant'] as const) {
		it(`never has two holders: 4 workers x ${ITER} (${how})`, async () => {
			const {stats, core} = await contendLock([how, how, how, how], ITER);
			assert.equal(stats[S_VIOLATIONS], 0, 'someone found the critical section taken, or the lock owned by another');
			assert.equal(stats[S_MAX], 1, 'more than one worker inside at once');
			assert.equal(stats[S_COUNT], 4 * ITER, 'the plain counter lost an update');
			assert.equal(core.locked, false, 'the lock is free at the end');
			assert.equal(core.owner, 0);
			assert.equal(core.depth, 0);
		});
	}

	it('never has two holders when spinning, parking, timing out and the sync mutex all mix on one word', async () => {
		const {stats, core} = await contendLock(['async', 'try', 'timed', 'sync', 'async', 'timed'], ITER / 2);
		assert.equal(stats[S_VIOLATIONS], 0);
		assert.equal(stats[S_MAX], 1);
		assert.equal(stats[S_COUNT], 3 * ITER);
		assert.equal(core.locked, false);
	});

	it('(control) the same harness sees lost updates and two inside when there is no lock', async () => {
		// Proves the checks above can fail: without the lock, the plain counter and the inside count show the race.
		let seen = false;
		for (let round = 0; round < 3 && !seen; round++) {
			const {stats} = await contendLock(['none', 'none', 'none', 'none'], ITER);
			seen = stats[S_COUNT]! < 4 * ITER && stats[S_MAX]! > 1;
		}
		assert.ok(seen, 'four unlocked workers never raced: the harness would not catch a broken lock');
	});
});

describe('SemaphoreCore under contention (raw workers)', () => {
	for (const [limit, workers, bounded] of [
		[3, 6, false],
		[1, 4, false],
		[2, 5, true],
	] as const) {
		it(`never admits more than ${limit}: ${workers} workers x 15000, spinning and parking${bounded ? ' (bounded)' : ''}`, async () => {
			const core = SemaphoreCore.create(limit, bounded);
			const {sab, words} = newStats();
			const iterations = 15_000;
			const jobs: Job[] = Array.from({length: workers}, (_, i) => ({kind: 'sem', how: i % 2 ? 'spin' : 'wait', sem: core.sab, stats: sab, iterations, limit, workers}));
			await runJobs(jobs, {seconds: WATCHDOG_S, progress: () => `${Atomics.load(words, S_PROGRESS)} of ${iterations * workers} entries`});
			assert.equal(words[S_VIOLATIONS], 0, 'more were inside than the count allows, or the value went negative');
			assert.ok(words[S_MAX]! <= limit && words[S_MAX]! >= 1, `most inside at once: ${words[S_MAX]}`);
			assert.equal(core.value, limit, 'every permit came back');
		});
	}

	it('release(n) wakes n parked takers: 20000 permits in batches of 1-4 to 5 takers, then 5 at once to 5 parked takers', async () => {
		const core = SemaphoreCore.create(0);
		const {sab, words} = newStats();
		const total = 20_000;
		const takers = 5;
		const jobs: Job[] = [
			...Array.from({length: takers}, (): Job => ({kind: 'sem-take', sem: core.sab, stats: sab, total})),
			{kind: 'sem-give', sem: core.sab, stats: sab, seed: 7, total, takers},
		];
		const results = (await runJobs(jobs, {seconds: WATCHDOG_S, progress: () => `${Atomics.load(words, S_DONE)} of ${total + takers} permits taken, value ${core.value}`})) as {taken?: number}[];
		assert.equal(results.slice(0, takers).reduce((n, r) => n + r.taken!, 0), total, 'every permit was taken once');
		assert.equal(words[S_DONE], total + takers);
		assert.equal(core.value, 0);
	});
});

describe('QueueCore under contention (raw workers)', () => {
	const PRODUCERS = 3;
	const CONSUMERS = 3;
	const COUNT = 4000;

	for (const [label, maxsize, ringBytes, growTo] of [
		['a 2 KB ring (full by bytes, wrapping all the time)', 0, 2048, 2048],
		['maxsize 4 (full by count)', 4, 1 << 16, 1 << 16],
		['a 256-byte ring that grows (up to 1 MB) while it is written and read', 0, 256, 1 << 20],
	] as const) {
		it(`loses, duplicates and reorders nothing: ${PRODUCERS} producers x ${COUNT}, ${CONSUMERS} consumers, ${label}`, async () => {
			const core = QueueCore.create(maxsize, ringBytes, growTo);
			const {sab, words} = newStats();
			const jobs: Job[] = [
				...Array.from({length: CONSUMERS}, (): Job => ({kind: 'consumer', queue: core.sab, stats: sab, producers: PRODUCERS, taskDone: false})),
				...Array.from({length: PRODUCERS}, (_, me): Job => ({kind: 'producer', queue: core.sab, stats: sab, me, count: COUNT, producers: PRODUCERS, consumers: CONSUMERS})),
			];
			const results = await runJobs(jobs, {seconds: WATCHDOG_S, progress: () => `${Atomics.load(words, S_PROGRESS)} puts and gets of ${2 * PRODUCERS * COUNT}, qsize ${core.qsize()}`});
			checkDelivery(results.slice(0, CONSUMERS) as ConsumerResult[], PRODUCERS, COUNT);
			assert.equal(core.qsize(), 0);
			assert.deepEqual(core.snapshot(), []);
			if (growTo > ringBytes) assert.ok(core.sab.byteLength > 256 + 64, 'the ring never grew: the test did not test growing');
		});
	}

	it('JoinableQueue: task_done and join balance while puts and task_dones race', async () => {
		const core = QueueCore.create(0, 4096);
		const {sab, words} = newStats();
		const count = 3000;
		const total = PRODUCERS * count;
		const jobs: Job[] = [
			...Array.from({length: CONSUMERS}, (): Job => ({kind: 'consumer', queue: core.sab, stats: sab, producers: PRODUCERS, taskDone: true})),
			{kind: 'joiner', queue: core.sab, stats: sab, producers: PRODUCERS, total},
			{kind: 'joiner', queue: core.sab, stats: sab, producers: PRODUCERS, total},
			...Array.from({length: PRODUCERS}, (_, me): Job => ({kind: 'producer', queue: core.sab, stats: sab, me, count, producers: PRODUCERS, consumers: CONSUMERS})),
		];
		const results = await runJobs(jobs, {
			seconds: WATCHDOG_S,
			progress: () => `${Atomics.load(words, S_DONE)} of ${total} task_done, unfinished ${core.unfinished()}`,
		});
		checkDelivery(results.slice(0, CONSUMERS) as ConsumerResult[], PRODUCERS, count);
		for (const j of results.slice(CONSUMERS, CONSUMERS + 2) as {doneAtJoin: number}[]) {
			assert.equal(j.doneAtJoin, total, 'join() returned before every item was marked done');
		}
		assert.equal(core.unfinished(), 0);
		assert.equal(words[S_DONE], total);
		assert.throws(() => core.taskDone(), {name: 'ValueError', message: 'task_done() called too many times'});
	});
});

describe('EventCore under contention (raw workers)', () => {
	it('set wakes every waiter, parked or about to park: 4 waiters x 400 events', async () => {
		const rounds = 400;
		const waiters = 4;
		const events = Array.from({length: rounds}, () => new EventCore());
		const arrivals = new SharedArrayBuffer(rounds * 4);
		const acks = new SharedArrayBuffer(4);
		const jobs: Job[] = [
			...Array.from({length: waiters}, (): Job => ({kind: 'waiter', events: events.map(e => e.sab), arrivals, acks})),
			{kind: 'setter', events: events.map(e => e.sab), arrivals, waiters, seed: 11},
		];
		const results = await runJobs(jobs, {seconds: WATCHDOG_S, progress: () => `${Atomics.load(new Int32Array(acks), 0)} of ${rounds * waiters} waits returned`});
		assert.deepEqual(results.slice(0, waiters), Array.from({length: waiters}, () => ({})), 'a wait returned while its event was clear');
		assert.equal(Atomics.load(new Int32Array(acks), 0), rounds * waiters);
		assert.ok(events.every(e => e.isSet()));
	});
});
