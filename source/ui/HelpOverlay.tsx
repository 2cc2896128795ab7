/** Every key and what it does, over the panels until a key closes it. */
import {Box, Text} from 'ink';
import {fit, padCells} from './cells.js';
import {KEY_TABLE, helpKeys, helpText} from './keys.js';
import {SIGNALED_LOOK, STATE_LOOK, ZOMBIE_LOOK, wordOf} from './theme.js';
import {words, type Lang} from '../view/words.js';

export interface HelpOverlayProps {
	width: number;
	rows: number;
	lang?: Lang;
}

export function helpLines(lang: Lang = 'en'): {keys: string[]; notes: string[]} {
	const w = words(lang);
	const sep = w.colon;
	return {
		keys: KEY_TABLE.map(b => `${padCells(helpKeys(b), 9)} ${helpText(b, lang)}`),
		notes: [
			`${w.help.states}${sep}${[...Object.values(STATE_LOOK), ZOMBIE_LOOK].map(l => `${l.symbol} ${wordOf(l, lang)}`).join('  ')}  ${SIGNALED_LOOK.symbol} ${wordOf(SIGNALED_LOOK, lang)} ${w.help.signalledNote}`,
			`${w.help.timeline}${sep}${[...Object.values(STATE_LOOK), ZOMBIE_LOOK].filter(l => l.cell !== ' ').map(l => `${l.cell} ${wordOf(l, lang)}`).join('  ')}  ${SIGNALED_LOOK.cell} ${w.states.signalled}`,
			w.help.marks,
		],
	};
}

export function HelpOverlay({width, rows, lang}: HelpOverlayProps) {
	const {keys, notes} = helpLines(lang);
	const w = words(lang).help;
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
				{w.title} <Text dimColor>{w.closes}</Text>
			</Text>
			{lines.slice(0, inner).map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}
