/**
 * The reducer alone: a hand-written trace folded into view state. No
 * engine, no workers: the state is a pure function of the event prefix.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {EventBody, TraceEvent} from '../source/engine/trace.js';
import {apply, reduce} from '../source/view/reducer.js';
import {emptyState} from '../source/view/state.js';

let step = 0;
/** Stamps events as the engine does: `step` given by the caller, time = step / 10. */
function at(s: number, ...bodies: EventBody[]): TraceEvent[] {
	step = s;
	return bodies.map(b => ({step, time: step / 10, ...b}) as TraceEvent);
}

const task = (name: string, process = name, thread = false): EventBody => ({kind: 'task', task: name, pid: 100, ppid: 1, process, thread, daemon: false, target: 'main', state: 'new'});

/** A run of two processes A and B taking a lock, an RLock, a semaphore, an event, a queue, a value and a file. */
const TRACE: TraceEvent[] = [
	...at(0, {kind: 'run', scenario: 'hand', variant: 'v', seed: 1, policy: 'fifo', cores: 1, mode: 'controlled', options: {}}),
	...at(0, {kind: 'prim', task: 'A', obj: 'file:db.json', type: 'File', name: 'db.json', content: '{"n": 1}'}),
	...at(0, task('A'), task('B'), task('A/T', 'A', true)),
	...at(0, {kind: 'prim', task: 'A', obj: 'lock#1', type: 'Lock'}, {kind: 'prim', task: 'A', obj: 'rlock#1', type: 'RLock'}),
	...at(0, {kind: 'prim', task: 'A', obj: 'sem#1', type: 'Semaphore', value: 2, initial: 2}),
	...at(0, {kind: 'prim', task: 'A', obj: 'event#1', type: 'Event', flag: false}),
	...at(0, {kind: 'prim', task: 'A', obj: 'q#1', type: 'JoinableQueue', maxsize: 3, items: []}),
	...at(0, {kind: 'prim', task: 'A', obj: 'value#1', type: 'Value', typecode: 'i', value: 100}),
	...at(0, {kind: 'gate', task: 'A', state: 'ready', op: 'acquire', obj: 'lock#1', line: 12}, {kind: 'gate', task: 'B', state: 'ready', op: 'acquire', obj: 'lock#1', line: 30}),
	// 1: A takes the lock.
	...at(1, {kind: 'state', task: 'A', state: 'running', choice: 0, of: 2}, {kind: 'op', task: 'A', op: 'acquire', obj: 'lock#1', holder: 'A', depth: 1}),
	...at(1, {kind: 'gate', task: 'A', state: 'ready', op: 'acquire', obj: 'rlock#1', line: 13}),
	// 2: B finds it taken and blocks.
	...at(2, {kind: 'state', task: 'B', state: 'running', choice: 1, of: 2}, {kind: 'gate', task: 'B', state: 'blocked', op: 'acquire', obj: 'lock#1', on: 'lock#1', line: 30}),
	// 3: A takes the RLock twice, the semaphore, sets the event, puts two items, prints.
	...at(3, {kind: 'state', task: 'A', state: 'running', choice: 0, of: 1}),
	...at(3, {kind: 'op', task: 'A', op: 'acquire', obj: 'rlock#1', holder: 'A', depth: 1}, {kind: 'op', task: 'A', op: 'acquire', obj: 'rlock#1', holder: 'A', depth: 2}),
	...at(3, {kind: 'op', task: 'A', op: 'acquire', obj: 'sem#1', value: 1}, {kind: 'op', task: 'A', op: 'set', obj: 'event#1', flag: true}),
	...at(3, {kind: 'op', task: 'A', op: 'put', obj: 'q#1', item: "'抢票'", size: 1}, {kind: 'op', task: 'A', op: 'put', obj: 'q#1', item: '[1, 2]', size: 2}),
	...at(3, {kind: 'op', task: 'A', op: 'store', obj: 'value#1', value: 99}, {kind: 'print', task: 'A', text: 'hello 你好'}),
	...at(3, {kind: 'op', task: 'A', op: 'write', obj: 'file:db.json', content: '{"n": 0}'}),
	...at(3, {kind: 'op', task: 'A', op: 'read', obj: 'file:other.txt', content: 'made on the fly'}),
	...at(3, {kind: 'invariant', name: 'inv', ok: false, expected: 'breakable', text: 'never'}),
	// 4: A releases the lock (B woken), the RLock once; B gets a semaphore permit too; an item is got and done.
	...at(4, {kind: 'op', task: 'A', op: 'release', obj: 'lock#1', holder: null, depth: 0}, {kind: 'state', task: 'B', state: 'ready'}),
	...at(4, {kind: 'op', task: 'A', op: 'release', obj: 'rlock#1', holder: 'A', depth: 1}),
	...at(4, {kind: 'op', task: 'B', op: 'acquire', obj: 'sem#1', value: 0}, {kind: 'op', task: 'B', op: 'acquire-failed', obj: 'sem#1', value: 0}),
	...at(4, {kind: 'op', task: 'B', op: 'get', obj: 'q#1', item: "'抢票'", size: 1}, {kind: 'op', task: 'B', op: 'task_done', obj: 'q#1', unfinished: 1}),
	...at(4, {kind: 'print', task: 'B', text: 'Traceback…', stream: 'stderr'}),
	...at(4, {kind: 'invariant', name: 'inv', ok: true, expected: 'breakable', text: 'never'}),
	// 5: A releases the semaphore and ends; the thread ends with an exit code.
	...at(5, {kind: 'op', task: 'A', op: 'release', obj: 'sem#1', value: 1}, {kind: 'op', task: 'A', op: 'clear', obj: 'event#1', flag: false}),
	...at(5, {kind: 'state', task: 'A', state: 'done', exitcode: 0}, {kind: 'state', task: 'A/T', state: 'done', exitcode: 1}),
	...at(5, {kind: 'end', outcome: 'completed', steps: 5}),
];

describe('reducer', () => {
	it('folds tasks: creation order, states, what they block on, steps granted, exit codes', () => {
		const s = reduce(TRACE);
		assert.deepEqual(s.order, ['A', 'B', 'A/T']);
		assert.equal(s.tasks['A']!.state, 'done');
		assert.equal(s.tasks['A']!.exitcode, 0);
		assert.equal(s.tasks['A']!.steps, 2, 'A was granted at steps 1 and 3');
		assert.equal(s.tasks['A']!.op, undefined, 'a done task is at no operation');
		assert.equal(s.tasks['A/T']!.exitcode, 1);
		assert.equal(s.tasks['A/T']!.thread, true);
		assert.equal(s.tasks['A/T']!.process, 'A');
		assert.equal(s.tasks['B']!.state, 'ready');
		assert.equal(s.tasks['B']!.steps, 1);
		assert.equal(s.tasks['B']!.line, 30);
		assert.equal(s.step, 5);
		assert.equal(s.time, 0.5);
		assert.equal(s.events, TRACE.length);
		assert.equal(s.end?.outcome, 'completed');
		assert.equal(s.run?.scenario, 'hand');
	});

	it('shows a blocked task with what it waits on, at the step it blocked', () => {
		const upto = TRACE.findIndex(e => e.kind === 'gate' && e.state === 'blocked') + 1;
		const s = reduce(TRACE, upto);
		assert.equal(s.tasks['B']!.state, 'blocked');
		assert.equal(s.tasks['B']!.on, 'lock#1');
		assert.equal(s.tasks['B']!.op, 'acquire');
		assert.equal(s.prims['lock#1']!.holder, 'A');
		assert.equal(s.prims['lock#1']!.depth, 1);
	});

	it('follows locks: holder and depth, an RLock taken twice then released once', () => {
		const s = reduce(TRACE);
		assert.equal(s.prims['lock#1']!.holder, null);
		assert.equal(s.prims['lock#1']!.depth, 0);
		assert.equal(s.prims['rlock#1']!.holder, 'A');
		assert.equal(s.prims['rlock#1']!.depth, 1);
		const mid = reduce(TRACE, TRACE.findIndex(e => e.kind === 'op' && e.op === 'acquire' && e.obj === 'sem#1'));
		assert.equal(mid.prims['rlock#1']!.depth, 2);
	});

	it('follows a semaphore: its value and who is inside (a failed acquire adds no one)', () => {
		const before = reduce(TRACE, TRACE.findIndex(e => e.kind === 'op' && e.op === 'release' && e.obj === 'sem#1'));
		assert.equal(before.prims['sem#1']!.value, 0);
		assert.deepEqual(before.prims['sem#1']!.holders, ['A', 'B']);
		const s = reduce(TRACE);
		assert.equal(s.prims['sem#1']!.value, 1);
		assert.equal(s.prims['sem#1']!.initial, 2);
		assert.deepEqual(s.prims['sem#1']!.holders, ['B']);
	});

	it('follows a queue (items in order, as shown, and unfinished), an event, a value, files and the output', () => {
		const s = reduce(TRACE);
		assert.deepEqual(s.prims['q#1']!.items, ['[1, 2]']);
		assert.equal(s.prims['q#1']!.unfinished, 1);
		assert.equal(s.prims['q#1']!.maxsize, 3);
		const two = reduce(TRACE, TRACE.findIndex(e => e.kind === 'op' && e.op === 'store'));
		assert.deepEqual(two.prims['q#1']!.items, ["'抢票'", '[1, 2]']);
		assert.equal(two.prims['q#1']!.unfinished, 2);
		assert.equal(two.prims['event#1']!.flag, true);
		assert.equal(s.prims['event#1']!.flag, false);
		assert.equal(s.prims['value#1']!.value, 99);
		assert.equal(two.prims['value#1']!.value, 100);
		assert.equal(s.prims['file:db.json']!.content, '{"n": 0}');
		assert.equal(s.prims['file:other.txt']!.content, 'made on the fly', 'a file first seen in an operation gets a row');
		assert.deepEqual(s.primOrder, ['file:db.json', 'lock#1', 'rlock#1', 'sem#1', 'event#1', 'q#1', 'value#1', 'file:other.txt']);
		assert.deepEqual(s.output, [
			{task: 'A', text: 'hello 你好', stream: undefined, step: 3},
			{task: 'B', text: 'Traceback…', stream: 'stderr', step: 4},
		]);
	});

	it('keeps the step an invariant first broke at, even once it holds again', () => {
		const s = reduce(TRACE);
		assert.deepEqual(s.invariants['inv'], {ok: true, expected: 'breakable', text: 'never', brokeAt: 3});
	});

	it('marks a child process that ended unreaped as a zombie of its parent (still done), until the reap', () => {
		const trace: TraceEvent[] = [
			...at(0, task('MainProcess'), task('Process-1')),
			...at(1, {kind: 'state', task: 'Process-1', state: 'done', exitcode: 0, zombie: 'MainProcess'}),
			...at(2, {kind: 'state', task: 'MainProcess', state: 'blocked', on: 'sleep', until: 3}),
			...at(3, {kind: 'reap', task: 'Process-1', by: 'MainProcess', via: 'join', exitcode: 0}),
		];
		const zombie = reduce(trace, 3).tasks['Process-1']!;
		assert.equal(zombie.state, 'done', 'a zombie is done: it runs nothing');
		assert.equal(zombie.zombie, 'MainProcess');
		assert.equal(zombie.exitcode, 0);
		assert.equal(zombie.reapedBy, undefined);
		const reaped = reduce(trace).tasks['Process-1']!;
		assert.equal(reaped.state, 'done');
		assert.equal(reaped.zombie, undefined);
		assert.equal(reaped.reapedBy, 'MainProcess');
		assert.equal(reaped.reapedVia, 'join');
		assert.equal(reduce(TRACE).tasks['A']!.zombie, undefined, 'a done without the flag is no zombie');
		// A reap of a task the trace never created changes nothing.
		assert.deepEqual(reduce([...trace, ...at(4, {kind: 'reap', task: 'nobody', by: 'init', via: 'orphan'})]).tasks, {...reduce(trace).tasks});
	});

	it('is a pure fold: any prefix reduced from scratch equals the live state after that many events, and the trace is untouched', () => {
		const frozen = JSON.stringify(TRACE);
		const live = emptyState();
		for (let i = 0; i <= TRACE.length; i++) {
			assert.deepEqual(reduce(TRACE, i), live, `prefix of ${i} events`);
			if (i < TRACE.length) apply(live, TRACE[i]!);
		}
		assert.equal(JSON.stringify(TRACE), frozen);
		assert.deepEqual(reduce(TRACE), reduce(TRACE));
	});
});
