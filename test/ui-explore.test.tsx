/**
 * A run's schedule in the TUI: `S` shows it up to the cursor with the
 * command that replays it (and that command's schedule, run headless, is
 * the same run); a session follows a schedule given (`--schedule`); `e`
 * explores the lesson in the background, shows the report, and Enter opens
 * the shortest breaking schedule, whose end breaks the invariant; `V`
 * shows every variant on the run's seed side by side, as compare-variants
 * does.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../source/ui/App.js';
import {Screen} from '../source/ui/Screen.js';
import {exploreLines, scheduleLines} from '../source/ui/RunOverlay.js';
import type {Frame} from '../source/ui/session.js';
import {compareLoaded, variantsText} from '../source/cli/compare-variants.js';
import {runLesson} from './helpers/run.js';
import {sessionsOf, until} from './helpers/session.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const {scenario, open} = await sessionsOf('ticket:unsafe');
afterEach(cleanup);

function screen(f: Frame, columns = 100, rows = 30): string {
	const {lastFrame, unmount} = render(<Screen frame={f} columns={columns} rows={rows} />);
	const out = strip(lastFrame() ?? '');
	unmount();
	return out;
}

/** The rows between two that start with `from` and the next blank one, joined again: the overlay cuts long text into rows of the width. */
function joined(text: string, from: string): string {
	const lines = text.split('\n');
	const at = lines.findIndex(l => l.startsWith(from));
	assert.ok(at >= 0, `no '${from}' in:\n${text}`);
	const rows: string[] = [];
	for (let i = at + 1; i < lines.length && lines[i]!.trim() !== ''; i++) rows.push(lines[i]!.trimEnd());
	return rows.join('');
}

const stripPaths = (jsonl: string) => jsonl.replace(/conc-tui-[A-Za-z0-9]+/g, 'conc-tui-X');

describe('the schedule on screen (S)', {timeout: 300_000}, () => {
	it('shows the schedule up to the cursor and the replay command; run headless, it is the same run', async () => {
		const s = open({seed: 3});
		const end = await until(s, f => f.recorded, 'recorded');
		s.goto(end.last);
		s.command({name: 'schedule'});
		const f = s.frame();
		assert.equal(f.overlay?.kind, 'schedule');
		const shown = f.overlay!.kind === 'schedule' ? f.overlay! : assert.fail('a schedule overlay');
		assert.ok(shown.schedule && shown.command, JSON.stringify(shown));
		// Drawn whole, in rows of the width (40 columns: the command is longer than one row).
		const narrow = screen(f, 40, 30);
		assert.equal(joined(narrow, 'Replay it:'), shown.command);
		assert.ok(narrow.split('\n').every(l => l.length <= 40));
		assert.equal(shown.command, `conc-tui ticket:unsafe --seed 3 --schedule ${shown.schedule}`);
		const headless = await runLesson('ticket:unsafe', {seed: 3, schedule: shown.schedule});
		assert.equal(stripPaths(headless.jsonl), stripPaths(s.recording.events.map(e => JSON.stringify(e)).join('\n')), 'the same trace, event for event');
		// Any key closes it.
		s.command({name: 'step'});
		assert.equal(s.frame().overlay, undefined);
	});

	it('up to the cursor: a prefix, which replays the same first steps', async () => {
		const s = open({seed: 5});
		await until(s, f => f.recorded, 'recorded');
		s.goto(12);
		s.command({name: 'schedule'});
		const o = s.frame().overlay;
		assert.ok(o?.kind === 'schedule' && o.schedule);
		assert.equal(o.pos, 12);
		const headless = await runLesson('ticket:unsafe', {seed: 1, schedule: o.schedule});
		const granted = headless.events.flatMap(e => (e.kind === 'state' && e.choice !== undefined ? [e.task] : []));
		assert.deepEqual(granted.slice(0, 12), s.recording.choices.slice(0, 12));
	});

	it('the S key opens it in the App; in free mode it says there is none', async () => {
		const {lastFrame, stdin} = render(<App init={{scenario, variant: 'unsafe', lang: 'en', paused: true, seed: 2}} onQuit={() => {}} columns={100} rows={30} />);
		const text = () => strip(lastFrame() ?? '');
		const wait = async (ok: (t: string) => boolean, what: string) => {
			const end = Date.now() + 60_000;
			while (!ok(text())) {
				if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${text()}`);
				await new Promise(r => setTimeout(r, 20));
			}
			return text();
		};
		await wait(t => /step 0\/\d+/.test(t), 'recorded, at step 0');
		stdin.write('nnn');
		await wait(t => /step 3\/\d+/.test(t), 'step 3');
		stdin.write('S');
		const shown = await wait(t => t.includes('Replay it:'), 'the schedule overlay');
		assert.match(shown, /Schedule of this run, steps 1–3/);
		assert.match(joined(shown, 'Replay it:'), /^conc-tui ticket:unsafe --seed 2 --schedule [a-z.0-9]+$/);
		assert.doesNotMatch(shown, /seed 3/, 'S is not s (a new seed)');

		const free = open({free: true});
		await until(free, f => f.recorded, 'a free run recorded');
		free.command({name: 'schedule'});
		assert.match(screen(free.frame()), /Schedule of this run: none: free mode, the OS chose/);
	});

	it('over the intro card, S puts the card away so the overlay is seen', async () => {
		const s = open({card: true});
		await until(s, f => f.recorded, 'recorded');
		assert.equal(s.frame().card, true);
		s.command({name: 'schedule'});
		const f = s.frame();
		assert.equal(f.card, false);
		assert.match(screen(f), /Schedule of this run: none yet: no step has run/);
	});

	it('a session given a schedule follows it; restart keeps it, a new seed drops it', async () => {
		const source = open({seed: 7});
		const a = await until(source, f => f.recorded, 'seed 7 recorded');
		source.goto(a.last);
		source.command({name: 'schedule'});
		const given = source.frame().overlay;
		assert.ok(given?.kind === 'schedule' && given.schedule);
		const s = open({schedule: given.schedule});
		const b = await until(s, f => f.recorded, 'the scheduled run recorded');
		assert.deepEqual(s.recording.choices, source.recording.choices, 'seed 1 following seed 7\'s schedule runs seed 7\'s run');
		assert.equal(b.pos, 0);
		s.command({name: 'restart'});
		await until(s, f => f.recorded && !f.busy, 'restarted');
		assert.deepEqual(s.recording.choices, source.recording.choices);
		s.command({name: 'seed'});
		const c = await until(s, f => f.recorded && !f.busy, 'a new seed');
		assert.equal(c.settings.schedule, undefined);
	});
});

describe('explore from the TUI (e)', {timeout: 300_000}, () => {
	it('runs 100 schedules in the background, shows the report, and Enter opens the shortest breaking one at step 0', async () => {
		const s = open();
		await until(s, f => f.recorded, 'recorded');
		s.command({name: 'explore'});
		const going = s.frame();
		assert.equal(going.overlay?.kind, 'explore');
		assert.match(screen(going), /exploring… \d+\/100/);
		const done = await until(s, f => f.overlay?.kind === 'explore' && (f.overlay.lines !== undefined || f.overlay.error !== undefined), 'the report', 120_000);
		const o = done.overlay!.kind === 'explore' ? done.overlay! : assert.fail('explore');
		assert.equal(o.error, undefined);
		const text = screen(done, 100, 40);
		assert.match(text, /Explore ticket:unsafe · random, 100 schedules from seed 1/);
		assert.match(text, /not-oversold +breakable +\d+ of 100/);
		assert.match(text, /sold:\n +\d+ │█+ \d+/, 'the histogram of tickets sold');
		assert.match(text, /shortest breaking schedule: \d+ steps/);
		assert.match(text, /Enter: step through the shortest breaking schedule/);
		assert.ok(text.split('\n').every(l => l.length <= 100));
		assert.ok(o.shortest);
		// L: the same report, in Chinese, and back.
		s.command({name: 'language'});
		const zh = screen(s.frame(), 100, 40);
		assert.match(zh, /not-oversold +breakable +100 种里 \d+ 种/);
		assert.match(zh, /最短的出错调度：\d+ 步/);
		s.command({name: 'language'});
		assert.deepEqual(s.frame().overlay, o);
		// e again shows the same report, not a new search.
		s.command({name: 'close'});
		assert.equal(s.frame().overlay, undefined);
		s.command({name: 'explore'});
		assert.deepEqual(s.frame().overlay, o);

		s.command({name: 'choose'});
		const opened = await until(s, f => f.recorded && !f.busy && f.settings.schedule !== undefined, 'the shortest breaking schedule recorded');
		assert.equal(opened.overlay, undefined);
		assert.equal(opened.pos, 0);
		assert.equal(opened.status, 'paused');
		assert.equal(opened.settings.seed, o.shortest.seed);
		assert.equal(opened.settings.schedule, o.shortest.schedule);
		s.goto(opened.last);
		const end = s.frame();
		assert.equal(end.pos, o.shortest.steps);
		assert.equal(end.view.invariants['not-oversold']?.ok, false, 'its end breaks the invariant');
		assert.ok(end.why, 'the explanation of the break is there for w');
		s.command({name: 'why'});
		assert.ok(s.frame().pos < end.pos, 'w goes back to where the story begins');
	});
});

describe('every variant side by side from the TUI (V)', {timeout: 300_000}, () => {
	it("runs every variant on the run's seed and options in the background, and shows compare-variants' table, fitted to 100 columns, in either language", async () => {
		const s = open({seed: 2, options: {clients: 3}});
		await until(s, f => f.recorded, 'recorded');
		s.command({name: 'variants'});
		assert.equal(s.frame().overlay?.kind, 'variants');
		assert.match(screen(s.frame()), /Every variant of ticket, seed 2, side by side\n\nrunning every variant…/);
		const done = await until(s, f => f.overlay?.kind === 'variants' && (f.overlay.lines !== undefined || f.overlay.error !== undefined), 'the table', 120_000);
		const o = done.overlay!.kind === 'variants' ? done.overlay! : assert.fail('variants');
		assert.equal(o.error, undefined);
		// The CLI's comparison, in its narrow form: the same runs, the same figures.
		const cli = await compareLoaded(scenario, 'ticket', {seeds: {from: 2, to: 2}, options: {clients: 3}});
		assert.deepEqual(o.lines, variantsText(cli, false, 'en', true).split('\n'));
		const text = screen(done);
		assert.match(text, /^variant +end +not-oversold +every-sale-recorded +books-balance +outcome +steps +time$/m);
		assert.match(text, /^unsafe +completed +✗ broken\* +✗ broken\* +✗ broken\* +sold 3, left 0 +\d+ +0\.3s$/m);
		assert.match(text, /^lock +completed +✓ held +✓ held +✓ held +sold 1, left 0 +\d+ +0\.5s$/m, 'the lock: one sold, and slower');
		assert.ok(text.split('\n').every(l => l.length <= 100));
		s.command({name: 'language'});
		assert.match(screen(s.frame()), /ticket 的所有变体，种子 2，并排比较[\s\S]*lock +completed +✓ 成立/);
		s.command({name: 'language'});
		// Any key closes it; V again shows the same table without running again.
		s.command({name: 'close'});
		assert.equal(s.frame().overlay, undefined);
		s.command({name: 'variants'});
		assert.deepEqual(s.frame().overlay, o);
	});
});

describe('the overlays fitted to the screen', () => {
	const lines = ['explore bank:unsafe · random: 100 schedules, seeds 1–100', '', 'invariant    expected   broken in', 'balance-100  breakable  92 of 100 (92.0%)', '', 'balance:', ...Array.from({length: 16}, (_, i) => `  ${90 + i} │██ 1`), '', 'shortest breaking schedule: 9 steps, 1 preemption, breaks balance-100', '  (minimized from 9 steps and 3 preemptions, in 4 reruns)', `  ${'ab'.repeat(60)}`, `replay it: conc-tui bank:unsafe --seed 26 --schedule ${'ab'.repeat(60)}`];
	const o = {kind: 'explore' as const, label: 'bank:unsafe', seed: 1, done: 100, total: 100, lines, shortest: {schedule: 'ab'.repeat(60), seed: 26, steps: 9}};

	it('short of rows, the histograms give way and the shortest breaking schedule stays', () => {
		const out = exploreLines(o, 80, 20);
		assert.equal(out.length, 20);
		assert.ok(out.some(l => l.startsWith('shortest breaking schedule')), out.join('\n'));
		assert.ok(out.some(l => /^… \d+ more rows/.test(l)));
		assert.equal(out.at(-1), 'Enter: step through the shortest breaking schedule · Esc: close');
		assert.ok(out.every(l => l.length <= 80));
		// With room, every row, long ones cut into rows of the width.
		const tall = exploreLines(o, 80, 60);
		assert.ok(tall.every(l => l.length <= 80));
		assert.ok(tall.join('').includes(`--schedule ${'ab'.repeat(60)}`));
	});

	it('a schedule too long for the screen: the command alone, whole, which holds it', () => {
		const schedule = 'ab'.repeat(300);
		const shown = {kind: 'schedule' as const, pos: 600, schedule, command: `conc-tui bank:unsafe --seed 1 --schedule ${schedule}`};
		const out = scheduleLines(shown, 80, 14);
		assert.ok(out.length <= 14);
		assert.equal(joined(out.join('\n'), 'Replay it:'), shown.command);
	});
});
