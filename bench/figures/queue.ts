/**
 * Target 2, queues: small items per second through the engine's Queue
 * between two processes in free mode, against CPython's
 * multiprocessing.Queue measured in the same run.
 */
import {runForPrints} from '../lib/lesson.js';
import {sample} from '../lib/measure.js';
import {pythonQueueRate} from '../lib/python.js';
import {type Row, si} from '../lib/table.js';

const WINDOW_MS = 400;
const PY_ITEMS = 100_000;

export async function engineQueueRate(windowMs = WINDOW_MS): Promise<number> {
	const {prints, result} = await runForPrints('bench/queue', {free: true, record: false, lines: false, options: {ms: windowMs}});
	if (result.outcome !== 'completed') throw new Error(`queue lesson ended ${result.outcome}: ${prints.join(' | ')}`);
	let start = 0;
	let n = 0;
	let end = 0;
	for (const line of prints) {
		const [what, a, b] = line.split(' ');
		if (what === 'go') start = Number(a);
		if (what === 'n') {
			n = Number(a);
			end = Number(b);
		}
	}
	return (n / (end - start)) * 1000;
}

export async function queueFigure(reps: number, python: boolean): Promise<Row[]> {
	const engineRuns: number[] = [];
	const pyRuns: number[] = [];
	for (let i = 0; i < reps; i++) {
		engineRuns.push(await engineQueueRate());
		if (python) pyRuns.push(pythonQueueRate(PY_ITEMS));
	}
	const engine = sample(engineRuns);
	const py = python ? sample(pyRuns) : undefined;
	const rate = (x: number) => `${si(x)} items/s`;
	return [
		{
			target: '2',
			figure: 'free-mode Queue, 1 producer → 1 consumer, small ints',
			measured: rate(engine.best),
			floor: py ? `CPython ${rate(py.best)}` : 'no python3',
			goal: '≥ 2 × CPython multiprocessing.Queue',
			verdict: py ? (engine.best >= 2 * py.best ? 'PASS' : 'MISS') : 'INFO',
			note: `best of ${reps}; medians: engine ${si(engine.median)}${py ? `, CPython ${si(py.median)} (${PY_ITEMS} items a run)` : ''}`,
		},
	];
}
