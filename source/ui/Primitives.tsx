/**
 * Each lock, semaphore, event, queue, shared value and file with what it
 * holds now; who has it (`held by`, `inside:`: the ones who will release it)
 * and who waits (`waiting:`) are told apart in words. A process with
 * threads shows its GIL the same way. What the last step touched is bold.
 */
import {Box, Text} from 'ink';
import type {ViewState} from '../view/state.js';
import {fitParts} from './cells.js';
import {gils, primText, shownPrim} from './format.js';
import {Row} from './Row.js';
import {moreNote} from './scroll.js';
import {Title} from './Title.js';
import {words, type Lang} from '../view/words.js';

export interface PrimitivesProps {
	view: ViewState;
	changed: ReadonlySet<string>;
	ran?: string;
	width: number;
	/** Rows below the title. */
	rows: number;
	/** The first row shown, when the viewer scrolled (PgDn); else the first. */
	top?: number;
	focused?: boolean;
	lang?: Lang;
	/** The rows, when the caller has worked them out already (primitiveRows with the same arguments). */
	lines?: readonly PrimLine[];
}

export interface PrimLine {
	key: string;
	changed: boolean;
	name: string;
	state: string;
	has: string;
	waits: string;
}

/** The panel's rows for `rows` rows: a row per primitive, and who is inside and who waits on a row of their own when all of that fits. */
export function primitiveRows(view: ViewState, changed: ReadonlySet<string>, ran: string | undefined, rows: number, lang: Lang = 'en'): PrimLine[] {
	const w = words(lang);
	const lines: PrimLine[] = [
		...view.primOrder
			.filter(obj => shownPrim(view.prims[obj]!, view))
			.map(obj => {
				const p = view.prims[obj]!;
				// A pipe changed when one of its rings did, or one of its ends was closed.
				const parts = [obj, ...(p.rings ?? []), ...(p.ends ?? [])].filter((o): o is string => typeof o === 'string');
				return {key: obj, changed: parts.some(o => changed.has(o)), ...primText(p, view, lang)};
			}),
		...gils(view, ran).map(g => ({
			key: `gil:${g.process}`,
			changed: false,
			name: `GIL ${g.process}`,
			// A free GIL with threads ready: none holds it right now; the one the scheduler picks next takes it.
			state: g.holder ? w.prim.heldBy(g.holder) : g.waiting.length > 0 ? w.prim.gilFree(g.waiting.length) : w.prim.free,
			has: '',
			waits: g.waiting.length > 0 ? w.prim.waiting(g.waiting.join(' ')) : '',
		})),
	];
	// Who is inside and who waits go on a line of their own when there is room for that.
	const split = lines.reduce((n, l) => n + (l.has || l.waits ? 2 : 1), 0) <= rows;
	return lines.flatMap(l => {
		const who = {key: `${l.key}+`, changed: l.changed, name: '', state: '', has: l.has, waits: l.waits};
		return split && (l.has || l.waits) ? [{...l, has: '', waits: ''}, who] : [l];
	});
}

export function Primitives({view, changed, ran, width, rows, top, focused, lang, lines}: PrimitivesProps) {
	const rowsOut = lines ?? primitiveRows(view, changed, ran, rows, lang);
	const from = top !== undefined ? Math.max(0, Math.min(top, rowsOut.length - rows)) : 0;
	// Scrolled, a window of the rows; else the first ones and a count of the rest.
	const window = top !== undefined ? rowsOut.slice(from, from + rows) : rowsOut.length > rows ? rowsOut.slice(0, Math.max(0, rows - 1)) : rowsOut;
	// Unscrolled and not focused, the `+N more` row says it.
	const more = top !== undefined || focused ? moreNote({top: from, rows: window.length, total: rowsOut.length}) : '';
	const shown = window.map(l => {
		const [name, state, has, waits] = fitParts([l.name, l.name ? ` ${l.state}` : '', l.has ? `${l.name ? ' ' : ''}${l.has}` : '', l.waits ? `${l.name || l.has ? ' ' : ''}${l.waits}` : ''], width - (l.name ? 1 : 3));
		return {...l, name: name!, state: state!, has: has!, waits: waits!};
	});
	return (
		<Box flexDirection="column" width={width}>
			<Title text={words(lang).panel.primitives} width={width} note={more || undefined} focused={focused} />
			{rowsOut.length === 0 && rows > 0 && <Text dimColor>{view.end ? words(lang).prim.none : words(lang).prim.noneYet}</Text>}
			{shown.map(l => (
				<Row
					key={l.key}
					bold={l.changed}
					parts={[l.name ? (l.changed ? '•' : ' ') : '   ', l.name && {text: l.name, color: 'cyan'}, l.state, l.has && {text: l.has, color: 'green'}, l.waits && {text: l.waits, color: 'red'}]}
				/>
			))}
			{top === undefined && shown.length < rowsOut.length && <Text dimColor>{words(lang).prim.more(rowsOut.length - shown.length)}</Text>}
		</Box>
	);
}
