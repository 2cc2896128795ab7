/**
 * Each shared variable (a Value, a file, a variable a process's threads
 * share) with its value now, and under it what each task last read of it:
 * a read someone else has written the variable since is stale, marked ⚠ in a
 * warning colour with the value now beside it. A task's named locals
 * (`watch`) go beside its read. Many tasks reading alike fold into one row
 * (`7 tasks read 1 · stale`); stale reads and the task in focus come first.
 */
import {Box, Text} from 'ink';
import {isStale, type SharedState} from '../view/shared-state.js';
import {fitParts} from './cells.js';
import {oneLine} from './format.js';
import {Row} from './Row.js';
import {Title} from './Title.js';
import {words, type Lang} from '../view/words.js';

export interface VariablesProps {
	shared: SharedState;
	/** The task in focus (selected, or the one that ran): its read is shown on its own. */
	focus?: string;
	width: number;
	/** Rows below the title. */
	rows: number;
	lang?: Lang;
}

export interface VarLine {
	key: string;
	/** A variable's row, or a read under it. */
	kind: 'var' | 'read' | 'more';
	text: string;
	stale?: boolean;
	/** Beside the text, dim: the value now (a stale read), a task's locals. */
	note?: string;
}

/** Whether a lesson's run has shared variables for the panel to show. */
export function hasVariables(shared: SharedState): boolean {
	return shared.varOrder.length > 0;
}


function localsOf(shared: SharedState, task: string): string {
	const mine = shared.locals[task];
	if (!mine) return '';
	return Object.entries(mine)
		.map(([name, l]) => `${name} = ${oneLine(l.value)}`)
		.join(' · ');
}

/** The reads of one variable as rows: the focus task and lone readers one by one, alike readers folded; stale first. */
function readRows(shared: SharedState, obj: string, focus: string | undefined, room: number, lang: Lang = 'en'): VarLine[] {
	const w = words(lang).variables;
	const v = shared.vars[obj]!;
	const readers = Object.keys(shared.reads).filter(task => shared.reads[task]![obj] !== undefined);
	if (readers.length === 0 || room <= 0) return [];
	const now = oneLine(v.value);
	const one = (task: string): VarLine => {
		const read = shared.reads[task]![obj]!;
		const stale = isStale(shared, task, obj);
		const locals = localsOf(shared, task);
		return {
			key: `${obj}:${task}`,
			kind: 'read',
			stale,
			text: w.read(task, oneLine(read.value)),
			note: [stale ? w.now(now) : '', locals].filter(Boolean).join(' · '),
		};
	};
	const groups = new Map<string, string[]>();
	for (const task of readers) {
		if (task === focus) continue;
		const read = shared.reads[task]![obj]!;
		const key = `${isStale(shared, task, obj) ? 1 : 0}\u0000${read.value}`;
		groups.set(key, [...(groups.get(key) ?? []), task]);
	}
	const rows: VarLine[] = [];
	if (focus && readers.includes(focus)) rows.push(one(focus));
	const sorted = [...groups.entries()].sort((a, b) => Number(b[0].startsWith('1')) - Number(a[0].startsWith('1')));
	// Readers one by one while they fit; else alike ones fold into a row.
	const lone = rows.length + readers.length - (rows.length > 0 ? 1 : 0) <= room;
	for (const [i, [key, tasks]] of sorted.entries()) {
		// A group is listed one by one when it leaves a row for each group after it.
		if (lone || tasks.length === 1 || rows.length + tasks.length + (sorted.length - i - 1) <= room) {
			rows.push(...tasks.map(one));
			continue;
		}
		const stale = key.startsWith('1');
		const value = key.slice(key.indexOf('\u0000') + 1);
		rows.push({key: `${obj}:${key}`, kind: 'read', stale, text: w.manyRead(tasks.length, oneLine(value)), note: stale ? w.staleNow(now) : ''});
	}
	if (rows.length <= room) return rows;
	const kept = rows.slice(0, Math.max(0, room - 1));
	const left = rows.slice(kept.length);
	const staleLeft = left.filter(r => r.stale).length;
	kept.push({key: `${obj}:more`, kind: 'more', text: w.more(left.length, staleLeft)});
	return kept;
}

/** The panel's rows: each variable, then its reads in the rows it can have. */
export function variableLines(shared: SharedState, focus: string | undefined, rows: number, lang: Lang = 'en'): VarLine[] {
	const vars = shared.varOrder.slice(0, Math.max(0, rows));
	const room = Math.max(0, rows - vars.length);
	const out: VarLine[] = [];
	vars.forEach((obj, i) => {
		const v = shared.vars[obj]!;
		out.push({key: obj, kind: 'var', text: `${v.name} = ${oneLine(v.value)}`, note: v.lastWriter ? words(lang).variables.written(v.lastWriter, String(v.writtenAt)) : ''});
		// Each variable's reads share what is left; a later one gets what an earlier one did not use.
		const share = Math.floor((room - (out.length - (i + 1))) / (vars.length - i));
		out.push(...readRows(shared, obj, focus, Math.max(0, Math.min(share, rows - out.length - (vars.length - i - 1))), lang));
	});
	return out.slice(0, rows);
}

export function Variables({shared, focus, width, rows, lang}: VariablesProps) {
	const lines = variableLines(shared, focus, rows, lang);
	return (
		<Box flexDirection="column" width={width}>
			<Title text={words(lang).panel.variables} width={width} note={width >= 40 ? words(lang).panel.stale : undefined} />
			{lines.map(l => {
				const indent = l.kind === 'var' ? ' ' : l.stale ? ' ⚠ ' : '   ';
				const [text, note] = fitParts([l.text, l.note ? ` · ${l.note}` : ''], width - indent.length);
				return (
					<Row
						key={l.key}
						parts={[
							{text: indent, color: l.stale ? 'yellow' : undefined, bold: l.stale},
							{text: text!, color: l.kind === 'var' ? 'cyan' : l.stale ? 'yellow' : undefined, dim: l.kind === 'more'},
							note && {text: note, color: l.stale ? 'yellow' : undefined, dim: !l.stale},
						]}
					/>
				);
			})}
			{lines.length === 0 && rows > 0 && <Text dimColor> </Text>}
		</Box>
	);
}
