/**
 * The Variables panel and the explanation of a break, on real runs: bank's
 * lost update (seed 3) shows the stale reads it was made of and the story
 * on its own rows; ticket's eleven processes fold alike reads; `w` goes
 * back to the step the story begins at and keeps the story on screen.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {cellWidth} from '../source/ui/cells.js';
import {barItems} from '../source/ui/KeyBar.js';
import {commandFor} from '../source/ui/keys.js';
import {layoutFor} from '../source/ui/layout.js';
import {Screen} from '../source/ui/Screen.js';
import {RunSession, type Frame} from '../source/ui/session.js';
import {storyText} from '../source/view/explain.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const sessions: RunSession[] = [];
after(async () => {
	cleanup();
	await Promise.all(sessions.map(s => s.dispose()));
});

async function recorded(spec: string, seed?: number): Promise<RunSession> {
	const [name, variant] = spec.split(':');
	const {module, label} = resolveScenario(name!);
	const scenario = await loadScenario(module, label);
	const s = new RunSession({scenario, variant, seed, lang: 'en', paused: true}, () => {});
	sessions.push(s);
	const end = Date.now() + 120_000;
	while (!s.frame().recorded) {
		if (Date.now() > end) throw new Error(`${spec}: not recorded after 120 s`);
		await new Promise(r => setTimeout(r, 20));
	}
	return s;
}

function draw(f: Frame, columns: number, rows: number): string[] {
	const {lastFrame, unmount} = render(<Screen frame={f} columns={columns} rows={rows} />);
	const lines = strip(lastFrame() ?? '').split('\n');
	unmount();
	assert.equal(lines.length, rows - 1, 'one row short of the terminal');
	for (const line of lines) assert.ok(cellWidth(line) <= columns, `too wide: ${line}`);
	return lines;
}

/** The first step at which an explanation is in view. */
function breakStep(s: RunSession): number {
	for (let pos = 0; pos <= s.frame().last; pos++) {
		s.goto(pos);
		if (s.frame().why) return pos;
	}
	throw new Error('no explanation in the run');
}

describe('Variables panel and the story of a break', {timeout: 300_000}, () => {
	it('bank:unsafe seed 3: after the lost store, the stale read is marked with the value now, and the story is told whole', async () => {
		const s = await recorded('bank:unsafe', 3);
		const at = breakStep(s);
		const f = s.frame();
		const why = f.why!;
		assert.equal(why.story.kind, 'lost-update');
		for (const [columns, rows] of [[120, 36], [100, 30]] as const) {
			const lines = draw(f, columns, rows);
			const text = lines.join('\n');
			assert.ok(lines.some(l => l.includes('─ Variables')), text);
			assert.match(text, /num = \d+/, 'the variable and its value now');
			// The task whose write was lost read a value that the other one's store has since replaced.
			const stale = lines.find(l => /⚠ Process-\d read \d+ · now \d+/.test(l));
			assert.ok(stale, `a stale read, marked, with the value now:\n${text}`);
			// The story on rows of its own below the alert, not cut: its last words are on screen.
			const story = storyText(why.story, 'en');
			const flat = lines.map(l => l.trim()).join(' ');
			assert.ok(flat.includes(story), `the whole story at ${columns}×${rows}:\n${text}`);
			assert.match(text, /! invariant broken: /, 'the alert line is kept');
			assert.match(lines.at(-1)!, /w why/, 'w is in the key bar while a story is on screen');
		}
		// Before the break: no story, and no w in the bar.
		s.goto(at - 1);
		const before = draw(s.frame(), 100, 30);
		assert.doesNotMatch(before.at(-1)!, /w why/);
	});

	it('ticket:unsafe: eleven processes fold alike reads, the stale ones marked', async () => {
		const s = await recorded('ticket:unsafe');
		breakStep(s);
		const f = s.frame();
		for (const [columns, rows] of [[120, 36], [100, 30]] as const) {
			const lines = draw(f, columns, rows);
			const text = lines.join('\n');
			assert.match(text, /data\.json = \{"ticket_num": 0\}/, text);
			assert.ok(lines.some(l => /⚠ (Process-\d+|\d+ tasks) read \{"ticket_num": 1\}/.test(l)), `a stale read of the file:\n${text}`);
			assert.ok(lines.some(l => /⚠ \d+ tasks read \{"ticket_num": 1\} · stale/.test(l)), `alike readers folded into one row:\n${text}`);
		}
	});

	it('w goes back to the step the story begins at, pauses, and keeps the story on screen there', async () => {
		const s = await recorded('bank:unsafe', 3);
		const at = breakStep(s);
		const why = s.frame().why!;
		assert.ok(why.from < at);
		s.setPlaying(true);
		s.command({name: 'why'});
		const f = s.frame();
		assert.equal(f.pos, why.from, 'the cursor is at step from');
		assert.equal(f.status, 'paused');
		assert.equal(f.why?.from, why.from, 'the story stays while walking to the break');
		assert.match(draw(f, 100, 30).at(-1)!, /w why/);
		// Before the story began, no story.
		s.goto(why.from - 1);
		assert.equal(s.frame().why, undefined);
	});

	it('a lesson without shared variables has no Variables panel', async () => {
		const s = await recorded('ktv:unsafe');
		s.goto(s.frame().last);
		const lines = draw(s.frame(), 100, 30);
		assert.ok(!lines.some(l => l.includes('─ Variables')), lines.join('\n'));
	});
});

describe('the w key and the story rows', () => {
	it('w is why, in the key bar only while a story is on screen', () => {
		assert.deepEqual(commandFor('w'), {name: 'why'});
		assert.ok(!barItems(false, 100).some(i => i.label === 'w'));
		assert.ok(barItems(false, 100, true).some(i => i.label === 'w' && i.word === 'why'));
	});

	it('a story takes its rows from the panels for the caption, and none without one', () => {
		for (const [c, r] of [[120, 36], [100, 30], [80, 24], [70, 20]] as const) {
			const plain = layoutFor(c, r, 3);
			assert.deepEqual(layoutFor(c, r, 3, 0, 0), plain);
			const told = layoutFor(c, r, 3, 0, 2);
			assert.equal(told.caption, plain.caption + 2, `${c}×${r}`);
		}
	});
});
