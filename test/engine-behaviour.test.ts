/**
 * The engine copies CPython where it is observable: daemons, terminate,
 * exceptions, the end of a process; it survives busy loops; and a run is a
 * pure function of its inputs.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {TraceEvent} from '../source/engine/trace.js';
import {createRun} from '../source/run/launch.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {runLesson} from './helpers/run.js';

const BEHAVIOURS = fileURLToPath(new URL('./engine-lessons/behaviours.js', import.meta.url));

function exitcodes(events: TraceEvent[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const e of events) if (e.kind === 'state' && e.state === 'done' && e.exitcode !== undefined) out[e.task] = e.exitcode;
	return out;
}

describe('the engine host during a controlled run', () => {
	it('lets its event loop turn (turnMs), so a stop reaches a long run at once; the trace is the same', async () => {
		const {module, variant, label} = resolveScenario('ticket:lock');
		const scenario = await loadScenario(module, label);
		const full = await runLesson('ticket:lock', {seed: 2, options: {clients: 100}});
		const events: TraceEvent[] = [];
		const {engine, done} = createRun({scenario, variant, seed: 2, options: {clients: 100}}, e => {
			events.push(e);
			// Asked as soon as the first batch arrives: a host that never turned would run on to the end.
			if (events.length === 1) void engine.stop();
		});
		const stopped = await done;
		assert.equal(stopped.outcome, 'limit');
		assert.ok(stopped.steps < full.result.steps / 2, `stopped at ${stopped.steps} of ${full.result.steps} steps`);
		const same = await runLesson('ticket:lock', {seed: 2, turnMs: 0});
		const usual = await runLesson('ticket:lock', {seed: 2});
		assert.equal(same.jsonl, usual.jsonl);
	});
});

describe('determinism', () => {
	it('gives byte-identical traces for the same lesson, variant, seed, policy and cores', async () => {
		for (const [spec, seed, policy] of [
			['ticket:unsafe', 5, 'random'],
			['ktv', 3, 'fifo'],
			['bank:unsafe', 9, 'rr'],
		] as const) {
			const a = (await runLesson(spec, {seed, policy})).jsonl.split('\n');
			const b = (await runLesson(spec, {seed, policy})).jsonl.split('\n');
			const at = a.findIndex((line, i) => line !== b[i]);
			assert.equal(at, -1, `${spec} seed ${seed} ${policy}: line ${at} differs:\n${a[at]}\n${b[at]}`);
			assert.equal(a.length, b.length);
		}
	});

	it('gives different interleavings of ticket:unsafe for different seeds', async () => {
		const orders = new Set<string>();
		for (let seed = 1; seed <= 8; seed++) {
			const {prints} = await runLesson('ticket:unsafe', {seed, lines: false});
			orders.add(prints.join('\n'));
		}
		assert.ok(orders.size >= 4, `only ${orders.size} distinct interleavings out of 8 seeds`);
	});

	it('replays a recorded prefix of choices exactly, then follows the policy', async () => {
		const first = await runLesson('ticket:unsafe', {seed: 2, lines: false});
		const choices = first.events.flatMap(e => (e.kind === 'state' && e.state === 'running' && e.choice !== undefined ? [e.task] : []));
		const again = await runLesson('ticket:unsafe', {seed: 2, lines: false, replay: choices.slice(0, 30)});
		assert.equal(again.jsonl.replace(/"policy":"[^"]*"/, ''), first.jsonl.replace(/"policy":"[^"]*"/, ''));
		const branch = await runLesson('ticket:unsafe', {seed: 2, lines: false, replay: [...choices.slice(0, 5), 'MainProcess']});
		const branchChoices = branch.events.flatMap(e => (e.kind === 'state' && e.state === 'running' && e.choice !== undefined ? [e.task] : []));
		assert.deepEqual(branchChoices.slice(0, 6), [...choices.slice(0, 5), 'MainProcess']);
	});
});

describe('a process that ends (CPython rules)', () => {
	it('terminates daemon children when the main code ends, with exit code -15', async () => {
		const {prints, events, result} = await runLesson(BEHAVIOURS + ':daemon');
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, ['tick', 'tick', 'tick', 'tick', 'main done']);
		assert.equal(exitcodes(events)['Process-1'], -15);
		assert.equal(exitcodes(events)['MainProcess'], 0);
	});

	it("refuses a daemon's child with CPython's AssertionError", async () => {
		const {prints, events} = await runLesson(BEHAVIOURS + ':daemon-child');
		const traceback = events.find(e => e.kind === 'print' && e.stream === 'stderr');
		assert.ok(traceback && traceback.kind === 'print');
		assert.match(traceback.text, /^Process Process-1:\nTraceback \(most recent call last\):/);
		assert.match(traceback.text, /AssertionError: daemonic processes are not allowed to have children$/);
		assert.equal(prints.at(-1), 'exitcode 1');
	});

	it('keeps a terminated process alive until the next step, then reports -15', async () => {
		const {prints} = await runLesson(BEHAVIOURS + ':terminate');
		assert.deepEqual(prints, ['alive true', 'alive false exitcode -15']);
	});

	it('prints the traceback of a task that throws, ends it with 1, and lets the others go on', async () => {
		const {prints, events} = await runLesson(BEHAVIOURS + ':exception');
		const traceback = events.find(e => e.kind === 'print' && e.stream === 'stderr');
		assert.ok(traceback && traceback.kind === 'print');
		assert.match(traceback.text, /File "behaviours\.ts", line \d+, in boom/);
		assert.match(traceback.text, /ValueError: kaboom$/);
		assert.deepEqual(prints.filter(p => p.startsWith('steady')), ['steady 0', 'steady 1', 'steady 2']);
		assert.equal(prints.at(-1), 'exitcodes 1 0');
	});

	it('waits for non-daemon threads before the process ends', async () => {
		const {prints, events} = await runLesson(BEHAVIOURS + ':threads');
		assert.deepEqual(prints, ['main returns', 'thread done']);
		const mainDone = events.findIndex(e => e.kind === 'state' && e.task === 'MainProcess' && e.state === 'done');
		const threadDone = events.findIndex(e => e.kind === 'state' && e.task === 'Thread-1 (late)' && e.state === 'done');
		assert.ok(threadDone >= 0 && threadDone < mainDone);
	});
});

describe('a busy loop', () => {
	it('is reported by name, its process terminated, and the run goes on', async () => {
		const {events, prints, result} = await runLesson(BEHAVIOURS + ':busy', {busyMs: 150, busyKillMs: 450, policy: 'fifo'});
		const busy = events.filter(e => e.kind === 'busy');
		assert.ok(busy.length >= 1);
		assert.ok(busy.every(e => e.kind === 'busy' && e.task === 'Process-1'));
		assert.equal(busy.at(-1)!.kind === 'busy' && busy.at(-1)!.action, 'terminated');
		assert.equal(result.outcome, 'completed');
		assert.equal(prints.at(-1), 'busy exitcode -15');
	});
});

describe('cores and the GIL', () => {
	it('runs CPU work of two processes one after the other on one core, side by side on two', async () => {
		assert.equal((await runLesson(BEHAVIOURS + ':work', {cores: 1})).result.time, 10);
		assert.equal((await runLesson(BEHAVIOURS + ':work', {cores: 2})).result.time, 5);
	});

	it('never runs two threads of one process at once, whatever the cores', async () => {
		assert.equal((await runLesson(BEHAVIOURS + ':gil', {cores: 2})).result.time, 10);
	});
});

describe('deadlock', () => {
	it('names who waits on which lock and who holds it', async () => {
		const {result, events} = await runLesson('deadlock', {seed: 1});
		assert.equal(result.outcome, 'deadlock');
		const end = events.at(-1)!;
		assert.ok(end.kind === 'end');
		assert.deepEqual(
			end.waits?.filter(w => w.task !== 'MainProcess'),
			[
				{task: 'Process-1', on: 'lock#2', heldBy: ['Process-2']},
				{task: 'Process-2', on: 'lock#1', heldBy: ['Process-1']},
			],
		);
		for (let seed = 1; seed <= 20; seed++) assert.equal((await runLesson('deadlock:ordered', {seed, lines: false})).result.outcome, 'completed');
	});
});

describe('invariants and limits', () => {
	it('reports an invariant expected to hold that broke', async () => {
		const {result} = await runLesson(BEHAVIOURS + ':broken');
		assert.deepEqual(result.broken, ['nothing-printed']);
	});

	it('ends as limit when the step limit is reached', async () => {
		const {result, events} = await runLesson('bank:unsafe', {maxSteps: 50});
		assert.equal(result.outcome, 'limit');
		const end = events.at(-1)!;
		assert.equal(end.kind === 'end' && end.steps, 50);
	});
});
