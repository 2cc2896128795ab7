/**
 * Target 4: 1000 Threads in one process, each taking one step. In a child
 * process each (peak RSS is per process), as `--json` would run it: the time
 * from the first thread's creation to the 1000th thread's first gate, and the
 * peak RSS against the same lesson with no threads.
 */
import {handoff} from '../floors/handoff.js';
import {runTimed, type Timed} from '../lib/child.js';
import {type Row, mb, ms} from '../lib/table.js';

const THREADS = 1000;
const START_MS = 100;
const EXTRA_BYTES = 100 * (1 << 20);

export async function threadsFigure(reps: number): Promise<Row[]> {
	const runs: Timed[] = [];
	const empties: Timed[] = [];
	for (let i = 0; i < reps; i++) {
		const t = await runTimed('bench/threads', {options: {threads: THREADS}});
		if (t.outcome !== 'completed' || t.threadsStarted !== THREADS) throw new Error(`threads lesson ended ${t.outcome} with ${t.threadsStarted}/${THREADS} started`);
		runs.push(t);
		empties.push(await runTimed('bench/threads:empty', {}));
	}
	const span = (t: Timed) => t.lastThreadStarted - t.firstThread;
	const sorted = [...runs].sort((a, b) => span(a) - span(b));
	const best = sorted[0]!;
	const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
	// Free mode for comparison: no gates, so a start is not a step; "started" is each thread's print arriving.
	const free = await runTimed('bench/threads', {free: true, options: {threads: THREADS}});
	const freeSpan = free.lastThreadPrint - free.firstThread;
	// The floor of the controlled figure: as many bare in-thread hand-offs (no engine) as it took steps.
	const grants = Math.max(await handoff(300), await handoff(300));
	const floorMs = (best.threadSteps / grants) * 1000;
	const rss = Math.min(...runs.map(r => r.rssBytes));
	const empty = Math.min(...empties.map(r => r.rssBytes));
	return [
		{
			target: '4',
			figure: `${THREADS} threads in one process: all started`,
			measured: ms(span(best)),
			floor: `${best.threadSteps} bare hand-offs: ${ms(floorMs)}`,
			goal: `≤ ${ms(START_MS)}`,
			verdict: span(best) <= START_MS ? 'PASS' : 'MISS',
			note: `controlled (the default), random policy: first thread created → the ${THREADS}th at its first gate, ${best.threadSteps} steps; best of ${reps}, median ${ms(span(median))}; whole run (${best.steps} steps) ${ms(best.end)}`,
		},
		{
			target: '4',
			figure: `${THREADS} threads in one process, free mode: all started and printed`,
			measured: ms(freeSpan),
			floor: '—',
			goal: `≤ ${ms(START_MS)}`,
			verdict: freeSpan <= START_MS ? 'PASS' : 'MISS',
			note: `no gates: first thread created → the ${THREADS}th thread's print reaching the engine; one run (${free.threadsPrinted} printed)`,
		},
		{
			target: '4',
			figure: `${THREADS} threads in one process: peak RSS over an empty run`,
			measured: `+${mb(rss - empty)}`,
			floor: `empty run ${mb(empty)}`,
			goal: `< +${mb(EXTRA_BYTES)}`,
			verdict: rss - empty < EXTRA_BYTES ? 'PASS' : 'MISS',
			note: `getrusage maxRSS of the engine's process, lowest of ${reps} each (${mb(rss)} with the threads)`,
		},
	];
}
