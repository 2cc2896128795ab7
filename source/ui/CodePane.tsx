/**
 * The lesson's code (its Python view, or its own file), a window around the
 * line of the task that ran (or the selected one), each line marked with the
 * tasks that stand on it; the Python view's notes on where the lesson
 * departs from the tutorial below it.
 */
import {Box} from 'ink';
import type {ViewState} from '../view/state.js';
import type {CodeShown} from './code-view.js';
import {cellWidth, fit, padCells} from './cells.js';
import {Row} from './Row.js';
import {Title} from './Title.js';
import {words, type Lang} from '../view/words.js';

export interface CodePaneProps {
	code: CodeShown;
	view: ViewState;
	/** The task whose line the window follows. */
	focus?: string;
	width: number;
	/** Rows below the title. */
	rows: number;
	/** The first line shown (0-based), when the viewer scrolled (PgUp/PgDn); else the pane follows the focused task. */
	top?: number;
	focused?: boolean;
	lang?: Lang;
	/** The window, when the caller has worked it out already (codeWindow with the same arguments). */
	shown?: CodeView;
}

/** Tasks not done, by the line of the code they stand on. */
export function tasksByLine(view: ViewState, code: CodeShown): Map<number, string[]> {
	const at = new Map<number, string[]>();
	for (const name of view.order) {
		const t = view.tasks[name]!;
		const line = t.state === 'done' ? undefined : code.lineOf(t);
		if (line === undefined) continue;
		at.set(line, [...(at.get(line) ?? []), name]);
	}
	return at;
}

/** Notes get a third of the rows at most, none in a small pane (its rows are for the marked lines); the others go in the title. */
export function noteRows(code: CodeShown, rows: number): number {
	return rows < 6 ? 0 : Math.min(code.notes.length, Math.floor(rows / 3));
}

/**
 * The lines (1-based) the pane shows in `rows` rows, in order: a window
 * around the focus line when it holds every marked line (a line a task
 * stands on); else, where the marked lines are too far apart for one
 * window, every marked line (the focus first, then the nearest to it) with
 * the lines around the focus to fill the rows, so that a small pane still
 * shows where every task is. Scrolled (`top`), the window from there.
 */
export function shownLines(total: number, marked: readonly number[], focusLine: number, rows: number, top?: number): number[] {
	const n = Math.max(0, Math.min(rows, total));
	const range = (from: number) => Array.from({length: n}, (_, i) => from + i + 1);
	if (top !== undefined) return range(Math.max(0, Math.min(top, total - n)));
	const start = Math.max(0, Math.min(focusLine - 1 - Math.floor(n / 2), total - n));
	const inWindow = (s: number) => marked.every(l => l > s && l <= s + n);
	if (inWindow(start)) return range(start);
	const lo = Math.min(focusLine, ...marked);
	const hi = Math.max(focusLine, ...marked);
	if (hi - lo + 1 <= n) {
		// One window holds them all: centred on them.
		return range(Math.max(0, Math.min(lo - 1 - Math.floor((n - (hi - lo + 1)) / 2), total - n)));
	}
	const picked = new Set<number>([focusLine]);
	for (const l of [...marked].sort((a, b) => Math.abs(a - focusLine) - Math.abs(b - focusLine) || a - b)) {
		if (picked.size >= n) break;
		picked.add(l);
	}
	// Fill with the focus line's neighbours, below it first (what it does next), then above.
	for (let d = 1; picked.size < n && d < total; d++) {
		if (focusLine + d <= total) picked.add(focusLine + d);
		if (picked.size < n && focusLine - d >= 1) picked.add(focusLine - d);
	}
	return [...picked].sort((a, b) => a - b);
}

/** What the pane draws: the focus line, the lines shown and the window they make (for ↑N ↓M and a page up or down). */
export interface CodeView {
	focusAt?: number;
	at: Map<number, string[]>;
	shown: number[];
	window: {top: number; rows: number; total: number};
	out: {above: number; below: number};
}

export function codeWindow(code: CodeShown, view: ViewState, focus: string | undefined, rows: number, top?: number): CodeView {
	const at = tasksByLine(view, code);
	const focused = focus ? view.tasks[focus] : undefined;
	const focusAt = focused && focused.state !== 'done' ? code.lineOf(focused) : undefined;
	const focusLine = focusAt ?? [...at.keys()][0] ?? 1;
	const codeRows = rows - noteRows(code, rows);
	const shown = shownLines(code.lines.length, [...at.keys()], focusLine, codeRows, top);
	const first = (shown[0] ?? 1) - 1;
	// A page is the pane's rows, from its first line shown; what is out of view is counted from the lines shown, which may skip.
	const out = {above: first, below: Math.max(0, code.lines.length - (shown.at(-1) ?? 0))};
	return {...(focusAt !== undefined ? {focusAt} : {}), at, shown, window: {top: first, rows: codeRows, total: code.lines.length}, out};
}

export function CodePane({code, view, focus, width, rows, top, focused, lang, shown: given}: CodePaneProps) {
	const w = words(lang).code;
	const lines = code.lines;
	const {focusAt, at, shown, out} = given ?? codeWindow(code, view, focus, rows, top);
	const notes = noteRows(code, rows);
	const numWidth = String(lines.length).length;
	const more = [out.above > 0 && `↑${out.above}`, out.below > 0 && `↓${out.below}`].filter(Boolean).join(' ');
	const where = focus && focusAt ? w.at(focus, focusAt) : undefined;
	const unshownNotes = notes < code.notes.length ? code.notes.slice(notes).join(' · ') : undefined;
	const base = [more, where, code.canSwitch ? w.switchTo(code.mode !== 'python') : undefined].filter(Boolean).join(' · ');
	// The notes with no row of their own go in the title where they leave the title its words.
	const noteRoom = width - cellWidth(w.title(code.title)) - cellWidth(base) - 9;
	const titleNote = unshownNotes && noteRoom >= 16 ? [more, where, fit(unshownNotes, noteRoom), code.canSwitch ? w.switchTo(code.mode !== 'python') : undefined].filter(Boolean).join(' · ') : base;
	return (
		<Box flexDirection="column" width={width}>
			<Title text={fit(w.title(code.title), Math.max(12, width - cellWidth(titleNote) - 6))} width={width} note={titleNote || undefined} focused={focused} />
			{shown.map((n, i) => {
				const text = lines[n - 1]!;
				// A gap in the numbers: lines left out between marked ones.
				const gap = i > 0 && shown[i - 1]! !== n - 1;
				const here = at.get(n);
				const isFocus = n === focusAt && focus !== undefined;
				const who = here ? ` ← ${here.length > 3 ? `${here.slice(0, 3).join(' ')} +${here.length - 3}` : here.join(' ')}` : '';
				// The code gives way to the names of the tasks on the line.
				const room = Math.max(8, width - numWidth - 2 - cellWidth(who));
				const body = who ? padCells(fit(text, room), room) : fit(text, width - numWidth - 2);
				return (
					<Row
						key={n}
						bold={isFocus}
						parts={[{text: `${isFocus ? '▶' : here ? '•' : gap ? '┆' : ' '}${String(n).padStart(numWidth)} `, color: here ? 'yellow' : 'gray'}, body, who && {text: who, color: 'yellow'}]}
					/>
				);
			})}
			{code.notes.slice(0, notes).map((note, i) => (
				<Row key={`note${i}`} parts={[{text: fit(w.note(note), width), color: 'gray'}]} />
			))}
		</Box>
	);
}
