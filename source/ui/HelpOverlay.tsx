/** Every key and what it does, over the panels until a key closes it. */
import {Box, Text} from 'ink';
import {fit, padCells} from './cells.js';
import {KEY_TABLE, helpKeys} from './keys.js';
import {SIGNALED_LOOK, STATE_LOOK, ZOMBIE_LOOK} from './theme.js';

export interface HelpOverlayProps {
	width: number;
	rows: number;
}

export function helpLines(): {keys: string[]; notes: string[]} {
	return {
		keys: KEY_TABLE.map(b => `${padCells(helpKeys(b), 9)} ${b.help}`),
		notes: [
			`states: ${[...Object.values(STATE_LOOK), ZOMBIE_LOOK].map(l => `${l.symbol} ${l.word}`).join('  ')}  ${SIGNALED_LOOK.symbol} ${SIGNALED_LOOK.word} (signalled, not reaped)`,
			`timeline: ${[...Object.values(STATE_LOOK), ZOMBIE_LOOK].filter(l => l.cell !== ' ').map(l => `${l.cell} ${l.word}`).join('  ')}  ${SIGNALED_LOOK.cell} signalled`,
			'» ran at the last step   • changed at the last step (bold)',
		],
	};
}

export function HelpOverlay({width, rows}: HelpOverlayProps) {
	const {keys, notes} = helpLines();
	const inner = Math.max(0, rows - 3);
	// Two columns of keys only when one leaves no room for the states' note; short of room, the blank line and the last notes go first.
	const columns = keys.length + 1 <= inner || width < 80 ? 1 : 2;
	const perColumn = Math.ceil(keys.length / columns);
	const colWidth = Math.floor((width - 4) / columns);
	const keyRows = Array.from({length: perColumn}, (_, i) =>
		Array.from({length: columns}, (_, c) => padCells(fit(keys[c * perColumn + i] ?? '', colWidth - 1), colWidth)).join('').trimEnd(),
	);
	const room = inner - keyRows.length;
	const lines = [...keyRows, ...(room > notes.length ? ['', ...notes] : notes.slice(0, Math.max(0, room)))];
	return (
		<Box flexDirection="column" width={width} height={rows} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				Keys <Text dimColor>(any key closes this help)</Text>
			</Text>
			{lines.slice(0, inner).map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}
