/**
 * The captions of ticket, bank, ktv, event and deadlock: on each variant's
 * default run, the captions a viewer sees step by step (the first that
 * matches an event, as the Recording picks it; the last such in a step is
 * the one on screen) tell the lesson's beats in order, and every caption is
 * on screen at some step of some variant.
 */
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {ScenarioMeta} from '../source/scenario/define.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {apply} from '../source/view/reducer.js';
import {emptyState} from '../source/view/state.js';
import {runLesson} from './helpers/run.js';

const LESSONS = ['ticket', 'bank', 'ktv', 'event', 'deadlock'];

const metas = new Map<string, ScenarioMeta>();
/** `lesson:variant` → the captions on screen, by index, step by step (a caption shown again after another counts again). */
const shown = new Map<string, number[]>();

/** Runs beyond the default seeds: bank:unsafe on a seed where the balance still ends at 100. */
const EXTRA: [spec: string, seed: number][] = [['bank:unsafe', 3]];

async function watch(meta: ScenarioMeta, spec: string, seed: number): Promise<number[]> {
	const {events} = await runLesson(spec, {seed, lines: false, busyMs: 60_000, busyKillMs: 0});
	const state = emptyState();
	const seen: number[] = [];
	// What the screen shows at a step is the caption matched last up to its end: one matched earlier in the same step is never seen.
	let step = -1;
	let atStep: number | undefined;
	const close = () => {
		if (atStep !== undefined && seen.at(-1) !== atStep) seen.push(atStep);
		atStep = undefined;
	};
	for (const e of events) {
		if (e.step !== step) close();
		step = e.step;
		apply(state, e);
		const i = (meta.captions ?? []).findIndex(c => c.when(e, state));
		if (i >= 0) atStep = i;
	}
	close();
	return seen;
}

before(async () => {
	for (const name of LESSONS) {
		const {module, label} = resolveScenario(name);
		const {meta} = await loadScenario(module, label);
		metas.set(name, meta);
		for (const variant of Object.keys(meta.variants)) shown.set(`${name}:${variant}`, await watch(meta, `${name}:${variant}`, meta.defaultSeed ?? 1));
	}
	for (const [spec, seed] of EXTRA) shown.set(`${spec}@${seed}`, await watch(metas.get(spec.split(':')[0]!)!, spec, seed));
});

/** The English captions shown on a variant's default run. */
function captions(spec: string): string[] {
	const meta = metas.get(spec.split(':')[0]!)!;
	return shown.get(spec)!.map(i => meta.captions![i]!.text.en);
}

/** The beats come in this order (other captions may come between). */
function inOrder(spec: string, beats: RegExp[]): void {
	const seen = captions(spec);
	let at = 0;
	for (const beat of beats) {
		const next = seen.findIndex((text, i) => i >= at && beat.test(text));
		assert.ok(next >= 0, `${spec}: ${beat} after caption ${at}, in:\n${seen.join('\n')}`);
		at = next + 1;
	}
}

function never(spec: string, beat: RegExp): void {
	assert.ok(!captions(spec).some(text => beat.test(text)), `${spec} shows ${beat}`);
}

describe('captions of the five lessons', () => {
	it('are in both languages, and each is shown at some moment of some variant', () => {
		for (const name of LESSONS) {
			const meta = metas.get(name)!;
			assert.ok((meta.captions ?? []).length >= 2, `${name} has captions`);
			const fired = new Set([...shown].flatMap(([spec, seen]) => (spec.startsWith(`${name}:`) ? seen : [])));
			meta.captions!.forEach((c, i) => {
				assert.match(c.text.zh, /[\u4e00-\u9fff]/, `${name}: ${c.text.en}`);
				assert.ok(c.text.en.length > 0);
				assert.ok(fired.has(i), `${name}: never shown: ${c.text.en}`);
			});
		}
	});

	it('ticket without a lock: look, several read 1 before anyone writes, a 0 written from a stale read, a second success, oversold', () => {
		for (const spec of ['ticket:unsafe', 'ticket:004']) {
			inOrder(spec, [/^Looking/, /^Another client reads 1 left/, /about to write it back/, /already says 0: its 0 comes from a stale read/, /^A second "success"/, /oversold/]);
			never(spec, /blocks in acquire/);
		}
		inOrder('ticket:002', [/^Another client reads 1 left/, /^A second "success"/, /stale read/, /^The end: .*oversold/]);
	});

	it('ticket with a lock: clients block on acquire, go in one at a time, read a fresh 0, fail, and the books balance', () => {
		for (const spec of ['ticket:lock', 'ticket:002-lock', 'ticket:004-lock']) {
			inOrder(spec, [/blocks in acquire/, /It still holds the lock/, /one at a time/, /this read is fresh/, /balance/]);
			never(spec, /stale read|oversold|Another client reads 1/);
		}
		inOrder('ticket:lock', [/blocks in acquire/, /one at a time/, /^Failed/, /^The end: exactly one client/]);
	});

	it('bank: a load before the store; without a lock both read one balance and a store from a stale load loses an update; with it, serial and 100', () => {
		inOrder('bank:unsafe', [/is two steps/, /Both processes have read the same balance/, /^A lost update/, /^The end: .* not 100/]);
		never('bank:unsafe', /blocks in acquire/);
		inOrder('bank:lock', [/is two steps/, /blocks in acquire/, /one after the other/, /exactly 100/]);
		never('bank:lock', /lost update|same balance/);
		inOrder('bank:unsafe@3', [/Both processes have read the same balance/, /happens to be 100/]);
	});

	it('ktv: the fifth blocks on acquire and a release lets one in; without the semaphore more than four walk in', () => {
		inOrder('ktv:semaphore', [/took one off the counter, now down to 0/, /blocks in acquire/, /release adds one/, /gets the free booth/, /never more than four inside/]);
		never('ktv:semaphore', /fifth person walks in|six are in/);
		inOrder('ktv:unsafe', [/No semaphore/, /fifth person walks in/, /All six are in/, /six were inside/]);
		never('ktv:unsafe', /blocks in acquire/);
	});

	it('event: is_set() is False, wait() blocks, nobody sets it', () => {
		inOrder('event:wait', [/prints False/, /wait\(\) blocks until someone calls set\(\)\. But nobody ever will/]);
	});

	it('deadlock: each holds one lock and waits for the other; in one order, no deadlock', () => {
		inOrder('deadlock:opposite', [/first lock/, /each process holds one lock/, /still holding its first/, /^Deadlock: .* neither lets go first/]);
		inOrder('deadlock:ordered', [/waits here holding no lock/, /has both locks/, /no deadlock/]);
		never('deadlock:ordered', /^Deadlock|neither lets go/);
	});
});
