/** The header: the lesson, how it is run, and where the viewer is. */
import {Box} from 'ink';
import {cellWidth, fit} from './cells.js';
import {Row, type Part} from './Row.js';
import type {InvariantView} from '../view/state.js';
import {standingOf} from '../view/verdicts.js';
import type {Status} from './session.js';
import {words, type Lang} from '../view/words.js';

export interface HeaderProps {
	title: string;
	name: string;
	variant: string;
	policy: string;
	/** The CPU policy of work(), for lessons that use the CPU. */
	sched?: string;
	cores: number;
	seed: number;
	free: boolean;
	status: Status;
	step: number;
	/** Steps recorded in all, once the run is over. */
	total?: number;
	time: number;
	speed: number;
	invariants: Record<string, InvariantView>;
	busy: boolean;
	compact: boolean;
	width: number;
	/** The invariants on a row of their own (the header's third), each with its standing; else after where the viewer is. */
	invariantsRow?: boolean;
	/** The invariants the lesson declares (name, text in the viewer's language): those with no verdict yet are shown as watched. */
	declared?: readonly {name: string; text: string}[];
	lang?: Lang;
}

export const STATUS_TEXT: Record<Status, string> = words('en').status;

/** The status word in the viewer's language. */
export function statusText(status: Status, lang: Lang = 'en'): string {
	return words(lang).status[status];
}

const STATUS_COLOR: Record<Status, string> = {
	starting: 'gray',
	playing: 'green',
	paused: 'yellow',
	pick: 'magenta',
	ended: 'blue',
	deadlock: 'red',
	error: 'red',
};

function speedText(speed: number): string {
	return speed >= 1 ? `×${speed}` : `×1/${Math.round(1 / speed)}`;
}

/**
 * The invariants' verdicts as parts: a broken one with the step it broke at
 * (red when it should hold, magenta when the variant can break it); a
 * demonstration that happened as shown; at the end, each that held with a
 * check mark (green when it should hold, grey when this run just did not
 * break it), and a demonstration that did not happen this run. Held ones
 * are named by their text, by their names when the texts do not fit, and
 * only counted when even the names do not.
 */
function verdictParts(invariants: Record<string, InvariantView>, room: number, lang: Lang = 'en', pending: readonly {name: string; text: string}[] = []): Part[] {
	const w = words(lang).header;
	const entries = Object.entries(invariants);
	const parts = (words: 'text' | 'name'): Part[] => [
		...entries.map(([name, inv]): Part => {
			switch (standingOf(inv)) {
				case 'broken':
					return {text: w.brokenAt(inv.brokeAt ?? '?', name), color: 'red'};
				case 'exposed':
					return {text: w.brokenAt(inv.brokeAt ?? '?', name), color: 'magenta'};
				case 'shown':
					return {text: w.shown(inv.shown ?? ''), color: 'cyan'};
				case 'unshown':
					return {text: w.unshown((words === 'text' ? inv.shown : name) ?? ''), color: 'gray'};
				case 'held':
					return {text: ` ✓ ${words === 'text' ? inv.text : name}`, color: inv.expected === 'hold' ? 'green' : 'gray'};
			}
		}),
		...pending.map(d => ({text: ` ◌ ${words === 'text' ? d.text : d.name}`, color: 'gray'})),
	];
	const width = (ps: Part[]) => ps.reduce((n, part) => n + cellWidth(part.text), 0);
	const texts = parts('text');
	if (width(texts) <= room) return texts;
	const names = parts('name');
	if (width(names) <= room) return names;
	// Still too wide: the held ones are counted, so the rest keeps its room.
	const held = entries.filter(([, inv]) => standingOf(inv) === 'held');
	const rest = names.filter((_, i) => i >= entries.length || standingOf(entries[i]![1]) !== 'held');
	if (held.length === 0) return rest;
	return [...rest, {text: w.heldCount(held.length), color: held.every(([, inv]) => inv.expected === 'hold') ? 'green' : 'gray'}];
}

/** Parts that fit `room` whole, and a count of the rest (`+2 more`) where they do not: a verdict is never cut in the middle of its step. */
function wholeParts(parts: Part[], room: number, lang: Lang = 'en'): Part[] {
	const w = words(lang).header;
	const width = (ps: Part[]) => ps.reduce((n, part) => n + cellWidth(part.text), 0);
	if (width(parts) <= room) return parts;
	for (let n = parts.length - 1; n >= 1; n--) {
		const more = {text: w.more(parts.length - n), color: 'gray'};
		if (width(parts.slice(0, n)) + cellWidth(more.text) <= room) return [...parts.slice(0, n), more];
	}
	// Not even one whole: the first, cut, with the count.
	const more = {text: w.more(parts.length - 1), color: 'gray'};
	return [{...parts[0]!, text: fit(parts[0]!.text, Math.max(0, room - cellWidth(more.text)))}, ...(parts.length > 1 ? [more] : [])];
}

/** The verdicts first (broken, shown…), then the ones still watched, on the invariants' own row. */
function invariantsRowParts(p: HeaderProps): Part[] {
	const pending = (p.declared ?? []).filter(d => p.invariants[d.name] === undefined);
	if (Object.keys(p.invariants).length === 0 && pending.length === 0) return [];
	const label: Part = {text: words(p.lang).header.invariants, color: 'gray'};
	const room = p.width - cellWidth(label.text);
	return [label, ...wholeParts(verdictParts(p.invariants, room, p.lang, pending), room, p.lang)];
}

export function Header(p: HeaderProps) {
	const w = words(p.lang).header;
	const statusWord = statusText(p.status, p.lang);
	const run = `${p.name}:${p.variant} · ${p.free ? w.free : p.policy}${p.sched ? ` · ${p.sched}` : ''} · ${w.cores(p.cores)} · ${w.seed(p.seed)}`;
	const where = `${w.step(p.step, p.total)} · t ${p.time.toFixed(3)}s · ${speedText(p.speed)}${p.busy ? w.rerunning : ''}`;
	const status: Part = {text: statusWord, color: STATUS_COLOR[p.status], bold: true};
	const statusWidth = cellWidth(statusWord);
	const used = p.compact ? statusWidth + 1 + cellWidth(`${p.name}:${p.variant}`) + cellWidth(` ${where}`) : statusWidth + cellWidth(` · ${where}`);
	const invariants = p.invariantsRow && !p.compact ? [] : verdictParts(p.invariants, p.width - used, p.lang);
	const rest = (used: number, parts: Part[]) => {
		let room = p.width - used;
		return parts.map(part => {
			const text = fit(part.text, Math.max(0, room));
			room -= cellWidth(text);
			return {...part, text};
		});
	};
	if (p.compact) {
		return <Row width={p.width} parts={[status, ' ', ...rest(statusWidth + 1, [{text: `${p.name}:${p.variant}`, bold: true}, {text: ` ${where}`}, ...invariants])]} />;
	}
	return (
		<Box flexDirection="column" width={p.width}>
			<Row width={p.width} parts={[{text: fit(p.title, p.width), bold: true, color: 'cyan'}, ...rest(cellWidth(p.title) + 2, [{text: `  ${run}`}])]} />
			<Row width={p.width} parts={[status, ...rest(statusWidth, [{text: ` · ${where}`}, ...invariants])]} />
			{p.invariantsRow && <Row width={p.width} parts={rest(0, invariantsRowParts(p))} />}
		</Box>
	);
}
