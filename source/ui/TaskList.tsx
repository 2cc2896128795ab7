/**
 * A row per task: name, pid, a state badge (symbol and word; `☠ zombie` for
 * a process that has ended and is not reaped yet), what it waits on or is
 * about to do, its exit code. The task that ran at the last step
 * is marked `»`, rows the step changed are bold; in manual mode the ready
 * tasks carry the digit that picks them, and the selected one a `>`.
 */
import {Box} from 'ink';
import type {ViewState} from '../view/state.js';
import {cellWidth, fit, padCells} from './cells.js';
import {detailText} from './format.js';
import {Row} from './Row.js';
import {badge, lookOf} from './theme.js';
import {Title} from './Title.js';

export interface TaskListProps {
	view: ViewState;
	/** The rows to draw (a window over view.order). */
	names: string[];
	/** Tasks not drawn above and below the window. */
	above: number;
	below: number;
	changed: ReadonlySet<string>;
	ran?: string;
	/** Manual mode: ready tasks in pick order, and the selected one. */
	manual: boolean;
	ready: string[];
	selected?: string;
	width: number;
	/** Draw the title row. */
	title?: boolean;
}

export function TaskList(p: TaskListProps) {
	const nameWidth = Math.min(16, Math.max(4, ...p.view.order.map(cellWidth)));
	const more = [p.above > 0 && `↑${p.above}`, p.below > 0 && `↓${p.below}`].filter(Boolean).join(' ');
	return (
		<Box flexDirection="column" width={p.width}>
			{p.title !== false && <Title text={`Tasks ${p.view.order.length}`} width={p.width} note={more || undefined} />}
			{p.names.map(name => {
				const t = p.view.tasks[name]!;
				const look = lookOf(t);
				const changed = p.changed.has(name);
				const gutter = name === p.ran ? '»' : changed ? '•' : ' ';
				let pick = '';
				if (p.manual) {
					const i = p.ready.indexOf(name);
					const mark = name === p.selected ? '>' : ' ';
					pick = i < 0 ? '   ' : `${mark}${i < 9 ? String(i + 1) : '·'} `;
				}
				const before = 1 + cellWidth(pick) + nameWidth + 1 + 6 + 1 + 9 + 1;
				return (
					<Row
						key={name}
						bold={changed}
						parts={[
							gutter,
							pick && {text: pick, color: 'magenta'},
							`${padCells(fit(name, nameWidth), nameWidth)} ${String(t.pid).padStart(6)} `,
							{text: badge(look), color: look.color},
							` ${fit(detailText(t, p.view), p.width - before)}`,
						]}
					/>
				);
			})}
		</Box>
	);
}
