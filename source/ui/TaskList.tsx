/**
 * A row per task: name, pid, a state badge (symbol and word; `☠ zombie` for
 * a process that has ended and is not reaped yet), what it waits on or is
 * about to do, its exit code. The task that ran at the last step
 * is marked `»`, rows the step changed are bold; in manual mode the ready
 * tasks carry the digit that picks them, and the selected one a `>`.
 */
import {Box} from 'ink';
import {CLOCK} from '../engine/policies.js';
import type {ViewState} from '../view/state.js';
import {cellWidth, fit, padCells} from './cells.js';
import {detailText} from './format.js';
import {Row} from './Row.js';
import {badge, lookOf} from './theme.js';
import {Title} from './Title.js';
import {words, type Lang} from '../view/words.js';

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
	/** Manual: the instant the clock would run to, when that is a choice (a row after the tasks). */
	clock?: number;
	width: number;
	/** Draw the title row. */
	title?: boolean;
	lang?: Lang;
}

export function TaskList(p: TaskListProps) {
	const nameWidth = Math.min(16, Math.max(4, ...p.view.order.map(cellWidth)));
	const more = [p.above > 0 && `↑${p.above}`, p.below > 0 && `↓${p.below}`].filter(Boolean).join(' ');
	return (
		<Box flexDirection="column" width={p.width}>
			{p.title !== false && <Title text={words(p.lang).panel.tasks(p.view.order.length)} width={p.width} note={more || undefined} />}
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
							{text: badge(look, p.lang), color: look.color},
							` ${fit(detailText(t, p.view, p.lang), p.width - before)}`,
						]}
					/>
				);
			})}
			{p.clock !== undefined && <ClockRow {...p} clock={p.clock} />}
		</Box>
	);
}

/** The clock as a choice: picking it lets the next sleep or timeout end, and wakes who waits for it. */
function ClockRow(p: TaskListProps & {clock: number}) {
	const i = p.ready.indexOf(CLOCK);
	const mark = p.selected === CLOCK ? '>' : ' ';
	const pick = `${mark}${i >= 0 && i < 9 ? String(i + 1) : '·'} `;
	const wakes = p.view.order.filter(n => {
		const t = p.view.tasks[n]!;
		return t.state === 'blocked' && t.until !== undefined && t.until <= p.clock;
	});
	const text = words(p.lang).task.clock(String(Number(p.clock.toFixed(3))), wakes);
	return <Row parts={[' ', {text: pick, color: 'magenta'}, fit(text, Math.max(0, p.width - 1 - cellWidth(pick)))]} />;
}
