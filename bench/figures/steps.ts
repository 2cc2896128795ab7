/**
 * Target 1: controlled steps per second, headless, on the two-process lock
 * ping-pong, against the bare grant loop measured in the same run.
 *
 * The steps are counted from the first grant to the run's end event, so the
 * workers' start-up is not in the figure. Two configurations: the engine with
 * a consumer that only counts events and no source lines (`lines: false`),
 * and the one the CLI's `--json` runs (source lines on, every event
 * JSON-stringified).
 */
const MAIN_SPIN_MS = 0.2;
const WORKER_SPIN_SHARED_US = 5;
import {grantLoop} from '../floors/grant-loop.js';
import {runLesson} from '../lib/lesson.js';
import {type Sample, sample} from '../lib/measure.js';
import {type Row, si} from '../lib/table.js';

const ROUNDS = 4000;

export async function pingpong(opts: {lines: boolean; json: boolean; rounds?: number}): Promise<number> {
	let first = 0;
	let firstStep = 0;
	let last = 0;
	let bytes = 0;
	const result = await runLesson('bench/pingpong', {lines: opts.lines, options: {rounds: opts.rounds ?? ROUNDS}}, e => {
		if (first === 0 && e.step >= 1) {
			first = performance.now();
			firstStep = e.step;
		}
		if (opts.json) bytes += JSON.stringify(e).length;
		if (e.kind === 'end') last = performance.now();
	});
	if (result.outcome !== 'completed') throw new Error(`pingpong ended ${result.outcome}`);
	void bytes;
	return ((result.steps - firstStep) / (last - first)) * 1000;
}

export async function stepsFigure(reps: number): Promise<Row[]> {
	// Interleaved, so that the floor and the engine see the same machine: it is shared, and its load comes and goes.
	const floorRuns: number[] = [];
	const spunRuns: number[] = [];
	const bareRuns: number[] = [];
	const cliRuns: number[] = [];
	for (let i = 0; i < reps; i++) {
		floorRuns.push(await grantLoop(300));
		spunRuns.push(await grantLoop(300, {mainMs: MAIN_SPIN_MS, workerUs: WORKER_SPIN_SHARED_US}));
		bareRuns.push(await pingpong({lines: false, json: false}));
		cliRuns.push(await pingpong({lines: true, json: true}));
	}
	const [floor, spun, bare, cli] = [floorRuns, spunRuns, bareRuns, cliRuns].map(x => sample(x));
	const half = floor!.best / 2;
	const rate = (x: number) => `${si(x)} steps/s`;
	const engineRow = (figure: string, x: Sample): Row => ({
		target: '1',
		figure,
		measured: rate(x.best),
		floor: rate(floor!.best),
		goal: `≥ ${rate(half)} (½ floor)`,
		verdict: x.best >= half ? 'PASS' : 'MISS',
		note: `best of ${reps}, median ${si(x.median)}; ${(x.best / floor!.best).toFixed(2)}× the floor`,
	});
	return [
		{target: '1', figure: 'floor: bare grant loop (waitAsync on both sides)', measured: rate(floor!.best), floor: '—', goal: '—', verdict: 'INFO', note: `grants/s; best of ${reps}, median ${si(floor!.median)}`},
		{
			target: '1',
			figure: `bare grant loop with the engine's spins (${MAIN_SPIN_MS * 1000} µs main / ${WORKER_SPIN_SHARED_US} µs worker)`,
			measured: rate(spun!.best),
			floor: '—',
			goal: '—',
			verdict: 'INFO',
			note: `for attribution (spinning wins when a core is free, loses on a loaded machine); best of ${reps}, median ${si(spun!.median)}`,
		},
		engineRow('controlled steps/s, 2-process lock ping-pong, lines off', bare!),
		engineRow('controlled steps/s, same, as --json runs it (lines on, JSON per event)', cli!),
	];
}
