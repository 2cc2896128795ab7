/**
 * How states look. Every state has a symbol and a word as well as a colour,
 * so a monochrome terminal or `NO_COLOR` loses nothing but the colour.
 */
import {createContext, useContext} from 'react';
import type {TaskState} from '../engine/trace.js';
import {padCells} from './cells.js';
import {words, type Lang} from '../view/words.js';

export interface Look {
	symbol: string;
	word: string;
	color: string;
	/** One cell of the timeline. */
	cell: string;
}

export const STATE_LOOK: Record<TaskState, Look> = {
	new: {symbol: '·', word: 'new', color: 'gray', cell: '·'},
	ready: {symbol: '○', word: 'ready', color: 'yellow', cell: '░'},
	running: {symbol: '▶', word: 'running', color: 'green', cell: '█'},
	blocked: {symbol: '■', word: 'blocked', color: 'red', cell: '×'},
	done: {symbol: '✓', word: 'done', color: 'blue', cell: ' '},
};

/**
 * A child process that has ended but that its parent has not reaped yet. Its
 * state is `done` (see TaskState); the row tells it apart by symbol and word.
 */
export const ZOMBIE_LOOK: Look = {symbol: '☠', word: 'zombie', color: 'magenta', cell: 'z'};

/**
 * A child process sent a signal (terminate(), kill()) that its parent has not
 * reaped yet. As CPython has it, the parent's Process object calls it alive
 * (is_alive() is True, exitcode None) until it polls or joins it, so it is
 * drawn alive, with the signal it got.
 */
export const SIGNALED_LOOK: Look = {symbol: '↯', word: 'alive', color: 'magenta', cell: '↯'};

/** Whether a task is a child killed by a signal and not reaped yet (see {@link SIGNALED_LOOK}). */
export function signaled(t: {state: TaskState; zombie?: string; exitcode?: number}): boolean {
	return t.state === 'done' && t.zombie !== undefined && (t.exitcode ?? 0) < 0;
}

/** How a task's row looks: its state's look, or the zombie's for a done process not yet reaped (alive, if a signal ended it). */
export function lookOf(t: {state: TaskState; zombie?: string; exitcode?: number}): Look {
	if (signaled(t)) return SIGNALED_LOOK;
	return t.state === 'done' && t.zombie !== undefined ? ZOMBIE_LOOK : STATE_LOOK[t.state];
}

/** A look's word in the viewer's language (`ready`, 就绪). */
export function wordOf(look: Pick<Look, 'word'>, lang: Lang = 'en'): string {
	const states: Record<string, string> = words(lang).states;
	return lang === 'en' ? look.word : (states[look.word] ?? look.word);
}

/** A state badge as text: symbol and word, padded so badges line up. */
export function badge(state: TaskState | Look, lang: Lang = 'en'): string {
	const look = typeof state === 'string' ? STATE_LOOK[state] : state;
	return padCells(`${look.symbol} ${wordOf(look, lang)}`, 9);
}

export interface Theme {
	/** False under NO_COLOR or on a terminal without colours. */
	color: boolean;
}

/** Colours are on unless NO_COLOR is set (to anything but '') or TERM is dumb. */
export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
	return {color: !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb'};
}

export const ThemeContext = createContext<Theme>({color: true});

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** A colour prop for Ink's Text, or none when colours are off. */
export function useColor(): (color: string | undefined) => string | undefined {
	const {color} = useContext(ThemeContext);
	return c => (color ? c : undefined);
}
