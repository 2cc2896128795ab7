/**
 * Where each panel goes for a terminal of a given size. The drawn frame is
 * one row shorter than the terminal: at full height Ink clears and rewrites
 * the whole screen on every update (DESIGN §7). Below 80×24 the layout is
 * compact: tasks, output, caption and keys.
 */

export interface Layout {
	compact: boolean;
	/** Columns and rows drawn. */
	width: number;
	height: number;
	header: number;
	/** The header's row of the invariants (its last row; 0: none). */
	invariants: number;
	/** Task rows (the panel's title row not counted). */
	tasks: number;
	taskWidth: number;
	/** Timeline lane width beside the tasks (0: none). */
	timeline: number;
	/** The timeline's legend: a row under the tasks and their lanes (0: none). */
	legend: number;
	/** Rows of the primitives and output panels (title not counted; 0: none). */
	mid: number;
	primsWidth: number;
	outputWidth: number;
	/** The code pane beside the output (wide screens): its width, else 0. */
	codeBeside: number;
	/** The code pane below (title not counted), else 0. */
	code: number;
	/** Rows of the CPU panel below the tasks, its title included (0: none). */
	cpu: number;
	caption: number;
	keys: number;
	/** The challenge's goal bar under the header (ChallengeBar.tsx): 1 while challenge mode is on, else 0. */
	challenge: number;
}

export const COMPACT_BELOW = {columns: 80, rows: 24} as const;
export const WIDE_FROM = 140;
/** The timeline's legend row from a timeline this wide, on a terminal this tall (100×30 has it, 80×24 not). */
export const LEGEND_FROM = {timeline: 30, rows: 30} as const;

/** What else the full layout makes room for. */
export interface LayoutNeeds {
	/** The lesson declares invariants: they get a header row of their own. */
	invariants?: boolean;
	/** The rows the caption would like besides a story: an alert, the lesson's caption wrapped, what happened. */
	caption?: number;
	/** Challenge mode is on: its goal bar takes a row from the panels. */
	challenge?: boolean;
}

/** The caption's rows in the full layout: at least two, and at most this many by the frame's height (80×24: 5, 100×30: 6, 120×36: 7). */
export function captionCap(height: number): number {
	return height >= 35 ? 7 : height >= 29 ? 6 : 5;
}

/** The code pane's least rows below the output where it has no rows to spare (the marked lines, numbered): 80×24 gets 3, from 30 rows 4. */
export function codeFloor(height: number): number {
	return height >= 29 ? 4 : 3;
}

/**
 * `cpuRows`: the rows the CPU scheduling panel would like (title included),
 * 0 when the lesson has none. It goes below the tasks, in the code pane's
 * place, and never squeezes primitives and output below three rows.
 * `story`: the rows an explanation of a break would like in the caption
 * (0: none); they are taken from the panels above it.
 */
export function layoutFor(columns: number, rows: number, taskCount: number, cpuRows = 0, story = 0, needs: LayoutNeeds = {}): Layout {
	const width = Math.max(20, columns);
	const height = Math.max(4, rows - 1);
	const count = Math.max(1, taskCount);
	const bar = needs.challenge && height >= 6 ? 1 : 0;
	if (columns < COMPACT_BELOW.columns || rows < COMPACT_BELOW.rows) {
		const caption = height >= 10 ? 1 + (height >= 16 ? Math.min(story, 2) : 0) : 0;
		const avail = Math.max(0, height - 1 - caption - 1 - bar);
		let tasks = Math.min(count, Math.max(1, Math.ceil(avail * 0.5)));
		let output = avail - tasks - 1;
		if (output <= 0) {
			// No room for the output's title and a line: the tasks take it all.
			output = 0;
			tasks = Math.min(count, Math.max(1, avail));
		}
		const timeline = width >= 64 ? Math.min(40, width - 50) : 0;
		return {
			compact: true,
			width,
			height,
			header: 1,
			invariants: 0,
			tasks: Math.min(tasks, avail),
			taskWidth: timeline ? width - timeline - 1 : width,
			timeline,
			legend: 0,
			mid: output,
			primsWidth: 0,
			outputWidth: width,
			codeBeside: 0,
			code: 0,
			cpu: 0,
			caption,
			keys: 1,
			challenge: bar,
		};
	}
	// A CPU lesson below 30 rows keeps its rows for the CPU panel: the invariants stay on the status row, the caption may be one row.
	const tight = cpuRows > 0 && height < 29;
	const invariants = needs.invariants && !tight ? 1 : 0;
	const header = 2 + invariants;
	// The caption: the alert, the story, the lesson's words wrapped, what happened; two rows at least, a few more when they are wanted.
	const caption = Math.max(tight ? 1 : 2, Math.min(captionCap(height), (needs.caption ?? 2) + Math.min(story, 3)));
	const keys = 1;
	const avail = height - header - caption - keys - bar;
	// With a CPU panel the tasks give up rows: the panel lists the jobs again, with their figures.
	// Tasks that do not fit fold (finished ones, alike ones: TaskList's foldTasks), so the code pane keeps its rows.
	// From 140 columns the code pane is a column beside the output and takes no rows: the tasks keep their 45%.
	const tasks = Math.min(count, Math.max(3, Math.floor((avail - 2) * (cpuRows > 0 ? 0.3 : width >= WIDE_FROM ? 0.45 : 0.35))));
	const taskWidth = Math.min(width, Math.max(56, Math.floor(width * 0.6)));
	const timeline = width - taskWidth - 1 >= 8 ? width - taskWidth - 1 : 0;
	let rest = avail - 1 - tasks - 1;
	const wide = width >= WIDE_FROM;
	let code = 0;
	let cpu = cpuRows > 0 ? Math.min(cpuRows, rest - 3) : 0;
	if (cpu < 5) cpu = 0;
	rest -= cpu;
	if (cpu === 0 && !wide) {
		// Rows to spare: 40% of them; else the least that shows the marked lines, leaving the panels above three.
		code = rest >= 14 ? Math.floor((rest - 1) * 0.4) : Math.min(codeFloor(height), rest - 1 - 3);
		if (code < 2) code = 0;
		if (code > 0) rest = rest - 1 - code;
	}
	// The timeline's legend, where the timeline is wide enough to say it and the screen tall enough to spare
	// a row: the primitives and output give it (the code pane keeps its rows), never below three rows.
	const legend = timeline >= LEGEND_FROM.timeline && height >= LEGEND_FROM.rows - 1 && rest >= 6 ? 1 : 0;
	rest -= legend;
	const primsWidth = wide ? Math.floor(width * 0.34) : Math.floor(width * 0.45);
	const outputWidth = wide ? Math.floor(width * 0.33) : width - primsWidth - 1;
	return {
		compact: false,
		width,
		height,
		header,
		invariants,
		tasks,
		taskWidth: timeline ? taskWidth : width,
		timeline,
		legend,
		mid: rest,
		primsWidth,
		outputWidth,
		codeBeside: wide ? width - primsWidth - outputWidth - 2 : 0,
		code,
		cpu,
		caption,
		keys,
		challenge: bar,
	};
}

/** The first row of a window of `size` rows over `total` that keeps `focus` in view, moving as little as it can from `from`. */
export function scrollTo(from: number, focus: number, size: number, total: number): number {
	if (total <= size) return 0;
	let start = Math.min(Math.max(0, from), total - size);
	if (focus < start) start = focus;
	else if (focus >= start + size) start = focus - size + 1;
	return Math.max(0, Math.min(start, total - size));
}
