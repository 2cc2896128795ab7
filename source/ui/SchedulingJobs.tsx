/**
 * Per job: arrival, CPU time asked so far (its burst once done), first start, finish, waiting, turnaround and
 * response time, and their averages over the jobs that are over. A job's
 * waiting counts up while it waits; finish and turnaround appear once it is
 * done. The mark before a name is its state (▶ running, ○ ready, ■ blocked,
 * ✓ done).
 */
import {Box, Text} from 'ink';
import {cellWidth, cellsExactly, padCells} from './cells.js';
import type {SchedulingView} from '../view/scheduling.js';
import {fig, jobColor} from './SchedulingLook.js';
import {STATE_LOOK, useColor} from './theme.js';
import {words, type Lang} from '../view/words.js';

export interface SchedulingJobsProps {
	view: SchedulingView;
	width: number;
	/** At most this many job rows (the header and the averages not counted). */
	rows?: number;
	lang?: Lang;
}

/** `asked`: the CPU time asked for so far, all bursts together (the burst, once the job is done). */
const HEAD = ['arrive', 'asked', 'start', 'finish', 'wait', 'turn', 'resp'] as const;

export function SchedulingJobs({view, width, rows, lang}: SchedulingJobsProps) {
	const w = words(lang).cpu;
	const head = HEAD.map(h => w.head[h]);
	const color = useColor();
	const shown = rows === undefined ? view.jobs : view.jobs.slice(0, Math.max(0, rows));
	const nameWidth = Math.min(14, Math.max(3, ...view.jobs.map(j => cellWidth(j.job))));
	const cells = shown.map(j => [j.arrival, j.burst, j.start, j.finish, j.waiting, j.turnaround, j.response].map(fig));
	const avg = view.average ? ['', '', '', '', fig(view.average.waiting), fig(view.average.turnaround), fig(view.average.response)] : undefined;
	const widths = head.map((h, c) => Math.max(cellWidth(h), ...cells.map(r => r[c]!.length), ...(avg ? [avg[c]!.length] : [])));
	const row = (values: string[]) => values.map((v, c) => `${' '.repeat(Math.max(0, widths[c]! - cellWidth(v)))}${v}`).join(' ');
	return (
		<Box flexDirection="column" width={width}>
			<Text dimColor wrap="truncate-end">
				{'  '}
				{padCells(w.job, nameWidth)} {row(head)}
			</Text>
			{shown.map((j, i) => {
				const look = STATE_LOOK[j.os];
				return (
					<Text key={j.job} wrap="truncate-end">
						<Text color={color(look.color)}>{look.symbol}</Text> <Text color={color(jobColor(i))}>{cellsExactly(j.job, nameWidth)}</Text> {row(cells[i]!)}
					</Text>
				);
			})}
			{shown.length < view.jobs.length && <Text dimColor>{w.more(view.jobs.length - shown.length)}</Text>}
			{avg && (
				<Text bold wrap="truncate-end">
					{'  '}
					{padCells(w.avg, nameWidth)} {row(avg)}
				</Text>
			)}
		</Box>
	);
}
