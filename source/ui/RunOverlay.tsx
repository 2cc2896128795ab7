/**
 * The overlays of `S` and `e`, over the panels: the run's schedule with the
 * command that replays it, and an exploration's progress or report. Plain
 * text with no border, so what is on screen can be copied: a long schedule
 * or command is cut into rows of exactly the width, never truncated (the
 * rows joined again are the text).
 */
import {Box, Text} from 'ink';
import {cellWidth, cut, fit} from './cells.js';
import type {ExploreShown, Overlay, ScheduleShown} from './session.js';

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
export function scheduleLines(o: ScheduleShown, width: number, rows = Infinity): string[] {
	const head = `Schedule of this run, steps 1–${o.pos}`;
	if (o.schedule === undefined) return [`Schedule of this run: ${o.none ?? 'none'}`, '', 'any key closes this'];
	const command = rowsOf(o.command ?? '', width);
	const whole = [head, ...rowsOf(o.schedule, width), '', 'Replay it:', ...command, '', 'any key closes this'];
	if (whole.length <= rows) return whole;
	const short = [fit(`${head} (the part after --schedule)`, width), 'Replay it:', ...command, '', 'any key closes this'];
	if (short.length <= rows) return short;
	const room = Math.max(1, rows - 3);
	return [short[0]!, short[1]!, ...command.slice(0, room), fit(`… ${command.length - room} more rows: a larger window shows the whole command`, width)];
}

/** The report fitted to `rows` rows of `width`: long lines in rows of the width; short of room, the long ones cut to one row, then the last lines dropped. */
export function exploreLines(o: ExploreShown, width: number, rows: number): string[] {
	const title = `Explore ${o.label} · random, ${o.total} schedules from seed ${o.seed}`;
	const foot = o.shortest ? 'Enter: step through the shortest breaking schedule · Esc: close' : 'Esc: close';
	if (o.error !== undefined) return [title, '', `the search failed: ${o.error}`, '', 'Esc: close'];
	if (!o.lines) {
		const what = o.done < o.total ? `exploring… ${o.done}/${o.total}` : `exploring… ${o.done}/${o.total}: minimizing the shortest breaking schedule`;
		return [title, '', what, '', 'Esc: close (the search goes on; e shows it again)'];
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
		out = [...out.slice(0, keep), fit(`… ${at - keep} more rows: a taller window shows them`, width), ...tail].slice(0, room);
	}
	return [title, '', ...out, '', foot].map(l => fit(l, width));
}

export function overlayLines(o: Overlay, width: number, rows: number): string[] {
	return o.kind === 'schedule' ? scheduleLines(o, width, rows) : exploreLines(o, width, rows);
}

export function RunOverlay({overlay, width, rows}: {overlay: Overlay; width: number; rows: number}) {
	const lines = overlayLines(overlay, width, rows);
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
