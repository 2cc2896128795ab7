/**
 * The teacher's flow on screen, drawn by Ink from a frame alone: the key bar
 * says what each key will do now (space pauses while playing, plays while
 * paused, replays at the end; m gives the scheduler back in manual mode),
 * and the timeline's legend sits under its lanes where the layout has a row.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {TraceEvent} from '../source/engine/trace.js';
import {KeyBar, barItems} from '../source/ui/KeyBar.js';
import {layoutFor} from '../source/ui/layout.js';
import {Screen} from '../source/ui/Screen.js';
import {Timeline, timelineLegend} from '../source/ui/Timeline.js';
import type {Frame} from '../source/ui/session.js';
import {ThemeContext} from '../source/ui/theme.js';
import {frameAt, trace} from './ui-fixture.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function draw(node: ReactElement): string[] {
	const {lastFrame} = render(<ThemeContext.Provider value={{color: true}}>{node}</ThemeContext.Provider>);
	return strip(lastFrame() ?? '').split('\n');
}

afterEach(() => cleanup());

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

describe("the timeline's legend", () => {
	const events = trace();
	const screen = (c: number, r: number, extra: Partial<Frame> = {}) => draw(<Screen frame={frameAt(events, 9, extra)} columns={c} rows={r} />);

	it('has a row of its own under the lanes at 120×36 and 100×30, taken from the primitives and output; none at 80×24', () => {
		// The other panels keep their rows (the code pane's 8 and 6 as before); the primitives and output give one. The caption has two rows (issue 15).
		for (const [c, r, code, mid] of [[120, 36, 8, 12], [100, 30, 6, 8]] as const) {
			const L = layoutFor(c, r, 6);
			assert.deepEqual([L.legend, L.tasks, L.code, L.mid, L.caption, L.keys], [1, 6, code, mid, 2, 1], `${c}x${r}`);
			assert.equal(L.header + 1 + L.tasks + L.legend + 1 + L.mid + (L.code > 0 ? 1 + L.code : 0) + L.caption + L.keys, L.height, `${c}x${r}`);
		}
		assert.equal(layoutFor(80, 24, 6).legend, 0);
		assert.equal(layoutFor(60, 20, 6).legend, 0, 'compact: none');
	});

	it('is drawn in the timeline column, the row under the last lane, with the cells the help lists', () => {
		for (const [c, r] of [[120, 36], [100, 30]] as const) {
			const lines = screen(c, r);
			assert.equal(lines.length, r - 1);
			const L = layoutFor(c, r, 6);
			const row = lines[2 + 1 + 6]!;
			assert.equal(row.slice(0, L.taskWidth + 1).trim(), '', `the task list's column is empty: ${row}`);
			assert.equal(row.slice(L.taskWidth + 1).trimEnd(), '· new  ░ ready  █ running  × blocked', `${c}x${r}`);
			assert.match(lines[2 + 1 + 6 + 1]!, /^─ Primitives/);
			assert.match(lines.at(-1)!, /q quit/);
		}
		const small = screen(80, 24);
		// 80×24 has five task rows (the sixth task is scrolled to), then the primitives: no legend.
		assert.match(small[2 + 1 + 5]!, /^─ Primitives/, 'no legend at 80×24');
		assert.ok(!small.some(l => l.includes('× blocked') && l.includes('█ running')));
	});

	it('stays on its row when manual mode adds the clock under the tasks', () => {
		const lines = screen(100, 30, {manual: true, status: 'pick', ready: ['MainProcess', 'Thread-1', '⏱'], selected: 'MainProcess', clock: 3.2});
		assert.equal(lines.length, 29);
		// The clock takes the last task row; the legend keeps the row under it.
		assert.match(lines[2 + 1 + 5]!, /clock → 3\.2s/);
		assert.match(lines[2 + 1 + 6]!, /^ +· new {2}░ ready/);
		assert.match(lines[2 + 1 + 6 + 1]!, /^─ Primitives/);
	});

	it('names a zombie or a signalled cell only while one is on screen, and drops what does not fit', () => {
		assert.equal(timelineLegend(['nR', 'Rb'], 0, 1, [0, 1], 60).map(i => i.word).join(' '), 'new ready running blocked');
		assert.equal(timelineLegend(['nR', 'zk'], 0, 1, [0, 1], 60).map(i => i.word).join(' '), 'new ready running blocked zombie signalled');
		assert.equal(timelineLegend(['nR', 'zk'], 0, 1, [0], 60).map(i => i.word).join(' '), 'new ready running blocked zombie');
		assert.equal(timelineLegend(['nR'], 0, 0, [0], 30).map(i => i.word).join(' '), 'new ready running', 'what does not fit goes from the end');
		const drawn = draw(<Timeline columns={['nR', 'Rb']} pos={1} lanes={[0, 1]} width={40} legend laneRows={3} />);
		assert.deepEqual(drawn.slice(1), ['·█', '█×', '', '· new  ░ ready  █ running  × blocked']);
	});
});
