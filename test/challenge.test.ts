/**
 * Challenge mode's pure parts: the digits that type a task's number, the
 * recognition of a goal (won, lost, held, the pick limit) from a view state
 * and the steps of the picks, and the lessons' declarations of challenges.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Challenge, Invariant} from '../source/scenario/define.js';
import {builtInNames, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {metaProblem} from '../source/scenario/meta-schema.js';
import {challengeText, hintText} from '../source/ui/ChallengeBar.js';
import {numberWidth, typeDigit} from '../source/ui/task-numbers.js';
import {challengeLine, challengeOf, challengeOutcome, pickSteps} from '../source/view/challenge.js';
import {emptyState, type ViewState} from '../source/view/state.js';
import type {TraceEvent} from '../source/engine/trace.js';

/** Types the digits of `keys` one after another; the number each selects (undefined: none). */
function typed(keys: string, tasks: number, clock = false): (number | undefined)[] {
	let buffer = '';
	return [...keys].map(k => {
		const r = typeDigit(buffer, Number(k), tasks, clock);
		buffer = r.typed;
		return r.number;
	});
}

describe('task numbers typed as digits', () => {
	it('with tasks 1 to 11: 1 selects 1, 1 again 11, then 2 selects 2', () => {
		assert.deepEqual(typed('112', 11), [1, 11, 2]);
	});
	it('starts over from the digit when the digits so far name no task', () => {
		assert.deepEqual(typed('15', 11), [1, 5], '15 is no task of 11');
		assert.deepEqual(typed('1112', 11), [1, 11, 1, 2], '111 is none: 1 again; then 12 is none: 2');
		assert.deepEqual(typed('123', 30), [1, 12, 3], '123 is none: 3');
		assert.deepEqual(typed('25', 30), [2, 25]);
	});
	it('0 is the clock when it is a choice, else nothing; no number starts with 0', () => {
		assert.deepEqual(typed('0', 5, true), [0]);
		assert.deepEqual(typed('0', 5, false), [undefined]);
		assert.deepEqual(typed('01', 5, true), [0, 1], '01 is not a number: 1 alone');
		assert.deepEqual(typed('10', 11, true), [1, 10], '10 is task 10, not 1 then the clock');
		assert.deepEqual(typed('10', 9, true), [1, 0], 'with 9 tasks 10 is none: the clock');
	});
	it('a digit that names nothing selects nothing and leaves no digits to go on from', () => {
		assert.deepEqual(typeDigit('', 9, 3, false), {typed: ''});
		assert.deepEqual(typed('91', 3), [undefined, 1]);
	});
	it('numbers take the width of the largest', () => {
		assert.equal(numberWidth(9), 1);
		assert.equal(numberWidth(11), 2);
		assert.equal(numberWidth(1001), 4);
	});
});

const stock: Invariant = {name: 'stock', text: {zh: '库存', en: 'the stock holds'}, check: s => s.step < 99};
const atEnd: Invariant = {name: 'final', text: {zh: '结束时', en: 'at the end'}, check: () => true, when: 'end'};

function view(extra: Partial<ViewState> = {}): ViewState {
	return {...emptyState(), ...extra};
}

const broken = (brokeAt: number) => ({stock: {ok: false, expected: 'breakable' as const, text: 'the stock holds', brokeAt}});
const held = {stock: {ok: true, expected: 'hold' as const, text: 'the stock holds'}};
const end = (step: number, outcome: 'completed' | 'deadlock' | 'limit' = 'completed') => ({step, time: 0, kind: 'end', outcome, steps: step}) as ViewState['end'];

const oversell: Challenge = {variant: 'unsafe', goal: {zh: '卖超', en: 'oversell'}, win: {broken: 'stock'}};
const quick: Challenge = {...oversell, within: 3};
const deadlock: Challenge = {variant: 'opposite', goal: {zh: '死锁', en: 'deadlock'}, win: {deadlock: true}};
const safe: Challenge = {variant: 'lock', goal: {zh: '试试', en: 'try'}, win: {holds: 'stock'}};

describe('a challenge recognized', () => {
	it('playing until the goal, then won at the step it broke, counting the picks up to that step only', () => {
		assert.deepEqual(challengeOutcome(oversell, view({step: 2}), [1, 2]), {kind: 'playing', picks: 2});
		assert.deepEqual(challengeOutcome(oversell, view({step: 6, invariants: broken(4)}), [1, 2, 3, 4, 5, 6]), {kind: 'won', step: 4, picks: 4});
	});
	it('a pick limit: playing n/within up to it, won at it, lost one pick past it', () => {
		assert.deepEqual(challengeOutcome(quick, view({step: 3}), [1, 2, 3]), {kind: 'playing', picks: 3, within: 3});
		assert.deepEqual(challengeOutcome(quick, view({step: 3, invariants: broken(3)}), [1, 2, 3]), {kind: 'won', step: 3, picks: 3});
		assert.deepEqual(challengeOutcome(quick, view({step: 4}), [1, 2, 3, 4]), {kind: 'lost', why: 'limit', picks: 4, within: 3});
		// Reached, but only at the fourth pick: too late.
		assert.deepEqual(challengeOutcome(quick, view({step: 9, invariants: broken(4)}), [1, 2, 3, 4, 5]), {kind: 'lost', why: 'limit', picks: 4, within: 3, late: true});
	});
	it('steps with no pick (the clock jumping while nobody is ready) do not count', () => {
		assert.deepEqual(challengeOutcome(quick, view({step: 9, invariants: broken(9)}), [1, 2, 7]), {kind: 'won', step: 9, picks: 3});
	});
	it('lost when the run ends without the goal', () => {
		assert.deepEqual(challengeOutcome(oversell, view({step: 19, end: end(19), invariants: held}), [1, 2]), {kind: 'lost', why: 'ended', picks: 2, end: 'completed'});
	});
	it('an always invariant is judged on the state now, before the trace gives its verdict with the next step', () => {
		const v = view({step: 99});
		assert.deepEqual(challengeOutcome(oversell, v, [98, 99], [stock]), {kind: 'won', step: 99, picks: 2});
		assert.deepEqual(challengeOutcome(oversell, view({step: 98}), [98], [stock]), {kind: 'playing', picks: 1});
		// An end invariant waits for the end.
		assert.deepEqual(challengeOutcome({...oversell, win: {broken: 'final'}}, view({step: 99}), [1], [atEnd]), {kind: 'playing', picks: 1});
	});
	it('a deadlock goal is won when the run ends in deadlock, lost when it completes', () => {
		assert.deepEqual(challengeOutcome(deadlock, view({step: 12, end: end(12, 'deadlock')}), [1, 2, 12]), {kind: 'won', step: 12, picks: 3});
		assert.deepEqual(challengeOutcome(deadlock, view({step: 30, end: end(30)}), [1, 2]), {kind: 'lost', why: 'ended', picks: 2, end: 'completed'});
		assert.deepEqual(challengeOutcome(deadlock, view({step: 5}), [1]), {kind: 'playing', picks: 1});
	});
	it('a safe variant: playing while it holds, held at the end (never lost); a break would be a win', () => {
		assert.deepEqual(challengeOutcome(safe, view({step: 5, invariants: held}), [1]), {kind: 'playing', picks: 1});
		assert.deepEqual(challengeOutcome(safe, view({step: 40, end: end(40), invariants: held}), [1, 2]), {kind: 'held', picks: 2});
		assert.deepEqual(challengeOutcome(safe, view({step: 40, invariants: broken(7)}), [1, 7]), {kind: 'won', step: 7, picks: 2});
	});
	it('counts the picks of a trace: grants with a choice, and time moves', () => {
		const ev = (step: number, body: object) => ({step, time: 0, ...body}) as TraceEvent;
		const events = [
			ev(0, {kind: 'task', task: 'A', pid: 1, ppid: 0, process: 'A', thread: false, daemon: false, target: 'm', state: 'new'}),
			ev(0, {kind: 'gate', task: 'A', state: 'ready', op: 'x'}),
			ev(1, {kind: 'state', task: 'A', state: 'running', choice: 0, of: 1}),
			ev(1, {kind: 'gate', task: 'A', state: 'ready', op: 'x'}),
			ev(2, {kind: 'clock', until: 1, of: 1}),
			ev(3, {kind: 'state', task: 'A', state: 'running', choice: 0, of: 1}),
			ev(3, {kind: 'state', task: 'A', state: 'done', exitcode: 0}),
		];
		assert.deepEqual(pickSteps(events), [1, 2, 3]);
		assert.deepEqual(pickSteps(events, 4), [1]);
	});
	it('the headless line', () => {
		assert.equal(challengeLine(oversell, {kind: 'won', step: 20, picks: 7}), 'challenge: won in 7 picks (at step 20): oversell');
		assert.match(challengeLine(quick, {kind: 'lost', why: 'limit', picks: 4, within: 3}), /^challenge: lost: over the pick limit of 3: 4 picks without the goal/);
		assert.match(challengeLine(safe, {kind: 'held', picks: 2}, [stock]), /^challenge: held: the stock holds, in 2 picks$/);
	});
});

describe("the goal bar's words, in both languages", () => {
	const won = {...oversell, won: {zh: '两个用户都抢到了票', en: 'two clients got the one ticket'}};
	it('the goal and the picks while playing; the banner once won', () => {
		assert.equal(challengeText({goal: quick, outcome: {kind: 'playing', picks: 2, within: 3}, lang: 'en'}).text, '★ challenge: oversell · picks 2/3');
		assert.equal(challengeText({goal: quick, outcome: {kind: 'playing', picks: 2, within: 3}, lang: 'zh'}).text, '★ 挑战：卖超 · 选择 2/3');
		assert.match(challengeText({goal: won, outcome: {kind: 'won', step: 20, picks: 7}, lang: 'en'}).text, /^★ you won: two clients got the one ticket, in 7 picks/);
		assert.match(challengeText({goal: won, outcome: {kind: 'won', step: 20, picks: 7}, lang: 'zh'}).text, /^★ 你赢了：两个用户都抢到了票，用了 7 次选择/);
	});
	it('what happened when lost, and r to try again; held names the invariant', () => {
		for (const lang of ['en', 'zh'] as const) {
			const limit = challengeText({goal: quick, outcome: {kind: 'lost', why: 'limit', picks: 4, within: 3}, lang}).text;
			const ended = challengeText({goal: quick, outcome: {kind: 'lost', why: 'ended', picks: 2, end: 'completed'}, lang}).text;
			for (const t of [limit, ended]) assert.match(t, lang === 'en' ? /r to try again$/ : /按 r 再来一次$/);
		}
		assert.match(challengeText({goal: safe, outcome: {kind: 'held', picks: 9}, invariants: [stock], lang: 'en'}).text, /^✓ it held: the stock holds \(9 picks\)/);
		assert.match(challengeText({goal: safe, outcome: {kind: 'held', picks: 9}, invariants: [stock], lang: 'zh'}).text, /^✓ 守住了：库存/);
	});
	it('the hints: a task that cannot run, a variant with no challenge', () => {
		assert.equal(hintText({kind: 'not-ready', task: 'Process-3', state: 'blocked'}, 'en'), 'Process-3 is blocked: pick a ready task');
		assert.equal(hintText({kind: 'not-ready', task: 'Process-3', state: 'blocked'}, 'zh'), 'Process-3 阻塞中：请选一个就绪的任务');
		assert.match(hintText({kind: 'no-challenge', lesson: 'ticket', variant: '002', have: ['unsafe', 'lock']}, 'en'), /^ticket:002 has no challenge; these have one: ticket:unsafe, ticket:lock/);
		assert.match(hintText({kind: 'no-challenge', lesson: 'ticket', variant: '002', have: ['unsafe', 'lock']}, 'zh'), /^ticket:002 没有挑战/);
	});
});

describe("the lessons' challenges", () => {
	it('name a variant and an invariant of their lesson, and pass the meta schema', async () => {
		let found = 0;
		for (const name of builtInNames()) {
			const {module, label} = resolveScenario(name);
			const meta = (await loadScenario(module, label)).meta;
			for (const c of meta.challenges ?? []) {
				found++;
				assert.ok(Object.hasOwn(meta.variants, c.variant), `${name}:${c.variant}`);
				const inv = 'broken' in c.win ? c.win.broken : 'holds' in c.win ? c.win.holds : undefined;
				if (inv !== undefined) assert.ok(meta.invariants?.some(i => i.name === inv), `${name}: ${inv}`);
				for (const text of [c.goal, c.won]) if (text) assert.ok(text.zh && text.en, `${name}:${c.variant} in both languages`);
			}
			assert.equal(metaProblem(meta), undefined, name);
		}
		assert.ok(found >= 5);
	});
	it('ticket:unsafe, bank:unsafe (12 picks), deadlock and a safe variant have one', async () => {
		const meta = async (n: string) => {
			const {module, label} = resolveScenario(n);
			return (await loadScenario(module, label)).meta;
		};
		assert.deepEqual(challengeOf(await meta('ticket'), 'unsafe')?.win, {broken: 'not-oversold'});
		assert.equal(challengeOf(await meta('bank'), 'unsafe')?.within, 12);
		assert.deepEqual(challengeOf(await meta('deadlock'), 'opposite')?.win, {deadlock: true});
		assert.deepEqual(challengeOf(await meta('ticket'), 'lock')?.win, {holds: 'not-oversold'});
		assert.equal(challengeOf(await meta('ticket'), '002'), undefined);
	});
	it('the schema refuses a challenge of no variant, twice for one variant, naming no invariant, or of no known kind', () => {
		const base = {name: 'x', title: {zh: 'x', en: 'x'}, summary: {zh: ['a', 'b'], en: ['a', 'b']}, sources: [], group: 'extra', variants: {a: {zh: 'a', en: 'a'}}, defaultVariant: 'a', invariants: [stock]};
		const goal = {zh: 'g', en: 'g'};
		assert.equal(metaProblem({...base, challenges: [{variant: 'a', goal, win: {broken: 'stock'}, within: 3}]}), undefined);
		assert.match(metaProblem({...base, challenges: [{variant: 'b', goal, win: {deadlock: true}}]}) ?? '', /^challenges\.0\.variant: is not one of its variants/);
		assert.match(metaProblem({...base, challenges: [{variant: 'a', goal, win: {deadlock: true}}, {variant: 'a', goal, win: {deadlock: true}}]}) ?? '', /two challenges/);
		assert.match(metaProblem({...base, challenges: [{variant: 'a', goal, win: {broken: 'nope'}}]}) ?? '', /names no invariant of the lesson: 'nope'/);
		assert.match(metaProblem({...base, challenges: [{variant: 'a', goal, win: {sold: 2}}]}) ?? '', /^challenges\.0\.win/);
		assert.match(metaProblem({...base, challenges: [{variant: 'a', goal, win: {deadlock: true}, within: 0}]}) ?? '', /^challenges\.0\.within/);
	});
});
