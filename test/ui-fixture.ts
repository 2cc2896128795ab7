/**
 * A hand-made trace for the UI's tests: every task state, every kind of
 * primitive, a thread (so a GIL), prints with control characters. Built as
 * trace events so the state comes from the real reducer.
 */
import type {EventBody, TraceEvent} from '../source/engine/trace.js';
import type {LoadedScenario} from '../source/scenario/load.js';
import {reduce} from '../source/view/reducer.js';
import type {ViewState} from '../source/view/state.js';
import {changesIn, describeStep} from '../source/ui/format.js';
import {Recording} from '../source/ui/recording.js';
import type {Frame} from '../source/ui/session.js';

export function trace(): TraceEvent[] {
	const events: TraceEvent[] = [];
	let step = 0;
	let time = 0;
	const e = (body: EventBody) => events.push({step, time, ...body} as TraceEvent);
	const task = (name: string, pid: number, extra: Partial<{thread: boolean; process: string}> = {}) =>
		e({kind: 'task', task: name, pid, ppid: 100, process: extra.process ?? name, thread: extra.thread ?? false, daemon: false, target: 'f', state: 'new'});
	e({kind: 'run', scenario: 'demo', variant: 'lock', seed: 7, policy: 'random', cores: 1, mode: 'controlled', options: {}});
	e({kind: 'prim', task: 'MainProcess', obj: 'file:db.json', type: 'File', name: 'db.json', content: '{"n": 1}'});
	task('MainProcess', 100);
	e({kind: 'prim', task: 'MainProcess', obj: 'lock#1', type: 'Lock'});
	e({kind: 'prim', task: 'MainProcess', obj: 'sem#2', type: 'Semaphore', value: 2, initial: 2});
	e({kind: 'prim', task: 'MainProcess', obj: 'event#3', type: 'Event'});
	e({kind: 'prim', task: 'MainProcess', obj: 'q#4', type: 'Queue', maxsize: 3});
	e({kind: 'prim', task: 'MainProcess', obj: 'value#5', type: 'Value', value: 100, typecode: 'i'});
	e({kind: 'gate', task: 'MainProcess', state: 'ready', op: 'start', obj: 'Worker-1', line: 3});
	for (const [name, pid] of [['Worker-1', 101], ['Worker-2', 102], ['Worker-3', 103], ['Worker-4', 104]] as const) {
		step++;
		e({kind: 'state', task: 'MainProcess', state: 'running', choice: 0, of: 1});
		task(name, pid);
		e({kind: 'gate', task: name, state: 'ready', op: 'acquire', obj: 'lock#1', line: 5});
		e({kind: 'gate', task: 'MainProcess', state: 'ready', op: 'start', line: 3});
	}
	task('Thread-1', 100, {thread: true, process: 'MainProcess'});
	e({kind: 'gate', task: 'Thread-1', state: 'ready', op: 'put', obj: 'q#4', arg: 'a', line: 9});
	step++;
	e({kind: 'state', task: 'Worker-1', state: 'running', choice: 1, of: 6});
	e({kind: 'op', task: 'Worker-1', op: 'acquire', obj: 'lock#1', holder: 'Worker-1'});
	e({kind: 'gate', task: 'Worker-1', state: 'ready', op: 'print', arg: 'hello', line: 6});
	step++;
	e({kind: 'state', task: 'Worker-2', state: 'running', choice: 1, of: 6});
	e({kind: 'gate', task: 'Worker-2', state: 'blocked', op: 'acquire', obj: 'lock#1', on: 'lock#1', line: 5});
	step++;
	e({kind: 'state', task: 'Worker-1', state: 'running', choice: 0, of: 5});
	e({kind: 'print', task: 'Worker-1', text: 'hello \x1b[31mred\x1b[0m'});
	e({kind: 'op', task: 'Worker-1', op: 'acquire', obj: 'sem#2', value: 1});
	e({kind: 'op', task: 'Worker-1', op: 'put', obj: 'q#4', item: 'a'});
	e({kind: 'op', task: 'Worker-1', op: 'write', obj: 'file:db.json', content: '{"n": 0}'});
	e({kind: 'gate', task: 'Worker-1', state: 'blocked', op: 'sleep', arg: '3', on: 'sleep', until: 3.2, line: 7});
	step++;
	e({kind: 'state', task: 'Worker-3', state: 'running', choice: 1, of: 4});
	e({kind: 'gate', task: 'Worker-3', state: 'blocked', op: 'wait', obj: 'event#3', on: 'event#3', line: 8});
	step++;
	time = 1;
	e({kind: 'state', task: 'Worker-4', state: 'running', choice: 1, of: 3});
	e({kind: 'print', task: 'Worker-4', text: 'two\nlines'});
	e({kind: 'state', task: 'Worker-4', state: 'done', exitcode: 0});
	step++;
	e({kind: 'state', task: 'Thread-1', state: 'running', choice: 1, of: 2});
	return events;
}

export function fixtureState(): ViewState {
	return reduce(trace());
}

export const SOURCE = ['// demo', 'export async function main() {', '  await start();', '}', '  await lock.acquire();', '  await print("hello");', '  await sleep(3);', '  await event.wait();', '  await q.put("a");'].join('\n');

export function fixtureScenario(): LoadedScenario {
	return {
		module: 'file:///demo.js',
		source: SOURCE,
		meta: {
			name: 'demo',
			title: {zh: '演示', en: 'Demo lesson'},
			summary: {zh: ['一', '二'], en: ['One.', 'Two.']},
			sources: [],
			group: 'extra',
			variants: {lock: {zh: '锁', en: 'lock'}, unsafe: {zh: '不安全', en: 'unsafe'}},
			defaultVariant: 'lock',
		},
	};
}

/** A frame at a position of a trace, as the session would take it, for the fixture lesson. */
export function frameAt(events: TraceEvent[], pos: number, extra: Partial<Frame> = {}): Frame {
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
