/**
 * Whole frames: the Screen lays the panels out for the terminal's size, fits
 * it (one row short of the terminal, no line wider than it), goes compact
 * below 80×24, scrolls a long task list, and shows help and alerts. The App
 * turns key presses into commands on a real run.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {TraceEvent} from '../source/engine/trace.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {App} from '../source/ui/App.js';
import {cellWidth} from '../source/ui/cells.js';
import {Recording} from '../source/ui/recording.js';
import {Screen, alertOf} from '../source/ui/Screen.js';
import type {Frame} from '../source/ui/session.js';
import {frameAt, trace} from './ui-fixture.js';
import {runLesson} from './helpers/run.js';

 
const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

afterEach(() => cleanup());

function draw(frame: Frame, columns: number, rows: number): string[] {
	const {lastFrame} = render(<Screen frame={frame} columns={columns} rows={rows} />);
	return strip(lastFrame() ?? '').split('\n');
}

function fits(lines: string[], columns: number, rows: number): void {
	assert.equal(lines.length, rows - 1, 'one row short of the terminal');
	for (const line of lines) assert.ok(cellWidth(line) <= columns, `too wide (${cellWidth(line)}): ${line}`);
}

describe('Screen', () => {
	const events = trace();

	it('100×30: header, tasks with their timeline, primitives, output, code, caption, keys', () => {
		const lines = draw(frameAt(events, 9), 100, 30);
		fits(lines, 100, 30);
		const text = lines.join('\n');
		assert.match(lines[0]!, /^Demo lesson {2}demo:lock · random · 1 core · seed 7/);
		assert.match(lines[1]!, /⏸ paused · step 9 · t 1\.000s/);
		for (const title of ['─ Tasks 6', '─ Timeline', '─ Primitives', '─ Output', '─ Code']) assert.ok(text.includes(title), title);
		assert.match(lines.at(-2)!, /Worker-4 ran: prints "two⏎lines"/);
		assert.match(lines.at(-1)!, /q quit/);
	});

	it('80×24: everything, the code pane kept small on the marked lines (issue 15: it had none)', () => {
		const lines = draw(frameAt(events, 9), 80, 24);
		fits(lines, 80, 24);
		assert.ok(lines.some(l => l.startsWith('─ Primitives')));
		const code = lines.findIndex(l => l.startsWith('─ Code · demo.js'));
		assert.ok(code > 0, lines.join('\n'));
		assert.deepEqual(lines.slice(code + 1, code + 4).map(l => l.replace(/ {2,}← /, ' ← ')), ['•3   await start(); ← MainProcess', '•5   await lock.acquire(); ← Worker-2', '•7   await sleep(3); ← Worker-1']);
	});

	it('below 80×24: compact, with tasks, output and keys', () => {
		for (const [c, r] of [[60, 20], [79, 30], [100, 12]] as const) {
			const lines = draw(frameAt(events, 9), c, r);
			fits(lines, c, r);
			const text = lines.join('\n');
			assert.ok(!text.includes('─ Primitives'));
			assert.match(text, /─ Output/);
			assert.match(text, /Worker-1 +101 ■ blocked/);
			assert.match(lines.at(-1)!, /q quit/);
		}
	});

	it('folds a long list of alike tasks into a row, and scrolls one that does not fold to keep the task that ran in view', () => {
		const extra = (i: number): TraceEvent => ({step: 0, time: 0, kind: 'task', task: `Extra-${String(i).padStart(2, '0')}`, pid: 500 + i, ppid: 100, process: `Extra-${i}`, thread: false, daemon: false, target: 'f', state: 'new'});
		const many: TraceEvent[] = [...events];
		const last = many.at(-1)!;
		for (let i = 0; i < 60; i++) many.splice(3, 0, extra(i));
		assert.equal(many.at(-1), last);
		const lines = draw(frameAt(many, 9), 100, 30);
		fits(lines, 100, 30);
		const text = lines.join('\n');
		assert.match(text, /─ Tasks 66 ─/);
		assert.ok(lines.some(l => /^ Extra-59 …00 \(60\) {2}· new$/.test(l)), `sixty new tasks in one row:\n${text}`);
		assert.match(text, /»Worker-4/);
		// Sixty tasks each waiting on an event of its own are alike to none: the window scrolls.
		const apart: TraceEvent[] = [...events];
		for (let i = 0; i < 60; i++) apart.splice(3, 0, extra(i), {step: 0, time: 0, kind: 'gate', task: `Extra-${String(i).padStart(2, '0')}`, state: 'blocked', op: 'wait', obj: `event#${100 + i}`, on: `event#${100 + i}`, line: 8});
		const scrolled = draw(frameAt(apart, 9), 100, 30);
		fits(scrolled, 100, 30);
		assert.match(scrolled.join('\n'), /─ Tasks 66 .*↑\d+/);
		assert.match(scrolled.join('\n'), /»Worker-4/);
	});

	it('shows the help over the panels, and a deadlock with who waits on what', () => {
		const help = draw(frameAt(events, 9, {help: true}), 100, 30);
		fits(help, 100, 30);
		assert.ok(help.some(l => l.includes('one step back (no thread reruns)')));
		const dead = frameAt([...events, {step: 10, time: 1, kind: 'end', outcome: 'deadlock', steps: 10, waits: [{task: 'Worker-3', on: 'event#3', heldBy: []}]}], 10, {status: 'deadlock'});
		const lines = draw(dead, 100, 30);
		assert.match(lines[1]!, /✗ deadlock/);
		assert.ok(lines.some(l => l.includes('! deadlock: no task can run · Worker-3 waits on event#3')), lines.join('\n'));
	});

	it('names what a deadlocked task waits on as the panels do, not by its id', async () => {
		const {events: run} = await runLesson('deadlock:opposite', {seed: 2});
		const rec = new Recording();
		for (const e of run) rec.push(e);
		const alert = alertOf(frameAt(run, rec.last, {status: 'deadlock'})) ?? '';
		assert.match(alert, /^deadlock: no task can run · MainProcess waits on exit: join Process-1, Process-2 · Process-1 waits on B \(held by Process-2\) · Process-2 waits on A \(held by Process-1\)$/);
	});

	it('gives a CPU lesson its panel below the tasks: the policy in the header, the MLFQ queues, the Gantt chart, the jobs with their averages', async () => {
		const {module, label} = resolveScenario('mlfq');
		const scenario = await loadScenario(module, label);
		const {events: run} = await runLesson('mlfq', {lines: false, busyMs: 60_000, busyKillMs: 0});
		const rec = new Recording();
		for (const e of run) rec.push(e);
		const settings: Frame['settings'] = {variant: 'mlfq', seed: 1, policy: 'random', free: false, options: {}};
		const end = draw(frameAt(run, rec.last, {scenario, settings, status: 'ended'}), 110, 40);
		fits(end, 110, 40);
		const text = end.join('\n');
		assert.match(end[0]!, /mlfq:mlfq · random · mlfq q=1,2,4 · 1 core/);
		assert.match(text, /─ CPU .* mlfq q=1,2,4 · 1 core · t=17 ─/);
		assert.match(text, /^Q0 q=1 /m);
		assert.match(text, /^Q2 q=4 /m);
		assert.match(text, /^core 0 \|A/m, 'the Gantt chart starts with A');
		assert.match(text, /^ +job +arrive asked start finish wait turn resp$/m);
		assert.match(text, /^ +avg .* 2 +9 /m, 'the averages the lesson asserts: waiting 2, turnaround 9');
		assert.ok(text.includes('─ Output'), 'the output keeps its place');
		// A small screen has no CPU panel but stays whole; a lesson without work() has none at all.
		assert.ok(!draw(frameAt(run, rec.last, {scenario, settings}), 70, 20).join('\n').includes('─ CPU'));
		assert.ok(!draw(frameAt(events, 9), 110, 40).join('\n').includes('─ CPU'));
	});

	it('numbers the tasks when the viewer is the scheduler', () => {
		const f = frameAt(events, 9, {manual: true, status: 'pick', selected: 'MainProcess'});
		const lines = draw(f, 100, 30);
		assert.ok(lines.some(l => /^ >1 MainProcess/.test(l)), lines.join('\n'));
		assert.match(lines.at(-1)!, /1-9 select/);
	});
});

describe('App', {timeout: 120_000}, () => {
	it('turns keys into commands on a real run: n, ←, ?, and q or Ctrl-C to quit', async () => {
		const {module, label} = resolveScenario('ktv');
		const scenario = await loadScenario(module, label);
		let quits = 0;
		const {lastFrame, stdin, unmount} = render(<App init={{scenario, lang: 'zh', paused: true}} onQuit={() => quits++} columns={100} rows={30} />);
		const screen = () => strip(lastFrame() ?? '');
		const until = async (ok: (s: string) => boolean, what: string) => {
			const end = Date.now() + 60_000;
			while (!ok(screen())) {
				if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${screen()}`);
				await new Promise(r => setTimeout(r, 20));
			}
			return screen();
		};
		// Asked for in Chinese, the UI's words are Chinese too, not only the lesson's.
		const zero = await until(s => /⏸ 已暂停 · 步数 0\b/.test(s), 'step 0');
		assert.match(zero, /^KTV：信号量/, 'the title in the language asked for');
		stdin.write('n');
		await until(s => /步数 1\b/.test(s), 'step 1');
		stdin.write('nn');
		await until(s => /步数 3\b/.test(s), 'two steps typed at once');
		stdin.write('\x1b[D');
		await until(s => /步数 2\b/.test(s), 'back with ←');
		stdin.write('?');
		await until(s => s.includes('（按任意键关闭帮助）'), 'the help');
		stdin.write('\x1b');
		await until(s => !s.includes('（按任意键关闭帮助）'), 'the help closed');
		stdin.write('q');
		stdin.write('\x03');
		assert.equal(quits, 2);
		unmount();
	});
});
