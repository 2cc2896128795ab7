/**
 * Manual mode's stable task numbers and challenge mode, on real runs
 * through the viewer's session, drawn as the TUI draws them: every task
 * keeps its number, digits select (past 9 too) and the Code pane follows,
 * Enter runs only a ready task; the goal bar, its pick counter and the win
 * banner; `g` on and off; `r` to try again.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {ChallengeBar} from '../source/ui/ChallengeBar.js';
import {Screen} from '../source/ui/Screen.js';
import {RunSession, type Frame} from '../source/ui/session.js';
import {runTask, sessionsOf, typeNumber, until} from './helpers/session.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const {open} = await sessionsOf('ticket:unsafe');

function draw(f: Frame, columns: number, rows: number): string[] {
	const {lastFrame, unmount} = render(<Screen frame={f} columns={columns} rows={rows} />);
	const lines = strip(lastFrame() ?? '').split('\n');
	unmount();
	return lines;
}

const picking = (s: RunSession, what = 'a pending pick') => until(s, f => f.status === 'pick' && !f.busy, what);

/** Runs the first ready task at the live end, and waits for the step. */
async function stepFirst(s: RunSession): Promise<Frame> {
	const f = await picking(s);
	runTask(s, f.ready[0]!);
	return until(s, g => (g.pos === f.pos + 1 && !g.busy) || g.status === 'ended', `step ${f.pos + 1}`);
}

describe('stable task numbers in manual mode', {timeout: 300_000}, () => {
	it('every task keeps its number; digits select past 9, ready or not; the list scrolls and the Code pane follows; Enter runs only a ready task', async () => {
		const s = open({policy: 'manual'});
		// The main process starts its ten clients: eleven tasks.
		let f = await picking(s);
		while (f.view.order.length < 11) f = await stepFirst(s);
		f = await picking(s);
		const order = f.view.order;
		assert.equal(order.length, 11);
		// 1 then 1: task 11, the tenth client.
		typeNumber(s, order[10]!);
		f = s.frame();
		assert.equal(f.selected, order[10]);
		assert.equal(f.pos, s.frame().pos, 'a digit runs nothing');
		// A screen with room for fewer rows than tasks: the list scrolls to the selection.
		let lines = draw(f, 100, 30);
		assert.ok(lines.some(l => new RegExp(`^.>11 ${order[10]} `).test(l)), lines.join('\n'));
		assert.ok(lines.some(l => /^─ Tasks 11 .*↑/.test(l)), `scrolled: ${lines.join('\n')}`);
		// Wide and tall: the Code pane is on the selected task.
		lines = draw(f, 120, 44);
		assert.ok(lines.some(l => l.startsWith('─ Code') && l.includes(`${order[10]} at line`)), lines.join('\n'));
		// Numbers are places in creation order, on every row, ready or not.
		for (const [i, name] of order.entries()) {
			const row = lines.find(l => l.includes(` ${name} `))!;
			assert.match(row, new RegExp(`^.[> ]${String(i + 1).padStart(2)} ${name} `), row);
		}
		// 1 then 2 (there is no task 12): task 2, then Enter runs it if it is ready, else says why.
		s.command({name: 'pick', digit: 1});
		s.command({name: 'pick', digit: 2});
		assert.equal(s.frame().selected, order[1]);
		const blocked = order.find(n => f.view.tasks[n]!.state !== 'ready')!;
		typeNumber(s, blocked);
		s.command({name: 'choose'});
		const told = s.frame();
		assert.equal(told.pos, f.pos, 'nothing ran');
		assert.equal(told.hint?.kind, 'not-ready');
		lines = draw(told, 100, 30);
		assert.ok(lines.some(l => l.includes(`${blocked} is ${f.view.tasks[blocked]!.state === 'new' ? 'not started yet' : f.view.tasks[blocked]!.state}: pick a ready task`)), lines.join('\n'));
		assert.equal(draw({...told, lang: 'zh'}, 100, 30).some(l => l.includes('请选一个就绪的任务')), true);
		// The word goes with the next key; a ready task picked by its number runs.
		const ready = f.ready.at(-1)!;
		runTask(s, ready);
		assert.equal(s.frame().hint, undefined);
		const ran = await until(s, g => g.pos === f.pos + 1 && !g.busy, 'the step');
		assert.equal(ran.ran, ready);
		// Numbers do not move: the same task, the same number.
		assert.deepEqual(ran.view.order.slice(0, 11), order);
	});
});

describe('the clock as 0', {timeout: 300_000}, () => {
	it('0 selects the clock row; the task list then shows its last rows, over which the row sits', async () => {
		// Eleven tasks, and a sleep that could end: the clock is a choice at step 14.
		const s = open({policy: 'manual', schedule: 'a14'});
		s.goto(100);
		await until(s, f => f.status === 'pick' && !f.busy && f.pos === 14, 'the pick at step 14');
		s.command({name: 'pick', digit: 0});
		const f = s.frame();
		assert.equal(f.selected, '⏱ clock');
		const lines = draw(f, 100, 30);
		assert.ok(lines.some(l => /^ > 0 ⏱ clock → 0\.1s/.test(l)), lines.join('\n'));
		assert.ok(lines.some(l => / 11 Process-10 /.test(l)), `the last task is in view:\n${lines.join('\n')}`);
		assert.ok(!lines.some(l => / 1 MainProcess /.test(l)), 'scrolled down to it');
		// Enter runs the clock: time passes.
		s.command({name: 'choose'});
		const g = await until(s, g => g.pos === 15 && !g.busy, 'the time move');
		assert.equal(g.view.time, 0.1);
	});
});

describe('challenge mode', {timeout: 300_000}, () => {
	it('the goal bar counts the picks; the win banner when two clients get the one ticket; r to try again', async () => {
		const s = open({options: {clients: 2}, challenge: true});
		let f = await picking(s, 'the first pick');
		assert.equal(f.settings.policy, 'manual', 'a challenge is played as the scheduler');
		assert.deepEqual(f.challenge?.outcome, {kind: 'playing', picks: 0});
		let lines = draw(f, 100, 30);
		assert.equal(lines[3], '★ challenge: make two clients both get the one ticket · picks 0');
		assert.equal(lines.length, 29, 'the frame is as high as ever');
		for (let k = 0; k < 5; k++) f = await stepFirst(s);
		assert.match(draw(f, 100, 30)[3]!, /· picks 5$/);
		assert.match(draw({...f, lang: 'zh'}, 100, 30)[3]!, /^★ 挑战：让两个用户都抢到这唯一的一张票 · 选择 5$/);
		// The first ready task every time oversells (a20): won at the 20th pick.
		while (f.challenge?.outcome.kind === 'playing') f = await stepFirst(s);
		assert.deepEqual(f.challenge?.outcome, {kind: 'won', step: 20, picks: 20});
		// One position per step: the trace's verdicts on a step, which come only after the next pick was asked for, join their step.
		assert.equal(f.pos, 20);
		assert.equal(f.last, 20);
		lines = draw(f, 100, 30);
		assert.match(lines[3]!, /^★ you won: two clients got the one ticket, in 20 picks \(step 20\) · r to try again$/);
		assert.match(draw({...f, lang: 'zh'}, 100, 30)[3]!, /^★ 你赢了：两个用户都抢到了唯一的一张票，用了 20 次选择/);
		// r: the same challenge from step 0.
		s.command({name: 'restart'});
		f = await until(s, g => !g.busy && g.pos === 0 && g.status === 'pick', 'the restart');
		assert.deepEqual(f.challenge?.outcome, {kind: 'playing', picks: 0});
	});

	it('g turns the challenge on (manual, from step 0) and off; a variant without one says so', async () => {
		const s = open({options: {clients: 2}});
		let f = await until(s, g => g.last > 0, 'a few steps');
		assert.equal(f.challenge, undefined);
		const plain = draw(f, 100, 30);
		assert.ok(!plain.some(l => l.startsWith('★')));
		s.command({name: 'goal'});
		f = await picking(s, 'the challenge at step 0');
		assert.equal(f.pos, 0);
		assert.equal(f.settings.policy, 'manual');
		assert.equal(f.challenge?.goal.variant, 'unsafe');
		assert.ok(draw(f, 100, 30)[3]!.startsWith('★ challenge'));
		s.command({name: 'goal'});
		assert.equal(s.frame().challenge, undefined, 'g again: off');
		assert.equal(s.frame().settings.policy, 'manual', 'still the scheduler');
		s.command({name: 'goal'});
		await picking(s, 'the challenge again');
		// Handing the choice back (m) ends the challenge: it is played as the scheduler.
		s.command({name: 'manual'});
		f = await until(s, g => !g.busy && g.settings.policy !== 'manual', 'auto again');
		assert.equal(f.challenge, undefined);
		// On a variant with none: a word, no rerun.
		s.command({name: 'variant'});
		await until(s, g => !g.busy && g.settings.variant === 'lock', 'ticket:lock');
		s.command({name: 'variant'});
		await until(s, g => !g.busy && g.settings.variant === '002', 'ticket:002');
		s.command({name: 'goal'});
		f = s.frame();
		assert.equal(f.challenge, undefined);
		assert.equal(f.busy, false);
		assert.ok(draw(f, 100, 30).some(l => l.includes('ticket:002 has no challenge; these have one: ticket:unsafe, ticket:lock')));
	});
});

describe('the goal bar on a narrow screen', () => {
	it("cuts the goal's words, never the picks or the key to try again", () => {
		const goal = {variant: 'unsafe', goal: {zh: '很长的目标'.repeat(9), en: 'a very long goal '.repeat(9)}, within: 12, win: {broken: 'x'}};
		const row = (outcome: Parameters<typeof ChallengeBar>[0]['outcome'], lang: 'zh' | 'en' = 'en') => {
			const {lastFrame, unmount} = render(<ChallengeBar goal={goal} outcome={outcome} lang={lang} width={50} />);
			const text = strip(lastFrame() ?? '');
			unmount();
			return text;
		};
		assert.match(row({kind: 'playing', picks: 5, within: 12}), /^★ challenge: a very long goal .*… · picks 5\/12$/);
		assert.match(row({kind: 'playing', picks: 5, within: 12}, 'zh'), /… · 选择 5\/12$/);
		assert.match(row({kind: 'won', step: 9, picks: 9}), /^★ you won: a very long goal.*… · r to try again$/);
	});
});
