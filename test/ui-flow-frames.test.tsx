/**
 * The teacher's flow on screen, drawn by Ink from a frame alone: the key bar
 * says what each key will do now (space pauses while playing, plays while
 * paused, replays at the end; m gives the scheduler back in manual mode).
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {TraceEvent} from '../source/engine/trace.js';
import {changesIn, describeStep} from '../source/ui/format.js';
import {KeyBar, barItems} from '../source/ui/KeyBar.js';
import {Recording} from '../source/ui/recording.js';
import {Screen} from '../source/ui/Screen.js';
import type {Frame} from '../source/ui/session.js';
import {ThemeContext} from '../source/ui/theme.js';
import {reduce} from '../source/view/reducer.js';
import {fixtureScenario, trace} from './ui-fixture.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function draw(node: ReactElement): string[] {
	const {lastFrame} = render(<ThemeContext.Provider value={{color: true}}>{node}</ThemeContext.Provider>);
	return strip(lastFrame() ?? '').split('\n');
}

afterEach(() => cleanup());

/** A frame at a position of a trace, as the session would take it. */
function frameAt(events: TraceEvent[], pos: number, extra: Partial<Frame> = {}): Frame {
	const rec = new Recording();
	for (const e of events) rec.push(e);
	const prefix = rec.ends[pos]!;
	const from = pos === 0 ? 0 : rec.ends[pos - 1]!;
	const view = reduce(rec.events, prefix);
	return {
		lang: 'en',
		scenario: fixtureScenario(),
		settings: {variant: 'lock', seed: 7, policy: 'random', free: false, options: {}},
		view,
		pos,
		last: rec.last,
		recorded: false,
		status: 'paused',
		speed: 1,
		changes: changesIn(rec.events, from, prefix),
		ran: rec.ran[pos],
		ready: view.order.filter(n => view.tasks[n]!.state === 'ready'),
		manual: false,
		happened: describeStep(rec.events, from, prefix),
		columns: rec.columns,
		busy: false,
		help: false,
		code: 'python',
		...extra,
	};
}

describe('the key bar says what a key will do now', () => {
	it('space: pause while playing, play while paused, replay at the end', () => {
		assert.equal(draw(<KeyBar manual={false} now={{playing: true}} width={80} />)[0], 'space pause n → step b ← back m manual ? help q quit');
		assert.equal(draw(<KeyBar manual={false} now={{}} width={80} />)[0], 'space play n → step b ← back m manual ? help q quit');
		assert.equal(draw(<KeyBar manual={false} now={{ended: true}} width={80} />)[0], 'space replay n → step b ← back m manual ? help q quit');
	});

	it('m: manual when a scheduler picks, auto when the viewer does; ? closes the help it opened', () => {
		assert.ok(barItems(true, 120, false, {manual: true}).some(i => i.label === 'm' && i.word === 'auto'));
		assert.ok(barItems(false, 120, false, {}).some(i => i.label === 'm' && i.word === 'manual'));
		assert.ok(barItems(false, 120, false, {help: true}).some(i => i.label === '?' && i.word === 'close'));
		// Short of room the words go, as before: the labels stay.
		assert.deepEqual(barItems(true, 30, false, {playing: true}).map(i => i.label), ['space', 'n →', 'm', '1-9', '?', 'q']);
	});

	it('the screen tells the bar: its last row follows the frame', () => {
		const events = trace();
		const last = (f: Frame) => draw(<Screen frame={f} columns={100} rows={30} />).at(-1)!;
		assert.match(last(frameAt(events, 9, {status: 'playing'})), /^space pause n → step/);
		assert.match(last(frameAt(events, 9, {status: 'paused'})), /^space play n → step/);
		const end: TraceEvent = {step: 10, time: 1, kind: 'end', outcome: 'completed', steps: 10};
		assert.match(last(frameAt([...events, end], 10, {status: 'ended'})), /^space replay n → step/);
		assert.match(last(frameAt(events, 9, {status: 'pick', manual: true, selected: 'MainProcess'})), / m auto /);
		assert.match(last(frameAt(events, 9, {help: true})), / \? close /);
	});
});
