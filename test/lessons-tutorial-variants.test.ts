/**
 * The tutorials' own programs as variants (issue 13, the missing examples):
 * ticket as 002, 003 and 004 write it, each with its own lines, file and
 * order. Held to what the Python programs print (scenarios/ticket.py, run
 * under python3 with the files the tutorials describe), and the lesson of
 * p.run() against p.start().
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {TraceEvent} from '../source/engine/trace.js';
import {HAS_PYTHON, maskPids, runPython} from './helpers/python-run.js';
import {runLesson} from './helpers/run.js';

const SEEDS = [1, 2, 3, 4, 5];

/** Per task, the order of its success line and its write to the database file. */
function order(events: readonly TraceEvent[], success: RegExp): {task: string; first: 'print' | 'write'}[] {
	const seen = new Map<string, 'print' | 'write'>();
	for (const e of events) {
		if (e.kind === 'print' && success.test(e.text) && !seen.has(e.task)) seen.set(e.task, 'print');
		if (e.kind === 'op' && e.op === 'write' && !seen.has(e.task)) seen.set(e.task, 'write');
	}
	return [...seen].map(([task, first]) => ({task, first}));
}

function successes(events: readonly TraceEvent[], success: RegExp): string[] {
	return events.flatMap(e => (e.kind === 'print' && success.test(e.text) ? [e.task] : []));
}

/** What the tasks printed to stdout. */
function stdout(events: readonly TraceEvent[]): string[] {
	return events.flatMap(e => (e.kind === 'print' && e.stream !== 'stderr' ? [e.text] : []));
}

/** The last line of each traceback the tasks printed. */
function lastErrorLines(events: readonly TraceEvent[]): string[] {
	return events.flatMap(e => (e.kind === 'print' && e.stream === 'stderr' ? [e.text.split('\n').at(-1)!] : []));
}

describe('ticket, as 002 writes it', () => {
	const SUCCESS = /^person\d+购票成功$/;
	it('prints 购票成功 before it writes the decremented count, and oversells on its default seed', async () => {
		const {events, result, prints} = await runLesson('ticket:002');
		const winners = successes(events, SUCCESS);
		assert.ok(winners.length > 1, 'oversold');
		for (const w of winners) assert.equal(order(events, SUCCESS).find(o => o.task === w)?.first, 'print', `${w} prints first`);
		assert.ok(prints.every(p => SUCCESS.test(p) || /^余票不足,person\d+购票失败$/.test(p)), 'only the tutorial’s two lines');
		assert.equal(result.state.invariants['not-oversold']?.ok, false);
		assert.deepEqual(result.broken, []);
	});

	it('with the lock around buy_ticket one person buys, the others read 余票不足', async () => {
		for (const seed of SEEDS) {
			const {prints, result} = await runLesson('ticket:002-lock', {seed, lines: false});
			assert.equal(prints.filter(p => SUCCESS.test(p)).length, 1, `seed ${seed}`);
			assert.equal(prints.filter(p => p.startsWith('余票不足,person')).length, 9, `seed ${seed}`);
			assert.equal(result.state.prims['file:ticket']?.content, '{"count": 0}');
			assert.deepEqual(result.broken, []);
		}
	});
});

describe('ticket, as 003 writes it', () => {
	it('numbers people from 1, looks (在查票) then pays in one process, and oversells', async () => {
		const {prints, result} = await runLesson('ticket:003');
		const looks = prints.filter(p => /^第\d+个人在查票,余票为1$/.test(p));
		assert.deepEqual(looks.map(p => Number(/\d+/.exec(p)![0])).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		assert.ok(prints.filter(p => /^第\d+个人买到票了 $/.test(p)).length > 1);
		assert.equal(result.state.invariants['not-oversold']?.ok, false);
	});
});

describe('ticket, as 004 writes it', () => {
	const SUCCESS = /^Purchase ticket success$/;
	it('writes before it prints success, says nothing when sold out, and oversells without the lock', async () => {
		const {events, prints} = await runLesson('ticket:004');
		for (const o of order(events, SUCCESS)) assert.equal(o.first, 'write', `${o.task} writes first`);
		assert.ok(prints.filter(p => SUCCESS.test(p)).length > 1);
		assert.ok(prints.every(p => SUCCESS.test(p) || p === 'Number of votes left1' || p === 'Number of votes left0'));
	});

	it('with the lock around get() exactly one success line', async () => {
		for (const seed of SEEDS) {
			const {prints, result} = await runLesson('ticket:004-lock', {seed, lines: false});
			assert.equal(prints.filter(p => SUCCESS.test(p)).length, 1, `seed ${seed}`);
			assert.equal(result.state.prims['file:db.txt']?.content, '{"Count": 0}');
			assert.deepEqual(result.broken, []);
		}
	});
});

describe('print-lock, as 004 writes it', () => {
	it('prints the pid alone; without the lock all three run in the same 2 s and the pairs split', async () => {
		const {prints, result} = await runLesson('print-lock:004');
		assert.equal(prints.length, 6);
		assert.ok(prints.every(p => /^\d+ is (running|done)$/.test(p)));
		assert.equal(result.state.invariants['pairs-together']?.ok, false);
		assert.equal(result.state.time, 2, 'virtual seconds: the sleeps overlap');
	});

	it('with work(lock) each pair stays together and the three sleeps add up', async () => {
		const {prints, result} = await runLesson('print-lock:004-lock');
		for (let i = 0; i < 6; i += 2) assert.equal(prints[i]!.replace('running', 'done'), prints[i + 1], 'a pair together');
		assert.equal(result.state.invariants['pairs-together']?.ok, true);
		assert.equal(result.state.time, 6, 'virtual seconds: one after another');
	});
});

describe('run-start: p.run() runs in the parent, and join refuses it', () => {
	it('run: the son prints the father’s pid, first; join raises AssertionError; no child is made', async () => {
		const {events, result} = await runLesson('run-start:run');
		const prints = stdout(events);
		assert.deepEqual(maskPids(prints), ['这里是儿子,儿子的pid是PID', '这里是父亲,父亲的pid是PID']);
		const pids = prints.map(p => /\d+$/.exec(p)![0]);
		assert.equal(pids[0], pids[1]);
		assert.deepEqual(events.filter(e => e.kind === 'task').map(e => e.task), ['MainProcess']);
		const stderr = lastErrorLines(events);
		assert.equal(stderr.at(-1), 'AssertionError: can only join a started process');
		assert.equal(result.state.tasks.MainProcess?.exitcode, 1);
		assert.equal(result.state.invariants['run-in-parent']?.ok, true);
	});

	it('start: the son is a process of its own, with another pid, and join waits for it', async () => {
		const {events, result} = await runLesson('run-start:start');
		const prints = stdout(events);
		assert.deepEqual(maskPids(prints), ['这里是父亲,父亲的pid是PID', '这里是儿子,儿子的pid是PID']);
		assert.notEqual(/\d+$/.exec(prints[0]!)![0], /\d+$/.exec(prints[1]!)![0]);
		assert.equal(result.state.tasks.MainProcess?.exitcode, 0);
		assert.equal(result.state.invariants['run-in-parent']?.ok, false);
	});

	it('prints what CPython prints', {skip: HAS_PYTHON ? false : 'no python3'}, async () => {
		for (const variant of ['run', 'start']) {
			const py = await runPython(`run-start:${variant}`);
			const {events} = await runLesson(`run-start:${variant}`);
			const prints = stdout(events);
			assert.deepEqual(maskPids(prints).sort(), maskPids(py.stdout).sort(), variant);
			const stderr = lastErrorLines(events);
			assert.equal(stderr.at(-1), variant === 'run' ? py.error : undefined, variant);
			assert.equal(py.status, variant === 'run' ? 1 : 0);
		}
	});
});

describe('blocking: asynchronous blocking (异步阻塞)', () => {
	it('the customer takes a ticket and a manager will tell it, yet it blocks on the word before it phones: as late as blocking', async () => {
		const {events, result} = await runLesson('blocking:async-blocking');
		const done = stdout(events).flatMap(p => /^(\w+) 办完了，电话也打完了 t=([\d.]+)$/.exec(p)?.slice(1) ?? []);
		assert.deepEqual(done, ['zhang', '4.4', 'li', '5.8', 'wang', '7.2']);
		const blocking = await runLesson('blocking:blocking');
		assert.equal(result.state.time, blocking.result.state.time, 'no sooner than waiting in line');
		for (const name of ['zhang', 'li', 'wang']) {
			const waits = events.filter(e => e.kind === 'gate' && e.task === name && e.state === 'blocked').map(e => (e as {on?: string}).on);
			assert.ok(waits.includes(`join ${name}/${name}-manager`), `${name} blocks on its manager's word`);
			const i = events.findIndex(e => e.kind === 'gate' && e.task === name && e.state === 'blocked' && e.on === `join ${name}/${name}-manager`);
			const manager = events.findIndex(e => e.kind === 'print' && e.text === `经理：${name}，您的业务办好了`);
			const call = events.findIndex((e, k) => k > i && e.kind === 'gate' && e.task === name && e.op === 'sleep');
			assert.ok(i < manager && manager < call, `${name}: blocked, told, and only then the call`);
		}
		assert.deepEqual(result.broken, []);
	});
});

describe('terminate: a child that holds a lock, a child that has a child', () => {
	it('holding-lock: the killed child never releases the lock, so the parent’s acquire deadlocks', async () => {
		const {events, result} = await runLesson('terminate:holding-lock');
		assert.deepEqual(stdout(events), ['儿子拿到了锁', '儿子被杀了, exitcode = -15']);
		assert.equal(result.outcome, 'deadlock');
		assert.deepEqual(result.state.end?.waits?.map(w => [w.task, w.heldBy]), [['MainProcess', ['Process-1']]]);
	});

	it('children: the grandson is not killed with its parent; orphaned, it prints after the main process is over', async () => {
		const {events, result} = await runLesson('terminate:children');
		assert.deepEqual(stdout(events), ['儿子开了孙子', '儿子被杀了, exitcode = -15', '孙子还活着']);
		assert.equal(result.outcome, 'completed');
		const grandson = Object.values(result.state.tasks).find(t => t.ppid === result.state.tasks['Process-1']?.pid)!;
		assert.equal(grandson.exitcode, 0);
		const mainDone = events.findIndex(e => e.kind === 'state' && e.task === 'MainProcess' && e.state === 'done');
		assert.ok(events.findIndex(e => e.kind === 'print' && e.text === '孙子还活着') > mainDone);
		assert.equal(grandson.zombie, undefined, 'an orphan that ends is nobody\'s zombie: init collects it');
	});

	it('prints what CPython prints (holding-lock: and hangs there)', {skip: HAS_PYTHON ? false : 'no python3'}, async () => {
		const hung = await runPython('terminate:holding-lock', {}, 5);
		assert.deepEqual(hung.stdout, ['儿子拿到了锁', '儿子被杀了, exitcode = -15']);
		assert.equal(hung.status, null, 'killed by the timeout: CPython hangs at lock.acquire()');
		const orphan = await runPython('terminate:children', {}, 20, 2.5);
		assert.deepEqual(orphan.stdout, ['儿子开了孙子', '儿子被杀了, exitcode = -15', '孙子还活着']);
	});
});
