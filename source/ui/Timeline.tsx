/**
 * The Gantt chart of the run so far: a lane per task (beside its row), a
 * cell per step, up to the cursor; it scrolls as the run goes on.
 */
import {Box, Text} from 'ink';
import type {TaskState} from '../engine/trace.js';
import {SIGNALED_CODE, STATE_OF_CODE, ZOMBIE_CODE} from './recording.js';
import {SIGNALED_LOOK, STATE_LOOK, ZOMBIE_LOOK, useColor, type Look} from './theme.js';
import {Title} from './Title.js';

export interface TimelineProps {
	/** Per position, a state code per task (recording.ts). */
	columns: readonly string[];
	/** The cursor: the last column drawn. */
	pos: number;
	/** Indices (creation order) of the tasks whose lanes to draw. */
	lanes: number[];
	width: number;
	title?: boolean;
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

export function Timeline({columns, pos, lanes, width, title}: TimelineProps) {
	const color = useColor();
	const to = Math.min(pos, columns.length - 1);
	const from = Math.max(0, to - width + 1);
	return (
		<Box flexDirection="column" width={width}>
			{title !== false && <Title text="Timeline" width={width} note={to >= 0 ? `${from}–${to}` : undefined} />}
			{lanes.map(task => (
				// One text a lane: its cells are all beyond ASCII, so cutting it in runs would not help Ink measure it.
				<Text key={task} wrap="truncate-end">
					{to < 0
						? ' '
						: laneRuns(columns, task, from, to).map((run, i) => (
								<Text key={i} color={color(lookOfRun(run)?.color)}>
									{(lookOfRun(run)?.cell ?? ' ').repeat(run.n)}
								</Text>
							))}
				</Text>
			))}
		</Box>
	);
}
