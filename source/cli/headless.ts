/**
 * A run with no TUI: the trace as JSON Lines (`--json`) or the transcript.
 * Output is written through one buffered stream so a long run is not
 * slowed by a write per event.
 */
import {createRun} from '../run/launch.js';
import type {TraceEvent} from '../engine/trace.js';
import type {LoadedScenario} from '../scenario/load.js';
import {runSettings, type Args} from './args.js';
import {transcriptLine, type TranscriptContext} from './transcript.js';
import {track} from './shutdown.js';
import {ChoiceLog} from '../view/choices.js';
import {scheduleLine, withSchedule} from './schedule.js';
import {challengeFor} from './challenge.js';
import {challengeJson, challengeLine, challengeOutcome} from '../view/challenge.js';
import {apply} from '../view/reducer.js';
import {emptyState} from '../view/state.js';

export async function runHeadless(scenario: LoadedScenario, variant: string | undefined, args: Args): Promise<number> {
	let buffer: string[] = [];
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		if (buffer.length === 0) return;
		process.stdout.write(`${buffer.join('\n')}\n`);
		buffer = [];
	};
	// Lines come out as the run makes them (a free-mode run takes real time), at most 20 ms late.
	const soon = () => {
		timer ??= setTimeout(flush, 20);
	};
	const exit = mainExitCode();
	// Worded in the language asked for (--lang); without it English, whatever the locale, so a script reading it reads the same words.
	const context: TranscriptContext = {lang: args.lang ?? 'en', meta: scenario.meta};
	const record = args.json
		? (e: TraceEvent) => {
				buffer.push(JSON.stringify(e));
				if (buffer.length >= 512) flush();
				else soon();
			}
		: (e: TraceEvent) => {
				if (e.kind === 'run') context.variant = e.variant;
				const line = transcriptLine(e, context);
				if (line !== undefined) buffer.push(line);
				if (buffer.length >= 64 || e.kind === 'print') flush();
				else soon();
			};
	const log = new ChoiceLog();
	// --challenge: the view state and the step of each pick, for the outcome at the end (view/challenge.ts).
	const challenge = args.challenge ? challengeFor(scenario, variant) : undefined;
	const view = emptyState();
	const picks: number[] = [];
	const outcome = () => challengeOutcome(challenge!, view, picks, scenario.meta.invariants);
	const onEvent = (e: TraceEvent) => {
		exit.see(e);
		const before = log.points.length;
		log.see(e);
		if (challenge) {
			if (log.points.length > before) picks.push(e.step);
			apply(view, e);
		}
		if (e.kind !== 'end') return record(e);
		if (args.json) return record(challenge ? {...withSchedule(e, log.choices), challenge: challengeJson(outcome())} as TraceEvent : withSchedule(e, log.choices));
		record(e);
		buffer.push(scheduleLine(args, resolved, log.choices));
		if (challenge) buffer.push(challengeLine(challenge, outcome(), scenario.meta.invariants));
	};
	const {done, resolved} = track(createRun({scenario, variant, ...runSettings(args), schedule: args.schedule}, onEvent));
	const result = await done;
	flush();
	// As `python3 lesson.py` exits: with the main program's exit code (a traceback: 1; sys.exit(n): n),
	// and as a shell reports a program ended by signal N (its exit code -N): 128 + N.
	if (exit.code < 0) return 128 - exit.code;
	if (exit.code !== 0) return exit.code & 0xff;
	return result.broken.length > 0 ? 1 : 0;
}

/** Follows the trace for the main program's exit code (the first task is the main program). */
function mainExitCode(): {code: number; see: (e: TraceEvent) => void} {
	let main: string | undefined;
	const exit = {
		code: 0,
		see(e: TraceEvent): void {
			if (e.kind === 'task' && main === undefined) main = e.task;
			if (e.kind === 'state' && e.task === main && e.state === 'done' && e.exitcode !== undefined) exit.code = e.exitcode;
		},
	};
	return exit;
}
