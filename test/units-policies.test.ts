/**
 * Scheduling policies and the seeded random source, as pure functions: no
 * workers. A small simulator stands in for the engine: every task is always
 * ready, and the one granted becomes the newest ready again, as the engine
 * counts `readySince`.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {type Candidate, type Policy, fifo, random, replay, roundRobin} from '../source/engine/policies.js';
import {Rng, taskSeed} from '../source/engine/rng.js';

/** Runs `steps` decisions over `names`; returns the names granted, in order. */
function simulate(policy: Policy, names: readonly string[], steps: number): string[] {
	let seq = 0;
	const ready: Candidate[] = names.map(name => ({name, readySince: ++seq}));
	const out: string[] = [];
	let last: string | undefined;
	for (let step = 0; step < steps; step++) {
		const i = policy.choose(ready, {last, step}) as number;
		assert.ok(Number.isInteger(i) && i >= 0 && i < ready.length, `${policy.name} chose ${i} of ${ready.length}`);
		last = ready[i]!.name;
		out.push(last);
		ready[i] = {name: last, readySince: ++seq};
	}
	return out;
}

describe('fifo', () => {
	it('picks the task ready the longest, wherever it sits in the list', () => {
		const p = fifo();
		assert.equal(p.choose([{name: 'a', readySince: 5}, {name: 'b', readySince: 2}, {name: 'c', readySince: 9}], {last: undefined, step: 0}), 1);
		assert.equal(p.choose([{name: 'a', readySince: 3}, {name: 'b', readySince: 3}], {last: undefined, step: 0}), 0, 'a tie goes to the first');
		assert.equal(p.choose([{name: 'only', readySince: 1}], {last: 'x', step: 3}), 0);
	});

	it('cycles through tasks that are always ready', () => {
		assert.deepEqual(simulate(fifo(), ['a', 'b', 'c'], 7), ['a', 'b', 'c', 'a', 'b', 'c', 'a']);
	});
});

describe('random', () => {
	const names = ['a', 'b', 'c', 'd', 'e'];

	it('is reproducible from its seed and differs between seeds', () => {
		assert.deepEqual(simulate(random(42), names, 200), simulate(random(42), names, 200));
		const runs = new Set([1, 2, 3, 4, 5].map(seed => simulate(random(seed), names, 40).join('')));
		assert.equal(runs.size, 5, 'five seeds gave fewer than five different schedules');
	});

	it('picks every ready task, roughly uniformly', () => {
		const counts = new Map<string, number>();
		for (const name of simulate(random(7), names, 5000)) counts.set(name, (counts.get(name) ?? 0) + 1);
		for (const name of names) {
			const n = counts.get(name) ?? 0;
			assert.ok(n > 850 && n < 1150, `${name} picked ${n} times of 5000 (expected about 1000)`);
		}
	});

	it('draws from its stream when told of a choice made for it (observe), so a replayed prefix continues the same run', () => {
		const whole = simulate(random(9), names, 60);
		const followed = simulate(replay(whole.slice(0, 25), random(9)), names, 60);
		assert.deepEqual(followed, whole);
	});
});

describe('round robin', () => {
	it('keeps the grant for a quantum of steps, then passes it to the oldest other task', () => {
		assert.deepEqual(simulate(roundRobin(3), ['a', 'b', 'c'], 12).join(''), 'aaabbbcccaaa');
		assert.deepEqual(simulate(roundRobin(1), ['a', 'b', 'c'], 6).join(''), 'abcabc');
		assert.deepEqual(simulate(roundRobin(2), ['a', 'b'], 7).join(''), 'aabbaab');
	});

	it('keeps running the last task when nothing else is ready', () => {
		assert.deepEqual(simulate(roundRobin(2), ['solo'], 5), ['solo', 'solo', 'solo', 'solo', 'solo']);
	});

	it('counts a replayed prefix as its own choices, so the quantum carries on across the hand-over', () => {
		const whole = simulate(roundRobin(3), ['a', 'b', 'c'], 12);
		for (const cut of [1, 2, 4, 5, 7]) assert.deepEqual(simulate(replay(whole.slice(0, cut), roundRobin(3)), ['a', 'b', 'c'], 12), whole, `cut after ${cut}`);
	});
});

describe('replay', () => {
	it('follows the recorded names, then hands over', () => {
		const p = replay(['c', 'c', 'a'], fifo());
		assert.equal(p.name, 'replay+fifo');
		assert.deepEqual(simulate(p, ['a', 'b', 'c'], 6), ['c', 'c', 'a', 'b', 'c', 'a']);
	});

	it('refuses a recorded name that is not ready: the run diverged', () => {
		const p = replay(['a', 'zed'], fifo());
		assert.throws(() => simulate(p, ['a', 'b'], 3), {message: /replay diverged at step 1: zed is not ready \(ready: a, b\)/});
	});
});

describe('Rng', () => {
	it('gives the same stream for the same seed, byte for byte across versions (saved runs depend on it)', () => {
		const r = new Rng(1);
		assert.deepEqual([r.next(), r.next(), r.next(), r.next(), r.next()], [24724473, 838574162, 2522700496, 473542192, 3964317691]);
		const a = new Rng(123);
		const b = new Rng(123);
		for (let i = 0; i < 1000; i++) assert.equal(a.next(), b.next());
		assert.notEqual(new Rng(1).next(), new Rng(2).next());
	});

	it('random() is in [0, 1) with a mean near 1/2', () => {
		const r = new Rng(5);
		let sum = 0;
		for (let i = 0; i < 20_000; i++) {
			const x = r.random();
			assert.ok(x >= 0 && x < 1, `random() gave ${x}`);
			sum += x;
		}
		assert.ok(Math.abs(sum / 20_000 - 0.5) < 0.01, `mean ${sum / 20_000}`);
	});

	it('randint(a, b) gives every integer from a to b, both ends included, and nothing else', () => {
		const r = new Rng(6);
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const x = r.randint(1, 5);
			assert.ok(Number.isInteger(x) && x >= 1 && x <= 5, `randint(1, 5) gave ${x}`);
			seen.add(x);
		}
		assert.deepEqual([...seen].sort(), [1, 2, 3, 4, 5]);
		assert.equal(r.randint(7, 7), 7);
		for (let i = 0; i < 200; i++) assert.ok([-1, 0, 1].includes(r.randint(-1, 1)));
	});

	it('below(n) gives every index of [0, n)', () => {
		const r = new Rng(8);
		const seen = new Set<number>();
		for (let i = 0; i < 1000; i++) seen.add(r.below(6));
		assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4, 5]);
	});

	it('taskSeed is FNV-1a of the name mixed with the seed: one stream per task, stable across runs', () => {
		// Published FNV-1a (32-bit) values: seed 0 leaves the offset basis as it is.
		assert.equal(taskSeed(0, ''), 0x811c9dc5);
		assert.equal(taskSeed(0, 'a'), 0xe40c292c);
		assert.equal(taskSeed(0, 'foobar'), 0xbf9cf968);
		assert.notEqual(taskSeed(1, 'Process-1'), taskSeed(1, 'Process-2'));
		assert.notEqual(taskSeed(1, 'Process-1'), taskSeed(2, 'Process-1'));
		assert.equal(taskSeed(3, '用户1'), taskSeed(3, '用户1'));
	});
});
