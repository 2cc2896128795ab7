/**
 * The shared terminal: what the tasks printed, each line tagged with its
 * task, the newest at the bottom. Control characters are shown, not obeyed.
 */
import {Box} from 'ink';
import type {OutputLine} from '../view/state.js';
import {cellWidth, cellsExactly, fit} from './cells.js';
import {oneLine} from './format.js';
import {Row} from './Row.js';
import {moreNote} from './scroll.js';
import {Title} from './Title.js';
import {words, type Lang} from '../view/words.js';

export interface OutputProps {
	lines: readonly OutputLine[];
	/** Lines from this index on were printed at the last step. */
	newFrom: number;
	width: number;
	/** Rows below the title. */
	rows: number;
	title?: boolean;
	/** The first screen row shown, when the viewer scrolled (PgUp); else the tail. */
	top?: number;
	focused?: boolean;
	lang?: Lang;
}

/** Screen rows the output takes: a printed text is a row per line of it. */
export function outputRows(lines: readonly OutputLine[]): number {
	let n = 0;
	for (const line of lines) n += line.text.replace(/\n$/, '').split('\n').length;
	return n;
}

/** The screen rows from `top` on, `rows` of them (a window the viewer scrolled to). */
export function windowRows(lines: readonly OutputLine[], top: number, rows: number, newFrom: number): ReturnType<typeof tail> {
	const out: ReturnType<typeof tail> = [];
	let row = 0;
	for (let i = 0; i < lines.length && out.length < rows; i++) {
		const line = lines[i]!;
		const parts = line.text.replace(/\n$/, '').split('\n');
		for (let j = 0; j < parts.length && out.length < rows; j++, row++) {
			if (row >= top) out.push({task: line.task, text: oneLine(parts[j]!), stderr: line.stream === 'stderr', fresh: i >= newFrom, key: `${i}.${j}`});
		}
	}
	return out;
}

/** The last `rows` screen lines of the output, a printed text split at its newlines. */
export function tail(lines: readonly OutputLine[], rows: number, newFrom: number): {task: string; text: string; stderr: boolean; fresh: boolean; key: string}[] {
	const out: {task: string; text: string; stderr: boolean; fresh: boolean; key: string}[] = [];
	for (let i = lines.length - 1; i >= 0 && out.length < rows; i--) {
		const line = lines[i]!;
		const parts = line.text.replace(/\n$/, '').split('\n');
		for (let j = parts.length - 1; j >= 0 && out.length < rows; j--) {
			out.push({task: line.task, text: oneLine(parts[j]!), stderr: line.stream === 'stderr', fresh: i >= newFrom, key: `${i}.${j}`});
		}
	}
	return out.reverse();
}

export function Output({lines, newFrom, width, rows, title, top, focused, lang}: OutputProps) {
	const total = outputRows(lines);
	const from = top !== undefined ? Math.max(0, Math.min(top, total - rows)) : Math.max(0, total - rows);
	const shown = top !== undefined ? windowRows(lines, from, rows, newFrom) : tail(lines, rows, newFrom);
	const more = moreNote({top: from, rows, total});
	const tagWidth = Math.min(14, Math.max(4, ...shown.map(l => cellWidth(l.task))));
	const note = [more, lines.length > 0 && words(lang).panel.lines(lines.length)].filter(Boolean).join(' · ');
	return (
		<Box flexDirection="column" width={width}>
			{title !== false && <Title text={words(lang).panel.output} width={width} note={note || undefined} focused={focused} />}
			{shown.map(l => (
				<Row
					key={l.key}
					bold={l.fresh}
					parts={[{text: `${cellsExactly(l.task, tagWidth)} ${l.stderr ? '!' : '│'} `, color: l.stderr ? 'red' : 'gray'}, {text: fit(l.text, width - tagWidth - 3), color: l.stderr ? 'red' : undefined}]}
				/>
			))}
		</Box>
	);
}
