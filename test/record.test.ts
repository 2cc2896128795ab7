/**
 * Recording a lesson (issue 6): a key-script recording made with no
 * terminal is asciicast v2, is the same bytes every time, and replayed
 * through a real terminal emulator ends on the screen the TUI drew last
 * (in the driver, and in a live run in a real pty given the same keys);
 * a bad key script is one clear line and exit 2; a live `--record` is a cast too.
 */
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import {parseCast} from '../source/record/asciicast.js';
import {parseKeyScript} from '../source/record/key-script.js';
import {recordScript} from '../source/record/script-driver.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {Tty} from './e2e-terminal.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'conc-tui-record-'));
const ttys: Tty[] = [];
after(() => {
	for (const t of ttys) t.kill();
});

function cli(...args: string[]): {code: number | null; stdout: string; stderr: string} {
	// No terminal at all, as in CI: stdin ignored, stdout and stderr piped.
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, LANG: 'C', CI: 'true'}});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

function record(name: string, ...args: string[]): string {
	const file = join(dir, name);
	const r = cli(...args, '--record', file);
	assert.equal(r.code, 0, r.stderr);
	assert.equal(r.stdout, '');
	return readFileSync(file, 'utf8');
}

/** Records in a child process of its own, so that several record at once and compete for the CPU. */
function recordAsync(name: string, ...args: string[]): Promise<string> {
	const file = join(dir, name);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args, '--record', file], {stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, LANG: 'C', CI: 'true'}});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', code => (code === 0 ? resolve(readFileSync(file, 'utf8')) : reject(new Error(`exit ${code}: ${stderr}`))));
	});
}

/** The screen a terminal of the cast's size shows once it has been given every output event, rows trimmed. */
async function replay(text: string): Promise<string[]> {
	const {header, events} = parseCast(text);
	const term = new xterm.Terminal({cols: header.width, rows: header.height, allowProposedApi: true});
	for (const [, code, data] of events) if (code === 'o') await new Promise<void>(resolve => term.write(data, resolve));
	const b = term.buffer.active;
	const rows: string[] = [];
	for (let y = 0; y < term.rows; y++) rows.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
	term.dispose();
	return rows;
}

const plain = (ansi: string) => ansi.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const trimmed = (rows: string[]) => rows.map(r => r.trimEnd()).join('\n').trimEnd();

describe('recording a lesson', {timeout: 300_000}, () => {
	const script = '1s n n n 2s space 3s b q';
	const args = ['ktv', '--seed', '1', '--keys', script, '--size', '100x30', '--show-keys'];

	it('writes asciicast v2 without a terminal: header with the size, output and marker events in time order', () => {
		const text = record('a.cast', ...args);
		const {header, events} = parseCast(text);
		assert.equal(header.version, 2);
		assert.equal(header.width, 100);
		assert.equal(header.height, 30);
		assert.ok(events.length > 5);
		let t = 0;
		for (const [time, code] of events) {
			assert.ok(time >= t, 'times never go back');
			t = time;
			assert.ok(code === 'o' || code === 'm', code);
		}
		// The intro card for 6 s, then 1 s, three keys, 2 s, space, 3 s, b, q, then the last frame held for a second.
		assert.equal(events.at(-1)![0], 6 + 1 + 0.3 * 3 + 2 + 0.3 + 3 + 0.3 * 2 + 1);
		assert.match(events[0]![2], /^\x1b\[\?25l\x1b\[H\x1b\[2J/, 'the first frame starts on a clean screen');
	});

	it("starts at the lesson's intro card, held 6 s, then the lesson as the script drives it; --paused starts at the panels", () => {
		const {events} = parseCast(readFileSync(join(dir, 'a.cast'), 'utf8'));
		const first = plain(events[0]![2]);
		assert.ok(first.includes('KTV: a semaphore') && first.includes('watch: never more than four'), first);
		assert.ok(!first.includes('─ Tasks'), 'the card, not the panels');
		assert.deepEqual(events.filter(e => e[1] === 'm')[0], [0, 'm', 'intro card']);
		const after = events.find(e => e[1] === 'o' && e[0] > 0)!;
		assert.equal(after[0], 6, 'the panels come at 6 s');
		assert.ok(plain(after[2]).includes('Tasks'), plain(after[2]));
		const paused = parseCast(record('paused.cast', 'ktv', '--seed', '1', '--paused', '--keys', '1s q', '--size', '100x30')).events;
		assert.ok(plain(paused[0]![2]).includes('─ Tasks') && !paused.some(e => e[1] === 'm' && e[2] === 'intro card'));
		assert.equal(paused.at(-1)![0], 1 + 0.3 + 1);
	});

	it('gives the same bytes for the same script and seed, recorded one after the other or side by side', async () => {
		const first = readFileSync(join(dir, 'a.cast'), 'utf8');
		const [one, two] = await Promise.all([recordAsync('one.cast', ...args), recordAsync('two.cast', ...args)]);
		assert.ok(one === first && two === first, 'recordings differ');
	});

	it('gives the same bytes through reruns, manual picks, a new seed and more cores', async () => {
		const busy = ['ktv', '--keys', 'n n r 500ms n m 2 enter n s 1s c space 2s b ? 1s esc q', '--size', '90x26', '--show-keys'];
		const [one, two, three] = await Promise.all([recordAsync('busy1.cast', ...busy), recordAsync('busy2.cast', ...busy), recordAsync('busy3.cast', ...busy)]);
		assert.ok(one === two && two === three, 'recordings differ');
		const screen = (await replay(one)).join('\n');
		assert.match(screen, /seed \d+/);
		assert.match(screen, /2 cores/, 'c reran the lesson on two cores');
	});

	it('marks the lesson’s beats: captions, a broken invariant, the end', () => {
		const {events} = parseCast(record('beats.cast', 'ticket:unsafe', '--speed', '8', '--keys', '10s', '--size', '100x30'));
		const marks = events.filter(e => e[1] === 'm').map(e => e[2]);
		assert.ok(marks.some(m => m.startsWith('invariant broken: ')), marks.join(' | '));
		assert.equal(marks.at(-1), 'the end');
		const join = parseCast(record('join.cast', 'join', '--speed', '4', '--keys', '10s', '--size', '100x30')).events.filter(e => e[1] === 'm');
		assert.ok(join.length >= 3, 'join has captions and an end');
	});

	it('replayed through a terminal emulator, ends on the frame the driver drew last', async () => {
		const {module, label} = resolveScenario('ktv');
		const scenario = await loadScenario(module, label);
		const {cast, screen} = await recordScript({
			init: {scenario, seed: 1, lang: 'en'},
			steps: parseKeyScript('500ms n n b space 1s n'),
			columns: 90,
			rows: 26,
			showKeys: true,
			theme: {color: true},
		});
		const rows = await replay(cast.toString());
		assert.equal(trimmed(rows), trimmed(plain(screen).split('\n')));
		assert.match(rows.join('\n'), /step \d+\/\d+/);
	});

	it('replayed through a terminal emulator, ends on the screen a live run in a real terminal ends on with the same keys', async () => {
		const cast = record('live-twin.cast', 'ktv', '--seed', '3', '--paused', '--keys', 'n n n n b', '--size', '100x30');
		const t = new Tty(['ktv', '--seed', '3', '--paused'], {cols: 100, rows: 30});
		ttys.push(t);
		const at = (n: number) => (s: string) => new RegExp(`· step ${n}/\\d+ `).test(s);
		await t.waitFor(at(0), 'step 0, recorded');
		for (const [key, n] of [['n', 1], ['n', 2], ['n', 3], ['n', 4], ['b', 3]] as const) {
			t.press(key);
			await t.waitFor(at(n), `step ${n}`);
		}
		const live = await t.settled();
		t.press('q');
		await t.exited;
		assert.equal(trimmed(await replay(cast)), trimmed(live.split('\n')));
	});

	it('refuses a bad key script in one line naming the bad token, exit 2, no stack trace', () => {
		for (const [argv, message] of [
			[['ktv', '--keys', '1s n banana q', '--record', join(dir, 'bad.cast')], /--keys: bad token 'banana'/],
			[['ktv', '--keys', '2h q', '--record', join(dir, 'bad.cast')], /--keys: bad token '2h'/],
			[['ktv', '--keys', 'n', '--size', '100by30', '--record', join(dir, 'bad.cast')], /--size must be COLSxROWS.*'100by30'/],
			[['ktv', '--record', join(dir, 'bad.cast')], /need a key script/],
			[['ktv', '--keys', 'n q'], /--keys without a terminal needs --record/],
			[['ktv', '--keys', 'n q', '--json'], /--keys goes with the TUI/],
		] as const) {
			const r = cli(...argv);
			assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
			const lines = r.stderr.trim().split('\n');
			assert.equal(lines.length, 1, r.stderr);
			assert.match(lines[0]!, message);
			assert.doesNotMatch(r.stderr, /\n\s+at /);
		}
	});

	it('records a live run in a real terminal (--record without --keys): what was drawn, the cursor given back', async () => {
		const file = join(dir, 'live.cast');
		const t = new Tty(['ktv', '--seed', '1', '--paused', '--record', file, '--show-keys'], {cols: 100, rows: 30});
		ttys.push(t);
		await t.waitFor(s => /· step 0\/\d+ /.test(s), 'step 0');
		t.press('n');
		await t.waitFor(s => /· step 1\/\d+ /.test(s) && / n $/m.test(s), 'step 1, the key n shown');
		const screen = await t.waitFor(s => /· step 1\/\d+ /.test(s) && !/ n $/m.test(s), 'the key gone again');
		t.press('q');
		assert.equal((await t.exited).exitCode, 0);
		const text = readFileSync(file, 'utf8');
		const {header, events} = parseCast(text);
		assert.deepEqual([header.width, header.height], [100, 30]);
		assert.ok(events.at(-1)![2].endsWith('\x1b[?25h'));
		assert.equal(trimmed(await replay(text)), trimmed(screen.split('\n')));
	});
});
