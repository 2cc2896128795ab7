/**
 * The CPU scheduling panel: a title with the policy, the cores and the
 * clock; what runs on each core and the ready queue(s) in order (each MLFQ
 * queue apart, with its slice); the Gantt chart per core; each job's
 * figures with their averages; and, if asked, the classic state diagram.
 * Presentational: everything comes in through props, from
 * `schedulingView(state)` (source/view/scheduling.ts).
 */
import {Box, Text} from 'ink';
import type {SchedulingView} from '../view/scheduling.js';
import {fig} from './SchedulingLook.js';
import {SchedulingGantt} from './SchedulingGantt.js';
import {SchedulingJobs} from './SchedulingJobs.js';
import {SchedulingQueues} from './SchedulingQueues.js';
import {SchedulingStates} from './SchedulingStates.js';
import {Title} from './Title.js';
import {words, type Lang} from '../view/words.js';

export interface SchedulingPanelProps {
	/** Undefined when no task has asked for the CPU yet: the panel says so. */
	view: SchedulingView | undefined;
	width: number;
	/** At most this many job rows in the table. */
	jobRows?: number;
	/** Draw the state diagram too (the `states` lesson). */
	states?: boolean;
	title?: boolean;
	lang?: Lang;
}

export function SchedulingPanel({view, width, jobRows, states, title, lang}: SchedulingPanelProps) {
	const w = words(lang);
	if (!view) {
		return (
			<Box flexDirection="column" width={width}>
				{title !== false && <Title text="CPU" width={width} />}
				<Text dimColor>{w.cpu.noWork}</Text>
			</Box>
		);
	}
	const note = `${view.sched} · ${w.cpu.cores(view.cores)} · t=${fig(view.time)}`;
	return (
		<Box flexDirection="column" width={width}>
			{title !== false && <Title text="CPU" width={width} note={note} />}
			<SchedulingQueues view={view} width={width} lang={lang} />
			<SchedulingGantt view={view} width={width} lang={lang} />
			<SchedulingJobs view={view} width={width} rows={jobRows} lang={lang} />
			{states && <SchedulingStates view={view} width={width} lang={lang} />}
		</Box>
	);
}
