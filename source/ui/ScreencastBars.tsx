/**
 * A screencast script's words on screen (`title "…"`, `say "…"`): a title
 * bar over the top row, and a caption bar over the row above the key bar,
 * where the lesson's own caption is read. Like --show-keys' badge they
 * float: Screen's layout is left as it is, so the same script with and
 * without them steps through the same frames.
 */
import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {fit, padCells} from './cells.js';
import {useTheme} from './theme.js';

export interface ScreencastBarsProps {
	title?: string;
	say?: string;
	columns: number;
	rows: number;
	children?: ReactNode;
}

export function ScreencastBars({title, say, columns, rows, children}: ScreencastBarsProps) {
	const {color} = useTheme();
	// One line each: a newline in the script's text would move every row below it.
	const bar = (text: string) => padCells(fit(` ${text.replace(/\s+/g, ' ')}`, columns), columns);
	return (
		<Box flexDirection="column">
			{children}
			{title && (
				<Box position="absolute" marginTop={0} width={columns} height={1}>
					<Text bold inverse={color} color={color ? 'cyan' : undefined} wrap="truncate-end">
						{bar(title)}
					</Text>
				</Box>
			)}
			{say && (
				// The frame is one row shorter than the terminal (layout.ts): its last row is the key bar, the caption above it.
				<Box position="absolute" marginTop={Math.max(0, rows - 3)} width={columns} height={1}>
					<Text bold inverse={color} wrap="truncate-end">
						{bar(`» ${say}`)}
					</Text>
				</Box>
			)}
		</Box>
	);
}
