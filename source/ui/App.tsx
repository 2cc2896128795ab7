/**
 * The TUI: one hook owns the run, one handler turns keys into commands, and
 * the Screen draws the frame for the terminal's current size.
 */
import {useEffect, useRef, useState} from 'react';
import {useInput, useStdout} from 'ink';
import {commandFor, keyName} from './keys.js';
import {Screen} from './Screen.js';
import type {RunSession, SessionInit} from './session.js';
import {SHOW_KEY_MS, ShownKeys} from './ShownKeys.js';
import {useRun} from './use-run.js';

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
}

function useTerminalSize(columns?: number, rows?: number): {columns: number; rows: number} {
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
function useShownKeys(on: boolean): {keys: string[]; press: (name: string) => void} {
	const [keys, setKeys] = useState<string[]>([]);
	const timers = useRef(new Set<NodeJS.Timeout>());
	useEffect(() => () => timers.current.forEach(clearTimeout), []);
	const press = (name: string) => {
		if (!on) return;
		setKeys(k => [...k, name]);
		const t = setTimeout(() => {
			timers.current.delete(t);
			setKeys(k => k.slice(1));
		}, SHOW_KEY_MS);
		timers.current.add(t);
	};
	return {keys, press};
}

export function App({init, onQuit, columns, rows, showKeys = false, onSession}: AppProps) {
	const {frame, command} = useRun(init, onSession);
	const size = useTerminalSize(columns, rows);
	const shown = useShownKeys(showKeys);
	useInput((input, key) => {
		// Keys typed faster than they are read arrive together ("nnn"): each is a command.
		const presses = input.length > 1 && !key.ctrl && !key.meta && !input.startsWith('\x1b') ? [...input].map(ch => keyName(ch, {})) : [keyName(input, key)];
		for (const name of presses) {
			if (name) shown.press(name);
			const c = commandFor(name);
			if (!c) continue;
			if (c.name === 'quit') {
				onQuit();
				return;
			}
			command(c);
		}
	});
	const screen = <Screen frame={frame} columns={size.columns} rows={size.rows} />;
	return showKeys ? (
		<ShownKeys keys={shown.keys} columns={size.columns} rows={size.rows}>
			{screen}
		</ShownKeys>
	) : (
		screen
	);
}
