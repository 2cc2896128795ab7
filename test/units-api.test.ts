/**
 * CPython's exceptions and re-entry rules through the lesson API, run by the
 * engine (test/lessons/api-errors.ts): queue.Full / queue.Empty, a
 * BoundedSemaphore's ValueError, RLock re-entry, releasing what one does not
 * hold.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {TraceEvent} from '../source/engine/trace.js';
import {testLesson} from './helpers/free-run.js';
import {runLesson} from './helpers/run.js';

const LESSON = testLesson('api-errors');
const SEEDS = [1, 2, 3, 4, 5];
const RELEASE_ERRORS = [
	'Lock: ValueError: semaphore or lock released too many times',
	'Lock taken again by its holder without waiting: false',
	'RLock: AssertionError: attempt to release recursive lock not owned by thread',
];

function ops(events: TraceEvent[], obj: string): Array<Record<string, unknown>> {
	return events.flatMap(e => (e.kind === 'op' && e.obj === obj ? [e as Record<string, unknown>] : []));
}

describe('queue.Full and queue.Empty', () => {
	const expected = [
		'full true qsize 2',
		'put_nowait: true queue.Full: ',
		'got "一"',
		'got ["二",2]',
		'get_nowait: true _queue.Empty: ',
		'empty true qsize 0',
	];

	it('put_nowait on a full Queue(2) raises Full and get_nowait on an empty one raises Empty (controlled)', async () => {
		const {prints, result, events} = await runLesson(`${LESSON}:nowait`, {lines: false});
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, expected);
		assert.deepEqual(
			ops(events, 'q#1').map(e => e.op),
			['put', 'put', 'put-full', 'get', 'get', 'get-empty'],
		);
		assert.deepEqual(result.state.prims['q#1']?.items, [], 'the view shows the queue empty again');
	});

	it('…and the same in free mode', async () => {
		const {prints, result} = await runLesson(`${LESSON}:nowait`, {lines: false, free: true});
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, expected);
	});

	it('a timed put and a timed get give up once their (virtual) timeout has passed', async () => {
		const {prints, events, result} = await runLesson(`${LESSON}:timeout`, {lines: false});
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, ['timed put: true queue.Full: ', 'timed get: true _queue.Empty: ']);
		const full = events.find(e => e.kind === 'op' && e.op === 'put-full')!;
		const empty = events.find(e => e.kind === 'op' && e.op === 'get-empty')!;
		assert.equal(full.time, 0.5, 'put gave up at its timeout, not before or after');
		assert.equal(empty.time, 0.75, 'get waited its 0.25 s after that');
	});
});

describe('BoundedSemaphore', () => {
	it('raises ValueError on a release above its initial value and keeps its value; a plain Semaphore goes above', async () => {
		const {prints, result} = await runLesson(`${LESSON}:bounded`, {lines: false});
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, ['bounded: ValueError: semaphore or lock released too many times', 'bounded value 2', 'plain value 3']);
		assert.equal(result.state.prims['sem#1']?.value, 2);
		assert.equal(result.state.prims['sem#2']?.value, 3);
	});

	it('an uncaught over-release ends the task with a ValueError traceback and exit code 1', async () => {
		const {events, result} = await runLesson(`${LESSON}:bounded-uncaught`, {lines: false});
		const stderr = events.flatMap(e => (e.kind === 'print' && e.stream === 'stderr' ? [e.text] : []));
		assert.equal(stderr.length, 1);
		// CPython gives the main program's traceback no 'Process …:' heading.
		assert.match(stderr[0]!, /^Traceback \(most recent call last\):\n/);
		assert.match(stderr[0]!, /\nValueError: semaphore or lock released too many times$/);
		assert.equal(result.state.tasks['MainProcess']?.exitcode, 1);
		assert.ok(!events.some(e => e.kind === 'print' && e.text === 'not reached'));
	});
});

describe('RLock', () => {
	it('lets its holder re-enter (depth 1, 2, 3, 4) and keeps another process out until the last release, over 5 seeds', async () => {
		for (const seed of SEEDS) {
			const {prints, events, result} = await runLesson(`${LESSON}:rlock`, {lines: false, seed});
			assert.equal(result.outcome, 'completed', `seed ${seed}`);
			assert.deepEqual(prints, ['main non-blocking re-entry: true', 'other try: false', 'other blocking: true', 'exitcode 0'], `seed ${seed}`);
			const trail = ops(events, 'rlock#1').map(e => `${e.task} ${e.op} ${e.holder ?? '-'} ${e.depth ?? ''}`.trim());
			assert.deepEqual(
				trail,
				[
					'MainProcess acquire MainProcess 1',
					'MainProcess acquire MainProcess 2',
					'MainProcess acquire MainProcess 3',
					'MainProcess acquire MainProcess 4',
					'MainProcess release MainProcess 3',
					'Process-1 acquire-failed -',
					'MainProcess release MainProcess 2',
					'MainProcess release MainProcess 1',
					'MainProcess release - 0',
					'Process-1 acquire Process-1 1',
					'Process-1 release - 0',
				],
				`seed ${seed}`,
			);
			assert.equal(result.state.prims['rlock#1']?.holder, null);
			assert.equal(result.state.prims['rlock#1']?.depth, 0);
		}
	});

	it('refuses a release by a task that does not hold it (RuntimeError); a free Lock refuses a release (ValueError) and its holder cannot re-enter', async () => {
		const {prints, result} = await runLesson(`${LESSON}:release-errors`, {lines: false});
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, RELEASE_ERRORS);
	});

	it('…the same rules in free mode, where acquire(False) on a lock held by another task is one real try', async () => {
		// acquire(block=False) on a held Lock used to throw a TypeError in free mode (no word to wait on).
		for (const [variant, expected] of [
			['rlock', ['main non-blocking re-entry: true', 'other try: false', 'other blocking: true', 'exitcode 0']],
			['release-errors', RELEASE_ERRORS],
		] as const) {
			const {prints, events, result} = await runLesson(`${LESSON}:${variant}`, {lines: false, free: true});
			assert.deepEqual(events.flatMap(e => (e.kind === 'print' && e.stream === 'stderr' ? [e.text] : [])), [], variant);
			assert.equal(result.outcome, 'completed', variant);
			assert.deepEqual(prints, expected, variant);
		}
	});
});
