/**
 * The Code pane's two faces (issue 13): the lesson's Python view, the
 * default, with each task's marker on the Python line of its operation and
 * the notes on screen; and, after `t`, the lesson's own file with the
 * markers on its lines. Frames of a real run of ticket:lock.
 */
import assert from 'node:assert/strict';
import {afterEach, before, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {TraceEvent} from '../source/engine/trace.js';
import {loadScenario, resolveScenario, type LoadedScenario} from '../source/scenario/load.js';
import {codeFor} from '../source/ui/code-view.js';
import {CodePane} from '../source/ui/CodePane.js';
import {commandFor, keyName} from '../source/ui/keys.js';
import {RunSession} from '../source/ui/session.js';
import {ThemeContext} from '../source/ui/theme.js';
import {reduce} from '../source/view/reducer.js';
import type {ViewState} from '../source/view/state.js';
import {runLesson} from './helpers/run.js';

 
const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function frame(scenario: LoadedScenario, view: ViewState, mode: 'python' | 'lesson', focus: string, rows = 14, width = 90): string {
	const code = codeFor(scenario, 'lock', mode);
	const {lastFrame} = render(
		<ThemeContext.Provider value={{color: false}}>
			<CodePane code={code} view={view} focus={focus} width={width} rows={rows} />
		</ThemeContext.Provider>,
	);
	return strip(lastFrame() ?? '');
}

let ticket: LoadedScenario;
/** ticket:lock, at the first moment one client holds the lock and another waits for it. */
let view: ViewState;
let waiter: string;

before(async () => {
	const {module, label} = resolveScenario('ticket');
	ticket = await loadScenario(module, label);
	const {events} = await runLesson('ticket:lock', {seed: 1, options: {clients: 3}});
	const at = events.findIndex(e => (e.kind === 'state' || e.kind === 'gate') && e.state === 'blocked' && e.on?.startsWith('lock') === true);
	assert.ok(at > 0, 'a client blocks on the lock');
	waiter = (events[at] as TraceEvent & {task: string}).task;
	view = reduce(events, at + 1);
});

afterEach(() => cleanup());

describe('Code pane: Python', () => {
	it('is the default: the tutorial’s program, titled with the tutorial, the waiter on mutex.acquire()', () => {
		const f = frame(ticket, view, 'python', waiter);
		assert.match(f, /^─ ?Code · Python · 000 脚本之家: 进程互斥锁/);
		assert.match(f, new RegExp(`▶\\s*\\d+\\s+mutex\\.acquire\\(\\).*← .*${waiter}`));
		assert.match(f, new RegExp(`${waiter} at line \\d+`));
		assert.match(f, /t: lesson file/);
		assert.doesNotMatch(f, /#@|py:/, 'the anchors are not shown');
	});

	it('shows the notes on where the lesson departs from the tutorial below the code', () => {
		const f = frame(ticket, view, 'python', waiter, 14);
		assert.match(f, /note: 10 clients by default/);
	});

	it('puts notes that find no row in the title row', () => {
		const f = frame(ticket, view, 'python', waiter, 2, 400);
		assert.match(f.split('\n')[0]!, /10 clients by default/);
	});
});

describe('Code pane: the lesson’s own file (t)', () => {
	it('t is the key that switches', () => {
		assert.equal(commandFor(keyName('t', {}))?.name, 'code');
	});

	it('after t the session’s frame asks for the lesson file, and t again for Python', async () => {
		const s = new RunSession({scenario: ticket, lang: 'en', paused: true, options: {clients: 2}}, () => {});
		try {
			assert.equal(s.frame().code, 'python');
			s.command({name: 'code'});
			assert.equal(s.frame().code, 'lesson');
			s.command({name: 'code'});
			assert.equal(s.frame().code, 'python');
		} finally {
			await s.dispose();
		}
	});

	it('shows ticket.ts with the waiter on its acquire line', () => {
		const f = frame(ticket, view, 'lesson', waiter);
		assert.match(f, /^─ ?Code · ticket\.ts/);
		assert.match(f, new RegExp(`▶\\s*\\d+\\s+if \\(mutex\\) await mutex\\.acquire\\(\\);.*← .*${waiter}`));
		assert.match(f, /t: Python/);
		assert.doesNotMatch(f, /note:/);
	});

	it('a lesson without a Python view shows its own file, with no switch', () => {
		const own: LoadedScenario = {...ticket, python: undefined, module: 'file:///home/me/mine.js'};
		const code = codeFor(own, 'lock', 'python');
		assert.equal(code.mode, 'lesson');
		assert.equal(code.canSwitch, false);
		assert.match(code.title, /mine\.js/);
	});
});
