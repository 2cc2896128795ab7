/**
 * What runs and what waits for the CPU, now: a row per core (the job on it
 * and what it has left), then the ready queue in the order jobs will be
 * picked, or each MLFQ queue apart, most urgent first, with its time slice.
 * Jobs that asked at this very instant and are not in a queue yet are shown
 * as entering.
 */
import {Box, Text} from 'ink';
import {cellWidth, padCells} from './cells.js';
import type {SchedulingView} from '../view/scheduling.js';
import {fig, jobColor} from './SchedulingLook.js';
import {useColor} from './theme.js';
import {words, type Lang} from '../view/words.js';

export interface SchedulingQueuesProps {
	view: SchedulingView;
	width: number;
	lang?: Lang;
}

export function SchedulingQueues({view, width, lang}: SchedulingQueuesProps) {
	const w = words(lang).cpu;
	const color = useColor();
	const order = view.jobs.map(j => j.job);
	const tint = (job: string) => color(jobColor(order.indexOf(job)));
	const labelOf = (label: string) => (label === 'ready' ? w.readyQueue : label);
	const labelWidth = Math.max(7, ...view.queues.map(q => cellWidth(labelOf(q.label)) + (q.quantum !== undefined ? cellWidth(` q=${fig(q.quantum)}`) : 0)));
	return (
		<Box flexDirection="column" width={width}>
			{view.running.map((r, core) => (
				<Text key={`core${core}`} wrap="truncate-end">
					{padCells(w.core(core), labelWidth)}{' '}
					{r ? (
						<>
							<Text color={tint(r.job)} bold>
								▶ {r.job}
							</Text>
							<Text dimColor>{r.between ? w.between : w.left(fig(r.left))}</Text>
						</>
					) : (
						<Text dimColor>{w.idle}</Text>
					)}
				</Text>
			))}
			{view.queues.map(q => (
				<Text key={q.label} wrap="truncate-end">
					{padCells(`${labelOf(q.label)}${q.quantum !== undefined ? ` q=${fig(q.quantum)}` : ''}`, labelWidth)}{' '}
					{q.tasks.length === 0 ? (
						<Text dimColor>{w.empty}</Text>
					) : (
						q.tasks.map((t, i) => (
							<Text key={t} color={tint(t)}>
								{i > 0 ? ' ' : ''}
								{t}
							</Text>
						))
					)}
				</Text>
			))}
			{view.entering.length > 0 && (
				<Text wrap="truncate-end">
					{padCells(w.entering, labelWidth)} <Text dimColor>{view.entering.join(' ')}</Text>
				</Text>
			)}
		</Box>
	);
}
