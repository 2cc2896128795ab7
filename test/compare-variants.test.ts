/**
 * `conc-tui compare-variants`, through the real CLI: one table of every
 * variant of a lesson on one seed (the lock variants hold, the unsafe ones
 * break, and the lock is slower), a sweep's counts per variant as JSON,
 * the same output twice, and bad input as one line and exit 2.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ChildProcess} from 'node:child_process';
import {problems, runCli, signalWhenFolder} from './helpers/cli-run.js';

const TICKET = ['unsafe', 'lock', '002', '002-lock', '003', '004', '004-lock'];
const env = {NO_COLOR: '1', LANG: 'C'};

describe('conc-tui compare-variants', () => {
	it('puts all seven ticket variants in one table: the lock variants hold, the unsafe ones break, the lock takes longer', async () => {
		const r = await runCli(['compare-variants', 'ticket', '--clients', '3', '--seed', '2'], {env});
		assert.deepEqual(problems(r), [], r.stderr);
		assert.equal(r.code, 0, r.stderr);
		const lines = r.stdout.split('\n');
		assert.equal(lines[0], 'compare-variants ticket · seed 2 · --clients 3 · 7 variants, one run each');
		const head = lines[2]!;
		for (const column of ['variant', 'end', 'not-oversold', 'every-sale-recorded', 'books-balance', 'outcome', 'steps', 'virtual time']) assert.ok(head.includes(column), `${column} in ${head}`);
		const rows = new Map(lines.slice(3, 3 + TICKET.length).map(line => [line.split(/\s+/)[0]!, line]));
		assert.deepEqual([...rows.keys()], TICKET);
		for (const [variant, row] of rows) {
			assert.match(row, /^\S+\s+completed\s/, row);
			if (variant.endsWith('lock')) {
				assert.equal(row.match(/✓ held/g)?.length, 3, row);
				assert.doesNotMatch(row, /✗/, row);
				assert.match(row, /sold 1, left 0/, row);
			} else {
				assert.equal(row.match(/✗ broken \(breakable\)/g)?.length, 3, row);
				assert.match(row, /sold 3, left 0/, row);
			}
		}
		// Serial is slower but safe: the figures of this very run (the transcript says the same).
		assert.match(rows.get('unsafe')!, /\s30\s+0\.3s$/);
		assert.match(rows.get('lock')!, /\s32\s+0\.5s$/);
	});

	it('counts a sweep of seeds per variant as one JSON document', async () => {
		const r = await runCli(['compare-variants', 'bank', '--seeds', '1..5', '--json'], {env, limitMs: 60_000});
		assert.deepEqual(problems(r), [], r.stderr);
		assert.equal(r.code, 0, r.stderr);
		assert.equal(r.stdout.trimEnd().split('\n').length, 1);
		const doc = JSON.parse(r.stdout) as {
			lesson: string;
			seeds: {from: number; to: number};
			runs: number;
			variants: {
				variant: string;
				invariants: Record<string, {expected: string; broken: number}>;
				ends: Record<string, number>;
				outcomes: {balance: Record<string, number>};
				time: {min: number; median: number; max: number};
				results: {seed: number; broken: string[]; values: {balance: number}}[];
			}[];
		};
		assert.equal(doc.lesson, 'bank');
		assert.deepEqual(doc.seeds, {from: 1, to: 5});
		assert.equal(doc.runs, 5);
		assert.deepEqual(
			doc.variants.map(v => v.variant),
			['unsafe', 'lock'],
		);
		const [unsafe, lock] = doc.variants as [(typeof doc.variants)[number], (typeof doc.variants)[number]];
		for (const v of doc.variants) {
			assert.deepEqual(v.ends, {completed: 5});
			assert.deepEqual(
				v.results.map(x => x.seed),
				[1, 2, 3, 4, 5],
			);
			// The counts are the runs' own: each invariant's count is how many runs list it broken.
			for (const [name, inv] of Object.entries(v.invariants)) assert.equal(inv.broken, v.results.filter(x => x.broken.includes(name)).length, name);
			assert.equal(Object.values(v.outcomes.balance).reduce((a, b) => a + b, 0), 5);
			assert.ok(v.time.min <= v.time.median && v.time.median <= v.time.max);
		}
		assert.deepEqual(lock.invariants, {'every-change-counts': {expected: 'hold', broken: 0}, 'balance-100': {expected: 'hold', broken: 0}});
		assert.deepEqual(lock.outcomes.balance, {'100': 5});
		assert.equal(unsafe.invariants['every-change-counts']!.expected, 'breakable');
		assert.equal(unsafe.invariants['every-change-counts']!.broken, 5);
		assert.equal(unsafe.invariants['balance-100']!.broken, unsafe.results.filter(x => x.values.balance !== 100).length);
		assert.ok(unsafe.invariants['balance-100']!.broken > 0);
		// The lock makes the two processes take turns: more virtual time.
		assert.ok(lock.time.min > unsafe.time.max, `${lock.time.min} > ${unsafe.time.max}`);
	});

	it('prints the same sweep twice, byte for byte', async () => {
		const args = ['compare-variants', 'ticket', '--clients', '4', '--seeds', '3..8'];
		const a = await runCli(args, {env, limitMs: 60_000});
		const b = await runCli(args, {env, limitMs: 60_000});
		assert.deepEqual(problems(a), [], a.stderr);
		assert.equal(a.code, 0, a.stderr);
		assert.match(a.stdout, /^compare-variants ticket · seeds 3–8 · --clients 4 · 7 variants × 6 runs\n/);
		assert.match(a.stdout, /^unsafe\s+6 completed\s+✗ broken 6\/6 \(breakable\)/m);
		assert.match(a.stdout, /^lock\s+6 completed\s+✓ never broken\s/m);
		assert.equal(b.stdout, a.stdout);
	});

	it('ends a sweep on SIGINT with 130, starting no run after it and leaving no folder', async () => {
		// At the first run's folder, and well into the sweep (runs ending as they are stopped must not start the next).
		const later = (child: ChildProcess) => void setTimeout(() => child.kill('SIGINT'), 1000);
		for (const when of [signalWhenFolder('SIGINT'), later]) {
			const r = await runCli(['compare-variants', 'ticket', '--seeds', '1..1000'], {env, with: when});
			assert.equal(r.hung, false);
			assert.equal(r.code, 130, r.stderr);
			assert.deepEqual(r.leftovers, []);
		}
	});

	for (const c of [
		{args: ['compare-variants'], says: /name a lesson whose variants to compare/},
		{args: ['compare-variants', 'tikcet'], says: /unknown lesson 'tikcet'/},
		{args: ['compare-variants', 'ticket:lock'], says: /name the lesson alone/},
		{args: ['compare-variants', 'ticket', '--seeds', '5..1'], says: /first seed is above the last/},
		{args: ['compare-variants', 'ticket', '--seeds', '1..100000'], says: /at most 1000/},
		{args: ['compare-variants', 'ticket', '--seeds', '1-5'], says: /--seeds must be A\.\.B/},
		{args: ['compare-variants', 'ticket', '--seeds', '1..3', '--seed', '2'], says: /not both/},
		{args: ['compare-variants', 'ticket', '--clients', '0'], says: /--clients must be a whole number from 1 to 1000/},
		{args: ['compare-variants', 'ticket', '--free'], says: /--free does not go with compare-variants/},
		{args: ['compare-variants', 'ticket', '--policy', 'manual'], says: /--policy random, fifo, rr/},
		{args: ['ticket', '--seeds', '1..3'], says: /--seeds goes with 'conc-tui compare-variants'/},
	]) {
		it(`refuses ${c.args.join(' ')} with one line and exit 2`, async () => {
			const r = await runCli(c.args, {env});
			assert.deepEqual(problems(r), [], r.stderr);
			assert.equal(r.code, 2);
			assert.equal(r.stdout, '');
			assert.match(r.stderr, c.says);
		});
	}
});
