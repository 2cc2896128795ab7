/**
 * Zombies, as CPython makes and reaps them: a child process that has ended
 * while its parent lives and has not collected it is a zombie (its `done`
 * state event names the parent) until a `reap` event, at the parent's join,
 * is_alive(), exitcode, start(), active_children() or exit; a process that
 * dies with zombie children leaves them to init. Checked against what
 * CPython 3.11 does on Linux (/proc/PID/stat shows Z until then).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {EventOf, TraceEvent} from '../source/engine/trace.js';
import {transcriptLine} from '../source/cli/transcript.js';
import {reduce} from '../source/view/reducer.js';
import {runLesson} from './helpers/run.js';

const ZOMBIES = fileURLToPath(new URL('./engine-lessons/zombies.js', import.meta.url));

type Done = EventOf<'state'>;
type Reap = EventOf<'reap'>;

function ends(events: TraceEvent[], task: string): Done {
	const e = events.find((x): x is Done => x.kind === 'state' && x.state === 'done' && x.task === task);
	assert.ok(e, `${task} never ends`);
	return e;
}

function reaps(events: TraceEvent[]): Reap[] {
	return events.filter((e): e is Reap => e.kind === 'reap');
}

/** Each zombie is reaped at most once, after it became one; only zombies are reaped. */
function wellFormed(events: TraceEvent[]): void {
	const zombies = new Set<string>();
	for (const e of events) {
		if (e.kind === 'state' && e.state === 'done' && e.zombie !== undefined) zombies.add(e.task);
		if (e.kind === 'reap') {
			assert.ok(zombies.has(e.task), `${e.task} reaped but not a zombie`);
			zombies.delete(e.task);
		}
	}
}

describe('zombies (engine)', () => {
	it('join: the child is a zombie of its parent from its end until the join, which reaps it', async () => {
		const {events, prints} = await runLesson(`${ZOMBIES}:join`, {seed: 1});
		wellFormed(events);
		const done = ends(events, 'Process-1');
		assert.equal(done.zombie, 'MainProcess');
		assert.equal(done.exitcode, 0);
		const [r, ...more] = reaps(events);
		assert.deepEqual(more, []);
		assert.deepEqual({task: r!.task, by: r!.by, via: r!.via, exitcode: r!.exitcode}, {task: 'Process-1', by: 'MainProcess', via: 'join', exitcode: 0});
		assert.equal(r!.time, 1, 'reaped when the parent wakes and joins');
		// Reaped before join() returns: before the join's op.
		const join = events.findIndex(e => e.kind === 'op' && e.op === 'join' && e.obj === 'Process-1');
		assert.ok(events.indexOf(r!) < join);
		assert.deepEqual(prints, ['quick', 'exitcode 0']);
		// The view: a zombie between the two, a done task reaped after.
		const atDone = reduce(events, events.indexOf(done) + 1).tasks['Process-1']!;
		assert.equal(atDone.state, 'done');
		assert.equal(atDone.zombie, 'MainProcess');
		const after = reduce(events).tasks['Process-1']!;
		assert.equal(after.zombie, undefined);
		assert.equal(after.reapedBy, 'MainProcess');
		assert.equal(after.reapedVia, 'join');
		assert.equal(reduce(events).tasks['MainProcess']!.zombie, undefined, 'MainProcess is never a zombie');
	});

	it('a join that times out reaps nothing; the child ends a zombie and the next join reaps it', async () => {
		const {events, prints} = await runLesson(`${ZOMBIES}:join-timeout`, {seed: 1});
		wellFormed(events);
		assert.deepEqual(prints, ['after timeout True', 'slow']);
		assert.equal(ends(events, 'Process-1').zombie, 'MainProcess');
		assert.deepEqual(reaps(events).map(r => [r.task, r.via, r.time]), [['Process-1', 'join', 3]]);
	});

	it('reading exitcode polls the child and reaps it', async () => {
		const {events, prints} = await runLesson(`${ZOMBIES}:exitcode`, {seed: 1});
		wellFormed(events);
		assert.deepEqual(prints, ['quick', 'exitcode 0']);
		assert.deepEqual(reaps(events).map(r => [r.task, r.by, r.via]), [['Process-1', 'MainProcess', 'exitcode']]);
	});

	it('start() reaps the children that have already ended, as CPython’s _cleanup() does', async () => {
		const {events} = await runLesson(`${ZOMBIES}:start`, {seed: 1});
		wellFormed(events);
		const r = reaps(events);
		assert.deepEqual(r.map(x => [x.task, x.via]), [['Process-1', 'start'], ['Process-2', 'join']]);
		const created = events.findIndex(e => e.kind === 'task' && e.task === 'Process-2');
		assert.ok(events.indexOf(r[0]!) < created, 'reaped before the new child exists');
	});

	it('active_children() reaps the ended children and lists the live ones', async () => {
		const {events, prints} = await runLesson(`${ZOMBIES}:active`, {seed: 1});
		wellFormed(events);
		assert.ok(prints.includes('active Process-1'), prints.join('|'));
		assert.deepEqual(reaps(events).map(x => [x.task, x.via]), [['Process-2', 'active_children'], ['Process-1', 'join']]);
	});

	it('the parent’s exit reaps its zombies; a child that ends while the parent waits in its exit is never one', async () => {
		const {events} = await runLesson(`${ZOMBIES}:exit`, {seed: 1});
		wellFormed(events);
		assert.equal(ends(events, 'Process-2').zombie, 'MainProcess');
		assert.equal(ends(events, 'Process-1').zombie, undefined);
		const r = reaps(events);
		assert.deepEqual(r.map(x => [x.task, x.by, x.via, x.time]), [['Process-2', 'MainProcess', 'exit', 1]]);
		const s = reduce(events);
		assert.ok(Object.values(s.tasks).every(t => t.zombie === undefined), 'no zombie left at the end');
	});

	it('a process terminated with a zombie child leaves it to init, which reaps it; the parent is itself reaped by its join', async () => {
		const {events} = await runLesson(`${ZOMBIES}:orphan`, {seed: 1});
		wellFormed(events);
		assert.equal(ends(events, 'Process-1:1').zombie, 'Process-1');
		assert.equal(ends(events, 'Process-1').exitcode, -15);
		assert.deepEqual(
			reaps(events).map(x => [x.task, x.by, x.via]),
			[
				['Process-1:1', 'init', 'orphan'],
				['Process-1', 'MainProcess', 'join'],
			],
		);
	});

	it('a thread is never a zombie', async () => {
		const {events} = await runLesson(`${ZOMBIES}:thread`, {seed: 1});
		assert.equal(ends(events, 'Thread-1 (quick)').zombie, undefined);
		assert.deepEqual(reaps(events), []);
	});

	it('is the same in free mode: a zombie, then reaped by join', async () => {
		const {events} = await runLesson(`${ZOMBIES}:join`, {free: true, msPerSecond: 20});
		wellFormed(events);
		assert.equal(ends(events, 'Process-1').zombie, 'MainProcess');
		assert.deepEqual(reaps(events).map(x => [x.task, x.via]), [['Process-1', 'join']]);
	});

	it('keeps the run deterministic: the zombie lesson twice on one seed gives the same trace', async () => {
		for (const spec of ['zombie:zombie', 'zombie:poll', `${ZOMBIES}:start`]) {
			const a = await runLesson(spec, {seed: 4});
			const b = await runLesson(spec, {seed: 4});
			assert.equal(a.jsonl, b.jsonl, spec);
		}
	});

	it('says it in the transcript: a zombie, and who reaps it how', async () => {
		const {events} = await runLesson('zombie', {seed: 1});
		const lines = events.flatMap(e => transcriptLine(e) ?? []).map(l => l.replace(/^\[[^\]]*\] /, ''));
		assert.ok(lines.includes('Process-1 ends, exit code 0, and is a zombie: exited, not yet reaped by MainProcess'), lines.join('\n'));
		assert.ok(lines.includes('MainProcess reaps Process-1 (exit code 0): join() saw it end'), lines.join('\n'));
	});

	it('says a terminated child is alive to its parent until reaped, as the screen draws it and is_alive() answers True', async () => {
		const {events} = await runLesson('terminate', {seed: 1});
		const lines = events.flatMap(e => transcriptLine(e) ?? []).map(l => l.replace(/^\[[^\]]*\] /, ''));
		const got = lines.indexOf('Process-1 gets SIGTERM (exit code -15): alive to MainProcess until reaped, so is_alive() may still say True');
		assert.ok(got >= 0, lines.join('\n'));
		assert.ok(!lines.some(l => /Process-1 .*is a zombie/.test(l)), lines.join('\n'));
		assert.ok(lines.indexOf('MainProcess | 子进程是否还活着? True') > got);
		assert.ok(lines.indexOf('MainProcess reaps Process-1 (exit code -15): is_alive() polled it') > got);
	});
});
