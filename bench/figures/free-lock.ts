/**
 * Target 2, locks: free-mode acquisitions per second of the engine's Lock
 * with 2, 4 and 8 processes hammering it, against raw workers running the
 * same futex algorithm (the floor), and CPython's multiprocessing.Lock.
 * Everything gets the same window; all workers start together.
 */
import {mutexFloor} from '../floors/mutex.js';
import {runForPrints} from '../lib/lesson.js';
import {sample} from '../lib/measure.js';
import {pythonLockRate} from '../lib/python.js';
import {type Row, si} from '../lib/table.js';

const WINDOW_MS = 400;

/** Acquisitions per second of one free-mode run of the freelock lesson. */
export async function engineLockRate(procs: number, windowMs = WINDOW_MS): Promise<number> {
	const {prints, result} = await runForPrints('bench/freelock', {free: true, record: false, lines: false, options: {procs, ms: windowMs}});
	if (result.outcome !== 'completed') throw new Error(`freelock ended ${result.outcome}: ${prints.join(' | ')}`);
	let start = 0;
	let total = 0;
	let end = 0;
	for (const line of prints) {
		const [what, a, b] = line.split(' ');
		if (what === 'go') start = Number(a);
		if (what === 'n') {
			total += Number(a);
			end = Math.max(end, Number(b));
		}
	}
	return (total / (end - start)) * 1000;
}

/**
 * What an awaited lock can reach at all: one thread, no contention, the
 * two awaits a lesson's `await acquire(); await release()` costs and the
 * three atomic operations of the plain lock's fast path. No engine, no
 * worker: the ceiling of any API that a lesson awaits, next to which
 * CPython's C-level acquire is measured.
 */
async function awaitedCeiling(windowMs: number): Promise<number> {
	const word = new Int32Array(new SharedArrayBuffer(4));
	const done = Promise.resolve();
	const acquire = () => (Atomics.compareExchange(word, 0, 0, 1), done);
	const release = () => (Atomics.load(word, 0), Atomics.sub(word, 0, 1), done);
	const end = performance.now() + windowMs;
	let n = 0;
	while (performance.now() < end) {
		for (let i = 0; i < 256; i++) {
			await acquire();
			await release();
		}
		n += 256;
	}
	return (n / windowMs) * 1000;
}

export async function freeLockFigure(reps: number, python: boolean): Promise<Row[]> {
	const rows: Row[] = [];
	const ceiling: number[] = [];
	for (let i = 0; i < reps; i++) ceiling.push(await awaitedCeiling(WINDOW_MS));
	const top = sample(ceiling);
	rows.push({
		target: '2',
		figure: 'ceiling: awaited acquire + release, one thread, no engine',
		measured: `${si(top.best)} acq/s`,
		floor: '—',
		goal: '—',
		verdict: 'INFO',
		note: `best of ${reps}, median ${si(top.median)}; two awaits and the fast path's three atomics per pair: no awaited lock in JavaScript goes faster, contended or not`,
	});
	const rate = (x: number) => `${si(x)} acq/s`;
	for (const procs of [2, 4, 8]) {
		// Interleaved, so that all three see the same machine.
		const floorRuns: number[] = [];
		const engineRuns: number[] = [];
		const pyRuns: number[] = [];
		for (let i = 0; i < reps; i++) {
			floorRuns.push(await mutexFloor(procs, WINDOW_MS));
			engineRuns.push(await engineLockRate(procs));
			if (python) pyRuns.push(pythonLockRate(procs, WINDOW_MS));
		}
		const floor = sample(floorRuns);
		const engine = sample(engineRuns);
		const py = python ? sample(pyRuns) : undefined;
		const within2x = engine.best * 2 >= floor.best;
		const ahead = py ? engine.best > py.best : true;
		rows.push({
			target: '2',
			figure: `free-mode Lock, ${procs} processes`,
			measured: rate(engine.best),
			floor: rate(floor.best),
			goal: `≥ ${rate(floor.best / 2)} (½ floor)${py ? ` and > CPython ${rate(py.best)}` : ''}`,
			verdict: within2x && ahead ? 'PASS' : 'MISS',
			note:
				`best of ${reps}; engine/floor ${(engine.best / floor.best).toFixed(2)}; medians: engine ${si(engine.median)}, floor ${si(floor.median)}` +
				(py ? `, CPython multiprocessing.Lock ${si(py.median)}` : '; CPython not measured'),
		});
	}
	return rows;
}
