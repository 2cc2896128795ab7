/**
 * A row per task: name, pid, a state badge (symbol and word; `☠ zombie` for
 * a process that has ended and is not reaped yet), what it waits on or is
 * about to do, its exit code. The task that ran at the last step
 * is marked `»`, rows the step changed are bold; in manual mode every task
 * carries its number (its place in creation order, the same all run long:
 * digits select it; task-numbers.ts), ready ones in colour, and the selected
 * one a `>`; the clock's row is 0.
 * When the tasks do not fit their rows, finished ones fold into one row and
 * alike ones (same state, same thing waited on) into a row per group
 * (foldTasks).
 */
import {Box} from 'ink';
import {CLOCK} from '../engine/policies.js';
import type {TaskView, ViewState} from '../view/state.js';
import {cellWidth, fit, padCells} from './cells.js';
import {detailText, holdings} from './format.js';
import {Row} from './Row.js';
import {numberWidth} from './task-numbers.js';
import {badge, lookOf} from './theme.js';
import {Title} from './Title.js';
import {words, type Lang} from '../view/words.js';

/** A row of the task list: one task, the finished ones folded, or alike ones folded (same state, same detail). */
export type TaskRow = {kind: 'task'; name: string} | {kind: 'done'; names: string[]} | {kind: 'alike'; names: string[]};

/** A finished task whose row says nothing new: done, reaped (not a zombie), with exit code 0 (a failure or a kill keeps its row). */
function finished(t: TaskView): boolean {
	return t.state === 'done' && t.zombie === undefined && (t.exitcode === undefined || t.exitcode === 0);
}

/**
 * What makes tasks alike: the same state and the same thing waited on
 * (blocked: sem#1, sleep, a join), or, not blocked, the same operation on
 * the same object with the same holdings (ready at \`read data.json\`).
 */
function alikeKey(t: TaskView, view: ViewState): string {
	if (t.state === 'blocked') return `blocked\u0000${t.on ?? ''}`;
	if (t.state === 'done') return `done\u0000${t.exitcode ?? ''}\u0000${t.zombie ?? ''}`;
	return `${t.state}\u0000${t.op ?? ''}\u0000${t.obj ?? ''}\u0000${holdings(t.name, view).join(',')}`;
}

/** What a group's tasks have in common to say: the detail they share, or its beginning up to where they differ (\`on sleep\` of \`on sleep → 3s\` and \`on sleep → 5s\`). */
export function commonDetail(details: readonly string[]): string {
	const first = details[0] ?? '';
	if (details.every(d => d === first)) return first;
	let n = 0;
	while (n < first.length && details.every(d => d[n] === first[n])) n++;
	// Back to the end of a whole word, without the joiner that followed it.
	const cut = first.slice(0, n);
	// Chinese details open a parenthesis without a space before it: （ ends a word too.
	const whole = /[\s（]/u.test(first[n] ?? ' ') ? cut : cut.slice(0, Math.max(0, cut.lastIndexOf(' '), cut.lastIndexOf('（')));
	return whole.replace(/[\s→·:(,（：，]+$/u, '');
}

export interface FoldOptions {
	/** Never folded: the task that ran last, the selected one. */
	keep: readonly (string | undefined)[];
	/** Manual mode: the ready tasks are picked by their rows, so they never fold. */
	manual: boolean;
}

/**
 * The task list's rows for `rows` rows: a row per task while they fit; else
 * the finished tasks fold into one row, then alike tasks (same state and the
 * same detail: blocked on the same semaphore, ready at the same gate) into a
 * row per group, as few as make the rows fit (a group that alone is enough,
 * the smallest such, else the biggest and again); when nothing is left to
 * fold, the window scrolls. A folded row stands where its first
 * task stood. Pure: the same view gives the same rows.
 */
export function foldTasks(view: ViewState, rows: number, o: FoldOptions): TaskRow[] {
	const order = view.order;
	if (order.length <= rows) return order.map(name => ({kind: 'task', name}));
	const keep = new Set(o.keep.filter((n): n is string => n !== undefined));
	const foldable = (name: string) => {
		const t = view.tasks[name]!;
		return !keep.has(name) && !(o.manual && t.state === 'ready');
	};
	const done = order.filter(n => foldable(n) && finished(view.tasks[n]!));
	const groups = new Map<string, string[]>();
	for (const name of order) {
		const t = view.tasks[name]!;
		if (!foldable(name) || finished(t) || t.state === 'done') continue;
		const key = alikeKey(t, view);
		groups.set(key, [...(groups.get(key) ?? []), name]);
	}
	const folds: string[][] = [];
	let count = order.length;
	if (done.length >= 2) {
		folds.push(done);
		count -= done.length - 1;
	}
	// The fewest folds: a group that alone makes the rows fit, the smallest such; else the biggest, and again.
	const alike = [...groups.values()].filter(g => g.length >= 2);
	while (count > rows && alike.length > 0) {
		const need = count - rows;
		const enough = alike.filter(g => g.length - 1 >= need).sort((a, b) => a.length - b.length || order.indexOf(a[0]!) - order.indexOf(b[0]!));
		const g = enough[0] ?? [...alike].sort((a, b) => b.length - a.length || order.indexOf(a[0]!) - order.indexOf(b[0]!))[0]!;
		alike.splice(alike.indexOf(g), 1);
		folds.push(g);
		count -= g.length - 1;
	}
	const foldOf = new Map<string, string[]>();
	for (const f of folds) for (const n of f) foldOf.set(n, f);
	const out: TaskRow[] = [];
	for (const name of order) {
		const f = foldOf.get(name);
		if (!f) out.push({kind: 'task', name});
		else if (f[0] === name) out.push(f === done ? {kind: 'done', names: f} : {kind: 'alike', names: f});
	}
	return out;
}

/**
 * A group by its names: `Process-1 …5` when they run one after another in
 * the list (`consecutive`) and share a beginning; else the shared beginning
 * once and each one's rest (`Process-6,8`); else the first and the last
 * (`A…E`).
 */
export function rangeName(names: readonly string[], consecutive = true): string {
	const first = names[0]!;
	const last = names.at(-1)!;
	if (names.length === 1) return first;
	const shared = (a: string, b: string) => {
		let n = 0;
		while (n < a.length && n < b.length && a[n] === b[n]) n++;
		// Cut the shared beginning before its digits, so Process-10 and Process-19 read Process-10 …19, not Process-1 …0.
		while (n > 0 && /\d/.test(a[n - 1]!)) n--;
		return n;
	};
	const common = Math.min(...names.map(n => shared(first, n)));
	if (common === 0) return `${first}…${last}`;
	if (consecutive) return `${first} …${last.slice(common)}`;
	return `${first},${names.slice(1).map(n => n.slice(common)).join(',')}`;
}

/** The view index each row's timeline lane comes from: a task's own; a folded row gets a blank lane (-1), as its tasks' lanes differ. */
export function laneOf(view: ViewState, row: TaskRow): number {
	return row.kind === 'task' ? view.order.indexOf(row.name) : -1;
}

export interface TaskListProps {
	view: ViewState;
	/** The rows to draw (a window over the folded rows, foldTasks); or `names`, a row per task. */
	rows?: TaskRow[];
	names?: string[];
	/** The title has the focus (Tab). */
	focused?: boolean;
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
	lang?: Lang;
}

export function TaskList(p: TaskListProps) {
	const nameWidth = Math.min(16, Math.max(4, ...p.view.order.map(cellWidth)));
	const more = [p.above > 0 && `↑${p.above}`, p.below > 0 && `↓${p.below}`].filter(Boolean).join(' ');
	const pickWidth = p.manual ? numberWidth(p.view.order.length) + 2 : 0;
	return (
		<Box flexDirection="column" width={p.width}>
			{p.title !== false && <Title text={words(p.lang).panel.tasks(p.view.order.length)} width={p.width} note={more || undefined} focused={p.focused} />}
			{(p.rows ?? (p.names ?? []).map((name): TaskRow => ({kind: 'task', name}))).map(row => {
				if (row.kind !== 'task') return <FoldedRow key={`fold:${row.names[0]}`} row={row} view={p.view} changed={p.changed} width={p.width} pickWidth={pickWidth} nameWidth={nameWidth} lang={p.lang} />;
				const name = row.name;
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

/** Several tasks in one row: the finished ones by name, or alike ones as a range and a count with their common badge and detail. */
function FoldedRow({row, view, changed, width, pickWidth, nameWidth, lang}: {row: Exclude<TaskRow, {kind: 'task'}>; view: ViewState; changed: ReadonlySet<string>; width: number; pickWidth: number; nameWidth: number; lang?: Lang}) {
	const bold = row.names.some(n => changed.has(n));
	const gutter = bold ? '•' : ' ';
	const pick = ' '.repeat(pickWidth);
	if (row.kind === 'done') {
		const look = lookOf(view.tasks[row.names[0]!]!);
		return <Row bold={bold} parts={[gutter, pick, {text: fit(words(lang).task.doneFold(row.names.length, row.names.join(words(lang).comma)), Math.max(0, width - 1 - pickWidth)), color: look.color}]} />;
	}
	const t = view.tasks[row.names[0]!]!;
	const look = lookOf(t);
	const index = new Map(view.order.map((n, i) => [n, i]));
	const at = row.names.map(n => index.get(n) ?? -1);
	const head = nameWidth + 1 + 6;
	const count = ` (${row.names.length})`;
	const named = `${rangeName(row.names, at.every((i, k) => k === 0 || i === at[k - 1]! + 1))}${count}`;
	// Too long a list of names: as much of it as fits, and how many.
	const label = cellWidth(named) <= head ? named : `${fit(named.slice(0, -count.length), Math.max(1, head - cellWidth(count)))}${count}`;
	const labelText = padCells(fit(label, head), head);
	const before = 1 + pickWidth + head + 1 + 9 + 1;
	const detail = commonDetail(row.names.map(n => detailText(view.tasks[n]!, view, lang)));
	return <Row bold={bold} parts={[gutter, pick, `${labelText} `, {text: badge(look, lang), color: look.color}, ` ${fit(detail, Math.max(0, width - before))}`]} />;
}

/** The clock as a choice: picking it lets the next sleep or timeout end, and wakes who waits for it. */
function ClockRow(p: TaskListProps & {clock: number}) {
	const mark = p.selected === CLOCK ? '>' : ' ';
	const pick = `${mark}${'0'.padStart(numberWidth(p.view.order.length))} `;
	const wakes = p.view.order.filter(n => {
		const t = p.view.tasks[n]!;
		return t.state === 'blocked' && t.until !== undefined && t.until <= p.clock;
	});
	const text = words(p.lang).task.clock(String(Number(p.clock.toFixed(3))), wakes);
	return <Row parts={[' ', {text: pick, color: 'magenta'}, fit(text, Math.max(0, p.width - 1 - cellWidth(pick)))]} />;
}
