/**
 * Runs the TUI in a real terminal: the alternate screen, Ink in production
 * mode (set by the CLI before this module loads), and a quit that always
 * leaves the terminal as it was: q, Ctrl-C, SIGTERM, SIGINT and SIGHUP
 * unmount Ink, leave the alternate screen, show the cursor, end every worker
 * and remove the run's folder, then exit 0.
 */
import {render, type Instance} from 'ink';
import {castTitle} from '../record/beats.js';
import {LiveRecorder} from '../record/recorder.js';
import {Shell} from './Shell.js';
import type {RunSession, SessionInit} from './session.js';
import {ThemeContext, themeFromEnv} from './theme.js';
import {shareInkCaches} from './ink-caches.js';
import {EXIT_SIGNALS} from '../cli/shutdown.js';

await shareInkCaches();

const ENTER = '\x1b[?1049h\x1b[H\x1b[2J';
const LEAVE = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const CLEAR = '\x1b[H\x1b[2J';

export interface TuiOptions {
	/** Write what is drawn to this asciicast file when the viewer quits. */
	record?: string;
	/** A fixed frame size instead of the terminal's. */
	size?: {columns: number; rows: number};
	showKeys?: boolean;
	/** The language of the menu and of the lessons opened from it (a lesson given keeps its own). */
	lang?: 'zh' | 'en';
}

/** The TUI on a lesson (`init`), or on the lesson menu when none is given. */
export function runTui(init: SessionInit | undefined, options: TuiOptions = {}): Promise<number> {
	return new Promise(resolve => {
		const stdout = process.stdout;
		const theme = themeFromEnv();
		let session: RunSession | undefined;
		let quitting = false;
		let instance: Instance | undefined;
		const size = () => options.size ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
		const meta = init?.scenario.meta;
		const lang = init?.lang ?? options.lang ?? 'en';
		const title = meta ? castTitle(meta, init?.variant, lang) : 'conc-tui';
		const recorder = options.record ? new LiveRecorder(size().columns, size().rows, title, () => session?.frame()) : undefined;
		const tree = ({columns, rows}: {columns: number; rows: number}) => (
			<ThemeContext.Provider value={theme}>
				<Shell first={init} lang={lang} speed={init?.speed} onQuit={quit} columns={columns} rows={rows} showKeys={options.showKeys} onSession={s => (session = s)} />
			</ThemeContext.Provider>
		);
		// Registered before Ink's own handler, so that Ink redraws a tree already laid out for
		// the new size, from the top of a clean screen: never the old, wider frame wrapped.
		const onResize = () => {
			if (quitting || !instance) return;
			if (!options.size) recorder?.resize(size().columns, size().rows);
			stdout.write(CLEAR);
			instance.clear();
			instance.rerender(tree(size()));
		};
		// q, Ctrl-C and a signal alike: the viewer is done, exit 0 (documented, and held by the PTY tests).
		const quit = () => {
			if (quitting) return;
			quitting = true;
			const stopped = session?.dispose() ?? Promise.resolve();
			instance?.unmount();
			// The cast ends on the last frame (not the shell's screen), with the cursor given back.
			recorder?.note(`\x1b[${size().rows};1H${SHOW_CURSOR}`);
			let saveError: string | undefined;
			try {
				recorder?.save(options.record!);
			} catch (error) {
				saveError = `cannot write ${options.record}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
			}
			stdout.write(LEAVE + SHOW_CURSOR);
			if (saveError) process.stderr.write(`conc-tui: ${saveError}\n`);
			stdout.off('resize', onResize);
			// Workers end with the process in any case; give them a moment to end cleanly.
			// The runs' own ends remove their temporary folders: wait for them, a while at most.
			// Our handlers stay until then: were they gone, Ink's signal-exit would re-raise the signal and end the process before the folders are removed.
			void Promise.race([stopped, new Promise(r => setTimeout(r, 5000).unref())]).then(() => {
				for (const [signal, handler] of onSignal) process.off(signal, handler);
				resolve(saveError ? 2 : 0);
			});
		};
		const onSignal = EXIT_SIGNALS.map(signal => [signal, () => quit()] as const);
		stdout.write(ENTER);
		recorder?.note(CLEAR);
		recorder?.tap(stdout);
		stdout.on('resize', onResize);
		for (const [signal, handler] of onSignal) process.on(signal, handler);
		// Not incremental: Ink 6.8's incremental writer starts its next frame a row too low when a frame ends with a newline.
		instance = render(tree(size()), {exitOnCtrlC: false, patchConsole: true, maxFps: 30});
	});
}
