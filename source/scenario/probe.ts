/**
 * A user's lesson file is imported on the main thread to read its meta, and
 * nothing can interrupt a module's top level there: a busy loop would hang
 * the CLI for ever, and a top-level await that never settles would let it
 * exit 0 with nothing said. So it is first imported in a short-lived worker
 * with a time limit, where both can be seen and stopped.
 */
import {Worker} from 'node:worker_threads';

/** Long enough for a lesson that loads slowly but honestly; a person is still waiting. */
export const PROBE_MS = 5000;

/** How a trial import ended. */
export type ProbeResult =
	| {kind: 'loaded'}
	| {kind: 'threw'; message: string}
	/** The import never settled and nothing else was left to run. */
	| {kind: 'never-settles'}
	| {kind: 'too-slow'; ms: number};

const PROBE = `
const {parentPort, workerData} = require('node:worker_threads');
import(workerData).then(
	() => parentPort.postMessage({kind: 'loaded'}),
	error => parentPort.postMessage({kind: 'threw', message: String(error && error.message !== undefined ? error.message : error)}),
);
`;

export function probeImport(module: string, ms = PROBE_MS): Promise<ProbeResult> {
	return new Promise(resolve => {
		let settled = false;
		const worker = new Worker(PROBE, {eval: true, workerData: module, stdout: true, stderr: true});
		const finish = (result: ProbeResult) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			void worker.terminate();
			resolve(result);
		};
		// What the lesson prints at its top level is not the CLI's output.
		worker.stdout.resume();
		worker.stderr.resume();
		const timer = setTimeout(() => finish({kind: 'too-slow', ms}), ms);
		worker.on('message', (result: ProbeResult) => finish(result));
		worker.on('error', error => finish({kind: 'threw', message: error.message}));
		// A worker whose import promise never settles runs out of work and exits with nothing posted.
		worker.on('exit', () => finish({kind: 'never-settles'}));
	});
}
