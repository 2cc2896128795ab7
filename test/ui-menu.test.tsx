/**
 * The lesson menu and a lesson's intro card, as frames: the menu at 100×30
 * lists the groups of `conc-tui list` and tells the selected lesson in full;
 * the card for ktv has its title, both summary sentences, its variant, its
 * source and what to watch; space, n and i put it away and bring it back;
 * the Shell opens a lesson from the menu and comes back with l. Also the
 * command line's side: no lesson is the menu only where the CLI asks for it.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {parseArgs} from '../source/cli/args.js';
import {courseOrder, groupedLessons} from '../source/scenario/catalogue.js';
import {InputError, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {App} from '../source/ui/App.js';
import {cellWidth} from '../source/ui/cells.js';
import {cardLines, cardText, watchLines} from '../source/ui/IntroCard.js';
import {commandFor} from '../source/ui/keys.js';
import {Menu} from '../source/ui/Menu.js';
import {Shell} from '../source/ui/Shell.js';
import {wrapCells} from '../source/ui/wrap.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
/**
 * The text of a frame's rows with box borders and the list beside the details taken out, without spaces: a
 * sentence wrapped (at a space, or between two Chinese characters) is found in it as one.
 */
const words = (s: string) =>
	s
		.split('\n')
		.map(l => (/^[│╭╰]/.test(l) ? l.replace(/^[│╭╰]|[│╮╯]$/g, '') : l.replace(/^.*? │ ?/, '')))
		.join('')
		.replace(/[─\s]+/g, '');
/** `text` (from `words`) holds `s`, however it was wrapped. */
const has = (text: string, s: string) => text.includes(s.replace(/\s+/g, ''));
/** Ink attaches a new screen's key handler just after drawing it: a key typed at once would go nowhere. */
const settle = () => new Promise(r => setTimeout(r, 100));

afterEach(() => cleanup());

async function lesson(name: string) {
	const {module, label} = resolveScenario(name);
	return loadScenario(module, label);
}

async function until(screen: () => string, ok: (s: string) => boolean, what: string): Promise<string> {
	const end = Date.now() + 60_000;
	while (!ok(screen())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${screen()}`);
		await new Promise(r => setTimeout(r, 20));
	}
	return screen();
}

describe('the lesson menu', {timeout: 120_000}, () => {
	it('at 100×30: the groups of conc-tui list, every line within 100 columns, the selected lesson told in full', async () => {
		const groups = await groupedLessons();
		const ktv = (await lesson('ktv')).meta;
		const {lastFrame} = render(<Menu groups={groups} selected="ktv" lang="en" columns={100} rows={30} onSelect={() => {}} onOpen={() => {}} onQuit={() => {}} />);
		const frame = strip(lastFrame() ?? '');
		const lines = frame.split('\n');
		assert.ok(lines.length <= 30, `${lines.length} rows`);
		for (const line of lines) assert.ok(cellWidth(line) <= 100, `wider than 100: ${line}`);
		for (const heading of ['Locks', 'Semaphores and events', 'Queues and pipes', "A process's life"]) {
			assert.ok(lines.some(l => l.startsWith(heading)), `the heading ${heading}:\n${frame}`);
		}
		assert.match(frame, /› ktv +KTV: a semaphore/, 'the selected lesson is marked');
		const text = words(frame);
		for (const sentence of ktv.summary.en) assert.ok(has(text, sentence), `the summary sentence '${sentence}' in:\n${frame}`);
		assert.ok(has(text, 'from: 002 python全栈学习 day39: multiprocess模块 (Semaphore, KTV example)'), frame);
		assert.ok(has(text, 'variants: semaphore, unsafe'), frame);
		assert.match(lines.at(-1)!, /↑↓ j k move · Enter open · q quit/);
	});

	it('in Chinese, and in a narrow window (the details below the list)', async () => {
		const groups = await groupedLessons();
		const {lastFrame} = render(<Menu groups={groups} selected="bank" lang="zh" columns={60} rows={24} onSelect={() => {}} onOpen={() => {}} onQuit={() => {}} />);
		const frame = strip(lastFrame() ?? '');
		for (const line of frame.split('\n')) assert.ok(cellWidth(line) <= 60, `wider than 60: ${line}`);
		assert.match(frame, /› bank/);
		const bank = (await lesson('bank')).meta;
		assert.ok(frame.includes(bank.title.zh), frame);
	});

	it('follows the course: the lessons in the order conc-tui list prints them', async () => {
		const groups = await groupedLessons();
		const course = courseOrder(groups);
		assert.equal(course[0], 'bank');
		assert.ok(course.indexOf('ticket') < course.indexOf('ktv') && course.indexOf('ktv') < course.indexOf('ipc'));
		assert.equal(new Set(course).size, course.length);
	});
});

describe('the intro card', {timeout: 120_000}, () => {
	it('ktv: title, both summary sentences, its variant, its source, what to watch; space puts it away and plays, i brings it back', async () => {
		const scenario = await lesson('ktv');
		const {lastFrame, stdin} = render(<App init={{scenario, lang: 'en', card: true}} onQuit={() => {}} columns={100} rows={30} />);
		const screen = () => strip(lastFrame() ?? '');
		const card = await until(screen, s => /· step 0\/\d+/.test(s), 'the card, the run recorded');
		assert.match(card, /^ktv:semaphore · ⏸ paused · step 0\//, 'paused at step 0');
		const text = words(card);
		assert.ok(has(text, 'KTV: a semaphore'), card);
		for (const sentence of scenario.meta.summary.en) assert.ok(has(text, sentence), `'${sentence}' in:\n${card}`);
		assert.ok(has(text, 'variant semaphore: Semaphore(4): never more than four inside'), card);
		assert.ok(has(text, 'other variants (v): unsafe'), card);
		assert.ok(has(text, 'from: 002 python全栈学习 day39: multiprocess模块 (Semaphore, KTV example)'), card);
		assert.ok(has(text, 'watch: never more than four people inside (it holds in this variant)'), card);
		for (const line of card.split('\n')) assert.ok(cellWidth(line) <= 100, line);
		assert.ok(!card.includes('─ Tasks'), 'the card is drawn instead of the panels');
		stdin.write(' ');
		const playing = await until(screen, s => s.includes('─ Tasks') && !/step 0\b/.test(s), 'the card put away, playing');
		assert.ok(!playing.includes('watch:'));
		stdin.write('i');
		const again = await until(screen, s => s.includes('watch: never more than four'), 'the card again');
		assert.match(again, /^ktv:semaphore · (⏸ paused|■ ended) · step \d+/, 'the card holds the run still');
		stdin.write('i');
		await until(screen, s => s.includes('─ Tasks'), 'the card put away by i');
	});

	it('n puts the card away and takes one step; without card the lesson starts as it always did', async () => {
		const scenario = await lesson('ktv');
		const {lastFrame, stdin} = render(<App init={{scenario, lang: 'en', card: true}} onQuit={() => {}} columns={100} rows={30} />);
		const screen = () => strip(lastFrame() ?? '');
		await until(screen, s => /· step 0\/\d+/.test(s), 'the card');
		stdin.write('n');
		await until(screen, s => /⏸ paused · step 1\b/.test(s) && s.includes('─ Tasks'), 'step 1, no card');
		cleanup();
		const plain = render(<App init={{scenario, lang: 'en', paused: true}} onQuit={() => {}} columns={100} rows={30} />);
		const first = await until(() => strip(plain.lastFrame() ?? ''), s => /⏸ paused · step 0\b/.test(s), 'step 0');
		assert.ok(first.includes('─ Tasks') && !first.includes('watch:'), first);
	});

	it('says which invariant this variant can break, in either language', async () => {
		const ticket = (await lesson('ticket')).meta;
		assert.ok(watchLines(ticket, 'unsafe', 'en').includes('tickets sold never exceed the one in stock (this variant can break it)'), watchLines(ticket, 'unsafe', 'en').join('\n'));
		assert.ok(watchLines(ticket, 'lock', 'en').includes('tickets sold never exceed the one in stock (it holds in this variant)'));
		assert.ok(cardText(ticket, 'unsafe', 'zh').watch.some(l => l.startsWith('留意：卖出的票不超过库存') && l.endsWith('（这个变体会打破它）')));
	});

	it("names the variant's challenge and its key, where it has one", async () => {
		const bank = (await lesson('bank')).meta;
		assert.equal(cardText(bank, 'unsafe', 'en').challenge, `challenge (g): ${bank.challenges!.find(c => c.variant === 'unsafe')!.goal.en}, within 12 picks`);
		assert.match(cardText(bank, 'unsafe', 'zh').challenge ?? '', /^挑战（g）：.*，最多 12 次选择$/);
		assert.equal(cardText((await lesson('ktv')).meta, 'semaphore', 'en').challenge, undefined);
		assert.ok(cardLines(cardText(bank, 'unsafe', 'en'), 96).some(l => l.text.startsWith('challenge (g): ')));
	});

	it('wraps by cells: at spaces, and between Chinese characters', () => {
		assert.deepEqual(wrapCells('one two three four', 9), ['one two', 'three', 'four']);
		const zh = wrapCells('商场里的迷你KTV只有4个房间', 10);
		for (const line of zh) assert.ok(cellWidth(line) <= 10, line);
		assert.equal(zh.join(''), '商场里的迷你KTV只有4个房间');
	});
});

describe('the Shell', {timeout: 120_000}, () => {
	it('opens the lesson under the cursor on its card, and l comes back to the menu on that lesson; ] opens the next lesson', async () => {
		const {lastFrame, stdin} = render(<Shell lang="en" onQuit={() => {}} columns={100} rows={30} />);
		const screen = () => strip(lastFrame() ?? '');
		await until(screen, s => s.includes('› bank'), 'the menu on the first lesson');
		await settle();
		stdin.write('j');
		await until(screen, s => s.includes('› print-lock'), 'down one');
		await settle();
		stdin.write('\r');
		await until(screen, s => /^print-lock:unsafe · /.test(s) && s.includes('watch:'), "print-lock's card");
		await settle();
		stdin.write('l');
		await until(screen, s => s.includes('› print-lock') && s.includes('Locks'), 'the menu again, on print-lock');
		await settle();
		stdin.write('\r');
		await until(screen, s => /^print-lock:unsafe · /.test(s), "print-lock's card again");
		await settle();
		stdin.write(']');
		await until(screen, s => /^ticket:/.test(s) && s.includes('watch:'), "the next lesson's card (ticket)");
		await settle();
		stdin.write('[');
		await until(screen, s => /^print-lock:/.test(s), 'back to print-lock');
	});

	it('q in the menu quits', async () => {
		let quits = 0;
		const {lastFrame, stdin} = render(<Shell lang="en" onQuit={() => quits++} columns={100} rows={30} />);
		await until(() => strip(lastFrame() ?? ''), s => s.includes('› bank'), 'the menu');
		await settle();
		stdin.write('q');
		assert.equal(quits, 1);
	});
});

describe('the command line and the keys', () => {
	it('no lesson is the menu only where the CLI says a terminal is there; a lesson flag alone is refused', () => {
		assert.equal(parseArgs([], {menu: true}).command, 'menu');
		assert.equal(parseArgs(['--lang', 'zh'], {menu: true}).lang, 'zh');
		assert.throws(() => parseArgs([]), (e: Error) => e instanceof InputError && /name a lesson/.test(e.message));
		assert.throws(() => parseArgs(['--json'], {menu: true}), /name a lesson/);
		assert.throws(() => parseArgs(['--seed', '3'], {menu: true}), /--seed goes with a lesson/);
	});

	it('binds l, [, ] and i', () => {
		assert.deepEqual(commandFor('l'), {name: 'lessons'});
		assert.deepEqual(commandFor('['), {name: 'previous'});
		assert.deepEqual(commandFor(']'), {name: 'next'});
		assert.deepEqual(commandFor('i'), {name: 'info'});
	});
});
