/**
 * The tutorials' own programs as variants (issue 13, the missing examples):
 * ticket as 002, 003 and 004 write it, each with its own lines, file and
 * order. Held to what the Python programs print (scenarios/ticket.py, run
 * under python3 with the files the tutorials describe).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {TraceEvent} from '../source/engine/trace.js';
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
