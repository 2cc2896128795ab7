/**
 * Condition, Barrier, Array, the queue module's queues and SimpleQueue
 * through the engine and the lesson API, in free mode: gates open, every
 * process a real worker, blocking for real (test/lessons/free-stress-more.ts).
 * A lost wake-up shows as the watchdog's failure, a broken rule as a
 * traceback on stderr.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type FreeRan, runWatched, testLesson} from './helpers/free-run.js';

const LESSON = testLesson('free-stress-more');
const WATCHDOG_S = 30;

async function free(variant: string, options: Record<string, number> = {}): Promise<FreeRan> {
	const ran = await runWatched(`${LESSON}:${variant}`, {free: true, options}, WATCHDOG_S);
	assert.deepEqual(ran.stderr, [], `${variant}: a task failed`);
	assert.equal(ran.result.outcome, 'completed', `${variant}: ${ran.result.outcome}`);
	return ran;
}

function printed(ran: FreeRan, label: string): string {
	const line = ran.prints.find(p => p.startsWith(`${label} `));
	assert.ok(line, `no '${label}' line in ${JSON.stringify(ran.prints)}`);
	return line.slice(label.length + 1);
}

/** What producer `me` of `n` items puts, summed over `producers` of them (item me*1e6 + i). */
function itemSum(producers: number, n: number): number {
	let sum = 0;
	for (let me = 0; me < producers; me++) sum += me * 1_000_000 * n + (n * (n + 1)) / 2;
	return sum;
}

describe('free mode: the primitives CPython has and the first lessons did not use', () => {
	it('two Conditions over one Lock: 3 producer and 3 consumer processes x 400 through a 4-slot Array buffer, every item once', async () => {
		const ran = await free('condition', {n: 400, procs: 3});
		assert.equal(printed(ran, 'sum'), String(itemSum(3, 400)));
		assert.equal(printed(ran, 'count'), '0');
		assert.equal(printed(ran, 'exitcodes'), '0 0 0 0 0 0');
	});

	it('a Barrier of 4 passed 300 rounds: no one through a round early, the indices of each round 0..3', async () => {
		const ran = await free('barrier', {n: 300, procs: 3});
		assert.equal(printed(ran, 'index sum'), String(300 * (0 + 1 + 2 + 3)));
		assert.equal(printed(ran, 'broken'), 'False waiting 0');
		assert.equal(printed(ran, 'exitcodes'), '0 0 0');
	});

	it('a LifoQueue(3) and a PriorityQueue(3) between 2 producer and 3 consumer threads x 1000: every item once', async () => {
		const ran = await free('thread-queues', {n: 1000});
		assert.equal(printed(ran, 'LifoQueue'), `got 2000 sum ${itemSum(2, 1000)}`);
		assert.equal(printed(ran, 'PriorityQueue'), `got 2000 sum ${itemSum(2, 1000)}`);
	});

	it('a SimpleQueue: 3 processes x 1000 puts, main gets all in order per producer', async () => {
		const ran = await free('simple-queue', {n: 1000, procs: 3});
		assert.equal(printed(ran, 'got'), '3000 empty True');
	});

	it("a Manager's dict and list: 3 processes x 300 locked increments, appends and setdefaults, none lost", async () => {
		const ran = await free('manager', {n: 300, procs: 3});
		assert.equal(printed(ran, 'n'), '900');
		assert.equal(printed(ran, 'appended'), '900 per process 300 300 300');
		assert.equal(printed(ran, 'keys'), '11');
	});

	it('a Pool of 3: map over 800 items in order, then 800 apply_async results collected in reverse', async () => {
		const ran = await free('pool', {n: 800, procs: 3});
		let sum = 0;
		for (let i = 0; i < 800; i++) sum += i * i * i;
		assert.equal(printed(ran, 'map'), `800 sum ${sum}`);
	});

	it('threading.local: 6 threads x 2000 set and read their own value across waits, none sees another\'s; 40 Timers, 20 cancelled', async () => {
		const ran = await free('local-timer', {n: 2000});
		assert.equal(printed(ran, 'mixed'), '0 main sees None');
		assert.equal(printed(ran, 'fired at least 20'), 'True at most 40 True');
	});
});
