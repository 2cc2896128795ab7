/** The key help bar, drawn from the key table. */
import {Row} from './Row.js';
import {cellWidth} from './cells.js';
import {KEY_TABLE} from './keys.js';
import {useTheme} from './theme.js';

export interface KeyBarProps {
	/** Manual mode: show the keys that pick a task. */
	manual: boolean;
	/** A break's explanation is on screen: show the key that goes back to where its story began. */
	why?: boolean;
	width: number;
}

/** The bar's items, as short as the width needs: words go first, then the manual keys; `? help` and `q quit` stay. */
export function barItems(manual: boolean, width: number, why = false): {label: string; word: string}[] {
	const bindings = KEY_TABLE.filter(b => b.bar === 'always' || (manual && b.bar === 'manual') || (why && b.bar === 'why'));
	const full = bindings.map(b => ({label: b.label, word: b.word, command: b.command}));
	const size = (items: {label: string; word: string}[]) => items.reduce((n, i) => n + cellWidth(i.label) + (i.word ? cellWidth(i.word) + 1 : 0) + 1, -1);
	if (size(full) <= width) return full;
	const terse = full.map(i => (i.command === 'help' || i.command === 'quit' ? i : {...i, word: ''}));
	if (size(terse) <= width) return terse;
	return terse.filter(i => i.command !== 'up' && i.command !== 'choose' && i.command !== 'back');
}

export function KeyBar({manual, why, width}: KeyBarProps) {
	const {color} = useTheme();
	const items = barItems(manual, width, why);
	return (
		<Row
			width={width}
			parts={[
				...items.flatMap((b, i) => [i > 0 && ' ', {text: b.label, inverse: color, bold: true}, b.word && ` ${b.word}`]),
				width >= 100 && ' · ? for all keys',
			]}
		/>
	);
}
