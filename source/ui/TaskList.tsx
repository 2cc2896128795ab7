/**
 * A row per task: name, pid, a state badge (symbol and word; `☠ zombie` for
 * a process that has ended and is not reaped yet), what it waits on or is
 * about to do, its exit code. The task that ran at the last step
 * is marked `»`, rows the step changed are bold; in manual mode every task
 * carries its number (its place in creation order, the same all run long:
 * digits select it; task-numbers.ts), ready ones in colour, and the selected
 * one a `>`; the clock's row is 0.
 */
import {Box} from 'ink';
import {CLOCK} from '../engine/policies.js';
import type {ViewState} from '../view/state.js';
import {cellWidth, fit, padCells} from './cells.js';
import {detailText} from './format.js';
import {Row} from './Row.js';
import {numberWidth} from './task-numbers.js';
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
	/** Manual mode: the ready tasks (they can run), and the selected one (ready or not). */
	manual: boolean;
	ready: string[];
	selected?: string;
	/** Manual: the instant the clock would run to, when that is a choice (a row after the tasks). */
	clock?: number;
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
				const ready = p.ready.includes(name);
				if (p.manual) {
					const mark = name === p.selected ? '>' : ' ';
					pick = `${mark}${String(p.view.order.indexOf(name) + 1).padStart(numberWidth(p.view.order.length))} `;
				}
				const before = 1 + cellWidth(pick) + nameWidth + 1 + 6 + 1 + 9 + 1;
				return (
					<Row
						key={name}
						bold={changed}
						parts={[
							gutter,
							pick && (ready ? {text: pick, color: 'magenta'} : {text: pick, dim: true}),
							`${padCells(fit(name, nameWidth), nameWidth)} ${String(t.pid).padStart(6)} `,
							{text: badge(look), color: look.color},
							` ${fit(detailText(t, p.view), p.width - before)}`,
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
	const mark = p.selected === CLOCK ? '>' : ' ';
	const pick = `${mark}${'0'.padStart(numberWidth(p.view.order.length))} `;
	const wakes = p.view.order.filter(n => {
		const t = p.view.tasks[n]!;
		return t.state === 'blocked' && t.until !== undefined && t.until <= p.clock;
	});
	const text = `⏱ clock → ${Number(p.clock.toFixed(3))}s: let time pass${wakes.length > 0 ? ` (wakes ${wakes.join(', ')})` : ''}`;
	return <Row parts={[' ', {text: pick, color: 'magenta'}, fit(text, Math.max(0, p.width - 1 - cellWidth(pick)))]} />;
}
