/**
 * Shared state and the explanation of a break, from hand-written traces: no
 * engine. What each task last read, when that read went stale, and which
 * story the trace tells (a lost update, the same read, a wait-for cycle, a
 * limit passed).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {EventBody, TraceEvent} from '../source/engine/trace.js';
import {lostUpdate, pastLimit, sameRead, storyText, waitCycle} from '../source/view/explain.js';
import {reduce} from '../source/view/reducer.js';
import {isStale} from '../source/view/shared-state.js';

function at(step: number, ...bodies: EventBody[]): TraceEvent[] {
	return bodies.map(b => ({step, time: 0, ...b}) as TraceEvent);
}
const task = (name: string, target = 'main'): EventBody => ({kind: 'task', task: name, pid: 1, ppid: 0, process: name, thread: false, daemon: false, target, state: 'new'});
const load = (t: string, value: number): EventBody => ({kind: 'op', task: t, op: 'load', obj: 'value#1', value});
const store = (t: string, value: number): EventBody => ({kind: 'op', task: t, op: 'store', obj: 'value#1', value});

/** The issue's own lost update: P1 and P2 both read 100, P1 writes 99, P2 writes 101. */
const LOST: TraceEvent[] = [
	...at(0, task('P1', 'get_money'), task('P2', 'put_money')),
	...at(0, {kind: 'prim', task: 'P1', obj: 'value#1', type: 'Value', typecode: 'i', value: 100, name: 'num'}),
	...at(3, load('P1', 100)),
	...at(4, load('P2', 100)),
	...at(5, store('P1', 99)),
	...at(6, store('P2', 101)),
];

describe('shared state', () => {
	it('keeps each variable’s value, its writes per task, and what each task last read', () => {
		const s = reduce(LOST, 6);
		const num = s.shared.vars['value#1']!;
		assert.equal(num.name, 'num');
		assert.equal(num.value, '99');
		assert.equal(num.version, 1);
		assert.deepEqual(num.writes, {P1: 1});
		assert.deepEqual(s.shared.reads['P2']!['value#1'], {value: '100', version: 0, step: 4});
	});

	it('marks a read stale once the variable is written after it, and fresh once the task reads again', () => {
		assert.equal(isStale(reduce(LOST, 5).shared, 'P2', 'value#1'), false);
		assert.equal(isStale(reduce(LOST, 6).shared, 'P2', 'value#1'), true);
		const again = reduce([...LOST.slice(0, 6), ...at(6, load('P2', 99))]);
		assert.equal(isStale(again.shared, 'P2', 'value#1'), false);
	});

	it('folds a file’s reads and writes, a plain shared variable’s, and a task’s named locals', () => {
		const s = reduce([
			...at(0, task('A')),
			...at(0, {kind: 'prim', task: 'A', obj: 'file:db.json', type: 'File', name: 'db.json', content: '{"n": 1}'}),
			...at(0, {kind: 'prim', task: 'A', obj: 'var#1', type: 'Var', name: 'n', value: '100'}),
			...at(1, {kind: 'op', task: 'A', op: 'read', obj: 'file:db.json', content: '{"n": 1}'}, {kind: 'op', task: 'A', op: 'local', name: 'dic', value: "{'n': 1}"}),
			...at(2, {kind: 'op', task: 'A', op: 'write', obj: 'file:db.json', content: '{"n": 0}'}),
			...at(3, {kind: 'op', task: 'A', op: 'read', obj: 'var#1', value: '100'}, {kind: 'op', task: 'A', op: 'write', obj: 'var#1', value: '99'}),
		]);
		assert.equal(s.shared.vars['file:db.json']!.value, '{"n": 0}');
		assert.equal(s.shared.vars['var#1']!.value, '99');
		assert.deepEqual(s.shared.locals['A'], {dic: {value: "{'n': 1}", step: 1}});
		assert.deepEqual(
			s.shared.accesses.map(a => `${a.op} ${a.obj} ${a.value}`),
			['read file:db.json {"n": 1}', 'write file:db.json {"n": 0}', 'read var#1 100', 'write var#1 99'],
		);
	});

	it('does not take an Array element for its Value', () => {
		const s = reduce([
			...at(0, task('A'), {kind: 'prim', task: 'A', obj: 'value#1', type: 'Value', typecode: 'i', value: 1}),
			...at(1, {kind: 'op', task: 'A', op: 'store', obj: 'value#1', index: 0, value: 5}),
		]);
		assert.equal(s.shared.vars['value#1']!.version, 0);
	});
});

describe('the explanation of a break', () => {
	it('tells a lost update as the chain of reads and writes that made it, from its first step', () => {
		const x = lostUpdate(reduce(LOST).shared)!;
		assert.equal(x.from, 3);
		assert.equal(storyText(x.story), "P1 read num=100 @3 · P2 read num=100 @4 · P1 wrote num=99 @5 · P2 wrote num=101 @6: P1's write is lost (P2 wrote from a stale read)");
		assert.match(storyText(x.story, 'zh'), /P1 写的值丢了/);
	});

	it('finds no lost update where each write follows a fresh read', () => {
		const serial = [...LOST.slice(0, 3), ...at(3, load('P1', 100)), ...at(4, store('P1', 99)), ...at(5, load('P2', 99)), ...at(6, store('P2', 100))];
		assert.equal(lostUpdate(reduce(serial).shared), undefined);
	});

	it('tells tasks that read the same value before anyone wrote it back', () => {
		const x = sameRead(reduce(LOST, 5).shared)!;
		assert.equal(storyText(x.story), 'P1 read num=100 @3 · P2 read num=100 @4: all read the same value, and none has written it back yet');
		assert.equal(x.from, 3);
	});

	it('tells a deadlock as its wait-for cycle, with what each holds', () => {
		const s = reduce([
			...at(0, task('P1'), task('P2')),
			...at(0, {kind: 'prim', task: 'P1', obj: 'lock#1', type: 'Lock', name: 'A'}, {kind: 'prim', task: 'P1', obj: 'lock#2', type: 'Lock', name: 'B'}),
			...at(2, {kind: 'op', task: 'P1', op: 'acquire', obj: 'lock#1', holder: 'P1', depth: 1}),
			...at(3, {kind: 'op', task: 'P2', op: 'acquire', obj: 'lock#2', holder: 'P2', depth: 1}),
		]);
		const x = waitCycle(s, [
			{task: 'P1', on: 'lock#2', heldBy: ['P2']},
			{task: 'P2', on: 'lock#1', heldBy: ['P1']},
		])!;
		assert.equal(x.from, 2);
		assert.equal(storyText(x.story), 'P1 holds A and waits for B (held by P2) · P2 holds B and waits for A (held by P1): each waits for the next: nobody can go on');
		assert.equal(waitCycle(s, [{task: 'P1', on: 'lock#2', heldBy: []}]), undefined);
	});

	it('tells who entered past a limit', () => {
		const inside = [1, 2, 3, 4, 5].map(i => ({task: `P${i}`, since: i * 2}));
		assert.equal(pastLimit(5, inside), undefined);
		const x = pastLimit(4, inside)!;
		assert.equal(x.from, 2);
		assert.match(storyText(x.story), /P5 entered while 4 were inside: 5 at once, the limit is 4$/);
	});
});
