/**
 * The lesson's source, a window around the line of the task that ran (or
 * the selected one), each line marked with the tasks that stand on it.
 */
import {Box} from 'ink';
import type {ViewState} from '../view/state.js';
import {cellWidth, fit, padCells} from './cells.js';
import {Row} from './Row.js';
import {Title} from './Title.js';

export interface CodePaneProps {
	source: string;
	view: ViewState;
	/** The task whose line the window follows. */
	focus?: string;
	width: number;
	/** Rows below the title. */
	rows: number;
}

/** Tasks not done, by the source line they stand on. */
export function tasksByLine(view: ViewState): Map<number, string[]> {
	const at = new Map<number, string[]>();
	for (const name of view.order) {
		const t = view.tasks[name]!;
		if (t.line === undefined || t.state === 'done') continue;
		at.set(t.line, [...(at.get(t.line) ?? []), name]);
	}
	return at;
}

export function CodePane({source, view, focus, width, rows}: CodePaneProps) {
	const lines = source.replace(/\t/g, '  ').split('\n');
	const at = tasksByLine(view);
	const focusLine = (focus ? view.tasks[focus]?.line : undefined) ?? [...at.keys()][0] ?? 1;
	const start = Math.max(0, Math.min(focusLine - 1 - Math.floor(rows / 2), lines.length - rows));
	const numWidth = String(lines.length).length;
	return (
		<Box flexDirection="column" width={width}>
			<Title text="Code" width={width} note={focus && view.tasks[focus]?.line ? `${focus} at line ${view.tasks[focus]!.line}` : undefined} />
			{lines.slice(start, start + rows).map((text, i) => {
				const n = start + i + 1;
				const here = at.get(n);
				const isFocus = n === focusLine && focus !== undefined;
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
		</Box>
	);
}
