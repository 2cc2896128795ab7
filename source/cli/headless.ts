/**
 * A run with no TUI: the trace as JSON Lines (`--json`) or the transcript.
 * Output is written through one buffered stream so a long run is not
 * slowed by a write per event.
 */
import {createRun} from '../engine/launch.js';
import type {TraceEvent} from '../engine/trace.js';
import type {LoadedScenario} from '../scenario/load.js';
import {runSettings, type Args} from './args.js';
import {transcriptLine} from './transcript.js';
import {track} from './shutdown.js';

export async function runHeadless(scenario: LoadedScenario, variant: string | undefined, args: Args): Promise<number> {
	let buffer: string[] = [];
	const flush = () => {
		if (buffer.length === 0) return;
		process.stdout.write(`${buffer.join('\n')}\n`);
		buffer = [];
	};
	const onEvent = args.json
		? (e: TraceEvent) => {
				buffer.push(JSON.stringify(e));
				if (buffer.length >= 512) flush();
			}
		: (e: TraceEvent) => {
				const line = transcriptLine(e);
				if (line !== undefined) buffer.push(line);
				if (buffer.length >= 64 || e.kind === 'print') flush();
			};
	const {done} = track(createRun({scenario, variant, ...runSettings(args)}, onEvent));
	const result = await done;
	flush();
	return result.broken.length > 0 ? 1 : 0;
}
