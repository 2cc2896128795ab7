/** The key help bar, drawn from the key table. */
import {Row} from './Row.js';
import {cellWidth} from './cells.js';
import {KEY_TABLE, barWord, type BarState} from './keys.js';
import type {Frame} from './session.js';
import {useTheme} from './theme.js';
import {words, type Lang} from '../view/words.js';

export interface KeyBarProps {
	/** Manual mode: show the keys that pick a task. */
	manual: boolean;
	/** A break's explanation is on screen: show the key that goes back to where its story began. */
	why?: boolean;
	/** What the screen is doing now: the words say what a key will do in it (`space pause` while playing). */
	now?: BarState;
	width: number;
	lang?: Lang;
}

/** The bar's state from a frame: playing, at the end of a run that ended, the viewer scheduling, the help open. */
export function barStateOf(f: Frame): BarState {
	return {playing: f.status === 'playing', ended: f.status === 'ended' || f.status === 'deadlock', manual: f.manual, help: f.help};
}

/** The bar's items, as short as the width needs: words go first, then the manual keys; `? help` and `q quit` stay. */
export function barItems(manual: boolean, width: number, why = false, now: BarState = {}, lang: Lang = 'en'): {label: string; word: string}[] {
	const bindings = KEY_TABLE.filter(b => b.bar === 'always' || (manual && b.bar === 'manual') || (why && b.bar === 'why'));
	const full = bindings.map(b => ({label: b.label, word: barWord(b, now, lang), command: b.command}));
	const size = (items: {label: string; word: string}[]) => items.reduce((n, i) => n + cellWidth(i.label) + (i.word ? cellWidth(i.word) + 1 : 0) + 1, -1);
	if (size(full) <= width) return full;
	const terse = full.map(i => (i.command === 'help' || i.command === 'quit' ? i : {...i, word: ''}));
	if (size(terse) <= width) return terse;
	return terse.filter(i => i.command !== 'up' && i.command !== 'choose' && i.command !== 'back');
}

export function KeyBar({manual, why, now, width, lang}: KeyBarProps) {
	const {color} = useTheme();
	const items = barItems(manual, width, why, now, lang);
	return (
		<Row
			width={width}
			parts={[
				...items.flatMap((b, i) => [i > 0 && ' ', {text: b.label, inverse: color, bold: true}, b.word && ` ${b.word}`]),
				width >= 100 && words(lang).keyBar.all,
			]}
		/>
	);
}
