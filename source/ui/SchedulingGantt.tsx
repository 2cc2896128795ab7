/**
 * The Gantt chart so far, a row per core: each stretch a job ran starts with
 * `|` and its name, in the job's colour; idle time is dots. It is scaled to
 * fit the width (whole columns per time unit while it fits), with the times
 * where something changed on an axis below.
 */
import {Box, Text} from 'ink';
import {cellWidth} from './cells.js';
import {ganttAxis, ganttRuns, ganttScale, type SchedulingView} from '../view/scheduling.js';
import {jobColor} from './SchedulingLook.js';
import {useColor} from './theme.js';
import {words, type Lang} from '../view/words.js';

export interface SchedulingGanttProps {
	view: SchedulingView;
	width: number;
	lang?: Lang;
}

export function SchedulingGantt({view, width, lang}: SchedulingGanttProps) {
	const color = useColor();
	const order = view.jobs.map(j => j.job);
	const label = (core: number) => `${words(lang).cpu.core(core)} `;
	const columns = Math.max(4, width - cellWidth(label(0)) - 1);
	const end = Math.max(view.time, ...view.gantt.flatMap(c => c.map(s => s[1])));
	const perUnit = ganttScale(end, columns);
	const marks = [0, end, ...view.gantt.flatMap(c => c.flatMap(([a, b]) => [a, b]))];
	return (
		<Box flexDirection="column" width={width}>
			{view.gantt.map((chart, core) => (
				<Text key={core} wrap="truncate-end">
					<Text dimColor>{label(core)}</Text>
					{end <= 0
						? ''
						: ganttRuns(chart, end, perUnit).map((run, i) =>
								run.job === undefined ? (
									<Text key={i} dimColor>
										{run.text}
									</Text>
								) : (
									<Text key={i} color={color('black')} backgroundColor={color(jobColor(order.indexOf(run.job)))}>
										{run.text}
									</Text>
								),
							)}
				</Text>
			))}
			<Text dimColor wrap="truncate-end">
				{' '.repeat(label(0).length)}
				{end <= 0 ? '0' : ganttAxis(marks, perUnit)}
			</Text>
		</Box>
	);
}
