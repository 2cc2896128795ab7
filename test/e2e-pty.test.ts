/**
 * End to end: the built CLI in a real pseudo-terminal, read through a real
 * terminal emulator, driven by key presses as a person would.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {KEYS, Tty, stepOf, taskRows} from './e2e-terminal.js';

const BADGE = /(·|○|▶|■|✓) (new|ready|running|blocked|done)\b/;
const open: Tty[] = [];
after(() => {
	for (const t of open) t.kill();
});

function start(args: string[], options?: ConstructorParameters<typeof Tty>[1]): Tty {
	const t = new Tty(args, options);
	open.push(t);
	return t;
}

/** The header's step, once the whole run is recorded (`step 3/44`), so the screen no longer changes by itself. */
const atStep = (n: number) => (s: string) => new RegExp(`· step ${n}/\\d+ `).test(s) && !s.includes('rerunning');

async function quit(t: Tty): Promise<void> {
	t.press('q');
	const {exitCode} = await t.exited;
	assert.equal(exitCode, 0);
	const shown = t.raw.lastIndexOf('\x1b[?25h');
	assert.ok(shown > t.raw.lastIndexOf('\x1b[?25l'), 'the cursor is shown last');
	assert.ok(t.raw.lastIndexOf('\x1b[?1049l') > t.raw.lastIndexOf('\x1b[?1049h'), 'the alternate screen is left');
}

describe('conc-tui in a real terminal', {timeout: 300_000}, () => {
	it('ktv --paused: step 0 with every task new or ready; n steps, ← comes back to the same screen; m, a digit and Enter run the chosen task; resize; q', async () => {
		const t = start(['ktv', '--paused']);
		let screen = await t.waitFor(atStep(0), 'step 0, paused');
		assert.match(screen, /⏸ paused/);
		const rows0 = taskRows(screen);
		assert.ok(rows0.length >= 1, screen);
		for (const row of rows0) assert.match(row, /(· new|○ ready)/, `at step 0 every task is new or ready: ${row}`);
		assert.match(rows0.join('\n'), /MainProcess/);

		t.press('n');
		const step1 = await t.waitFor(atStep(1), 'step 1');
		assert.match(step1, /MainProcess ran/);
		t.press('n');
		screen = await t.waitFor(atStep(2), 'step 2');
		assert.notEqual(screen, step1);
		t.press(KEYS.left);
		await t.waitFor(atStep(1), 'back to step 1');
		assert.equal(await t.settled(), step1, '← shows the very screen step 1 showed');

		// Take the scheduler's place: every task gets its number; a ready one's digit selects it, Enter runs it.
		t.press('n');
		await t.waitFor(atStep(2), 'step 2 again');
		t.press('m');
		screen = await t.waitFor(s => s.includes('? your pick') && /step 2\b/.test(s) && !s.includes('rerunning'), 'manual mode at step 2');
		const rows = taskRows(screen).filter(r => BADGE.test(r) && !/^\s{4}/.test(r));
		const numbered = rows.map(r => /^[»• ]([> ])(\d) (\S+)/.exec(r)).filter(m => m !== null);
		assert.ok(numbered.length === rows.length && rows.length >= 2, `every task row has a number:\n${screen}`);
		const pickable = numbered.find(m => m[1] === ' ' && taskRows(screen).find(r => r.includes(` ${m[3]} `))!.includes('○ ready'));
		assert.ok(pickable, `a ready task besides the selected one:\n${screen}`);
		const chosen = pickable[3]!;
		t.press(pickable[2]!);
		await t.waitFor(s => taskRows(s).some(r => new RegExp(`^.>${pickable[2]} ${chosen} `).test(r)), `${chosen} selected`);
		t.press(KEYS.enter);
		screen = await t.waitFor(s => s.includes(`${chosen} ran`) && /step 3\b/.test(s), `${chosen} to run at step 3`);
		const row = taskRows(screen).find(r => r.includes(` ${chosen} `))!;
		assert.ok(row.startsWith('»'), `the chosen task is marked as the one that ran: ${row}`);

		// A small window: the compact layout (tasks, output, keys), no primitives panel.
		t.resize(60, 20);
		screen = await t.waitFor(s => !s.includes('─ Primitives') && s.includes('─ Output') && /step 3\b/.test(s), 'the compact layout');
		assert.ok(t.lines().every(l => l.length <= 60));
		assert.match(screen, new RegExp(chosen));
		assert.match(t.lines().filter(l => l.trim()).at(-1)!, /quit/, 'the key bar is the last line');
		// Back to a large one: every panel, the code pane too.
		t.resize(120, 40);
		screen = await t.waitFor(s => s.includes('─ Primitives') && s.includes('─ Code') && s.includes('─ Timeline'), 'the full layout');
		assert.equal(screen.split('\n').filter(l => l.startsWith('KTV')).length, 1, `one header, no leftovers of the old frame:\n${screen}`);

		await quit(t);
	});

	it('keeps every state readable under NO_COLOR: symbol and word, and no colour at all', async () => {
		const t = start(['ktv', '--paused', '--seed', '1'], {env: {NO_COLOR: '1'}});
		await t.waitFor(atStep(0), 'step 0');
		for (let i = 0; i < 16; i++) t.press('n');
		const screen = await t.waitFor(atStep(16), 'step 16');
		const rows = taskRows(screen);
		assert.ok(rows.length >= 6, screen);
		for (const r of rows) assert.match(r, BADGE, r);
		assert.match(screen, /■ blocked on sem#1 \(4\/4 taken\)/, 'who is blocked, and on what');
		assert.ok(t.monochrome(), 'no cell has a colour');
		assert.doesNotMatch(t.raw, /\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[25])[;m]/, 'no colour escape at all');
		await quit(t);
	});

	it('Ctrl-C quits with the terminal restored and exit code 0', async () => {
		const t = start(['ktv']);
		await t.waitFor(s => stepOf(s) !== undefined && !s.includes('starting'), 'the first frame');
		t.press(KEYS.ctrlC);
		const {exitCode} = await t.exited;
		assert.equal(exitCode, 0);
		assert.ok(t.raw.lastIndexOf('\x1b[?25h') > t.raw.lastIndexOf('\x1b[?25l'));
	});

	it('SIGTERM quits with the terminal restored and exit code 0', async () => {
		const t = start(['ticket:lock', '--paused']);
		await t.waitFor(s => stepOf(s) !== undefined && !s.includes('starting'), 'the first frame');
		t.proc.kill('SIGTERM');
		const {exitCode} = await t.exited;
		assert.equal(exitCode, 0);
		assert.ok(t.raw.lastIndexOf('\x1b[?25h') > t.raw.lastIndexOf('\x1b[?25l'));
		assert.ok(t.raw.lastIndexOf('\x1b[?1049l') > t.raw.lastIndexOf('\x1b[?1049h'));
	});
});
