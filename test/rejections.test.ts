/**
 * A promise rejection that lesson code leaves unhandled ends the process it
 * happened in, as a task that throws does (a traceback on its stderr, exit
 * code 1), in controlled and free mode alike; the other processes go on, and
 * a controlled run's trace stays a function of its inputs.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {TraceEvent} from '../source/engine/trace.js';
import {runCli} from './helpers/cli-run.js';
import {runWatched, testLesson} from './helpers/free-run.js';
import {runLesson} from './helpers/run.js';

const LESSON = testLesson('rejections');

function exitcodes(events: TraceEvent[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const e of events) if (e.kind === 'state' && e.state === 'done' && e.exitcode !== undefined) out[e.task] = e.exitcode;
	return out;
}

function stderrOf(events: TraceEvent[], task: string): string {
	return events.flatMap(e => (e.kind === 'print' && e.stream === 'stderr' && e.task.startsWith(task) ? [e.text] : [])).join('\n');
}

function stdout(events: TraceEvent[]): string[] {
	return events.flatMap(e => (e.kind === 'print' && e.stream !== 'stderr' ? [e.text] : []));
}

const CASES = [
	{variant: 'reject', error: /^Exception: boom$/m},
	{variant: 'async', error: /^TypeError: boom from an async function$/m},
	{variant: 'thread', error: /^Exception in thread Thread-1 \(badThread\):\nTraceback[^]*^Exception: boom in a thread$/m},
];

for (const free of [false, true]) {
	describe(`an unhandled rejection in ${free ? 'free' : 'controlled'} mode`, () => {
		for (const {variant, error} of CASES) {
			it(`${variant}: its process prints a traceback and ends with exit code 1; the others go on`, async () => {
				const {events, result} = await runWatched(`${LESSON}:${variant}`, {seed: 1, free}, 30);
				assert.equal(result.outcome, 'completed');
				const bad = stderrOf(events, 'Process-2');
				assert.match(bad, /Traceback \(most recent call last\):/);
				assert.match(bad, error);
				assert.equal(exitcodes(events)['Process-2'], 1);
				assert.equal(exitcodes(events)['Process-1'], 0);
				assert.equal(exitcodes(events)['MainProcess'], 0);
				const out = stdout(events);
				assert.ok(!out.includes('bad goes on'), out.join('\n'));
				assert.deepEqual(out.filter(line => line.startsWith('good')), ['good 0', 'good 1', 'good 2']);
				assert.ok(out.includes('bad exitcode 1, good exitcode 0'), out.join('\n'));
			});
		}

		it('in MainProcess: the CLI prints the traceback and exits 1', async () => {
			const r = await runCli([`${LESSON}:main`, '--headless', ...(free ? ['--free'] : [])]);
			assert.equal(r.code, 1, r.stderr);
			assert.match(r.stdout, /MainProcess ! Exception: boom in main/);
			assert.match(r.stdout, /MainProcess ends, exit code 1/);
			assert.doesNotMatch(r.stdout, /main goes on/);
			assert.doesNotMatch(r.stderr, /^\s+at |node:internal|SystemExit/m);
		});

		it('a rejection that a handler takes at once (Promise.all) ends nothing', async () => {
			const {events, result} = await runWatched(`${LESSON}:handled`, {seed: 1, free}, 30);
			assert.equal(result.outcome, 'completed');
			assert.deepEqual(stdout(events), ['caught: caught', 'main goes on']);
			assert.equal(exitcodes(events)['MainProcess'], 0);
		});
	});
}

describe('an unhandled rejection in a controlled run', () => {
	it('ends its process at the same point whenever the event loop turns', async () => {
		for (const variant of ['reject', 'async', 'thread']) {
			const often = await runLesson(`${LESSON}:${variant}`, {seed: 3, turnMs: 0});
			const usual = await runLesson(`${LESSON}:${variant}`, {seed: 3});
			assert.equal(often.jsonl, usual.jsonl, variant);
		}
	});

	it('--json: the traceback is in the trace and the run exits 0', async () => {
		const r = await runCli([`${LESSON}:reject`, '--json']);
		assert.equal(r.code, 0, r.stderr);
		const events = r.stdout.trim().split('\n').map(line => JSON.parse(line) as TraceEvent);
		assert.match(stderrOf(events, 'Process-2'), /^Exception: boom$/m);
		assert.equal(exitcodes(events)['Process-2'], 1);
		assert.equal(r.stderr, '');
	});
});
