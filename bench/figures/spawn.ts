/**
 * Target 3: `ticket:lock --clients 100`, 101 processes, and the same with
 * 1000 clients. In a child process of its own (so its RSS is the engine's
 * alone, engine host included: a worker thread is part of its process), as
 * `--json` would run it: the time until every process has reported its first
 * gate (from the createRun call, with an engine host warmed while the lesson
 * loads, as the CLI does), the first trace event's time, and the peak RSS.
 * CPython's fork and spawn of 100 processes are measured for comparison
 * (optional).
 */
import {runTimed, type Timed} from '../lib/child.js';
import {runCli} from '../lib/cli.js';
import {repeat} from '../lib/measure.js';
import {hasPython, pythonSpawnMs} from '../lib/python.js';
import {type Row, mb, ms} from '../lib/table.js';

const CLIENTS = 100;
const ONLINE_MS = 150;
const RSS_BYTES = 250 * (1 << 20);
const MANY = 1000;
const MANY_ONLINE_MS = 1500;
const MANY_RSS_BYTES = 600 * (1 << 20);

export async function spawnFigure(allReps: number, withPython: boolean): Promise<Row[]> {
	const reps = allReps;
	const runs: Timed[] = [];
	for (let i = 0; i < reps; i++) {
		const t = await runTimed('ticket:lock', {options: {clients: CLIENTS}});
		if (t.outcome !== 'completed' || t.online !== CLIENTS + 1) throw new Error(`ticket:lock ended ${t.outcome} with ${t.online}/${CLIENTS + 1} processes online`);
		runs.push(t);
	}
	const byOnline = [...runs].sort((a, b) => a.lastOnline - b.lastOnline);
	const best = byOnline[0]!;
	const median = byOnline[Math.floor((byOnline.length - 1) / 2)]!;
	const peak = Math.max(...runs.map(r => r.rssBytes));
	const py = withPython && hasPython() ? await repeat(1, async () => pythonSpawnMs(CLIENTS)) : undefined;
	const fork = withPython && hasPython() ? await repeat(2, async () => pythonSpawnMs(CLIENTS, 'fork'), false) : undefined;
	const many: Timed[] = [];
	for (let i = 0; i < Math.min(reps, 2); i++) {
		const t = await runTimed('ticket:lock', {options: {clients: MANY}});
		if (t.outcome !== 'completed' || t.online !== MANY + 1) throw new Error(`ticket:lock --clients ${MANY} ended ${t.outcome} with ${t.online}/${MANY + 1} processes online`);
		many.push(t);
	}
	const manyBest = [...many].sort((a, b) => a.lastOnline - b.lastOnline)[0]!;
	const manyPeak = Math.max(...many.map(r => r.rssBytes));
	const firstBeforeOnline = runs.every(r => r.firstEvent < r.lastOnline);
	// The same run through the real CLI: what a user sees on stdout (its writes are buffered by the CLI).
	const cli = await runCli(['ticket:lock', '--clients', String(CLIENTS)]);
	return [
		{
			target: '3',
			figure: `ticket:lock --clients ${CLIENTS}: all ${CLIENTS + 1} processes online`,
			measured: ms(best.lastOnline),
			floor: fork && py ? `CPython fork ×${CLIENTS}: ${ms(fork.best)}; spawn ×${CLIENTS}: ${ms(py.best)}` : '—',
			goal: `≤ ${ms(ONLINE_MS)}`,
			verdict: best.lastOnline <= ONLINE_MS ? 'PASS' : 'MISS',
			note: `from createRun; best of ${reps}, median ${ms(median.lastOnline)}; the whole run (${best.steps} steps) ended at ${ms(best.end)}; process start to createRun ${ms(best.boot)}${py ? '; CPython: 100 spawn-method processes until each has run its first line, one run' : ''}`,
		},
		{
			target: '3',
			figure: 'ticket:lock --clients 100: peak RSS of the engine process',
			measured: mb(peak),
			floor: '—',
			goal: `≤ ${mb(RSS_BYTES)}`,
			verdict: peak <= RSS_BYTES ? 'PASS' : 'MISS',
			note: `getrusage maxRSS of the child running the engine (main thread and engine host), worst of ${reps}; CPython fork: 156 MB PSS for the same 100`,
		},
		{
			target: '3',
			figure: `ticket:lock --clients ${MANY}: all ${MANY + 1} processes online`,
			measured: ms(manyBest.lastOnline),
			floor: '—',
			goal: `≤ ${ms(MANY_ONLINE_MS)}`,
			verdict: manyBest.lastOnline <= MANY_ONLINE_MS ? 'PASS' : 'MISS',
			note: `from createRun; best of ${many.length}; the whole run (${manyBest.steps} steps) ended at ${ms(manyBest.end)}`,
		},
		{
			target: '3',
			figure: `ticket:lock --clients ${MANY}: peak RSS of the engine process`,
			measured: mb(manyPeak),
			floor: '—',
			goal: `≤ ${mb(MANY_RSS_BYTES)}`,
			verdict: manyPeak <= MANY_RSS_BYTES ? 'PASS' : 'MISS',
			note: `getrusage maxRSS, worst of ${many.length}`,
		},
		{
			target: '3',
			figure: 'ticket:lock --clients 100: first trace event before the last process is online',
			measured: `${ms(best.firstEvent)} vs ${ms(best.lastOnline)}`,
			floor: '—',
			goal: 'first < last online',
			verdict: firstBeforeOnline ? 'PASS' : 'MISS',
			note: `first print (a client's line) at ${ms(best.firstPrint)}; every run: ${runs.map(r => `${r.firstEvent.toFixed(1)}<${r.lastOnline.toFixed(0)}`).join(', ')} ms`,
		},
		{
			target: '3',
			figure: 'the same through the CLI (`conc-tui ticket:lock --clients 100 --json`)',
			measured: `first line ${ms(cli.firstLine)}`,
			floor: '—',
			goal: `before the last online (${ms(cli.lastOnline)})`,
			verdict: 'INFO',
			note: `from spawning node: first stdout line ${ms(cli.firstLine)}, last process's first gate line ${ms(cli.lastOnline)}, exit ${ms(cli.exit)}, peak RSS ${mb(cli.peakRss)} (VmHWM); one run`,
		},
	];
}
