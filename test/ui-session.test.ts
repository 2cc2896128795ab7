/**
 * The viewer's side of a run, with real workers (the ktv lesson): stepping,
 * stepping back by re-reducing (no rerun), walking the recorded trace
 * forward again, manual picks answered by the engine's own wait, branches
 * that rerun along the recorded choices, reruns for the other keys, playback.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import type {Frame} from '../source/ui/session.js';
import {reduce} from '../source/view/reducer.js';
import {runTask, sessionsOf, until} from './helpers/session.js';

const {open} = await sessionsOf('ktv');

const snapshot = (f: Frame) => structuredClone({view: f.view, ran: f.ran, happened: f.happened, changes: f.changes, ready: f.ready});

describe('RunSession', {timeout: 300_000}, () => {
	it('starts paused at step 0 with every task new or ready', async () => {
		const s = open();
		const f = await until(s, f => f.status !== 'starting', 'step 0');
		assert.equal(f.pos, 0);
		assert.equal(f.status, 'paused');
		assert.ok(f.view.order.length >= 1);
		for (const name of f.view.order) assert.ok(['new', 'ready'].includes(f.view.tasks[name]!.state), name);
		assert.deepEqual(f.ready, ['MainProcess']);
		assert.match(f.caption?.en ?? '', /four booths/, 'step 0 shows what the lesson is about');
	});

	it('runs the CPU policy and slice asked for (--sched, --quantum), and the lesson\'s own without them', async () => {
		const sjf = await loadScenario(resolveScenario('sjf').module, 'sjf');
		const asked = open({scenario: sjf, sched: 'rr', quantum: 3});
		const own = open({scenario: sjf});
		assert.equal((await until(asked, f => f.recorded, 'rr recorded')).view.run?.sched, 'rr q=3');
		assert.equal((await until(own, f => f.recorded, 'sjf recorded')).view.run?.sched, 'sjf');
	});

	it('adds up steps asked for before the run has recorded them', async () => {
		const s = open();
		// Before the engine has recorded anything: three quick steps are three steps, not one.
		assert.equal(s.frame().last <= 0, true, 'nothing recorded yet');
		s.command({name: 'step'});
		s.command({name: 'step'});
		s.command({name: 'step'});
		const f = await until(s, f => f.recorded, 'the whole run recorded');
		assert.equal(f.pos, 3, `${f.pos}/${f.last}`);
	});

	it('steps, steps back by re-reducing the prefix, and walks the recorded trace forward again', async () => {
		const s = open();
		await until(s, f => f.recorded, 'the whole run recorded');
		s.command({name: 'step'});
		const one = s.frame();
		assert.equal(one.pos, 1);
		assert.equal(one.ran, 'MainProcess');
		const first = snapshot(one);
		const columns = one.columns;
		s.command({name: 'step'});
		s.command({name: 'step'});
		assert.equal(s.frame().pos, 3);
		s.command({name: 'back'});
		s.command({name: 'back'});
		const back = s.frame();
		assert.equal(back.pos, 1);
		assert.strictEqual(back.columns, columns, 'the same recording: no thread reran');
		assert.deepEqual(snapshot(back), first);
		assert.deepEqual(structuredClone(back.view), reduce(s.recording.events, s.recording.ends[1]));
		s.command({name: 'back'});
		s.command({name: 'back'});
		assert.equal(s.frame().pos, 0, 'no further back than step 0');
		s.command({name: 'step'});
		assert.deepEqual(snapshot(s.frame()), first, 'forward again walks the recorded trace');
	});

	it('manual: m takes the scheduler’s place at this step; a digit selects a task by its number, Enter runs it', async () => {
		const s = open();
		await until(s, f => f.recorded, 'recorded');
		s.command({name: 'step'});
		s.command({name: 'step'});
		s.command({name: 'manual'});
		const f = await until(s, f => f.status === 'pick' && !f.busy, 'a pending pick');
		assert.equal(f.pos, 2);
		assert.equal(f.settings.policy, 'manual');
		assert.ok(f.ready.length >= 2, f.ready.join());
		const chosen = f.ready[1]!;
		s.command({name: 'pick', digit: f.view.order.indexOf(chosen) + 1});
		assert.equal(s.frame().selected, chosen, 'the digit selects');
		assert.equal(s.frame().pos, 2, 'and runs nothing');
		s.command({name: 'choose'});
		const g = await until(s, f => f.pos === 3, 'step 3');
		assert.equal(g.ran, chosen);
		// Arrows and Enter pick too.
		await until(s, f => f.status === 'pick', 'the next pick');
		s.command({name: 'down'});
		const selected = s.frame().selected!;
		s.command({name: 'choose'});
		const h = await until(s, f => f.pos === 4, 'step 4');
		assert.equal(h.ran, selected);
	});

	it('manual: picks asked for faster than the engine answers add up, each to the task selected when its turn comes', async () => {
		const s = open();
		await until(s, f => f.recorded, 'recorded');
		s.command({name: 'manual'});
		await until(s, f => f.status === 'pick' && !f.busy, 'a pending pick');
		// Three steps and an Enter, pressed before the first has run: four steps, each the first ready task then.
		s.command({name: 'step'});
		s.command({name: 'step'});
		s.command({name: 'step'});
		s.command({name: 'choose'});
		const f = await until(s, f => f.pos === 4 && f.status === 'pick', 'four steps taken');
		assert.equal(f.last, 4, 'no more than asked');
		const rec = s.recording;
		for (let k = 0; k < 4; k++) {
			const view = reduce(rec.events, rec.ends[k]);
			assert.equal(rec.choices[k], view.order.find(n => view.tasks[n]!.state === 'ready'), `step ${k + 1}`);
		}
		s.command({name: 'back'});
		assert.equal(s.frame().pos, 3, 'one step back is one step back');
	});

	it('a different pick at a past step is a branch: the recorded choices up to there, then the new one', async () => {
		const s = open({policy: 'manual'});
		for (let k = 0; k < 4; k++) {
			const f = await until(s, f => f.status === 'pick' && f.pos === k, `the pick at step ${k}`);
			runTask(s, f.ready[0]!);
		}
		const at4 = await until(s, f => f.pos === 4 && f.status === 'pick', 'step 4');
		const old = [...s.recording.choices];
		s.command({name: 'back'});
		s.command({name: 'back'});
		const past = s.frame();
		assert.equal(past.pos, 2);
		// The recorded choice at this step walks on, no rerun.
		const recorded = old[2]!;
		runTask(s, recorded);
		assert.equal(s.frame().pos, 3);
		assert.strictEqual(s.frame().columns, at4.columns);
		s.command({name: 'back'});
		const other = past.ready.find(n => n !== recorded)!;
		runTask(s, other);
		const branched = await until(s, f => f.pos === 3 && !f.busy, 'the branch at step 3');
		assert.notStrictEqual(branched.columns, at4.columns, 'a new run');
		assert.equal(branched.ran, other);
		assert.deepEqual([...s.recording.choices].slice(0, 3), [...old.slice(0, 2), other]);
	});

	it('r, v, s, p, c and f rerun with what they change', async () => {
		const s = open();
		await until(s, f => f.status === 'paused', 'step 0');
		const steps: [string, (f: Frame) => boolean][] = [
			['variant', f => f.settings.variant === 'unsafe' && f.view.run?.variant === 'unsafe'],
			['seed', f => f.settings.seed === 2 && f.view.run?.seed === 2],
			['policy', f => f.settings.policy === 'fifo' && f.view.run?.policy === 'fifo'],
			['cores', f => f.view.run?.cores === 2],
			['free', f => f.settings.free && f.view.run?.mode === 'free'],
			['free', f => !f.settings.free && f.view.run?.mode === 'controlled'],
			['restart', f => f.pos === 0],
		];
		for (const [name, ok] of steps) {
			s.command({name: name as 'seed'});
			const f = await until(s, f => !f.busy && f.status !== 'starting' && ok(f), name);
			assert.equal(f.pos, 0, name);
		}
	});

	it('plays to the end at the pace asked for, keeps the last screen, and replays from the start on space', async () => {
		const s = open({paused: false, speed: 256});
		const end = await until(s, f => f.status === 'ended', 'the end');
		assert.equal(end.pos, end.last);
		assert.equal(end.view.end?.outcome, 'completed');
		assert.match(end.happened, /the run ends: completed/);
		s.command({name: 'play'});
		assert.equal(s.frame().pos, 0);
		assert.equal(s.frame().status, 'playing');
		s.command({name: 'slower'});
		assert.equal(s.frame().speed, 128);
	});

	it('help: ? opens it, any other key closes it', async () => {
		const s = open();
		s.command({name: 'help'});
		assert.ok(s.frame().help);
		s.command({name: 'step'});
		assert.ok(!s.frame().help);
		assert.equal(s.frame().pos, 0, 'the key only closed the help');
	});
});
