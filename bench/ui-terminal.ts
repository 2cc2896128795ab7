/**
 * The TUI in a real pseudo-terminal (issue 3): how soon a key press shows,
 * how many frames a second at most, how little CPU a paused viewer uses, and
 * how soon the first frame of `conc-tui ktv` appears next to a bare Node
 * importing react and ink, measured in the same run.
 */
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {KEYS, Tty, stepOf} from '../test/e2e-terminal.js';
import {sample, sleep} from './lib/measure.js';
import {type Row, ms} from './lib/table.js';

const KEY_MS = 100;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Wall time of a bare Node that imports react and ink (production), in ms. */
function bareImport(): Promise<number> {
	return new Promise((resolve, reject) => {
		const t = performance.now();
		execFile(process.execPath, ['--input-type=module', '-e', "await import('react'); await import('ink');"], {cwd: ROOT, env: {...process.env, NODE_ENV: 'production'}}, error =>
			error ? reject(error) : resolve(performance.now() - t),
		);
	});
}

/** From spawn until the first frame (the first write after entering the alternate screen), in ms. */
async function firstFrame(): Promise<number> {
	const t = performance.now();
	const tty = new Tty(['ktv']);
	try {
		for (;;) {
			const at = tty.raw.indexOf('\x1b[2J');
			if (at >= 0 && tty.raw.length > at + 4) return performance.now() - t;
			if (performance.now() - t > 60_000) throw new Error('no first frame');
			await sleep(2);
		}
	} finally {
		tty.press('q');
		await Promise.race([tty.exited, sleep(3000)]);
		tty.kill();
	}
}

/** Milliseconds from each `n` until the screen shows the next step, while ticket:lock --clients 100 records and after. */
async function keyLatencies(presses: number): Promise<number[]> {
	const tty = new Tty(['ticket:lock', '--clients', '100', '--paused']);
	const out: number[] = [];
	try {
		await tty.waitFor(s => stepOf(s) === 0 && !s.includes('starting'), 'step 0');
		// While the engine still records (101 processes starting) and after: both are what a viewer meets.
		for (let i = 0; i < presses; i++) {
			const want = i + 1;
			const t = performance.now();
			tty.press('n');
			await tty.waitFor(s => stepOf(s) === want, `step ${want}`, 30_000, 2, 0);
			out.push(performance.now() - t);
			await sleep(50);
		}
	} finally {
		tty.press('q');
		await Promise.race([tty.exited, sleep(3000)]);
		tty.kill();
	}
	return out;
}

/** Milliseconds from `r` (rerun) until the screen shows step 0 of the new run, ticket:unsafe, from step 5. */
export async function rerunLatencies(presses: number): Promise<number[]> {
	const tty = new Tty(['ticket:unsafe', '--paused']);
	const out: number[] = [];
	try {
		await tty.waitFor(s => stepOf(s) === 0 && !s.includes('starting'), 'step 0');
		for (let i = 0; i < presses; i++) {
			for (let k = 1; k <= 5; k++) {
				tty.press('n');
				await tty.waitFor(s => stepOf(s) === k, `step ${k}`, 30_000, 2, 0);
			}
			const t = performance.now();
			tty.press('r');
			await tty.waitFor(s => stepOf(s) === 0, 'step 0 of the rerun', 30_000, 2, 0);
			out.push(performance.now() - t);
			await sleep(100);
		}
	} finally {
		tty.press('q');
		await Promise.race([tty.exited, sleep(3000)]);
		tty.kill();
	}
	return out;
}

/** Frames a second (Ink's synchronized-update brackets) while playing faster than 30 steps a second. */
async function framesPerSecond(): Promise<number> {
	const tty = new Tty(['ticket:lock', '--clients', '100', '--paused', '--speed', '16']);
	try {
		await tty.waitFor(s => /step 0\/\d+/.test(s), 'the run recorded', 180_000);
		tty.press(' ');
		await sleep(300);
		const count = () => tty.raw.split('\x1b[?2026h').length - 1;
		const before = count();
		await sleep(2000);
		return (count() - before) / 2;
	} finally {
		tty.press('q');
		await Promise.race([tty.exited, sleep(3000)]);
		tty.kill();
	}
}

/** CPU used by a paused viewer (run recorded, nothing to do), as a share of one core. */
async function pausedCpu(): Promise<number> {
	const tty = new Tty(['ktv', '--paused']);
	try {
		await tty.waitFor(s => /step 0\/\d+/.test(s), 'ktv recorded');
		await sleep(500);
		const a = cpuSeconds(tty.proc.pid);
		await sleep(3000);
		return (cpuSeconds(tty.proc.pid) - a) / 3;
	} finally {
		tty.press(KEYS.ctrlC);
		await Promise.race([tty.exited, sleep(3000)]);
		tty.kill();
	}
}

export async function uiTerminalFigures(reps: number): Promise<Row[]> {
	const bare: number[] = [];
	const first: number[] = [];
	for (let i = 0; i < reps; i++) {
		bare.push(await bareImport());
		first.push(await firstFrame());
	}
	const b = sample(bare, false);
	const f = sample(first, false);
	const keys = sample(await keyLatencies(10), false);
	const reruns = sample(await rerunLatencies(5), false);
	const fps = await framesPerSecond();
	const cpu = await pausedCpu();
	return [
		{
			target: 'ui',
			figure: 'conc-tui ktv: first frame, from spawn',
			measured: ms(f.best),
			floor: `bare node importing react + ink: ${ms(b.best)}`,
			goal: `≤ 1.5 × floor (${ms(1.5 * b.best)})`,
			verdict: f.best <= 1.5 * b.best ? 'PASS' : 'MISS',
			note: `best of ${reps}; medians ${ms(f.median)} vs ${ms(b.median)}; in a pseudo-terminal`,
		},
		{
			target: 'ui',
			figure: 'ticket:lock --clients 100: key press (n) to the new step on screen',
			measured: `${ms(keys.median)} median`,
			floor: '—',
			goal: `≤ ${ms(KEY_MS)}`,
			verdict: keys.median <= KEY_MS ? 'PASS' : 'MISS',
			note: `10 presses from step 0, the first while the run is still being recorded; best ${ms(keys.best)}, worst ${ms(Math.max(...keys.all))}; read back through node-pty and @xterm/headless, polled every 2 ms`,
		},
		{
			target: 'ui',
			figure: 'ticket:unsafe: rerun (r) to step 0 of the new run on screen',
			measured: `${ms(reruns.median)} median`,
			floor: '—',
			goal: `≤ ${ms(KEY_MS)}`,
			verdict: reruns.median <= KEY_MS ? 'PASS' : 'MISS',
			note: `5 reruns, each from step 5; best ${ms(reruns.best)}, worst ${ms(Math.max(...reruns.all))}; a warm engine host runs each`,
		},
		{
			target: 'ui',
			figure: 'frames a second at most, playing ticket:lock --clients 100 at 64 steps/s',
			measured: fps.toFixed(1),
			floor: '—',
			goal: '≤ 31',
			verdict: fps <= 31 ? 'PASS' : 'MISS',
			note: 'synchronized-update brackets written in 2 s',
		},
		{
			target: 'ui',
			figure: 'paused viewer (ktv recorded), CPU share of one core',
			measured: `${(cpu * 100).toFixed(1)} %`,
			floor: '—',
			goal: '≤ 2 %',
			verdict: cpu <= 0.02 ? 'PASS' : 'MISS',
			note: 'utime + stime of the CLI process over 3 s, from /proc',
		},
	];
}
