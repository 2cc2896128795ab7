/**
 * Drives a lesson by a key script, as a person would, and records what the
 * TUI draws into an asciicast. Nothing drawn depends on real timing:
 *
 * - before the first frame and after each key, the driver waits (in real
 *   time) until the session is idle: the run fully recorded, a rerun arrived,
 *   or the engine waiting for a manual pick. So "step 3/44", never
 *   "starting" or a half-recorded total.
 * - playback timers run on a virtual clock that only the script's waits
 *   (and a fixed delta per key) move; each timer that fires is a frame.
 * - every frame is rendered at once into a terminal of the fixed size, and
 *   stamped with the virtual time.
 *
 * So the same script and seed give the same bytes (free mode aside: there
 * the OS schedules).
 */
import {createElement} from 'react';
import {render} from 'ink';
import {commandFor, keyName} from '../ui/keys.js';
import {Screen} from '../ui/Screen.js';
import {RunSession, type Frame, type SessionInit} from '../ui/session.js';
import {SHOW_KEY_MS, ShownKeys} from '../ui/ShownKeys.js';
import {ThemeContext, type Theme} from '../ui/theme.js';
import {Cast} from './asciicast.js';
import {Beats} from './beats.js';
import type {ScriptStep} from './key-script.js';
import {ScreenBytes} from './screen-bytes.js';
import {VirtualClock} from './virtual-clock.js';
import {VirtualTerminal} from './virtual-terminal.js';
import {shareInkCaches} from '../ui/ink-caches.js';

await shareInkCaches();

/** Virtual time a key press takes: keys typed in a row are seen one by one. */
export const KEY_MS = 300;
/** How long the last frame stays once the script quits. */
export const HOLD_MS = 1000;
/** Real time a lesson may take to settle after a key before the recording gives up. */
const SETTLE_MS = 120_000;

export interface ScriptOptions {
	init: Omit<SessionInit, 'timers'>;
	steps: readonly ScriptStep[];
	columns: number;
	rows: number;
	showKeys: boolean;
	theme: Theme;
	title?: string;
	/** Told the session as soon as it exists (so the CLI can dispose of it on a signal). */
	onSession?: (session: RunSession) => void;
}

export interface ScriptResult {
	cast: Cast;
	/** The last frame drawn, as Ink wrote it (what the screen ends on). */
	screen: string;
}

export async function recordScript(o: ScriptOptions): Promise<ScriptResult> {
	const clock = new VirtualClock();
	let wake: (() => void) | undefined;
	const session = new RunSession({...o.init, timers: clock}, () => wake?.());
	o.onSession?.(session);
	const terminal = new VirtualTerminal(o.columns, o.rows);
	const cast = new Cast({width: o.columns, height: o.rows, title: o.title});
	const bytes = new ScreenBytes(o.rows);
	const beats = new Beats();
	let shown: {name: string; at: number}[] = [];

	const tree = (frame: Frame) =>
		createElement(
			ThemeContext.Provider,
			{value: o.theme},
			createElement(ShownKeys, {keys: shown.map(k => k.name), columns: o.columns, rows: o.rows}, createElement(Screen, {frame, columns: o.columns, rows: o.rows})),
		);
	const instance = render(tree(session.frame()), {stdout: terminal.stream, debug: true, patchConsole: false, exitOnCtrlC: false});
	const draw = () => {
		shown = shown.filter(k => k.at + SHOW_KEY_MS > clock.now);
		const frame = session.frame();
		instance.rerender(tree(frame));
		const seconds = clock.now / 1000;
		cast.output(seconds, bytes.next(terminal.last));
		for (const beat of beats.next(frame)) cast.marker(seconds, beat);
	};
	const settle = () =>
		new Promise<void>((resolve, reject) => {
			const giveUp = setTimeout(() => {
				wake = undefined;
				reject(new Error(`the lesson did not settle within ${SETTLE_MS / 1000} s (at ${clock.now / 1000} s of the script)`));
			}, SETTLE_MS);
			wake = () => {
				if (!session.idle) return;
				wake = undefined;
				clearTimeout(giveUp);
				resolve();
			};
			wake();
		});
	/** Moves the virtual clock to `until`, drawing a frame at each timer that fires on the way. */
	const advance = async (until: number) => {
		for (let due = clock.nextDue(until); due !== undefined; due = clock.nextDue(until)) {
			clock.fireUntil(due);
			await settle();
			draw();
		}
		clock.fireUntil(until);
	};

	try {
		await settle();
		draw();
		let quit = false;
		for (const step of o.steps) {
			if ('wait' in step) {
				await advance(clock.now + step.wait);
				continue;
			}
			await advance(clock.now + KEY_MS);
			const name = scriptKeyName(step.name) ?? keyName(step.key, {});
			if (o.showKeys) {
				shown.push({name: step.name, at: clock.now});
				// A frame when the key is due to leave the screen.
				clock.setTimeout(() => {}, SHOW_KEY_MS);
			}
			const command = commandFor(name);
			if (command?.name === 'quit') {
				draw();
				quit = true;
				break;
			}
			if (command) session.command(command);
			await settle();
			draw();
		}
		if (quit) clock.fireUntil(clock.now + HOLD_MS);
		cast.output(clock.now / 1000, bytes.end());
		return {cast, screen: terminal.last};
	} finally {
		wake = undefined;
		instance.unmount();
		await session.dispose();
	}
}

/** Key names the terminal's bytes do not give by themselves (as Ink's parser would). */
function scriptKeyName(name: string): string | undefined {
	switch (name) {
		case 'space':
			return 'space';
		case 'enter':
		case 'return':
			return 'return';
		case 'esc':
		case 'escape':
			return 'escape';
		case 'ctrl-c':
			return 'ctrl+c';
		case 'left':
		case 'right':
		case 'up':
		case 'down':
			return name;
		default:
			return undefined;
	}
}
