/**
 * Frames of the scheduling panels (ink-testing-library): the ready queue(s)
 * in order with each MLFQ queue and its slice, the Gantt chart per core, the
 * jobs' figures with averages, the state diagram; from a hand-made trace
 * (exact frames) and from real runs of the lessons.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {EventBody, TraceEvent} from '../source/engine/trace.js';
import {reduce} from '../source/view/reducer.js';
import {schedulingView, type SchedulingView} from '../source/view/scheduling.js';
import {runLesson as runLessonRaw, type Ran} from './helpers/run.js';

/** A run that a loaded machine cannot upset: no worker is reported or killed for being slow to boot. */
function runLesson(spec: string, request: Parameters<typeof runLessonRaw>[1] = {}): Promise<Ran> {
	return runLessonRaw(spec, {lines: false, busyMs: 60_000, busyKillMs: 0, ...request});
}

// Colours are decided when chalk is first imported: ask for them before Ink is loaded, so the
// frames carry them when the theme has colour on (text assertions strip them).
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {SchedulingPanel} = await import('../source/ui/SchedulingPanel.js');
const {SchedulingStates} = await import('../source/ui/SchedulingStates.js');
const {ThemeContext} = await import('../source/ui/theme.js');

const ANSI = /\u001B\[[0-9;]*m/g;
/** A foreground or background colour (bold and dim are not colours: NO_COLOR keeps them). */
const COLOUR = /\u001B\[(?:3[0-7]|4[0-7]|9[0-7]|10[0-7])(?:;[0-9]+)*m/;

/** The last frame drawn, as text (colours stripped unless `raw`). */
function frame(node: React.ReactElement, color = false, raw = false): string {
	const {lastFrame, unmount} = render(<ThemeContext.Provider value={{color}}>{node}</ThemeContext.Provider>);
	const out = lastFrame() ?? '';
	unmount();
	return raw ? out : out.replace(ANSI, '');
}

/** A trace from bodies, stamped with increasing steps and the given times. */
function trace(...items: [number, EventBody][]): TraceEvent[] {
	return items.map(([time, body], step) => ({step, time, ...body}) as TraceEvent);
}

const run: EventBody = {kind: 'run', scenario: 't', variant: 'v', seed: 1, policy: 'fifo', sched: 'mlfq q=1,2,4', cores: 2, mode: 'controlled', options: {}};
const task = (name: string): EventBody => ({kind: 'task', task: name, pid: 1, ppid: 0, process: name, thread: false, daemon: false, target: 'job', state: 'new'});

/** A: 4 units from 0; B: 1 unit from 0; C: 2 units from 1, preempting A on core 0 at 1 (MLFQ, two cores). At t = 2. */
const small = trace(
	[0, run],
	[0, task('A')],
	[0, task('B')],
	[0, task('C')],
	[0, {kind: 'state', task: 'A', state: 'ready', on: 'cpu', left: 4, why: 'request'}],
	[0, {kind: 'state', task: 'B', state: 'ready', on: 'cpu', left: 1, why: 'request'}],
	[0, {kind: 'state', task: 'A', state: 'running', on: 'cpu', core: 0, left: 4, until: 1}],
	[0, {kind: 'state', task: 'B', state: 'running', on: 'cpu', core: 1, left: 1, until: 1}],
	[1, {kind: 'state', task: 'B', state: 'ready'}],
	[1, {kind: 'state', task: 'A', state: 'ready', on: 'cpu', left: 3, why: 'slice'}],
	[1, {kind: 'state', task: 'C', state: 'ready', on: 'cpu', left: 2, why: 'request'}],
	[1, {kind: 'state', task: 'C', state: 'running', on: 'cpu', core: 0, left: 2, until: 2}],
	[1, {kind: 'state', task: 'A', state: 'running', on: 'cpu', core: 1, left: 3, until: 3}],
	[1, {kind: 'state', task: 'B', state: 'done'}],
	[1, {kind: 'cpu', sched: 'mlfq q=1,2,4', queues: [{quantum: 1, tasks: []}, {quantum: 2, tasks: []}, {quantum: 4, tasks: []}]}],
	[2, {kind: 'state', task: 'C', state: 'ready', on: 'cpu', left: 1, why: 'slice'}],
	[2, {kind: 'cpu', sched: 'mlfq q=1,2,4', queues: [{quantum: 1, tasks: []}, {quantum: 2, tasks: ['C']}, {quantum: 4, tasks: []}]}],
);

function viewOf(events: TraceEvent[], upto = events.length): SchedulingView {
	const v = schedulingView(reduce(events, upto));
	assert.ok(v);
	return v;
}

describe('the scheduling view', () => {
	it('derives queues, cores, the Gantt chart and the figures from the trace', () => {
		const v = viewOf(small);
		assert.equal(v.sched, 'mlfq q=1,2,4');
		assert.deepEqual(v.queues, [
			{label: 'Q0', quantum: 1, tasks: []},
			{label: 'Q1', quantum: 2, tasks: ['C']},
			{label: 'Q2', quantum: 4, tasks: []},
		]);
		assert.deepEqual(v.running, [undefined, {job: 'A', left: 2, since: 1}]);
		assert.deepEqual(v.gantt, [
			[
				[0, 1, 'A'],
				[1, 2, 'C'],
			],
			[
				[0, 1, 'B'],
				[1, 2, 'A'],
			],
		]);
		assert.deepEqual(
			v.jobs.map(j => [j.job, j.os, j.arrival, j.burst, j.served, j.start, j.finish, j.waiting, j.turnaround, j.response]),
			[
				['A', 'running', 0, 4, 2, 0, undefined, 0, undefined, 0],
				['B', 'done', 0, 1, 1, 0, 1, 0, 1, 0],
				['C', 'ready', 1, 2, 1, 1, undefined, 0, undefined, 0],
			],
		);
		assert.deepEqual(v.average, {waiting: 0, turnaround: 1, response: 0});
		assert.deepEqual(v.states, {new: [], ready: ['C'], running: ['A'], blocked: [], done: ['B']});
	});

	it('is undefined before any task asks for the CPU', () => {
		assert.equal(schedulingView(reduce(small, 4)), undefined);
	});
});

describe('the scheduling panel', () => {
	it('draws cores, each MLFQ queue with its slice, the Gantt chart and the figures', () => {
		const out = frame(<SchedulingPanel view={viewOf(small)} width={60} />);
		assert.equal(
			out,
			[
				'─ CPU ─────────────────────── mlfq q=1,2,4 · 2 cores · t=2 ─',
				'core 0  idle',
				'core 1  ▶ A (2 left)',
				'Q0 q=1  (empty)',
				'Q1 q=2  C',
				'Q2 q=4  (empty)',
				'core 0 |A  |C',
				'core 1 |B  |A',
				'       0   1   2',
				'  job arrive asked start finish wait turn resp',
				'▶ A        0     4     0      -    0    -    0',
				'✓ B        0     1     0      1    0    1    0',
				'○ C        1     2     1      -    0    -    0',
				'  avg                              0    1    0',
			].join('\n'),
		);
	});

	it('shows an empty panel before any CPU work', () => {
		assert.match(frame(<SchedulingPanel view={undefined} width={40} />), /no CPU work yet/);
	});

	it('paints each job in its colour, and nothing under NO_COLOR', () => {
		const v = viewOf(small);
		const colored = frame(<SchedulingPanel view={v} width={60} />, true, true);
		assert.match(colored, COLOUR);
		assert.doesNotMatch(frame(<SchedulingPanel view={v} width={60} />, false, true), COLOUR);
		const text = (f: string) => f.replace(ANSI, '').replace(/ +$/gm, '');
		assert.equal(text(colored), text(frame(<SchedulingPanel view={v} width={60} />)), 'the same text either way');
	});

	it('keeps within a narrow width and cuts the job table to the rows it is given', () => {
		const out = frame(<SchedulingPanel view={viewOf(small)} width={30} jobRows={1} />);
		for (const line of out.split('\n')) assert.ok(line.length <= 30, `too wide: ${line}`);
		assert.match(out, /… 2 more/);
	});
});

describe('the panels on real runs', () => {
	it('mlfq: A sinks to Q2, C preempts it at 6; the averages are 2 and 9', async () => {
		const {events} = await runLesson('mlfq', {lines: false});
		const at6 = events.findIndex(e => e.kind === 'cpu' && e.time === 6);
		const mid = frame(<SchedulingPanel view={viewOf(events, at6 + 1)} width={70} />);
		assert.match(mid, /core 0 +▶ C/);
		assert.match(mid, /Q2 q=4 +A/);
		const end = frame(<SchedulingPanel view={viewOf(events)} width={70} />);
		assert.match(end, /core 0 \|A \|B \|A    \|B \|A \|C \|B \|C \|A$/m);
		assert.match(end, /avg +2 +9 +0$/m);
	});

	it('round-robin: one ready queue, in the order jobs will run', async () => {
		const {events} = await runLesson('round-robin', {lines: false});
		const at2 = events.findIndex(e => e.kind === 'cpu' && e.time === 2);
		const out = frame(<SchedulingPanel view={viewOf(events, at2 + 1)} width={70} />);
		assert.match(out, /core 0 +▶ B/);
		assert.match(out, /ready q=2 +C A$/m);
	});

	it('states: the diagram counts each move and names the latest', async () => {
		const {events} = await runLesson('states', {lines: false});
		const v = viewOf(events);
		const out = frame(<SchedulingStates view={v} width={80} />);
		assert.match(out, /dispatch 8 ▶/);
		assert.match(out, /◀ timeout 2/);
		assert.match(out, /I\/O done 3/);
		assert.match(out, /I\/O wait 3/);
		assert.match(out, /done 3/);
		assert.match(out, /latest: \w+ running → done at 12/);
	});
});
