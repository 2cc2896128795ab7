/**
 * Each panel's frame, drawn by Ink from props alone (ink-testing-library),
 * for each state it can show.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {render, cleanup} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {TraceEvent} from '../source/engine/trace.js';
import {Caption} from '../source/ui/Caption.js';
import {CodePane} from '../source/ui/CodePane.js';
import {codeFor} from '../source/ui/code-view.js';
import type {ScenarioMeta} from '../source/scenario/define.js';
import {Header, type HeaderProps} from '../source/ui/Header.js';
import {HelpOverlay} from '../source/ui/HelpOverlay.js';
import {KeyBar} from '../source/ui/KeyBar.js';
import {KEY_TABLE} from '../source/ui/keys.js';
import {Output} from '../source/ui/Output.js';
import {Primitives} from '../source/ui/Primitives.js';
import {Recording} from '../source/ui/recording.js';
import {TaskList} from '../source/ui/TaskList.js';
import {Timeline} from '../source/ui/Timeline.js';
import {ThemeContext} from '../source/ui/theme.js';
import {SOURCE, fixtureState, trace} from './ui-fixture.js';

 
const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function frame(node: ReactElement, color = true): string {
	const {lastFrame} = render(<ThemeContext.Provider value={{color}}>{node}</ThemeContext.Provider>);
	return strip(lastFrame() ?? '');
}

afterEach(() => cleanup());

describe('TaskList', () => {
	const view = fixtureState();
	const all = (extra: Partial<Parameters<typeof TaskList>[0]> = {}) =>
		frame(<TaskList view={view} names={view.order} above={0} below={0} changed={new Set(['Worker-4', 'Thread-1'])} ran="Thread-1" manual={false} ready={[]} width={90} {...extra} />);

	it('draws a row per task with its pid and a badge of symbol and word for every state', () => {
		const f = all();
		const rows = f.split('\n');
		assert.match(rows[0]!, /─ Tasks 6/);
		const row = (name: string) => rows.find(r => r.includes(` ${name} `) || r.startsWith(`${name} `) || r.slice(1).startsWith(name))!;
		assert.match(row('MainProcess'), /MainProcess\s+100 ○ ready\s+at start/);
		assert.match(row('Worker-1'), /101 ■ blocked on sleep → 3\.2s/);
		assert.match(row('Worker-2'), /■ blocked on lock#1 \(held by Worker-1\)/);
		assert.match(row('Worker-3'), /■ blocked on event#3 \(not set\)/);
		assert.match(row('Worker-4'), /✓ done\s+exit 0/);
		assert.match(row('Thread-1'), /▶ running\s+at put q#4 a/);
	});

	it('marks the task that ran with », a changed row with •, and what a task holds', () => {
		const rows = all().split('\n');
		assert.ok(rows.find(r => r.includes('Thread-1'))!.startsWith('»'));
		assert.ok(rows.find(r => r.includes('Worker-4'))!.startsWith('•'));
		assert.ok(rows.find(r => r.includes('MainProcess'))!.startsWith(' '));
		const v = fixtureState();
		v.tasks['Worker-1']!.state = 'ready';
		const f = frame(<TaskList view={v} names={['Worker-1']} above={0} below={0} changed={new Set()} manual={false} ready={[]} width={120} />);
		assert.match(f, /holds lock#1, sem#2/);
	});

	it('numbers every task in manual mode by its place in creation order, and marks the selected one', () => {
		const f = all({manual: true, ready: ['MainProcess'], selected: 'MainProcess'});
		const main = f.split('\n').find(r => r.includes('MainProcess'))!;
		assert.match(main, /^ >1 MainProcess/);
		// Not ready, and still numbered: Worker-2 is the third task made.
		const other = f.split('\n').find(r => r.includes('Worker-2'))!;
		assert.match(other, /^ {2}3 Worker-2/);
		// A task that is not ready can be selected too.
		const blocked = all({manual: true, ready: ['MainProcess'], selected: 'Worker-2'}).split('\n').find(r => r.includes('Worker-2'))!;
		assert.match(blocked, /^ >3 Worker-2/);
	});

	it('says how many rows are scrolled off', () => {
		const f = all({names: view.order.slice(2, 4), above: 2, below: 2});
		assert.match(f.split('\n')[0]!, /↑2 ↓2/);
		assert.equal(f.split('\n').length, 3);
	});

	it('keeps states apart without colour', () => {
		const f = frame(<TaskList view={view} names={view.order} above={0} below={0} changed={new Set()} manual={false} ready={[]} width={90} />, false);
		for (const word of ['○ ready', '■ blocked', '✓ done', '▶ running']) assert.ok(f.includes(word), word);
	});

	it('tells a zombie (done, not reaped) from done by symbol and word, with or without colour, then shows who reaped it', () => {
		const v = fixtureState();
		v.tasks['Worker-4']!.zombie = 'MainProcess';
		for (const color of [true, false]) {
			const f = frame(<TaskList view={v} names={['Worker-4', 'Worker-1']} above={0} below={0} changed={new Set()} manual={false} ready={[]} width={90} />, color);
			const row = f.split('\n').find(r => r.includes('Worker-4'))!;
			assert.match(row, /104 ☠ zombie\s+exit 0 · not yet reaped by MainProcess/);
			assert.ok(!row.includes('✓'), row);
		}
		v.tasks['Worker-4']!.zombie = undefined;
		v.tasks['Worker-4']!.reapedBy = 'MainProcess';
		v.tasks['Worker-4']!.reapedVia = 'join';
		const f = frame(<TaskList view={v} names={['Worker-4']} above={0} below={0} changed={new Set()} manual={false} ready={[]} width={90} />, false);
		assert.match(f, /104 ✓ done\s+exit 0 · reaped by MainProcess \(join\)/);
	});
});

describe('Primitives', () => {
	const view = fixtureState();
	it('shows each kind with what it holds, who has it and who waits, each apart', () => {
		const f = frame(<Primitives view={view} changed={new Set(['sem#2'])} width={100} rows={20} />);
		assert.match(f, /─ Primitives/);
		assert.match(f, /file db\.json \{"n": 0\}/);
		assert.match(f, /lock#1 Lock held by Worker-1/);
		assert.match(f, /waiting: Worker-2/);
		assert.match(f, /•sem#2 Semaphore\(2\) 1\/2 taken ■□/);
		assert.match(f, /inside: Worker-1/);
		assert.match(f, /event#3 Event ○ not set/);
		assert.match(f, /waiting: Worker-3/);
		assert.match(f, /q#4 Queue\(3\) \[a\| \| \] 1\/3/);
		assert.match(f, /value#5 Value\('i'\) = 100/);
		assert.match(f, /GIL MainProcess held by Thread-1/);
	});

	it('puts holders and waiters on the same line when rows are short, and says what did not fit', () => {
		const f = frame(<Primitives view={view} changed={new Set()} width={100} rows={4} />);
		const rows = f.split('\n');
		assert.equal(rows.length, 5);
		assert.match(rows[2]!, /lock#1 Lock held by Worker-1 waiting: Worker-2/);
		assert.match(rows[4]!, /\+4 more/);
	});
});

describe('Output', () => {
	const view = fixtureState();
	it('tags each line with its task, splits printed newlines and shows control characters', () => {
		const f = frame(<Output lines={view.output} newFrom={1} width={60} rows={5} />);
		assert.match(f, /─ Output .* 2 lines/);
		assert.match(f, /Worker-1 │ hello \\x1b\[31mred\\x1b\[0m/);
		assert.match(f, /Worker-4 │ two\n.*Worker-4 │ lines/);
	});

	it('keeps the newest lines when there are more than rows', () => {
		const f = frame(<Output lines={view.output} newFrom={1} width={60} rows={1} />);
		assert.equal(f.split('\n').length, 2);
		assert.match(f, /lines$/);
	});
});

describe('Timeline', () => {
	it('draws a lane per task, a cell per step, the granted task running', () => {
		const rec = new Recording();
		for (const e of trace()) rec.push(e);
		const f = frame(<Timeline columns={rec.columns} pos={rec.last} lanes={[0, 1, 2, 5]} width={20} />);
		const rows = f.split('\n');
		assert.match(rows[0]!, /─ Timeline .*0–9/);
		// MainProcess runs at steps 1–4; Worker-1 at 5 and 7, then sleeps; Worker-2 blocks at 6; the thread
		// is ready from step 4 (its run at step 10 is not over yet, so not drawn).
		assert.equal(rows[1], '░████░░░░░');
		assert.equal(rows[2]!.trimEnd(), ' ░░░░█░█××');
		assert.equal(rows[3]!.trimEnd(), '  ░░░░█×××');
		assert.equal(rows[4]!.trimEnd(), '    ░░░░░░');
	});

	it('draws a zombie’s steps as z, told apart from done, until its parent reaps it', () => {
		const rec = new Recording();
		const e = (step: number, body: object) => rec.push({step, time: 0, ...body} as TraceEvent);
		for (const name of ['MainProcess', 'Process-1']) e(0, {kind: 'task', task: name, pid: 1, ppid: 0, process: name, thread: false, daemon: false, target: 'main', state: 'new'});
		e(1, {kind: 'state', task: 'Process-1', state: 'running', choice: 0, of: 2});
		e(1, {kind: 'state', task: 'Process-1', state: 'done', exitcode: 0, zombie: 'MainProcess'});
		for (const step of [2, 3]) e(step, {kind: 'state', task: 'MainProcess', state: 'running', choice: 0, of: 1});
		e(3, {kind: 'reap', task: 'Process-1', by: 'MainProcess', via: 'join', exitcode: 0});
		e(4, {kind: 'state', task: 'MainProcess', state: 'running', choice: 0, of: 1});
		e(4, {kind: 'end', outcome: 'completed', steps: 4});
		const f = frame(<Timeline columns={rec.columns} pos={rec.last} lanes={[1]} width={10} title={false} />, false);
		assert.equal(f.trimEnd(), '·█z', 'a zombie at step 2, reaped during step 3');
	});

	it('scrolls: only the last width steps up to the cursor', () => {
		const rec = new Recording();
		for (const e of trace()) rec.push(e);
		const f = frame(<Timeline columns={rec.columns} pos={5} lanes={[0, 1]} width={3} title={false} />);
		assert.equal(f, '██░\n░░█');
	});
});

describe('CodePane', () => {
	it('shows the source around the focused task with the tasks standing on each line', () => {
		const view = fixtureState();
		const code = codeFor({meta: {sources: []} as unknown as ScenarioMeta, module: 'file:///x/demo.js', source: SOURCE}, 'v', 'python');
		const f = frame(<CodePane code={code} view={view} focus="Thread-1" width={70} rows={4} />);
		assert.match(f, /─ Code · demo\.js .* Thread-1 at line 9/);
		assert.match(f, /▶9 {3}await q\.put\("a"\);.*← Thread-1/);
		assert.match(f, /•8 {3}await event\.wait\(\);.*← Worker-3/);
		assert.doesNotMatch(f, /Worker-4/, 'a task that is done stands nowhere');
	});
});

describe('Header', () => {
	const base: HeaderProps = {title: 'KTV', name: 'ktv', variant: 'semaphore', policy: 'random', cores: 1, seed: 1, free: false, status: 'paused', step: 3, time: 1.5, speed: 1, invariants: {}, busy: false, compact: false, width: 100};
	it('says the lesson, how it runs and where the viewer is', () => {
		const f = frame(<Header {...base} />);
		assert.match(f, /^KTV {2}ktv:semaphore · random · 1 core · seed 1\n⏸ paused · step 3 · t 1\.500s · ×1/);
	});
	for (const [status, text] of [['playing', '▶ playing'], ['ended', '■ ended'], ['deadlock', '✗ deadlock'], ['pick', '? your pick'], ['starting', '… starting']] as const) {
		it(`shows ${status}`, () => assert.ok(frame(<Header {...base} status={status} />).includes(text)));
	}
	it('shows the total once recorded, the speed, free mode, cores and a broken invariant', () => {
		const f = frame(<Header {...base} total={44} speed={0.25} free cores={2} invariants={{'at-most-four': {ok: false, expected: 'breakable', text: 't', brokeAt: 9}}} />);
		assert.match(f, /ktv:semaphore · free · 2 cores/);
		assert.match(f, /step 3\/44 · t 1\.500s · ×1\/4/);
		assert.match(f, /✗ broken at step 9: at-most-four/);
	});
	it('fits one line when compact', () => {
		const f = frame(<Header {...base} compact busy />);
		assert.equal(f.split('\n').length, 1);
		assert.match(f, /⏸ paused ktv:semaphore step 3 · t 1\.500s · ×1 · rerunning…/);
	});
});

describe('Caption, KeyBar, HelpOverlay', () => {
	it('caption: the alert first, then the lesson, then what happened, as rows allow', () => {
		assert.equal(frame(<Caption happened="P1 ran" caption="The fifth waits." alert="deadlock" width={60} rows={2} />), '! deadlock\n» The fifth waits.');
		assert.equal(frame(<Caption happened="P1 ran" width={60} rows={1} />), '  P1 ran');
	});
	it('key bar: the everyday keys, the pick keys in manual mode, and it always keeps help and quit', () => {
		assert.equal(frame(<KeyBar manual={false} width={80} />), 'space play n → step b ← back m manual ? help q quit');
		assert.match(frame(<KeyBar manual width={99} />), /1-9 select ↑↓ move ⏎ run/);
		const narrow = frame(<KeyBar manual width={40} />);
		assert.ok(narrow.length <= 40, narrow);
		assert.match(narrow, /\? help q quit$/);
	});
	it('help lists every key of the key table and the state symbols', () => {
		const f = frame(<HelpOverlay width={90} rows={30} />);
		for (const b of KEY_TABLE) assert.ok(f.includes(b.help), b.help);
		assert.match(f, /○ ready {2}▶ running {2}■ blocked/);
		assert.equal(f.split('\n').length, 30);
	});
});
