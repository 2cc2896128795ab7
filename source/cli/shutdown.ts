/**
 * Leaving early without leaving anything behind: a signal, or output that
 * can no longer be written, ends every run still going (its workers and its
 * temporary folder) before the process exits.
 */

/** What a run must be asked to do before the process may exit. */
export interface Stoppable {
	engine: {stop(): Promise<void>};
	/** Settles once the run has ended and removed its folder. */
	done: Promise<unknown>;
}

/** The shell's convention: a process ended by signal N exits 128 + N. */
export const SIGNAL_EXIT = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;
export type ExitSignal = keyof typeof SIGNAL_EXIT;
export const EXIT_SIGNALS = Object.keys(SIGNAL_EXIT) as ExitSignal[];

/** A run that ignores stop() must not keep a user's Ctrl-C from working. */
const STOP_LIMIT_MS = 5000;

/** What to do before an early exit: end a run, dispose of a session. */
const cleanups = new Set<() => Promise<void>>();
let leaving = false;

/** Runs `cleanup` before an early exit, until the returned function is called. */
export function onLeave(cleanup: () => Promise<void>): () => void {
	cleanups.add(cleanup);
	return () => cleanups.delete(cleanup);
}

/** Keeps `run` to be ended on an early exit, until it is over. */
export function track<T extends Stoppable>(run: T): T {
	const forget = onLeave(async () => {
		await run.engine.stop().catch(() => {});
		await run.done.catch(() => {});
	});
	void run.done.then(forget, forget);
	return run;
}

/** Ends every run still going and waits (a while at most) until each has cleaned up. */
export async function endRuns(): Promise<void> {
	const all = [...cleanups].map(cleanup => cleanup().catch(() => {}));
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([Promise.all(all), new Promise(resolve => (timer = setTimeout(resolve, STOP_LIMIT_MS)))]);
	clearTimeout(timer);
}

/** Ends the runs, says why on stderr (if anything), and exits with `code`. Only the first call counts. */
export function leave(code: number, why?: string): void {
	if (leaving) return;
	leaving = true;
	if (why) {
		try {
			process.stderr.write(`conc-tui: ${why}\n`);
		} catch {
			// stderr is gone too: the exit status still says it.
		}
	}
	void endRuns().then(() => process.exit(code));
}

/** Until the returned function is called, SIGINT, SIGTERM and SIGHUP end the runs and exit 128 + N. */
export function leaveOnSignals(): () => void {
	const handlers = EXIT_SIGNALS.map(signal => {
		const handler = () => leave(SIGNAL_EXIT[signal]);
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	return () => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
	};
}
