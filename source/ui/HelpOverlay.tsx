/** Every key and what it does, over the panels until a key closes it. */
import {Box, Text} from 'ink';
import {KEY_TABLE} from './keys.js';
import {STATE_LOOK} from './theme.js';

export interface HelpOverlayProps {
	width: number;
	rows: number;
}

const NAMES: Record<string, string> = {space: 'space', right: '→', left: '←', up: '↑', down: '↓', return: 'Enter', escape: 'Esc', 'ctrl+c': 'Ctrl-C'};

export function HelpOverlay({width, rows}: HelpOverlayProps) {
	const lines = [
		...KEY_TABLE.map(b => {
			const keys = b.command === 'pick' ? '1 … 9' : b.keys.filter(k => k !== '=' && k !== '_').map(k => NAMES[k] ?? k).join(' ');
			return `${keys.padEnd(10)} ${b.help}`;
		}),
		'',
		`states: ${Object.values(STATE_LOOK).map(l => `${l.symbol} ${l.word}`).join('  ')}`,
		`timeline: ${Object.values(STATE_LOOK).filter(l => l.cell !== ' ').map(l => `${l.cell} ${l.word}`).join('  ')}`,
		'» ran at the last step   • changed at the last step (bold)',
		'',
		'any key closes this help',
	];
	return (
		<Box flexDirection="column" width={width} height={rows} borderStyle="round" paddingX={1}>
			<Text bold>Keys</Text>
			{lines.slice(0, Math.max(0, rows - 3)).map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}
