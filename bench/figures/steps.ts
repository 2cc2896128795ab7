/**
 * Target 1: controlled steps per second, headless, on the two-process lock
 * ping-pong, against the in-thread hand-off floor measured in the same run
 * (async tasks handing a gate to each other on one thread, no engine).
 *
 * The steps are counted from the first grant to the run's end event, so the
 * workers' start-up is not in the figure. Two configurations: the engine with
 * a consumer that only counts events and no source lines (`lines: false`),
 * and the one the CLI's `--json` runs (source lines on, every event
 * JSON-stringified).
 */
import {handoff} from '../floors/handoff.js';
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
	const bareRuns: number[] = [];
	const cliRuns: number[] = [];
	for (let i = 0; i < reps; i++) {
		floorRuns.push(await handoff(300));
		bareRuns.push(await pingpong({lines: false, json: false}));
		cliRuns.push(await pingpong({lines: true, json: true}));
	}
	const [floor, bare, cli] = [floorRuns, bareRuns, cliRuns].map(x => sample(x));
	const rate = (x: number) => `${si(x)} steps/s`;
	const engineRow = (figure: string, x: Sample, share: number): Row => ({
		target: '1',
		figure,
		measured: rate(x.best),
		floor: rate(floor!.best),
		goal: `≥ ${rate(floor!.best / share)} (1/${share} floor)`,
		verdict: x.best >= floor!.best / share ? 'PASS' : 'MISS',
		note: `best of ${reps}, median ${si(x.median)}; 1/${(floor!.best / x.best).toFixed(1)} of the floor`,
	});
	return [
		{target: '1', figure: 'floor: in-thread hand-off between two async tasks, no engine', measured: rate(floor!.best), floor: '—', goal: '—', verdict: 'INFO', note: `best of ${reps}, median ${si(floor!.median)}`},
		engineRow('controlled steps/s, 2-process lock ping-pong, lines off, trace events produced', bare!, 5),
		engineRow('controlled steps/s, same, as --json runs it (lines on, JSON per event)', cli!, 10),
	];
}
