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
import {commandFor, pressOfToken} from '../ui/keys.js';
import {IntroCard} from '../ui/IntroCard.js';
import {Screen, withWindows, type ScreenPlan} from '../ui/Screen.js';
import {RunSession, type Frame, type SessionInit} from '../ui/session.js';
import {SHOW_KEY_MS, ShownKeys} from '../ui/ShownKeys.js';
import {ThemeContext, type Theme} from '../ui/theme.js';
import {Cast} from './asciicast.js';
import {Beats, VARIANT_BAR_MS} from './beats.js';
import type {Said, ScriptStep} from './key-script.js';
import {ScreenBytes} from './screen-bytes.js';
import {ScreencastBars} from '../ui/ScreencastBars.js';
import {VirtualClock} from './virtual-clock.js';
import {VirtualTerminal} from './virtual-terminal.js';
import {shareInkCaches} from '../ui/ink-caches.js';

await shareInkCaches();

/** Virtual time a key press takes: keys typed in a row are seen one by one. */
export const KEY_MS = 300;
/** How long the last frame stays once the script quits. */
export const HOLD_MS = 1000;
/** How long a cast shows the lesson's intro card before the script's first step. */
export const CARD_MS = 6000;
/** How much virtual time `until` may play before the script goes on without it. */
const MAX_UNTIL_MS = 3_600_000;
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
	/** Seconds every beat (a caption first shown, an invariant broken, the end) holds the screen still. */
	pauseAtBeats?: number;
	/**
	 * The cast starts at the lesson's intro card, held for CARD_MS (and any
	 * --pause-at-beats on top); then it goes away and the lesson starts as
	 * `init.paused` says, so a script means the same with or without it.
	 */
	card?: boolean;
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
	const session = new RunSession({...o.init, card: o.card, timers: clock}, () => wake?.());
	o.onSession?.(session);
	const terminal = new VirtualTerminal(o.columns, o.rows);
	const cast = new Cast({width: o.columns, height: o.rows, title: o.title});
	const bytes = new ScreenBytes(o.rows);
	const beats = new Beats();
	let shown: {label: string; at: number}[] = [];
	/** What the script's `title` and `say` put on screen. */
	const bars: {title?: string; said?: Said} = {};
	/** A `say` in the language on screen: its own text for it, else the other's (L switches it with the rest). */
	const sayIn = (lang: 'zh' | 'en') => (lang === 'zh' ? (bars.said?.zh ?? bars.said?.en) : (bars.said?.en ?? bars.said?.zh)) || undefined;
	/** A new variant (v), named in the caption bar for VARIANT_BAR_MS (over a `say`, which comes back after). */
	let variantBar: {text: string; until: number} | undefined;
	const holdMs = Math.round((o.pauseAtBeats ?? 0) * 1000);
	/** The panels' windows as last drawn, for Tab and PgUp/PgDn. */
	const plan: {current?: ScreenPlan} = {};

	const tree = (frame: Frame) =>
		createElement(
			ThemeContext.Provider,
			{value: o.theme},
			createElement(
				ShownKeys,
				{labels: shown.map(k => k.label), columns: o.columns, rows: o.rows},
				createElement(
					ScreencastBars,
					{title: bars.title, say: variantBar?.text ?? sayIn(frame.lang), columns: o.columns, rows: o.rows},
					// As the live TUI draws it (App.tsx): the card over the panels.
					frame.card && !frame.help ? createElement(IntroCard, {frame, columns: o.columns, rows: o.rows}) : createElement(Screen, {frame, columns: o.columns, rows: o.rows, plan}),
				),
			),
		);
	const instance = render(tree(session.frame()), {stdout: terminal.stream, debug: true, patchConsole: false, exitOnCtrlC: false});
	/** Draws the session's frame; a frame with a beat holds the screen still for --pause-at-beats (returns how long, in ms). */
	const draw = (): {frame: Frame; held: number} => {
		shown = shown.filter(k => k.at + SHOW_KEY_MS > clock.now);
		const frame = session.frame();
		// The beats first: the frame that shows a new variant shows its bar too.
		const marked = beats.next(frame);
		if (variantBar && variantBar.until <= clock.now) variantBar = undefined;
		if (beats.changedVariant) {
			variantBar = {text: beats.changedVariant, until: clock.now + VARIANT_BAR_MS};
			// A frame when the bar is due to leave the screen.
			clock.setTimeout(() => {}, VARIANT_BAR_MS);
		}
		instance.rerender(tree(frame));
		const seconds = clock.now / 1000;
		cast.output(seconds, bytes.next(terminal.last));
		for (const beat of marked) cast.marker(seconds, beat);
		const held = marked.length > 0 ? holdMs : 0;
		clock.hold(held);
		// Held still, the bar stays as long again.
		if (variantBar) variantBar.until += held;
		return {frame, held};
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
	/** Moves the virtual clock on by `ms` (and any time a beat held it), drawing a frame at each timer that fires on the way. */
	const advance = async (ms: number) => {
		let until = clock.now + ms;
		for (let due = clock.nextDue(until); due !== undefined; due = clock.nextDue(until)) {
			clock.fireUntil(due);
			await settle();
			until += draw().held;
		}
		clock.fireUntil(until);
	};
	/** Plays, a frame at each timer, until the frame on screen shows what is asked (or nothing is left to play). */
	const playUntil = async (reached: (f: Frame) => boolean) => {
		if (reached(session.frame())) return;
		session.setPlaying(true);
		const limit = clock.now + MAX_UNTIL_MS;
		for (let due = clock.nextDue(limit); due !== undefined; due = clock.nextDue(limit)) {
			clock.fireUntil(due);
			await settle();
			if (reached(draw().frame)) return;
		}
	};

	/** A direction of the script that is not a key: it takes no time of its own, and draws what it changed. */
	const direct = async (step: Exclude<ScriptStep, {wait: number} | {key: string}>) => {
		if ('title' in step) bars.title = step.title || undefined;
		else if ('say' in step) bars.said = step.say;
		else if ('speed' in step) session.setSpeed(step.speed);
		else if ('goto' in step) session.goto(step.goto);
		else if (step.until === 'end') {
			await playUntil(f => f.status === 'ended' || f.status === 'deadlock' || f.status === 'error');
			return;
		} else {
			await playUntil(f => Object.values(f.view.invariants).some(i => !i.ok));
			session.setPlaying(false);
		}
		await settle();
		draw();
	};

	try {
		await settle();
		draw();
		if (o.card) {
			cast.marker(clock.now / 1000, 'intro card');
			await advance(CARD_MS + holdMs);
			session.command({name: 'close'});
			if (!o.init.paused) session.setPlaying(true);
			await settle();
			draw();
		}
		let quit = false;
		for (const step of o.steps) {
			if ('wait' in step) {
				await advance(step.wait);
				continue;
			}
			if (!('key' in step)) {
				await direct(step);
				continue;
			}
			await advance(KEY_MS);
			// The key Ink would report for these bytes: the table says, as it says for the live TUI.
			const press = pressOfToken(step.name);
			if (o.showKeys) {
				shown.push({label: press.shown, at: clock.now});
				// A frame when the key is due to leave the screen.
				clock.setTimeout(() => {}, SHOW_KEY_MS);
			}
			const command = commandFor(press.key);
			if (command?.name === 'quit') {
				draw();
				quit = true;
				break;
			}
			if (command) session.command(withWindows(command, plan.current));
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

