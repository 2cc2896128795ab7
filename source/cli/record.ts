/**
 * `--keys`: the lesson driven by a key script and recorded, with no
 * terminal needed. The cast goes to `--record FILE`; without it, on a
 * terminal, the recording is played back there at its own pace.
 */
import {closeSync, existsSync, openSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {InputError} from '../scenario/load.js';
import type {SessionInit} from '../ui/session.js';
import type {Args} from './args.js';
import {onLeave} from './shutdown.js';

/** Without --size and without a terminal: a terminal's usual size. */
const DEFAULT_SIZE = {columns: 80, rows: 24} as const;

export async function recordLesson(init: Omit<SessionInit, 'timers'>, args: Args): Promise<number> {
	const tty = process.stdout.isTTY;
	if (!args.record && !tty) throw new InputError(`--keys without a terminal needs --record FILE.cast`);
	const size = args.size ?? (tty ? {columns: process.stdout.columns || DEFAULT_SIZE.columns, rows: process.stdout.rows || DEFAULT_SIZE.rows} : DEFAULT_SIZE);
	// Colours are chosen by the theme (NO_COLOR), never by whether stdout is a terminal: a cast made in CI looks as one made at a desk.
	process.env.FORCE_COLOR ??= '1';
	process.env.NODE_ENV ??= 'production';
	const [{recordScript}, {themeFromEnv}, {castTitle}] = await Promise.all([import('../record/script-driver.js'), import('../ui/theme.js'), import('../record/beats.js')]);
	const meta = init.scenario.meta;
	let forget = () => {};
	const {cast} = await recordScript({
		// A signal while recording: the session's runs are ended and their folders removed before the exit.
		onSession: session => (forget = onLeave(() => session.dispose())),
		init,
		steps: args.keys ?? [],
		columns: size.columns,
		rows: size.rows,
		showKeys: args.showKeys,
		pauseAtBeats: args.pauseAtBeats,
		// As the TUI opens a lesson: on its card, unless --paused asks for the first step at once.
		card: !args.paused,
		theme: themeFromEnv(),
		title: castTitle(meta, init.variant, init.lang),
	}).finally(() => forget());
	if (args.record) {
		try {
			writeFileSync(args.record, cast.toString());
		} catch (error) {
			throw new InputError(`cannot write ${args.record}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
		}
		return 0;
	}
	const {playCast} = await import('../record/play.js');
	await playCast(cast.toString(), process.stdout);
	return 0;
}

/**
 * Refuses a --record path that cannot be written, before the screen is
 * taken over: opening it is the only true test (a folder that is missing,
 * read-only, a directory); a file made for the test is removed again.
 */
export function checkRecordPath(path: string): void {
	const existed = existsSync(path);
	try {
		if (existed && statSync(path).isDirectory()) throw Object.assign(new Error('EISDIR'), {code: 'EISDIR'});
		closeSync(openSync(path, 'a'));
		if (!existed) unlinkSync(path);
	} catch (error) {
		throw new InputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
}
