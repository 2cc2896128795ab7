/**
 * `npm run bench`: every figure of the project's performance targets, each
 * next to the floor measured in this same run and its target, with a
 * PASS/MISS verdict. Figures only; nothing here asserts (see DESIGN.md §7 for
 * what the machine is expected to do).
 *
 *   node dist/bench/run.js [--reps N] [--only 1,2,3,4,5,6] [--no-python] [--markdown]
 *
 * 1 controlled steps, 2 free mode, 3 a hundred processes, 4 a thousand
 * threads, 5 the TUI (frame cost, key to screen, frame cap, paused CPU,
 * first frame; also alone: node dist/bench/ui.js), 6 explore (a thousand
 * schedules of a lesson, next to one run of it).
 *
 * The machine is shared and has two cores: each figure is taken `--reps`
 * times (default 3) and the best is the figure; medians are in the notes.
 */
import {cpus, loadavg} from 'node:os';
import {parseArgs} from 'node:util';
import {stepsFigure} from './figures/steps.js';
import {freeLockFigure} from './figures/free-lock.js';
import {queueFigure} from './figures/queue.js';
import {spawnFigure} from './figures/spawn.js';
import {threadsFigure} from './figures/threads.js';
import {exploreFigure} from './figures/explore.js';
import {uiFrameFigure} from './ui-frame.js';
import {uiTerminalFigures} from './ui-terminal.js';
import {hasPython} from './lib/python.js';
import {type Row, markdownTable, textTable} from './lib/table.js';

const {values} = parseArgs({
	options: {
		reps: {type: 'string', default: '3'},
		only: {type: 'string', default: '1,2,3,4,5,6'},
		'no-python': {type: 'boolean', default: false},
		markdown: {type: 'boolean', default: false},
	},
});
const reps = Math.max(1, Number(values.reps));
const only = new Set(values.only!.split(','));
const python = !values['no-python'] && hasPython();

const started = performance.now();
const load = () => loadavg().map(x => x.toFixed(1)).join(' ');
const header = `conc-tui bench — node ${process.version}, ${cpus().length} cores, load average at start ${load()}, CPython ${python ? 'measured' : 'not measured'}, best of ${reps}`;
process.stderr.write(`${header}\n`);

const rows: Row[] = [];
const section = async (name: string, key: string, fn: () => Promise<Row[]>) => {
	if (!only.has(key)) return;
	process.stderr.write(`  ${name}…\n`);
	const t = performance.now();
	rows.push(...(await fn()));
	process.stderr.write(`  ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
};

await section('1 controlled steps/s', '1', () => stepsFigure(reps));
await section('2 free-mode locks', '2', () => freeLockFigure(reps, python));
await section('2 free-mode queue', '2', () => queueFigure(reps, python));
await section('3 100 processes', '3', () => spawnFigure(reps, python));
await section('4 1000 threads', '4', () => threadsFigure(reps));
await section('6 explore', '6', () => exploreFigure(reps));
// Last: the frame figure loads React in production mode into this process.
await section('5 TUI', '5', async () => [...(await uiFrameFigure()), ...(await uiTerminalFigures(reps))]);

const footer = `${rows.filter(r => r.verdict === 'PASS').length} PASS, ${rows.filter(r => r.verdict === 'MISS').length} MISS; ${((performance.now() - started) / 1000).toFixed(0)} s; load average at end ${load()}`;
process.stdout.write(`\n${header}\n\n${values.markdown ? markdownTable(rows) : textTable(rows)}\n\n${footer}\n`);
