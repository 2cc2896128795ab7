/**
 * `--show-keys`: the keys just pressed, drawn over the right end of the key
 * bar (the row where a viewer looks for keys), so a screencast shows what
 * the teacher did. Screen's layout is left as it is: the badge floats.
 */
import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {cellWidth} from './cells.js';
import {useTheme} from './theme.js';

/** How long a key stays on screen after it was pressed. */
export const SHOW_KEY_MS = 1200;
/** At most this many keys side by side: the latest. */
const MAX_KEYS = 6;

export interface ShownKeysProps {
	/** The keys as the key table shows them (`Press.shown`), oldest first. */
	labels: readonly string[];
	columns: number;
	rows: number;
	children?: ReactNode;
}

export function ShownKeys({labels, columns, rows, children}: ShownKeysProps) {
	const {color} = useTheme();
	const shown = labels.slice(-MAX_KEYS).join(' ');
	// Without colours there is no inverse video either (as in the key bar): brackets set the badge apart.
	const text = labels.length === 0 ? '' : color ? ` ${shown} ` : `[${shown}]`;
	const width = Math.min(cellWidth(text), columns);
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
