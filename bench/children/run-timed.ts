/**
 * Runs one lesson in this process, as the CLI's `--json` would (source lines
 * on, every event JSON-stringified), and prints one JSON line of timings for
 * the parent bench: when the first trace event came out, when each process
 * came online (its main task's first gate), when the last thread of the
 * process reached its first gate and printed its first line, when the run
 * ended, and this process's peak RSS.
 *
 * Usage: node run-timed.js <spec> '<request JSON>'
 * Times are milliseconds from the createRun call; `boot` is how long this
 * process took to get there (Node start-up, loading the engine and lesson).
 */
import {createRun} from '../../source/run/launch.js';
import type {TraceEvent} from '../../source/engine/trace.js';
import {lesson} from '../lib/lesson.js';
import {hosts} from '../../source/run/pool.js';

const [spec, requestJson] = process.argv.slice(2);
// As the CLI does: an engine host boots while the lesson is loaded.
hosts.warm(1);
const request = JSON.parse(requestJson ?? '{}') as Record<string, unknown>;
const {scenario, variant} = await lesson(spec!);

const boot = performance.now();
const t0 = performance.now();
let firstEvent = -1;
let firstPrint = -1;
let bytes = 0;
const processTasks = new Set<string>();
const online = new Set<string>();
let lastOnline = -1;
const threads = new Set<string>();
const threadsStarted = new Set<string>();
let firstThread = -1;
let firstThreadStep = -1;
let lastThreadStarted = -1;
let lastThreadStep = -1;
const threadsPrinted = new Set<string>();
let lastThreadPrint = -1;
let end = -1;
let outcome = '';
let steps = 0;

const onEvent = (e: TraceEvent): void => {
	const now = performance.now() - t0;
	if (firstEvent < 0) firstEvent = now;
	bytes += JSON.stringify(e).length + 1;
	switch (e.kind) {
		case 'task':
			if (e.thread) {
				threads.add(e.task);
				if (firstThread < 0) {
					firstThread = now;
					firstThreadStep = e.step;
				}
			} else processTasks.add(e.task);
			break;
		case 'gate':
			if (processTasks.has(e.task) && !online.has(e.task)) {
				online.add(e.task);
				lastOnline = now;
			}
			if (threads.has(e.task) && !threadsStarted.has(e.task)) {
				threadsStarted.add(e.task);
				lastThreadStarted = now;
				lastThreadStep = e.step;
			}
			break;
		case 'print':
			if (firstPrint < 0) firstPrint = now;
			if (threads.has(e.task) && !threadsPrinted.has(e.task)) {
				threadsPrinted.add(e.task);
				lastThreadPrint = now;
			}
			break;
		case 'end':
			end = now;
			outcome = e.outcome;
			steps = e.steps;
			break;
	}
};

const {done} = createRun({...request, scenario, variant}, onEvent);
await done;
const rssKb = process.resourceUsage().maxRSS;
process.stdout.write(
	`${JSON.stringify({
		boot,
		firstEvent,
		firstPrint,
		processes: processTasks.size,
		online: online.size,
		lastOnline,
		threads: threads.size,
		threadsStarted: threadsStarted.size,
		firstThread,
		lastThreadStarted,
		threadSteps: lastThreadStep - firstThreadStep,
		threadsPrinted: threadsPrinted.size,
		lastThreadPrint,
		end,
		outcome,
		steps,
		bytes,
		rssBytes: rssKb * 1024,
	})}\n`,
);
