/**
 * What the screen draws agrees with what the program does and prints: the
 * caption belongs to the variant and moment it is shown at, a process is
 * alive until it is reaped, a pipe is drawn as a pipe, a queue's items as
 * Python writes them, and the panels say nothing that is not true.
 */
import assert from 'node:assert/strict';
import {after, afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {TraceEvent} from '../source/engine/trace.js';
import type {EventBody} from '../source/engine/trace.js';
import type {Caption} from '../source/scenario/define.js';
import {builtInNames, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {describeStep} from '../source/ui/format.js';
import {Primitives} from '../source/ui/Primitives.js';
import {Recording} from '../source/ui/recording.js';
import {TaskList} from '../source/ui/TaskList.js';
import {ThemeContext} from '../source/ui/theme.js';
import {reduce} from '../source/view/reducer.js';
import type {ViewState} from '../source/view/state.js';
import {runLesson} from './helpers/run.js';
import {trace} from './ui-fixture.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

export function frame(node: ReactElement): string {
	const {lastFrame} = render(<ThemeContext.Provider value={{color: false}}>{node}</ThemeContext.Provider>);
	return strip(lastFrame() ?? '');
}

afterEach(() => cleanup());
after(() => cleanup());

/** The captions a lesson's variant shows on its default seed, in order, each once per stretch. */
async function captionsShown(spec: string): Promise<string[]> {
	const {module, label} = resolveScenario(spec);
	const {meta} = await loadScenario(module, label);
	const rec = new Recording(meta.captions ?? []);
	const {events} = await runLesson(spec, {seed: meta.defaultSeed ?? 1});
	for (const e of events) rec.push(e);
	const shown: string[] = [];
	for (const [, i] of rec.captionAt) if (shown.at(-1) !== meta.captions![i]!.text.en) shown.push(meta.captions![i]!.text.en);
	return shown;
}

describe('captions belong to their variants', () => {
	it('a caption limited to other variants is not looked for', () => {
		const captions: Caption[] = [
			{when: e => e.kind === 'print', text: {zh: '乙', en: 'only in unsafe'}, variants: ['unsafe']},
			{when: e => e.kind === 'print', text: {zh: '甲', en: 'any variant'}},
		];
		const rec = new Recording(captions);
		const events: TraceEvent[] = trace(); // variant 'lock'
		for (const e of events) rec.push(e);
		assert.ok(rec.captionAt.length > 0);
		assert.deepEqual(new Set(rec.captionAt.map(([, i]) => i)), new Set([1]));
	});

	it('names only variants its lesson has', async () => {
		for (const name of builtInNames()) {
			const {module, label} = resolveScenario(name);
			const {meta} = await loadScenario(module, label);
			for (const c of meta.captions ?? []) for (const v of c.variants ?? []) assert.ok(v in meta.variants, `${name}: caption "${c.text.en}" names no variant of the lesson: ${v}`);
		}
	});

	it('threads: only the daemon variant ends on the daemon caption', async () => {
		for (const variant of ['function', 'subclass', 'methods']) {
			const shown = await captionsShown(`threads:${variant}`);
			assert.ok(!shown.some(t => /daemon thread$/.test(t)), `threads:${variant}: ${shown.join(' | ')}`);
			assert.match(shown.at(-1)!, /ended only once its thread had/, `threads:${variant}`);
		}
		assert.match((await captionsShown('threads:daemon')).at(-1)!, /nobody waits for a daemon thread/);
	});

	it('thread-lock:lock never says others may read n meanwhile, and ends on n being 0', async () => {
		const shown = await captionsShown('thread-lock:lock');
		assert.ok(!shown.some(t => t.includes('others may read n meanwhile')), shown.join(' | '));
		assert.match(shown.at(-1)!, /^n is 0/);
		assert.ok((await captionsShown('thread-lock:unsafe')).some(t => t.includes('others may read n meanwhile')));
	});

	it('pipe:eof has one reader: no caption of two readers racing', async () => {
		const shown = await captionsShown('pipe:eof');
		assert.ok(!shown.some(t => t.startsWith('Two readers race')), shown.join(' | '));
		assert.ok((await captionsShown('pipe:two-readers')).some(t => t.startsWith('Two readers race')));
	});
});

describe('invariants say OK only of what was seen', () => {
	it('queue-basics:as-written takes nothing out: fifo is not OK', async () => {
		const {events} = await runLesson('queue-basics:as-written');
		const fifo = events.filter(e => e.kind === 'invariant' && e.name === 'fifo');
		assert.ok(fifo.length > 0);
		assert.ok(fifo.every(e => e.kind === 'invariant' && !e.ok && e.expected === 'breakable'), JSON.stringify(fifo));
		const caught = (await runLesson('queue-basics:caught')).events.filter(e => e.kind === 'invariant' && e.name === 'fifo');
		assert.ok(caught.length > 0 && caught.every(e => e.kind === 'invariant' && e.ok));
	});
});

const prims = (view: ViewState, width = 100, rows = 12) => frame(<Primitives view={view} changed={new Set()} width={width} rows={rows} />);
const tasks = (view: ViewState, width = 100) => frame(<TaskList view={view} names={view.order} above={0} below={0} changed={new Set()} manual={false} ready={[]} width={width} />);

/** The fixture's trace with more events after it, at its last step and time. */
function more(...bodies: EventBody[]): TraceEvent[] {
	const events = trace();
	const {step, time} = events.at(-1)!;
	return [...events, ...bodies.map(b => ({step, time, ...b}) as TraceEvent)];
}

describe('a pipe is drawn as a pipe', () => {
	it('pipe:duplex: one Pipe with two ends, its operations send and recv on an end', async () => {
		const {events} = await runLesson('pipe:duplex', {seed: 1});
		const blocked = events.findIndex(e => e.kind === 'gate' && e.task === 'MainProcess' && e.state === 'blocked');
		assert.ok(blocked > 0);
		const view = reduce(events, blocked + 1);
		const p = prims(view);
		assert.match(p, /pipe#1 Pipe\(\) \[1\]→\[0\] \[\] · \[0\]→\[1\] \[/);
		assert.doesNotMatch(p, /Queue|q#\d/);
		assert.match(tasks(view), /MainProcess .*on pipe#1\[0\]\.recv \(nothing sent yet\)/);
		const sent = events.findIndex(e => e.kind === 'op' && e.op === 'put');
		assert.match(describeStep(events, sent, sent + 1, reduce(events, sent + 1)), /^MainProcess send pipe#1\[0\] '你好'/);
		const got = events.findIndex(e => e.kind === 'op' && e.op === 'get');
		assert.match(describeStep(events, got, got + 1, reduce(events, got + 1)), /^Process-1 recv pipe#1\[1\] '你好'/);
		const end = prims(reduce(events));
		assert.match(end, /pipe#1 Pipe\(\)/);
	});

	it('pipe:eof: a closed copy is said, per end and process; EOFError is a recv', async () => {
		const {events} = await runLesson('pipe:eof', {seed: 1});
		const eof = events.findIndex(e => e.kind === 'op' && e.op === 'get-eof');
		const view = reduce(events, eof + 1);
		assert.match(prims(view, 100), /closed: \[0\] in Process-1 MainProcess · \[1\] in MainProcess/);
		assert.match(describeStep(events, eof, eof + 1, view), /recv pipe#1\[1\]: EOFError/);
	});
});

describe("a Value's own lock", () => {
	const valued = (...bodies: EventBody[]) =>
		reduce(
			more(
				{kind: 'prim', task: 'MainProcess', obj: 'value#9', type: 'Value', value: 100, typecode: 'i'},
				{kind: 'prim', task: 'MainProcess', obj: 'rlock#1', type: 'RLock', of: 'value#9'},
				...bodies,
			),
		);

	it('is not drawn until it is used', () => {
		const p = prims(valued(), 100, 20);
		assert.match(p, /value#9 Value\('i'\) = 100/);
		assert.doesNotMatch(p, /rlock#1/);
	});

	it('once used, is drawn as the Value\'s lock, in the panel and the task list', () => {
		const view = valued({kind: 'op', task: 'Worker-3', op: 'acquire', obj: 'rlock#1', holder: 'Worker-3', depth: 1});
		const p = prims(view, 100, 20);
		assert.match(p, /value#9\.lock RLock held by Worker-3/);
		assert.doesNotMatch(p, /rlock#1/);
		const again = valued({kind: 'state', task: 'Worker-2', state: 'running', choice: 0, of: 2}, {kind: 'gate', task: 'Worker-2', state: 'blocked', op: 'acquire', obj: 'rlock#1', on: 'rlock#1'});
		assert.match(tasks(again), /Worker-2 .*on value#9\.lock/);
		assert.match(prims(again, 100, 20), /value#9\.lock RLock free/);
	});

	it('bank:unsafe never draws an unexplained rlock', async () => {
		const {events} = await runLesson('bank:unsafe');
		assert.doesNotMatch(prims(reduce(events)), /rlock/);
	});
});

describe('the panels write Python values and round times', () => {
	it("producer-consumer: a queue's items are written as the prints write them, ('肉包', 0)", async () => {
		const {events} = await runLesson('producer-consumer:sentinel');
		const put = events.findIndex(e => e.kind === 'op' && e.op === 'put');
		const view = reduce(events, put + 1);
		const item = (events[put] as unknown as {item: string}).item;
		assert.match(item, /^\('(煎饼|肉包|豆浆)', 0\)$/);
		assert.ok(view.output.some(l => l.text.endsWith(item)), 'printed as it is drawn');
		assert.ok(prims(view, 120).includes(`[${item}]`), prims(view, 120));
	});

	it('states and the CPU lessons: the results queue holds tuples, (waiting, turnaround), as their Python puts them', async () => {
		for (const lesson of ['states', 'fcfs', 'sjf', 'round-robin', 'mlfq', 'parallel']) {
			const {events} = await runLesson(lesson);
			const put = events.find(e => e.kind === 'op' && e.op === 'put') as {item: string} | undefined;
			assert.match(put?.item ?? '', /^\(\d+(\.\d+)?, \d+(\.\d+)?\)$/, lesson);
		}
	});

	it('a sleep of many decimals is drawn to three in the task list; the trace keeps it whole', () => {
		const events = more({kind: 'gate', task: 'Worker-3', state: 'ready', op: 'sleep', arg: '0.9139031558297575', line: 7});
		const t = tasks(reduce(events));
		assert.match(t, /Worker-3 .*at sleep 0\.914(\s|$)/);
		assert.doesNotMatch(t, /0\.9139/);
		const kept = more({kind: 'gate', task: 'Worker-3', state: 'ready', op: 'put', obj: 'q#4', arg: '0.9139031558297575', line: 9});
		assert.match(tasks(reduce(kept)), /put q#4 0\.9139031558297575/, 'data is drawn as it is');
	});
});

describe('the primitives panel says what is true', () => {
	it('a free GIL with threads ready says they wait for it', () => {
		// Thread-1 ran and blocked: the GIL is free, MainProcess's main thread and a new thread are ready.
		const view = reduce(
			more(
				{kind: 'task', task: 'Thread-2', pid: 100, ppid: 100, process: 'MainProcess', thread: true, daemon: false, target: 'f', state: 'new'},
				{kind: 'gate', task: 'Thread-2', state: 'ready', op: 'print', arg: 'x'},
				{kind: 'gate', task: 'Thread-1', state: 'blocked', op: 'sleep', arg: '1', on: 'sleep', until: 2},
			),
		);
		const p = prims(view, 120, 20);
		assert.match(p, /GIL MainProcess free · 2 waiting for it/);
		assert.match(p, /waiting: MainProcess Thread-2/);
	});

	it('says (none) once a run without primitives has ended, (none yet) before', () => {
		const run: TraceEvent[] = [
			{step: 0, time: 0, kind: 'run', scenario: 'demo', variant: 'lock', seed: 1, policy: 'random', cores: 1, mode: 'controlled', options: {}},
			{step: 0, time: 0, kind: 'task', task: 'MainProcess', pid: 1, ppid: 0, process: 'MainProcess', thread: false, daemon: false, target: 'main', state: 'new'},
		];
		assert.match(prims(reduce(run)), /\(none yet\)/);
		const ended = [...run, {step: 1, time: 0, kind: 'end', outcome: 'completed', steps: 1} as TraceEvent];
		const f = prims(reduce(ended));
		assert.match(f, /\(none\)/);
		assert.doesNotMatch(f, /none yet/);
	});
});

describe('a terminated child is drawn as its parent sees it', () => {
	it('terminate: alive (SIGTERM sent) until is_alive() reaps it, while is_alive() prints True', async () => {
		const {events} = await runLesson('terminate:terminate');
		const printedTrue = events.findIndex(e => e.kind === 'print' && e.text.endsWith('True'));
		const reaped = events.findIndex(e => e.kind === 'reap');
		assert.ok(printedTrue > 0 && reaped > printedTrue);
		const signalled = events.findIndex(e => e.kind === 'state' && e.task === 'Process-1' && e.state === 'done');
		assert.ok(signalled < printedTrue, 'the engine ends the child before the print that says it is alive');
		for (const upto of [signalled + 1, printedTrue + 1, reaped]) {
			const row = tasks(reduce(events, upto)).split('\n').find(l => l.includes('Process-1'))!;
			assert.match(row, /↯ alive\s+SIGTERM sent · alive until reaped by MainProcess/, row);
			assert.doesNotMatch(row, /☠|exit -15/, row);
		}
		const after = tasks(reduce(events, reaped + 1)).split('\n').find(l => l.includes('Process-1'))!;
		assert.match(after, /✓ done\s+exit -15 · reaped by MainProcess \(is_alive\)/);
		// The timeline draws it alive too, and the step says it got the signal, not that it ended.
		const rec = new Recording();
		for (const e of events) rec.push(e);
		const lane = rec.columns.map(c => c[1]).join('');
		assert.doesNotMatch(lane, /z/);
		assert.match(lane, /k+d/);
		assert.match(describeStep(events, signalled, signalled + 1, reduce(events, signalled + 1)), /Process-1 gets SIGTERM \(alive to MainProcess until reaped\)/);
	});

	it('terminate: the SIGTERM caption comes when the parent learns of it, after is_alive() said True', async () => {
		const shown = await captionsShown('terminate:terminate');
		assert.ok(shown.indexOf('terminate() was just sent: at that moment is_alive() was still True') < shown.findIndex(t => t.startsWith('The child is killed by SIGTERM')), shown.join(' | '));
		for (const variant of ['holding-lock', 'children']) assert.ok(!(await captionsShown(`terminate:${variant}`)).some(t => t.includes('123')), variant);
	});
});

describe('the CPU panel, the job table, the diagram and the task list agree', () => {
	it('states at t=4: a job whose burst is over is on its core still; one back from I/O is ready everywhere', async () => {
		const {SchedulingPanel} = await import('../source/ui/SchedulingPanel.js');
		const {schedulingView} = await import('../source/view/scheduling.js');
		const {events} = await runLesson('states');
		// download's burst ends at 4 and editor's sleep too; the zero-time steps of that instant follow.
		const at4 = events.findIndex(e => e.kind === 'state' && e.time === 4 && e.task === 'download' && e.state === 'ready');
		const view = reduce(events, at4 + 1);
		const cpu = schedulingView(view)!;
		const panel = frame(<SchedulingPanel view={cpu} width={100} states />);
		assert.doesNotMatch(panel, /core 0 +idle/, panel);
		assert.match(panel, /core 0 +▶ download \(burst over/);
		assert.match(panel, /job +arrive asked start/);
		assert.deepEqual(cpu.states.running, ['download']);
		assert.ok(cpu.states.ready.includes('editor') && !cpu.states.blocked.includes('editor'), JSON.stringify(cpu.states));
		const rows = tasks(view).split('\n');
		assert.match(rows.find(r => r.includes('download'))!, /running on core 0 \(zero-time steps\)/);
		assert.match(rows.find(r => r.includes('editor'))!, /○ ready/);
	});
});
