/**
 * Verdicts read as what they are: at the end of a safe run every invariant
 * expected to hold is shown as held (✓), and an invariant whose break is the
 * point of a variant (parallel:two-cores running side by side, join:no-join
 * interleaving) is shown as shown (●), not as broken, in the header, the
 * alert line and the headless transcript alike.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {TraceEvent} from '../source/engine/trace.js';
import {transcriptLine} from '../source/cli/transcript.js';
import {loadScenario, resolveScenario, type LoadedScenario} from '../source/scenario/load.js';
import {Header, type HeaderProps} from '../source/ui/Header.js';
import {Recording} from '../source/ui/recording.js';
import {Screen, alertOf} from '../source/ui/Screen.js';
import type {Frame} from '../source/ui/session.js';
import {runLesson} from './helpers/run.js';
import {frameAt} from './ui-fixture.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

interface Run {
	scenario: LoadedScenario;
	variant: string;
	events: TraceEvent[];
}

const runs = new Map<string, Run>();

async function load(spec: string): Promise<void> {
	const {module, label, variant} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	const {events} = await runLesson(spec, {lines: false, busyMs: 60_000, busyKillMs: 0});
	runs.set(spec, {scenario, variant: variant ?? scenario.meta.defaultVariant, events});
}

function run(spec: string): Run {
	const r = runs.get(spec);
	if (!r) throw new Error(`no run of ${spec}`);
	return r;
}

/** The frame at the end of a run, as the session takes it. */
function endFrame({scenario, variant, events}: Run): Frame {
	const rec = new Recording();
	for (const e of events) rec.push(e);
	const f = frameAt(events, rec.last, {scenario, settings: {variant, seed: scenario.meta.defaultSeed ?? 1, policy: 'random', free: false, options: {}}, recorded: true, steps: rec.last, ready: []});
	return {...f, status: f.view.end?.outcome === 'deadlock' ? 'deadlock' : 'ended'};
}

function draw(frame: Frame, columns = 120, rows = 36): string[] {
	const {lastFrame} = render(<Screen frame={frame} columns={columns} rows={rows} />);
	return strip(lastFrame() ?? '').split('\n');
}

function transcript(events: TraceEvent[]): string[] {
	return events.flatMap(e => transcriptLine(e)?.split('\n') ?? []);
}

before(async () => {
	for (const spec of ['ticket:lock', 'ticket:unsafe', 'parallel:two-cores', 'join:no-join']) await load(spec);
});
after(() => cleanup());

describe('Header: held and shown invariants', () => {
	const base: HeaderProps = {title: 'T', name: 'ticket', variant: 'lock', policy: 'random', cores: 1, seed: 1, free: false, status: 'ended', step: 9, total: 9, time: 1, speed: 1, invariants: {}, busy: false, compact: false, width: 120};
	const frame = (props: Partial<HeaderProps>) => {
		const {lastFrame} = render(<Header {...base} {...props} />);
		return strip(lastFrame() ?? '');
	};

	it('shows each invariant that held to the end with a check mark', () => {
		const f = frame({invariants: {'not-oversold': {ok: true, expected: 'hold', text: 'tickets sold never exceed the one in stock'}}});
		assert.match(f, /✓ tickets sold never exceed the one in stock/);
		assert.doesNotMatch(f, /broken/);
	});

	it('falls back to the names when the texts do not fit', () => {
		const f = frame({
			width: 70,
			invariants: {
				'not-oversold': {ok: true, expected: 'hold', text: 'tickets sold never exceed the one in stock'},
				'books-balance': {ok: true, expected: 'hold', text: 'at the end: tickets left + sold = 1'},
			},
		});
		assert.match(f, /✓ not-oversold ✓ books-balance/);
	});

	it('counts the held ones when even their names do not fit', () => {
		const f = frame({
			width: 90,
			invariants: {
				'never-side-by-side': {ok: false, expected: 'breakable', text: 't', shown: 'the two processes ran side by side', brokeAt: 4},
				'every-burst-served': {ok: true, expected: 'hold', text: 'every job gets exactly the CPU time it asked for'},
				'cores-sane': {ok: true, expected: 'hold', text: 'one job per core at a time'},
				'clocks-agree': {ok: true, expected: 'hold', text: 'the clocks agree'},
			},
		});
		assert.match(f, /● shown: the two processes ran side by side ✓ 3 held/);
	});

	it('words a demonstration that happened as shown, not as broken', () => {
		const f = frame({invariants: {'never-side-by-side': {ok: false, expected: 'breakable', text: 'at any moment at most one task is running', shown: 'the two processes ran side by side', brokeAt: 4}}});
		assert.match(f, /● shown: the two processes ran side by side/);
		assert.doesNotMatch(f, /broken/);
	});

	it('still says broken for a breakable invariant that is not a demonstration, and for one that should hold', () => {
		assert.match(frame({invariants: {'not-oversold': {ok: false, expected: 'breakable', text: 't', brokeAt: 9}}}), /✗ broken at step 9: not-oversold/);
		assert.match(frame({invariants: {'not-oversold': {ok: false, expected: 'hold', text: 't', brokeAt: 9}}}), /✗ broken at step 9: not-oversold/);
	});
});

describe('the end of a real run, on screen and in the transcript', () => {
	it('ticket:lock ends with both invariants held', () => {
		const lines = draw(endFrame(run('ticket:lock')));
		assert.match(lines[1]!, /■ ended/);
		// The invariants have the header's third row.
		assert.match(lines[2]!, /^invariants: /, lines[2]);
		assert.match(lines[2]!, /✓ (not-oversold|tickets sold never exceed the one in stock)/, lines[2]);
		assert.match(lines[2]!, /✓ (books-balance|at the end: tickets left \+ sold = 1)/, lines[2]);
		const text = transcript(run('ticket:lock').events);
		const end = text.findIndex(l => /run ends: completed/.test(l));
		assert.ok(end > 0, 'the run ends');
		assert.match(text.slice(0, end).join('\n'), /✓ held {2}invariant not-oversold: tickets sold never exceed the one in stock$/m);
		assert.match(text.slice(0, end).join('\n'), /✓ held {2}invariant books-balance: at the end: tickets left \+ sold = 1$/m);
		assert.ok(!text.some(l => /BROKEN/.test(l)));
	});

	it('ticket:unsafe still says its race broke the invariants, in red, as this variant can', () => {
		const f = endFrame(run('ticket:unsafe'));
		// The first to break is shown: the lost sale (every step) comes before the second success is printed.
		assert.match(alertOf(f) ?? '', /^invariant broken: (every sale is on the books: tickets left = 1 − writes made|tickets sold never exceed the one in stock) \(this variant can break it\)/);
		assert.match(transcript(run('ticket:unsafe').events).join('\n'), /BROKEN invariant not-oversold: .* \(this variant can break it\)/);
	});

	it('parallel:two-cores shows the two processes side by side, as shown, not broken', () => {
		const f = endFrame(run('parallel:two-cores'));
		const lines = draw(f);
		assert.match(lines[2]!, /● shown: the two processes ran side by side/, lines[2]);
		assert.doesNotMatch(lines[2]!, /broken/);
		assert.doesNotMatch(alertOf(f) ?? '', /invariant broken/);
		const text = transcript(run('parallel:two-cores').events).join('\n');
		assert.match(text, /● shown {2}invariant never-side-by-side: the two processes ran side by side$/m);
		assert.doesNotMatch(text, /BROKEN/);
	});

	it('join:no-join shows the lines interleaving, as shown, not broken', () => {
		const f = endFrame(run('join:no-join'));
		const lines = draw(f);
		assert.match(lines[2]!, /● shown: the father's and the son's lines interleaved/, lines[2]);
		assert.doesNotMatch(alertOf(f) ?? '', /invariant broken/);
		const text = transcript(run('join:no-join').events).join('\n');
		assert.match(text, /● shown {2}invariant father-after-son: the father's and the son's lines interleaved$/m);
		assert.doesNotMatch(text, /BROKEN/);
	});

	it('keeps the trace as it was, with what the break shows as an extra field', () => {
		const verdicts = run('parallel:two-cores').events.filter(e => e.kind === 'invariant' && e.name === 'never-side-by-side');
		assert.ok(verdicts.length > 0);
		for (const e of verdicts) assert.deepEqual(e.kind === 'invariant' && [e.expected, e.shown], ['breakable', 'the two processes ran side by side']);
	});
});

describe('the lessons’ demonstrations', () => {
	it('are only on variants that may break them', async () => {
		for (const name of ['parallel', 'join']) {
			const {module, label} = resolveScenario(name);
			const {meta} = await loadScenario(module, label);
			const shown = (meta.invariants ?? []).flatMap(inv => Object.keys(inv.shown ?? {}).map(variant => [inv, variant] as const));
			assert.ok(shown.length > 0, `${name} demonstrates something`);
			for (const [inv, variant] of shown) assert.equal(inv.expect?.[variant], 'breakable', `${name}:${variant} ${inv.name}`);
		}
	});
});
