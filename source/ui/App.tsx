/**
 * The TUI: one hook owns the run, one handler turns keys into commands, and
 * the Screen draws the frame for the terminal's current size.
 */
import {useEffect, useRef, useState} from 'react';
import {useInput, useStdout} from 'ink';
import {commandFor, pressesOf} from './keys.js';
import {IntroCard} from './IntroCard.js';
import {Screen, withWindows, type ScreenPlan} from './Screen.js';
import type {RunSession, SessionInit} from './session.js';
import {SHOW_KEY_MS, ShownKeys} from './ShownKeys.js';
import {useRun} from './use-run.js';
import type {Lang} from '../view/words.js';

export interface AppProps {
	init: SessionInit;
	/** q, Ctrl-C: the caller restores the terminal and ends the process. */
	onQuit: () => void;
	/** Fixed size (tests); by default the terminal's, following resizes. */
	columns?: number;
	rows?: number;
	/** Draw each key pressed for a moment (screencasts). */
	showKeys?: boolean;
	onSession?: (session: RunSession) => void;
	/** l, [ and ]: the menu, the previous or the next lesson, for the Shell that holds this App (none: the keys do nothing). */
	onShell?: (to: 'lessons' | 'previous' | 'next') => void;
	/** L switched the language: the Shell's menu and the lessons opened next follow. */
	onLang?: (lang: Lang) => void;
}

export function useTerminalSize(columns?: number, rows?: number): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => ({columns: columns ?? stdout.columns ?? 80, rows: rows ?? stdout.rows ?? 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, columns, rows]);
	return columns !== undefined && rows !== undefined ? {columns, rows} : size;
}

/** The keys pressed in the last moment, for --show-keys. */
function useShownKeys(on: boolean): {labels: string[]; press: (label: string) => void} {
	const [labels, setLabels] = useState<string[]>([]);
	const timers = useRef(new Set<NodeJS.Timeout>());
	useEffect(() => () => timers.current.forEach(clearTimeout), []);
	const press = (label: string) => {
		if (!on) return;
		setLabels(k => [...k, label]);
		const t = setTimeout(() => {
			timers.current.delete(t);
			setLabels(k => k.slice(1));
		}, SHOW_KEY_MS);
		timers.current.add(t);
	};
	return {labels, press};
}

export function App({init, onQuit, columns, rows, showKeys = false, onSession, onShell, onLang}: AppProps) {
	const {frame, command, lang} = useRun(init, onSession);
	const size = useTerminalSize(columns, rows);
	const shown = useShownKeys(showKeys);
	// The panels' windows as last drawn: Tab and PgUp/PgDn need them.
	const plan = useRef<ScreenPlan | undefined>(undefined);
	useInput((input, key) => {
		for (const press of pressesOf(input, key)) {
			shown.press(press.shown);
			const c = commandFor(press.key);
			if (!c) continue;
			if (c.name === 'quit') {
				onQuit();
				return;
			}
			if (c.name === 'lessons' || c.name === 'previous' || c.name === 'next') {
				if (!onShell) continue;
				onShell(c.name);
				return;
			}
			command(withWindows(c, plan.current));
						if (c.name === 'language') onLang?.(lang());
		}
	});
	const screen = frame.card && !frame.help ? <IntroCard frame={frame} columns={size.columns} rows={size.rows} /> : <Screen frame={frame} columns={size.columns} rows={size.rows} plan={plan} />;
	return showKeys ? (
		<ShownKeys labels={shown.labels} columns={size.columns} rows={size.rows}>
			{screen}
		</ShownKeys>
	) : (
		screen
	);
}
