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
	lang?: Lang;
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

/** Notes get a third of the rows at most; with none to spare they go in the title. */
function noteRows(code: CodeShown, rows: number): number {
	return Math.min(code.notes.length, Math.floor(rows / 3));
}

export function CodePane({code, view, focus, width, rows, lang}: CodePaneProps) {
	const w = words(lang).code;
	const lines = code.lines;
	const at = tasksByLine(view, code);
	const focused = focus ? view.tasks[focus] : undefined;
	const focusAt = focused && focused.state !== 'done' ? code.lineOf(focused) : undefined;
	const focusLine = focusAt ?? [...at.keys()][0] ?? 1;
	const notes = noteRows(code, rows);
	const codeRows = rows - notes;
	const start = Math.max(0, Math.min(focusLine - 1 - Math.floor(codeRows / 2), lines.length - codeRows));
	const numWidth = String(lines.length).length;
	const where = focus && focusAt ? w.at(focus, focusAt) : undefined;
	const unshownNotes = notes < code.notes.length ? code.notes.slice(notes).join(' · ') : undefined;
	const titleNote = [where, unshownNotes, code.canSwitch ? w.switchTo(code.mode !== 'python') : undefined].filter(Boolean).join(' · ');
	return (
		<Box flexDirection="column" width={width}>
			<Title text={fit(w.title(code.title), Math.max(12, width - cellWidth(titleNote) - 6))} width={width} note={titleNote || undefined} />
			{lines.slice(start, start + codeRows).map((text, i) => {
				const n = start + i + 1;
				const here = at.get(n);
				const isFocus = n === focusAt && focus !== undefined;
				const who = here ? ` ← ${here.length > 3 ? `${here.slice(0, 3).join(' ')} +${here.length - 3}` : here.join(' ')}` : '';
				// The code gives way to the names of the tasks on the line.
				const room = Math.max(8, width - numWidth - 2 - cellWidth(who));
				const shown = who ? padCells(fit(text, room), room) : fit(text, width - numWidth - 2);
				return (
					<Row
						key={n}
						bold={isFocus}
						parts={[{text: `${isFocus ? '▶' : here ? '•' : ' '}${String(n).padStart(numWidth)} `, color: here ? 'yellow' : 'gray'}, shown, who && {text: who, color: 'yellow'}]}
					/>
				);
			})}
			{code.notes.slice(0, notes).map((note, i) => (
				<Row key={`note${i}`} parts={[{text: fit(w.note(note), width), color: 'gray'}]} />
			))}
		</Box>
	);
}
