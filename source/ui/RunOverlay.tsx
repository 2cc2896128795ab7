/**
 * The overlays of `S` and `e`, over the panels: the run's schedule with the
 * command that replays it, and an exploration's progress or report. Plain
 * text with no border, so what is on screen can be copied: a long schedule
 * or command is cut into rows of exactly the width, never truncated (the
 * rows joined again are the text).
 */
import {Box, Text} from 'ink';
import {cellWidth, cut, fit} from './cells.js';
import type {ExploreShown, Overlay, ScheduleShown, VariantsShown} from './session.js';
import {words, type Lang} from '../view/words.js';

/** A text in rows of `width` cells, cut anywhere (a schedule has no spaces to break at). */
export function rowsOf(text: string, width: number): string[] {
	const w = Math.max(1, width);
	const rows: string[] = [];
	let rest = text;
	while (cellWidth(rest) > w) {
		let head = cut(rest, w);
		if (!head) head = [...rest][0]!;
		rows.push(head);
		rest = rest.slice(head.length);
	}
	rows.push(rest);
	return rows;
}

/** The schedule and the command; short of rows, the command alone (the schedule is in it), then a last row saying what is left out. */
export function scheduleLines(o: ScheduleShown, width: number, rows = Infinity, lang: Lang = 'en'): string[] {
	const w = words(lang).overlay;
	const head = w.scheduleSteps(o.pos);
	if (o.schedule === undefined) return [w.scheduleNone(o.none ?? w.none), '', w.anyKey];
	const command = rowsOf(o.command ?? '', width);
	const whole = [head, ...rowsOf(o.schedule, width), '', w.replay, ...command, '', w.anyKey];
	if (whole.length <= rows) return whole;
	const short = [fit(`${head}${w.afterFlag}`, width), w.replay, ...command, '', w.anyKey];
	if (short.length <= rows) return short;
	const room = Math.max(1, rows - 3);
	return [short[0]!, short[1]!, ...command.slice(0, room), fit(w.moreCommand(command.length - room), width)];
}

/** The report fitted to `rows` rows of `width`: long lines in rows of the width; short of room, the long ones cut to one row, then the last lines dropped. */
export function exploreLines(o: ExploreShown, width: number, rows: number, lang: Lang = 'en'): string[] {
	const w = words(lang).overlay;
	const title = w.exploreTitle(o.label, o.total, o.seed);
	const foot = o.shortest ? w.enterShortest : w.escClose;
	if (o.error !== undefined) return [title, '', w.failed(o.error), '', w.escClose];
	if (!o.lines) {
		const what = o.done < o.total ? w.exploring(o.done, o.total) : w.minimizing(o.done, o.total);
		return [title, '', what, '', w.goesOn];
	}
	// textReport's first line says what the title says.
	const body = o.lines.slice(o.lines[0]?.startsWith('explore ') ? 2 : 0);
	const room = Math.max(1, rows - 4);
	let out = body.flatMap(l => rowsOf(l, width));
	if (out.length > room) out = body.map(l => fit(l, width));
	if (out.length > room) {
		// The shortest breaking schedule is what Enter opens: the histograms above it give way first.
		let at = out.findIndex(l => l.startsWith('shortest breaking schedule') || l.startsWith('no schedule broke'));
		if (at < 0) at = out.length;
		const tail = out.slice(at);
		const keep = Math.max(0, room - tail.length - 1);
		out = [...out.slice(0, keep), fit(w.moreRows(at - keep), width), ...tail].slice(0, room);
	}
	return [title, '', ...out, '', foot].map(l => fit(l, width));
}

/** The variants' table: its rows cut to the width (a table does not wrap), the first line (the title says it) left out, the legend last to go. */
export function variantsLines(o: VariantsShown, width: number, rows: number, lang: Lang = 'en'): string[] {
	const w = words(lang).overlay;
	const title = w.variantsTitle(o.label, o.seed);
	if (o.error !== undefined) return [title, '', w.compareFailed(o.error), '', w.anyKey];
	if (!o.lines) return [title, '', w.comparing, '', w.anyKey];
	const body = o.lines.slice(o.lines[0]?.startsWith('compare-variants ') ? 2 : 0);
	return [title, '', ...body.slice(0, Math.max(1, rows - 4)), '', w.anyKey].map(l => fit(l, width));
}

export function overlayLines(o: Overlay, width: number, rows: number, lang: Lang = 'en'): string[] {
	if (o.kind === 'schedule') return scheduleLines(o, width, rows, lang);
	if (o.kind === 'variants') return variantsLines(o, width, rows, lang);
	return exploreLines(o, width, rows, lang);
}

export function RunOverlay({overlay, width, rows, lang}: {overlay: Overlay; width: number; rows: number; lang?: Lang}) {
	const lines = overlayLines(overlay, width, rows, lang);
	return (
		<Box flexDirection="column" width={width} height={rows}>
			{lines.slice(0, rows).map((line, i) => (
				<Text key={i} wrap="truncate-end" bold={i === 0}>
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}
