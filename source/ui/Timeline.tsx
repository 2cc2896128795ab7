/**
 * The Gantt chart of the run so far: a lane per task (beside its row), a
 * cell per step, up to the cursor; it scrolls as the run goes on. Where the
 * layout gives it a row, a legend of its cells goes under the lanes.
 */
import {Box, Text} from 'ink';
import type {TaskState} from '../engine/trace.js';
import {cellWidth} from './cells.js';
import {SIGNALED_CODE, STATE_OF_CODE, ZOMBIE_CODE} from './recording.js';
import {SIGNALED_LOOK, STATE_LOOK, ZOMBIE_LOOK, useColor, wordOf, type Look} from './theme.js';
import {words, type Lang} from '../view/words.js';
import {Title} from './Title.js';

export interface TimelineProps {
	/** Per position, a state code per task (recording.ts). */
	columns: readonly string[];
	/** The cursor: the last column drawn. */
	pos: number;
	/** Indices (creation order) of the tasks whose lanes to draw; -1: a blank lane (a folded task row). */
	lanes: number[];
	width: number;
	title?: boolean;
	/** Draw the legend of the cells under the lanes. */
	legend?: boolean;
	/** Rows the lanes take (the legend goes below them), when more than the lanes drawn: it stays on its row when a task row gives way to the clock. */
	laneRows?: number;
	lang?: Lang;
}

/** Between two items of the legend. */
const LEGEND_GAP = '  ';

/**
 * The legend's items, as HelpOverlay's "timeline:" note lists them: the
 * cells of every run (a done task's is blank), then a zombie's and a
 * signalled child's only while one is among the cells drawn (lanes `lanes`,
 * positions `from` to `to`). What does not fit in `width` goes from the end.
 */
export function timelineLegend(columns: readonly string[], from: number, to: number, lanes: readonly number[], width: number, lang: Lang = 'en'): {cell: string; word: string; color: string}[] {
	const seen = (code: string) => lanes.some(task => columns.slice(from, to + 1).some(c => c[task] === code));
	const looks = [
		...Object.values(STATE_LOOK).filter(l => l.cell !== ' '),
		...(seen(ZOMBIE_CODE) ? [ZOMBIE_LOOK] : []),
		...(seen(SIGNALED_CODE) ? [{...SIGNALED_LOOK, word: 'signalled'}] : []),
	];
	const items: {cell: string; word: string; color: string}[] = [];
	let used = 0;
	for (const l of looks) {
		const word = wordOf(l, lang);
		const size = (items.length > 0 ? LEGEND_GAP.length : 0) + cellWidth(`${l.cell} ${word}`);
		if (used + size > width) break;
		items.push({cell: l.cell, word, color: l.color});
		used += size;
	}
	return items;
}

/** The runs of equal cells of one lane, for drawing with few Text nodes; a zombie's cells are `zombie`. */
export function laneRuns(columns: readonly string[], task: number, from: number, to: number): {state: TaskState | undefined; zombie?: true; signaled?: true; n: number}[] {
	const runs: {state: TaskState | undefined; zombie?: true; signaled?: true; n: number}[] = [];
	for (let k = from; k <= to; k++) {
		const code = columns[k]?.[task];
		const state = code === undefined ? undefined : STATE_OF_CODE[code];
		const zombie = code === ZOMBIE_CODE ? (true as const) : undefined;
		const killed = code === SIGNALED_CODE ? (true as const) : undefined;
		const run = runs.at(-1);
		if (run && run.state === state && run.zombie === zombie && run.signaled === killed) run.n++;
		else runs.push({state, ...(zombie ? {zombie} : {}), ...(killed ? {signaled: killed} : {}), n: 1});
	}
	return runs;
}

function lookOfRun(run: {state: TaskState | undefined; zombie?: true; signaled?: true}): Look | undefined {
	return run.signaled ? SIGNALED_LOOK : run.zombie ? ZOMBIE_LOOK : run.state ? STATE_LOOK[run.state] : undefined;
}

export function Timeline({columns, pos, lanes, width, title, legend, laneRows, lang}: TimelineProps) {
	const color = useColor();
	const to = Math.min(pos, columns.length - 1);
	const from = Math.max(0, to - width + 1);
	const drawn = (
		<>
			{lanes.map((task, i) => (
				// One text a lane: its cells are all beyond ASCII, so cutting it in runs would not help Ink measure it. A lane of -1 (a folded task row) is blank.
				<Text key={task >= 0 ? String(task) : `blank${i}`} wrap="truncate-end">
					{to < 0 || task < 0
						? ' '
						: laneRuns(columns, task, from, to).map((run, i) => (
								<Text key={i} color={color(lookOfRun(run)?.color)}>
									{(lookOfRun(run)?.cell ?? ' ').repeat(run.n)}
								</Text>
							))}
				</Text>
			))}
		</>
	);
	return (
		<Box flexDirection="column" width={width}>
			{title !== false && <Title text={words(lang).panel.timeline} width={width} note={to >= 0 ? `${from}–${to}` : undefined} />}
			{legend ? (
				<>
					<Box flexDirection="column" height={Math.max(lanes.length, laneRows ?? 0)} flexShrink={0}>
						{drawn}
					</Box>
					<Text wrap="truncate-end">
						{timelineLegend(columns, from, to, lanes, width, lang).map((item, i) => (
							<Text key={item.word}>
								{i > 0 && LEGEND_GAP}
								<Text color={color(item.color)}>{item.cell}</Text>
								<Text dimColor> {item.word}</Text>
							</Text>
						))}
					</Text>
				</>
			) : (
				drawn
			)}
		</Box>
	);
}
