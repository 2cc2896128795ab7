/**
 * Nothing left behind: however a run ends (a signal to a headless run or to
 * the TUI, q while the TUI waits for a manual pick, a full disk), its
 * temporary folder (conc-tui-* under TMPDIR) is gone afterwards, the exit
 * status is the documented one, and the terminal is given back.
 */
import assert from 'node:assert/strict';
import {readdirSync, rmSync} from 'node:fs';
import {after, describe, it} from 'node:test';
import {Tty} from './e2e-terminal.js';
import {freshTmp, problems, runCli, signalAfterOutput, signalWhenFolder} from './helpers/cli-run.js';

const open: Tty[] = [];
after(() => {
	for (const t of open) t.kill();
});

const SIGNAL_EXIT = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;

describe('a headless run ended by a signal', {concurrency: 3, timeout: 120_000}, () => {
	for (const [signal, code] of Object.entries(SIGNAL_EXIT) as [NodeJS.Signals, number][]) {
		it(`${signal}: exits ${code} and removes its folder`, async () => {
			// ticket keeps its tickets in data.json, in the run's folder; in free mode sixty clients buying one
			// after another take real seconds (a controlled run is over in milliseconds).
			const r = await runCli(['ticket:lock', '--clients', '60', '--free', '--json'], {with: signalAfterOutput(signal, 3), limitMs: 60_000});
			assert.equal(r.hung, false);
			assert.equal(r.code, code, r.stderr);
			assert.deepEqual(r.leftovers, []);
			assert.doesNotMatch(r.stderr, /^\s+at /m);
		});
	}
});

describe('a key script being recorded, ended by a signal', {timeout: 120_000}, () => {
	it('SIGTERM: exits 143 and removes the folder', async () => {
		const cwd = freshTmp();
		after(() => rmSync(cwd, {recursive: true, force: true}));
		const r = await runCli(['ticket:lock', '--clients', '200', '--keys', 'n n n n q', '--record', 'x.cast'], {cwd, with: signalWhenFolder('SIGTERM'), limitMs: 60_000});
		assert.equal(r.hung, false);
		assert.equal(r.code, 143, r.stderr);
		assert.deepEqual(r.leftovers, []);
	});
});

describe('output that cannot be written', {concurrency: 2, timeout: 60_000}, () => {
	it('a reader that stops early (| head): exit 0, no folder left', async () => {
		const r = await runCli(['ticket:lock', '--clients', '60', '--json'], {
			limitMs: 30_000,
			with: child => child.stdout!.once('data', () => child.stdout!.destroy()),
		});
		assert.equal(r.hung, false);
		assert.equal(r.code, 0, r.stderr);
		assert.deepEqual(r.leftovers, []);
	});

	for (const mode of ['--json', '--headless']) {
		it(`${mode} > /dev/full: one line, exit 2, no folder left`, async () => {
			const r = await runCli(['ticket', mode], {stdoutFile: '/dev/full', limitMs: 30_000});
			assert.deepEqual(problems(r), [], r.stderr);
			assert.equal(r.code, 2);
			assert.match(r.stderr, /cannot write the output: ENOSPC/);
		});
	}
});

describe('the TUI', {timeout: 180_000}, () => {
	const tuiRun = async (args: string[], end: (t: Tty) => void | Promise<void>, code: number) => {
		const tmp = freshTmp();
		try {
			const t = new Tty(args, {env: {TMPDIR: tmp}});
			open.push(t);
			await t.waitFor(s => /step \d+/.test(s), 'the first frame');
			await t.waitFor(() => readdirSync(tmp).length > 0, 'the run to have its folder', 30_000, 50, 0);
			await end(t);
			const exit = await t.exited;
			assert.equal(exit.exitCode, code);
			// Not ended by the signal itself (before the folder was removed), but by the TUI's own exit.
			assert.ok(!exit.signal, `ended by signal ${exit.signal}`);
			assert.ok(t.raw.lastIndexOf('\x1b[?1049l') > t.raw.lastIndexOf('\x1b[?1049h'), 'the alternate screen is left');
			assert.ok(t.raw.lastIndexOf('\x1b[?25h') > t.raw.lastIndexOf('\x1b[?25l'), 'the cursor is shown last');
			assert.deepEqual(readdirSync(tmp), []);
		} finally {
			rmSync(tmp, {recursive: true, force: true});
		}
	};

	// As documented (tui.tsx, the PTY tests): a signal to the TUI is a quit, exit 0. In free mode, so that the
	// run is still going (a controlled run of 101 processes is over in well under a second).
	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		it(`${signal} during ticket:lock --clients 100 --free: restores the terminal, exits 0, removes the folder`, () =>
			tuiRun(['ticket:lock', '--clients', '100', '--free'], t => t.proc.kill(signal), 0));
	}

	// Manual from the start, so the run is waiting for a pick (and has its folder) when q comes.
	it('q while a manual pick is awaited: exits 0 and removes the folder', () =>
		tuiRun(
			['ticket:lock', '--policy', 'manual'],
			async t => {
				await t.waitFor(s => s.includes('? your pick'), 'manual mode, a pick awaited');
				t.press('q');
			},
			0,
		));

	it('--record to a folder that does not exist: one line before the screen is taken, exit 2, no folder', async () => {
		const tmp = freshTmp();
		try {
			const t = new Tty(['ktv', '--record', '/nonexistent/dir/x.cast'], {env: {TMPDIR: tmp}});
			open.push(t);
			const exit = await t.exited;
			assert.equal(exit.exitCode, 2);
			assert.ok(!t.raw.includes('\x1b[?1049h'), 'the alternate screen was never entered');
			assert.match(t.raw, /conc-tui: cannot write \/nonexistent\/dir\/x\.cast: ENOENT/);
			assert.doesNotMatch(t.raw, /^\s+at /m);
			assert.deepEqual(readdirSync(tmp), []);
		} finally {
			rmSync(tmp, {recursive: true, force: true});
		}
	});
});
