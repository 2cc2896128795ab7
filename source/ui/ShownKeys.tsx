/**
 * `--show-keys`: the keys just pressed, drawn over the right end of the key
 * bar (the row where a viewer looks for keys), so a screencast shows what
 * the teacher did. Screen's layout is left as it is: the badge floats.
 */
import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {useTheme} from './theme.js';

/** How long a key stays on screen after it was pressed. */
export const SHOW_KEY_MS = 1200;
/** At most this many keys side by side: the latest. */
const MAX_KEYS = 6;

const LABEL: Record<string, string> = {left: '←', right: '→', up: '↑', down: '↓', return: '⏎', enter: '⏎', escape: 'esc', backspace: '⌫', 'ctrl+c': 'ctrl-c'};

/** How a key name (`keyName`'s or a key script's) is shown. */
export function keyLabel(name: string): string {
	return LABEL[name] ?? name;
}

export interface ShownKeysProps {
	/** Key names, oldest first. */
	keys: readonly string[];
	columns: number;
	rows: number;
	children?: ReactNode;
}

export function ShownKeys({keys, columns, rows, children}: ShownKeysProps) {
	const {color} = useTheme();
	const shown = keys.slice(-MAX_KEYS).map(keyLabel).join(' ');
	// Without colours there is no inverse video either (as in the key bar): brackets set the badge apart.
	const text = keys.length === 0 ? '' : color ? ` ${shown} ` : `[${shown}]`;
	const width = Math.min(text.length, columns);
	return (
		<Box flexDirection="column">
			{children}
			{text && (
				// The frame is one row shorter than the terminal (layout.ts): its last row is the key bar.
				<Box position="absolute" marginTop={Math.max(0, rows - 2)} marginLeft={Math.max(0, columns - width)} width={width} height={1}>
					<Text inverse={color} bold wrap="truncate-start">
						{text}
					</Text>
				</Box>
			)}
		</Box>
	);
}
