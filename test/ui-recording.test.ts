/**
 * How the viewer cuts a trace into steps (positions), and the words the
 * panels use for what the view state holds.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {TraceEvent} from '../source/engine/trace.js';
import {cellWidth, fit} from '../source/ui/cells.js';
import {changesIn, describeStep, objOf, primText, waitText} from '../source/ui/format.js';
import {Recording} from '../source/ui/recording.js';
import {reduce} from '../source/view/reducer.js';
import {fixtureState, trace} from './ui-fixture.js';
import {emptyState} from '../source/view/state.js';

describe('Recording', () => {
	it('closes a position when a later step begins: position k ends with step k', () => {
		const events = trace();
		const rec = new Recording();
		for (const e of events) rec.push(e);
		assert.equal(rec.last, 9, 'steps 0–9 are complete; step 10 is not over yet');
		for (let k = 0; k <= rec.last; k++) {
			const end = rec.ends[k]!;
			assert.ok(events.slice(0, end).every(e => e.step <= k));
			assert.equal(events[end]!.step, k + 1);
		}
		assert.deepEqual(rec.choices.slice(0, 4), ['MainProcess', 'MainProcess', 'MainProcess', 'MainProcess']);
		assert.deepEqual(rec.ran.slice(0, 6), [undefined, 'MainProcess', 'MainProcess', 'MainProcess', 'MainProcess', 'Worker-1']);
	});

	it('closes the last step at the end event, and at a manual pick', async () => {
		const rec = new Recording();
		for (const e of trace()) rec.push(e);
		const ready = [{name: 'MainProcess', readySince: 1}, {name: 'Thread-1', readySince: 2}];
		const answered = rec.ask(ready);
		assert.equal(rec.last, 10);
		assert.ok(rec.pending);
		assert.equal(rec.answer('nobody'), false);
		assert.equal(rec.answer('Thread-1'), true);
		assert.equal(await answered, 1);
		rec.push({step: 11, time: 1, kind: 'state', task: 'Thread-1', state: 'running', choice: 1, of: 2});
		assert.equal(rec.last, 10, 'the pick closed step 10 already: step 11 adds no position before it ends');
		rec.push({step: 11, time: 1, kind: 'end', outcome: 'completed', steps: 11});
		assert.equal(rec.last, 11);
		assert.equal(rec.ends[11], rec.events.length);
		assert.ok(rec.ended);
	});

	it('ignores events once stopped (the viewer moved to another run)', () => {
		const rec = new Recording();
		rec.stopped = true;
		for (const e of trace()) rec.push(e);
		assert.equal(rec.events.length, 0);
	});

	it('finds the lesson caption that matched last before a prefix', () => {
		const rec = new Recording([
			{when: e => e.kind === 'print', text: {zh: '打印', en: 'printed'}},
			{when: (e, s) => e.kind === 'state' && s.tasks[e.task]?.state === 'done', text: {zh: '结束', en: 'ended'}},
		]);
		const events = trace();
		for (const e of events) rec.push(e);
		const firstPrint = events.findIndex(e => e.kind === 'print');
		assert.equal(rec.captionBefore(firstPrint), undefined);
		assert.equal(rec.captionBefore(firstPrint + 1), 0);
		assert.equal(rec.captionBefore(events.length), 1);
	});

	it('its view at a position is the reducer over that prefix', () => {
		const events = trace();
		const rec = new Recording();
		for (const e of events) rec.push(e);
		const at5 = reduce(rec.events, rec.ends[5]);
		assert.equal(at5.step, 5);
		assert.equal(at5.tasks['Worker-1']!.steps, 1);
	});
});

describe('words for the panels', () => {
	it('what a task waits on', () => {
		const s = fixtureState();
		assert.equal(waitText(s.tasks['Worker-1']!, s.prims), 'sleep → 3.2s');
		assert.equal(waitText(s.tasks['Worker-2']!, s.prims), 'lock#1 (held by Worker-1)');
		assert.equal(waitText({...s.tasks['Worker-2']!, on: 'sem#2'}, s.prims), 'sem#2 (1/2 taken)');
		assert.equal(waitText({...s.tasks['Worker-2']!, on: 'join Worker-3'}, s.prims), 'join Worker-3');
		assert.equal(objOf('q#4.get (empty)'), 'q#4');
	});

	it('what changed and what happened at a step', () => {
		const events: TraceEvent[] = trace();
		const rec = new Recording();
		for (const e of events) rec.push(e);
		const c = changesIn(rec.events, rec.ends[6]!, rec.ends[7]!);
		assert.deepEqual([...c.tasks], ['Worker-1']);
		assert.deepEqual([...c.prims].sort(), ['file:db.json', 'q#4', 'sem#2']);
		assert.equal(c.printed, 1);
		assert.equal(
			describeStep(rec.events, rec.ends[6]!, rec.ends[7]!),
			'Worker-1 ran: prints "hello \\x1b[31mred\\x1b[0m", acquire sem#2 → 1, put q#4 a, write db.json, blocks on sleep',
		);
		assert.equal(describeStep(rec.events, rec.ends[8]!, rec.ends[9]!), 'Worker-4 ran: prints "two⏎lines", ends (exit 0) · clock → 1s');
	});

	it('says a zombie and its reaping at the step they happen', () => {
		const stamp = (step: number, body: object) => ({step, time: 0, ...body}) as TraceEvent;
		const events: TraceEvent[] = [
			stamp(1, {kind: 'state', task: 'Process-1', state: 'running', choice: 0, of: 1}),
			stamp(1, {kind: 'state', task: 'Process-1', state: 'done', exitcode: 0, zombie: 'MainProcess'}),
			stamp(2, {kind: 'state', task: 'MainProcess', state: 'running', choice: 0, of: 1}),
			stamp(2, {kind: 'reap', task: 'Process-1', by: 'MainProcess', via: 'join', exitcode: 0}),
		];
		assert.equal(describeStep(events, 0, 2), 'Process-1 ran: ends (exit 0), a zombie');
		assert.equal(describeStep(events, 2, 4), 'MainProcess ran: reaps Process-1');
		assert.deepEqual([...changesIn(events, 2, 4).tasks], ['MainProcess', 'Process-1'], 'the reaped row changes');
	});

	it('names a primitive by its id and the name the lesson gave it', () => {
		const s = emptyState();
		assert.equal(primText({obj: 'lock#1', type: 'Lock', name: 'A', holder: 'P1'}, s).name, "lock#1 'A' Lock");
		assert.equal(primText({obj: 'lock#2', type: 'Lock', holder: null}, s).name, 'lock#2 Lock');
		assert.equal(primText({obj: 'sem#3', type: 'Semaphore', name: 'booths', value: 4, initial: 4}, s).name, "sem#3 'booths' Semaphore(4)");
	});

	it('measures and cuts wide characters by terminal columns', () => {
		assert.equal(cellWidth('进来ab'), 6);
		// As Ink's string-width counts them: box rules, dots and blocks are narrow; fullwidth forms and emoji are wide.
		assert.equal(cellWidth('─·░█○■✓'), 7);
		assert.equal(cellWidth('！🚀'), 4);
		assert.equal(fit('person 0 进来唱歌了', 12), 'person 0 进…');
		assert.equal(fit('short', 10), 'short');
	});
});
