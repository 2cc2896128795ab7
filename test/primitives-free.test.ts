/**
 * The primitives through the engine and the lesson API, in free mode: gates
 * open, every process a real worker, blocking for real. The test lesson
 * (test/lessons/free-stress.ts) prints what it counted; a lesson that finds
 * its primitive broken throws, which shows here as a traceback on stderr.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type ConsumerResult, checkDelivery} from './helpers/delivery.js';
import {type FreeRan, runWatched, testLesson} from './helpers/free-run.js';

const LESSON = testLesson('free-stress');
const WATCHDOG_S = 20;

async function free(variant: string, options: Record<string, number> = {}): Promise<FreeRan> {
	const ran = await runWatched(`${LESSON}:${variant}`, {free: true, options}, WATCHDOG_S);
	assert.deepEqual(ran.stderr, [], `${variant}: a task failed`);
	assert.equal(ran.result.outcome, 'completed', `${variant}: ${ran.result.outcome}`);
	return ran;
}

/** The number after `label ` in the line that starts with it. */
function printed(ran: FreeRan, label: string): string {
	const line = ran.prints.find(p => p.startsWith(`${label} `));
	assert.ok(line, `no '${label}' line in ${JSON.stringify(ran.prints)}`);
	return line.slice(label.length + 1);
}

describe('free mode, across processes', () => {
	it('a Lock: 4 processes x 2000 acquisitions, a Value counter updated inside ends exact', async () => {
		const ran = await free('lock', {n: 2000, procs: 4});
		assert.equal(printed(ran, 'count'), '8000');
		assert.equal(printed(ran, 'exitcodes'), '0 0 0 0');
		assert.equal(printed(ran, 'locked'), 'false');
	});

	it('an RLock taken three deep each time: 4 processes x 1500, exact', async () => {
		const ran = await free('rlock', {n: 1500, procs: 4});
		assert.equal(printed(ran, 'count'), '6000');
		assert.equal(printed(ran, 'locked'), 'false');
	});

	it('(control) without the lock the same loops lose updates', async () => {
		let lost = false;
		for (let round = 0; round < 3 && !lost; round++) {
			const ran = await free('nolock', {n: 2000, procs: 4});
			lost = Number(printed(ran, 'count')) < 8000;
		}
		assert.ok(lost, 'four processes doing count.value += 1 without a lock never lost an update: the lock test proves nothing');
	});

	it('a Semaphore(2): 5 processes x 300, never more than 2 inside, every permit back', async () => {
		const ran = await free('sem', {n: 300, procs: 4});
		const most = Number(printed(ran, 'most'));
		assert.ok(most >= 1 && most <= 2, `most inside at once: ${most}`);
		assert.equal(printed(ran, 'inside'), '0');
		assert.equal(printed(ran, 'value'), '2');
	});

	it('a Queue(5): 3 producers x 500, 3 consumers: nothing lost, duplicated or reordered per producer', async () => {
		const ran = await free('queue', {n: 500});
		checkDelivery(JSON.parse(printed(ran, 'results')) as ConsumerResult[], 3, 500);
		assert.equal(printed(ran, 'qsize'), '0');
	});

	it('a JoinableQueue: join returns once every item is task_done', async () => {
		const ran = await free('joinable', {n: 600});
		assert.equal(printed(ran, 'done'), '1200');
		assert.equal(printed(ran, 'qsize'), '0');
	});

	it('an Event: set wakes all four waiters, 100 events in a row', async () => {
		const ran = await free('event', {n: 100, procs: 4});
		assert.equal(printed(ran, 'woke'), '400 of 400');
		assert.equal(printed(ran, 'set'), '100 of 100');
	});
});

describe('free mode, threads inside a process', () => {
	it('a Lock shared by 3 threads in each of 2 processes: both the module counters and the shared Value are exact', async () => {
		const ran = await free('threads', {n: 800});
		assert.deepEqual(
			ran.prints.filter(p => p.startsWith('threads counted')),
			['threads counted 2400 of 2400', 'threads counted 2400 of 2400'],
		);
		assert.equal(printed(ran, 'shared'), '4800 of 4800');
	});

	it('an RLock re-entered by 4 threads of one process is still exclusive between them', async () => {
		const ran = await free('threads-rlock', {n: 1000});
		assert.equal(printed(ran, 'threads counted'), '4000 of 4000');
	});

	it('a Queue(3) and a Semaphore(2) between threads of one process: every item once, never more than 2 inside', async () => {
		const ran = await free('threads-queue', {n: 400});
		assert.equal(printed(ran, 'threads queue'), 'exact');
		const most = Number(printed(ran, 'threads most'));
		assert.ok(most >= 1 && most <= 2, `most inside at once: ${most}`);
	});

	it('(control) threads without the lock lose updates of their module variable', async () => {
		const ran = await free('threads-nolock', {n: 200});
		const got = printed(ran, 'threads counted').split(' ')[0];
		assert.ok(Number(got) < 800, `threads without a lock counted ${got} of 800`);
	});
});
