/**
 * An exploration for people: a table of the invariants (how many schedules
 * broke each), a histogram per outcome value, and the shortest breaking
 * schedule with the command that replays it. Plain text; colour only when
 * asked (a terminal without NO_COLOR). And the same as one JSON object.
 */
import {encodeSchedule} from '../engine/policies.js';
import {replayCommand, type ReplayFlags} from '../cli/schedule.js';
import {padCells} from '../ui/cells.js';
import type {Exploration} from './search.js';
import {words, type Lang} from '../view/words.js';

export interface Titled {
	/** `bank:unsafe` */
	label: string;
	flags: ReplayFlags;
	variant: string;
}

const BAR = 40;
/** Above this many distinct numbers, a histogram groups them into ranges. */
const MAX_ROWS = 16;

function paint(colour: boolean, code: number, text: string): string {
	return colour ? `\u001B[${code}m${text}\u001B[0m` : text;
}

function percent(n: number, of: number): string {
	return of === 0 ? '0%' : `${((100 * n) / of).toFixed(n === of || n === 0 ? 0 : 1)}%`;
}

function headline(x: Exploration, lang: Lang): string {
	const {plan} = x;
	const w = words(lang).explore;
	if (plan.strategy === 'exhaustive') return w.exhaustive(plan.seed, plan.depth, x.runs, x.complete ? undefined : plan.runs);
	return w.sampled(plan.strategy === 'pct' ? plan.depth : undefined, x.runs, plan.seed, plan.seed + x.runs - 1);
}

/** Rows of a histogram: each value, or ranges of numbers when there are too many to list. */
function rows(entries: [number | string, number][]): [string, number][] {
	const numeric = entries.every(([v]) => typeof v === 'number');
	if (!numeric || entries.length <= MAX_ROWS) return entries.map(([v, n]) => [String(v), n]);
	const lo = entries[0]![0] as number;
	const hi = entries.at(-1)![0] as number;
	const width = Math.ceil((hi - lo + 1) / MAX_ROWS);
	const out: [string, number][] = [];
	for (let from = lo; from <= hi; from += width) {
		const to = Math.min(hi, from + width - 1);
		const n = entries.filter(([v]) => (v as number) >= from && (v as number) <= to).reduce((sum, [, c]) => sum + c, 0);
		out.push([from === to ? String(from) : `${from}–${to}`, n]);
	}
	return out;
}

export function histogram(name: string, entries: [number | string, number][], colour: boolean): string[] {
	const table = rows(entries);
	const most = Math.max(...table.map(([, n]) => n));
	const wide = Math.max(...table.map(([v]) => [...v].length));
	const lines = [`${name}:`];
	for (const [value, n] of table) {
		const bar = n === 0 ? '' : '█'.repeat(Math.max(1, Math.round((BAR * n) / most)));
		lines.push(`  ${value.padStart(wide)} │${paint(colour, 36, bar)} ${n}`);
	}
	return lines;
}

export function textReport(x: Exploration, t: Titled, colour: boolean, lang: Lang = 'en'): string {
	const w = words(lang).explore;
	const lines = [`explore ${t.label} · ${headline(x, lang)}`, ''];
	if (x.invariants.length === 0) lines.push(w.noInvariants);
	else {
		const wide = Math.max(9, ...x.invariants.map(i => i.name.length));
		lines.push(`${padCells(w.invariant, wide)}  ${padCells(w.expected, 9)}  ${w.brokenIn}`);
		for (const inv of x.invariants) {
			const counted = w.counted(inv.broken, x.runs, percent(inv.broken, x.runs));
			const alarm = inv.broken > 0 && inv.expected === 'hold';
			lines.push(`${inv.name.padEnd(wide)}  ${inv.expected.padEnd(9)}  ${paint(colour, alarm ? 31 : inv.broken > 0 ? 33 : 32, counted)}${inv.broken === 0 && x.complete ? w.holdsAll : ''}`);
		}
	}
	for (const [name, entries] of Object.entries(x.outcomes)) lines.push('', ...histogram(name, entries, colour));
	lines.push('');
	const s = x.shortest;
	if (!s) lines.push(x.invariants.length ? w.noneBroke : '');
	else {
		const schedule = encodeSchedule(s.run.choices);
		lines.push(
			w.shortest(s.run.steps, s.run.preemptions, s.broke.join(', ')),
			w.minimized(s.from.steps, s.from.preemptions, s.reruns),
			`  ${schedule}`,
			`${w.replay}${replayCommand(t.flags, {variant: t.variant, seed: s.run.seed}, schedule)}`,
		);
	}
	if (!x.exact) lines.push(w.floor);
	return lines.join('\n').trimEnd();
}

export function jsonReport(x: Exploration, t: Titled): Record<string, unknown> {
	const s = x.shortest;
	const schedule = s ? encodeSchedule(s.run.choices) : undefined;
	return {
		lesson: t.label,
		strategy: x.plan.strategy,
		seed: x.plan.seed,
		...(x.plan.strategy !== 'random' ? {depth: x.plan.depth} : {}),
		runs: x.runs,
		...(x.complete !== undefined ? {complete: x.complete} : {}),
		invariants: Object.fromEntries(x.invariants.map(i => [i.name, {expected: i.expected, broken: i.broken}])),
		outcomes: Object.fromEntries(Object.entries(x.outcomes).map(([name, entries]) => [name, Object.fromEntries(entries.map(([v, n]) => [String(v), n]))])),
		shortest: s
			? {schedule, seed: s.run.seed, steps: s.run.steps, preemptions: s.run.preemptions, broke: s.broke, command: replayCommand(t.flags, {variant: t.variant, seed: s.run.seed}, schedule!)}
			: null,
		exact: x.exact,
	};
}
