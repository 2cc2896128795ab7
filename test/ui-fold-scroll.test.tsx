/**
 * Issue 15's pieces on their own: folding the task list (which tasks fold,
 * into which rows, never the one that ran, the selected one or a ready one
 * in manual mode), the code pane's lines for a small pane, the windows Tab
 * and PgUp/PgDn move, the invariants' header row and the caption's wrapping.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {EventBody, TraceEvent} from '../source/engine/trace.js';
import {Caption, captionLines, wrapRows} from '../source/ui/Caption.js';
import {shownLines} from '../source/ui/CodePane.js';
import {Header, type HeaderProps} from '../source/ui/Header.js';
import {commandFor, keyName, pressOfToken} from '../source/ui/keys.js';
import {moreNote, nextPanel, paged, topOf} from '../source/ui/scroll.js';
import {commonDetail, foldTasks, rangeName, TaskList, type TaskRow} from '../source/ui/TaskList.js';
import {reduce} from '../source/view/reducer.js';
import type {ViewState} from '../source/view/state.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

afterEach(() => cleanup());

/**
 * Eleven tasks: MainProcess blocked on a join, Process-1…5 blocked on sem#1,
 * Process-6 and 7 ready at a read, Process-8…10 done (exit 0), and one done
 * with exit 1 (a failure keeps its row).
 */
function crowd(): ViewState {
	const events: TraceEvent[] = [];
	const e = (body: EventBody) => events.push({step: 1, time: 0, ...body} as TraceEvent);
	const task = (name: string, pid: number) => e({kind: 'task', task: name, pid, ppid: 100, process: name, thread: false, daemon: false, target: 'f', state: 'new'});
	e({kind: 'run', scenario: 'demo', variant: 'x', seed: 1, policy: 'random', cores: 1, mode: 'controlled', options: {}});
	task('MainProcess', 100);
	e({kind: 'prim', task: 'MainProcess', obj: 'sem#1', type: 'Semaphore', value: 0, initial: 4});
	e({kind: 'gate', task: 'MainProcess', state: 'blocked', op: 'join', on: 'join Process-1', line: 1});
	for (let i = 1; i <= 11; i++) task(`Process-${i}`, 100 + i);
	for (let i = 1; i <= 5; i++) e({kind: 'gate', task: `Process-${i}`, state: 'blocked', op: 'acquire', obj: 'sem#1', on: 'sem#1', line: 2});
	for (const i of [6, 7]) e({kind: 'gate', task: `Process-${i}`, state: 'ready', op: 'read', obj: 'file:db', line: 3});
	for (const i of [8, 9, 10]) e({kind: 'state', task: `Process-${i}`, state: 'done', exitcode: 0});
	e({kind: 'state', task: 'Process-11', state: 'done', exitcode: 1});
	return reduce(events);
}

const shape = (rows: TaskRow[]) => rows.map(r => (r.kind === 'task' ? r.name : `${r.kind}:${r.names.join(',')}`));

describe('foldTasks', () => {
	const v = crowd();

	it('gives a row per task while they fit', () => {
		assert.deepEqual(shape(foldTasks(v, 12, {keep: [], manual: false})), v.order);
	});

	it('folds the finished tasks first (exit 0, not a failure), then as few alike groups as make the rows fit', () => {
		// 12 tasks into 10 rows: the three done fold, and that is enough.
		assert.deepEqual(shape(foldTasks(v, 10, {keep: [], manual: false})), ['MainProcess', 'Process-1', 'Process-2', 'Process-3', 'Process-4', 'Process-5', 'Process-6', 'Process-7', 'done:Process-8,Process-9,Process-10', 'Process-11']);
		// Into 9 rows: then the smallest group that alone is enough (the two readers), not the five waiters.
		assert.deepEqual(shape(foldTasks(v, 9, {keep: [], manual: false})), ['MainProcess', 'Process-1', 'Process-2', 'Process-3', 'Process-4', 'Process-5', 'alike:Process-6,Process-7', 'done:Process-8,Process-9,Process-10', 'Process-11']);
		// Into 6: the five waiters on sem#1 are one row, which is enough; into 5, the readers fold too.
		assert.deepEqual(shape(foldTasks(v, 6, {keep: [], manual: false})), ['MainProcess', 'alike:Process-1,Process-2,Process-3,Process-4,Process-5', 'Process-6', 'Process-7', 'done:Process-8,Process-9,Process-10', 'Process-11']);
		assert.deepEqual(shape(foldTasks(v, 5, {keep: [], manual: false})), ['MainProcess', 'alike:Process-1,Process-2,Process-3,Process-4,Process-5', 'alike:Process-6,Process-7', 'done:Process-8,Process-9,Process-10', 'Process-11']);
	});

	it('never folds the task that ran, the selected one, or in manual mode a ready one', () => {
		const rows = shape(foldTasks(v, 6, {keep: ['Process-3', 'Process-9'], manual: true}));
		// Still more rows than 6: the list scrolls (Screen), nothing else folds.
		assert.deepEqual(rows, ['MainProcess', 'alike:Process-1,Process-2,Process-4,Process-5', 'Process-3', 'Process-6', 'Process-7', 'done:Process-8,Process-10', 'Process-9', 'Process-11']);
	});

	it('names a group by its range, its list or its ends, and says what its tasks share', () => {
		assert.equal(rangeName(['Process-5', 'Process-6', 'Process-7', 'Process-8', 'Process-9']), 'Process-5 …9');
		assert.equal(rangeName(['Process-10', 'Process-19']), 'Process-10 …19');
		assert.equal(rangeName(['Process-6', 'Process-8'], false), 'Process-6,8');
		assert.equal(rangeName(['A', 'E']), 'A…E');
		assert.equal(commonDetail(['on sem#1 (4/4 taken)', 'on sem#1 (4/4 taken)']), 'on sem#1 (4/4 taken)');
		assert.equal(commonDetail(['on sleep → 3s', 'on sleep → 5s']), 'on sleep');
		assert.equal(commonDetail(['at print "a"', 'at print "b"']), 'at print');
	});

	it('draws a folded row with the count, the shared badge and detail, and the done row with its names', () => {
		const {lastFrame} = render(<TaskList view={v} rows={foldTasks(v, 5, {keep: [], manual: false})} above={0} below={0} changed={new Set()} manual={false} ready={[]} width={72} title={false} />);
		assert.deepEqual(strip(lastFrame() ?? '').split('\n'), [
			' MainProcess    100 ■ blocked on join Process-1',
			' Process-1 …5 (5)   ■ blocked on sem#1 (4/4 taken)',
			' Process-6 …7 (2)   ○ ready   at read db',
			' ✓ 3 done: Process-8, Process-9, Process-10',
			' Process-11     111 ✓ done    exit 1',
		]);
	});
});

describe('the code pane in a few rows', () => {
	it('shows the window around the focus when it holds every marked line', () => {
		assert.deepEqual(shownLines(40, [9, 10], 10, 5), [8, 9, 10, 11, 12]);
	});
	it('centres one window on the marked lines when they fit in it but not around the focus', () => {
		assert.deepEqual(shownLines(40, [2, 5], 5, 5), [2, 3, 4, 5, 6]);
	});
	it('shows every marked line, the focus first, when they are too far apart for one window', () => {
		assert.deepEqual(shownLines(40, [10, 15, 16, 35], 16, 3), [10, 15, 16]);
		assert.deepEqual(shownLines(40, [10, 15, 16, 35], 16, 5), [10, 15, 16, 17, 35]);
	});
	it('shows the window the viewer scrolled to, kept within the file', () => {
		assert.deepEqual(shownLines(40, [10], 10, 4, 20), [21, 22, 23, 24]);
		assert.deepEqual(shownLines(40, [10], 10, 4, 99), [37, 38, 39, 40]);
	});
});

describe('panel windows, Tab and PgUp/PgDn', () => {
	it('pages within the panel and says what is out of view', () => {
		assert.equal(paged({top: 0, rows: 5, total: 23}, 1), 5);
		assert.equal(paged({top: 15, rows: 5, total: 23}, 1), 18);
		assert.equal(paged({top: 3, rows: 5, total: 23}, -1), 0);
		assert.equal(topOf(undefined, 18, 5, 23), 18);
		assert.equal(topOf(40, 18, 5, 23), 18);
		assert.equal(moreNote({top: 5, rows: 5, total: 23}), '↑5 ↓13');
		assert.equal(moreNote({top: 0, rows: 5, total: 5}), '');
	});
	it('moves the focus in the order tasks, primitives, output, code, among the panels on screen', () => {
		assert.equal(nextPanel('tasks'), 'prims');
		assert.equal(nextPanel('code'), 'tasks');
		assert.equal(nextPanel('tasks', ['tasks', 'output']), 'output');
		assert.equal(nextPanel('output', ['tasks', 'output']), 'tasks');
	});
	it('binds Tab, PgUp and PgDn, and types them from a script as pgup and pgdn', () => {
		assert.deepEqual(commandFor('tab'), {name: 'focus'});
		assert.deepEqual(commandFor(keyName('', {pageUp: true})), {name: 'pageup'});
		assert.deepEqual(commandFor(keyName('', {pageDown: true})), {name: 'pagedown'});
		assert.equal(pressOfToken('pgup').key, 'pageup');
		assert.equal(pressOfToken('pgdn').key, 'pagedown');
	});
});

describe('the invariants on a header row of their own', () => {
	const base: HeaderProps = {title: 'Ticket rush', name: 'ticket', variant: 'unsafe', policy: 'random', cores: 1, seed: 1, free: false, status: 'paused', step: 80, total: 100, time: 0.3, speed: 1, invariants: {}, busy: false, compact: false, width: 100, invariantsRow: true};
	const declared = [
		{name: 'not-oversold', text: 'tickets sold never exceed the one in stock'},
		{name: 'every-sale-recorded', text: 'every sale is on the books'},
		{name: 'books-balance', text: 'at the end: tickets left + sold = 1'},
	];
	const third = (p: Partial<HeaderProps>) => {
		const {lastFrame} = render(<Header {...base} {...p} />);
		return strip(lastFrame() ?? '').split('\n');
	};

	it('says every invariant, broken ones first, the others as watched, by text where they fit', () => {
		const broken = {'every-sale-recorded': {ok: false, expected: 'breakable' as const, text: 'every sale is on the books', brokeAt: 77}};
		const rows = third({declared, invariants: broken, width: 140});
		assert.deepEqual(rows, ['Ticket rush  ticket:unsafe · random · 1 core · seed 1', '⏸ paused · step 80/100 · t 0.300s · ×1', 'invariants: ✗ broken at step 77: every-sale-recorded ◌ tickets sold never exceed the one in stock ◌ at the end: tickets left + sold = 1']);
		assert.equal(third({declared, invariants: broken})[2], 'invariants: ✗ broken at step 77: every-sale-recorded ◌ not-oversold ◌ books-balance');
		// At 80 columns: whole verdicts and a count of the rest, none cut in the middle.
		assert.equal(third({declared, invariants: broken, width: 64})[2], 'invariants: ✗ broken at step 77: every-sale-recorded +2 more');
	});

	it('keeps the verdicts on the status row where the layout gives no row (a CPU lesson below 30 rows), and one row when compact', () => {
		const broken = {'every-sale-recorded': {ok: false, expected: 'breakable' as const, text: 'every sale is on the books', brokeAt: 77}};
		const rows = third({declared, invariants: broken, invariantsRow: false});
		assert.equal(rows.length, 2);
		assert.equal(rows[1], '⏸ paused · step 80/100 · t 0.300s · ×1 ✗ broken at step 77: every-sale-recorded');
		assert.equal(third({declared, compact: true}).length, 1);
	});
});

describe('the caption wrapped', () => {
	it("wraps the lesson's words over up to three rows and the alert over two, cutting the rest with …", () => {
		assert.deepEqual(wrapRows('one two three four five six', 9, 3), ['one two', 'three', 'four fiv…']);
		assert.deepEqual(wrapRows('one two', 9, 3), ['one two']);
		const lines = captionLines({happened: 'P1 ran', caption: 'The fifth person waits at the door until one of the four inside comes out.', alert: 'invariant broken: never more than four inside (expected to hold!)', width: 32});
		assert.deepEqual(
			lines.map(l => `${l.tone}:${l.text}`),
			['alert:invariant broken: never more', 'alert:than four inside (expected to…', 'caption:The fifth person waits at the', 'caption:door until one of the four', 'caption:inside comes out.', 'plain:P1 ran'],
		);
	});

	it('marks the first row of the alert and of the caption only, and pads spare rows above', () => {
		const {lastFrame} = render(<Caption happened="P1 ran" caption="The fifth person waits at the door until one comes out." width={34} rows={4} />);
		assert.deepEqual(strip(lastFrame() ?? '').split('\n'), ['', '» The fifth person waits at the', '  door until one comes out.', '  P1 ran']);
	});
});
