/**
 * Ink's per-frame work, remembered from one frame to the next.
 *
 * Ink 6.8 turns its laid-out tree into the screen's text in `Output.get()`.
 * For every frame it measures every character of every line (string width,
 * ANSI tokens of styled characters), places them in a grid, and turns each
 * row back into an ANSI string. It caches the measurements in its
 * `Output`, but makes a new `Output` per frame, so nothing is ever found in
 * them: on a 100×30 screen that was about half of a frame's CPU (bench:
 * `npm run bench`, section 5). A TUI frame differs from the one before in a
 * few rows, so the same rows come back frame after frame. This does two things:
 *
 * - every `Output` gets one set of measuring caches that lives on;
 * - each row's text is remembered by what was written into that row: the
 *   write operations that touch it (position and that row's line of their
 *   text) and the clips around them. A row seen before is not rebuilt; a
 *   new one is built by Ink's own `get()` on a one-row `Output` holding just
 *   those operations, so its text is Ink's, character for character;
 * - a new row whose writes sit side by side (none overlaps another or is cut
 *   by a clip, and none holds a character Ink would widen) is its writes'
 *   styled lines joined with spaces: what Ink's grid of characters comes to.
 *   Ink would spell the colour codes its own way (it re-derives them per
 *   character); the cells a terminal shows are the same. This is most new
 *   rows: a step scrolls every timeline lane, and Ink's per-character
 *   rebuild of those rows was most of a frame's CPU.
 *
 * Both caches start again past a bound, so a long session does not keep
 * every line it ever drew. This reaches into Ink's build, which is pinned to
 * an exact version in package.json; if that build is not what this expects,
 * it changes nothing. A frame that writes above its top row is left to Ink
 * whole. A row is keyed by its lines as styled (Ink's `<Text>` styles a line
 * the same whatever its index); a `<Transform>` that uses the line index
 * would see 0 for every line of a several-line text, and the TUI has none.
 */

import {cellWidth} from './cells.js';

/** Entries kept before a cache starts again. */
const BOUND = 20_000;

interface Caches {
	getStringWidth(text: string): number;
	widths: Map<string, number>;
	blockWidths: Map<string, number>;
	styledChars: Map<string, unknown>;
}

interface Clip {
	x1?: number;
	x2?: number;
	y1?: number;
	y2?: number;
}

/** What Ink's `<Text>` applies to each line: its colours and styles. */
type Transformer = (line: string, index: number) => string;

/** A write; `styled` (the line with its transformers applied) is ours, for one-line writes: Ink ignores it. */
type Write = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]; styled?: string};

type Operation =
	| Write
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

interface OutputLike {
	width: number;
	height: number;
	operations: Operation[];
	caches: Caches;
}

interface OutputClass {
	prototype: {get: (this: OutputLike) => {output: string; height: number}};
	new (options: {width: number; height: number}): OutputLike;
}

let installed: Promise<boolean> | undefined;

/** Installs the caches once; resolves whether it could. */
export function shareInkCaches(): Promise<boolean> {
	installed ??= install();
	return installed;
}

async function install(): Promise<boolean> {
	try {
		const url = new URL('./output.js', import.meta.resolve('ink'));
		const Output = (await import(url.href)).default as OutputClass;
		const probe = new Output({width: 1, height: 1});
		const c = probe.caches;
		if (!(c?.widths instanceof Map) || !(c.styledChars instanceof Map) || !(c.blockWidths instanceof Map) || !Array.isArray(probe.operations)) return false;
		const Caches = c.constructor as (new () => Caches) & {prototype: Caches};
		// Ink's widths by string-width, as every width of the UI: cells.ts (the vendored widest-line's fast path).
		Caches.prototype.getStringWidth = function (this: Caches, text: string) {
			let width = this.widths.get(text);
			if (width === undefined) {
				width = cellWidth(text);
				this.widths.set(text, width);
			}
			return width;
		};
		let shared = new Caches();
		let rows = new Map<string, string>();
		const inkGet = Output.prototype.get;
		Output.prototype.get = function (this: OutputLike) {
			if (shared.widths.size + shared.styledChars.size + shared.blockWidths.size > BOUND) shared = new Caches();
			if (rows.size > BOUND) rows = new Map();
			this.caches = shared;
			// Ink drops a write that starts above the top row whole: left to Ink.
			if (this.operations.some(op => op.type === 'write' && op.y < 0)) return inkGet.call(this);
			return rowWise(this, row => {
				let text = rows.get(row.key);
				if (text === undefined) {
					text = sideBySide(row.operations, this.width, shared);
					if (text === undefined) {
						const one = new Output({width: this.width, height: 1});
						one.caches = shared;
						one.operations = row.operations;
						text = inkGet.call(one).output;
					}
					rows.set(row.key, text);
				}
				return text;
			});
		};
		return true;
	} catch {
		return false;
	}
}

interface Row {
	/** What decides the row's text: the width, and its operations with their positions. */
	key: string;
	/** The operations for a one-row Output (row at y = 0). */
	operations: Operation[];
}

/** The frame's text, row by row: each row's operations shifted to y = 0 and handed to `text`. */
function rowWise(output: OutputLike, text: (row: Row) => string): {output: string; height: number} {
	const {width, height, operations} = output;
	const rows: Row[] = Array.from({length: height}, () => ({key: `${width}`, operations: []}));
	// Clips apply to every row (a one-row Output skips what falls outside them, as the whole one would).
	for (const op of operations) {
		if (op.type === 'write') {
			const lines = op.text.split('\n');
			for (let i = 0; i < lines.length; i++) {
				const row = rows[op.y + i];
				// Ink writes nothing for an empty line, and never past the last row.
				if (!row || lines[i] === '') continue;
				// The line as styled is what it draws; the transformers are new closures every frame.
				// Index 0: in the one-row Output that builds it, the line is its write's first.
				let styled = lines[i]!;
				for (const transform of op.transformers) styled = transform(styled, 0);
				row.operations.push({type: 'write', x: op.x, y: 0, text: lines[i]!, transformers: op.transformers, styled});
				row.key += `\u0000w${op.x}\u0001${styled}`;
			}
		} else {
			for (let r = 0; r < height; r++) {
				const row = rows[r]!;
				if (op.type === 'unclip') {
					row.operations.push(op);
					row.key += '\u0000u';
				} else {
					const {x1, x2, y1, y2} = op.clip;
					const clip: Clip = {x1, x2, y1: y1 === undefined ? undefined : y1 - r, y2: y2 === undefined ? undefined : y2 - r};
					row.operations.push({type: 'clip', clip});
					row.key += `\u0000c${x1},${x2},${clip.y1},${clip.y2}`;
				}
			}
		}
	}
	return {output: rows.map(text).join('\n'), height};
}

/**
 * Characters whose cell Ink counts apart from string-width: Ink gives every
 * grapheme at least one column, string-width gives these none (controls
 * other than ESC, which starts the colour codes; format characters, marks,
 * default-ignorables). A row holding one is left to Ink.
 */
const WIDENED = /[\p{Default_Ignorable_Code_Point}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}\x00-\x1a\x1c-\x1f\x7f-\x9f]/u;

/**
 * A one-row Output's text without Ink's grid: each write's styled line at its
 * column, spaces between, trailing spaces dropped (as Ink's trimEnd). Only
 * when every write is wholly inside or wholly outside its clip and no two
 * overlap; otherwise undefined, and Ink builds the row.
 */
function sideBySide(operations: Operation[], width: number, caches: Caches): string | undefined {
	const clips: Clip[] = [];
	const parts: {x: number; w: number; styled: string}[] = [];
	for (const op of operations) {
		if (op.type === 'clip') {
			clips.push(op.clip);
			continue;
		}
		if (op.type === 'unclip') {
			clips.pop();
			continue;
		}
		const styled = op.styled;
		if (styled === undefined || WIDENED.test(styled)) return undefined;
		const w = caches.getStringWidth(styled);
		// A transformer that changes the width: Ink clips by one width and places by the other.
		if (w !== caches.getStringWidth(op.text)) return undefined;
		const clip = clips.at(-1);
		if (clip && typeof clip.y1 === 'number' && typeof clip.y2 === 'number' && Math.max(0, clip.y1) >= Math.min(1, clip.y2)) continue;
		if (clip && typeof clip.x1 === 'number' && typeof clip.x2 === 'number') {
			if (op.x + w <= clip.x1 || op.x >= clip.x2) continue;
			if (op.x < clip.x1 || op.x + w > clip.x2) return undefined;
		}
		if (w === 0) continue;
		parts.push({x: op.x, w, styled});
	}
	parts.sort((a, b) => a.x - b.x);
	let text = '';
	let column = 0;
	for (const part of parts) {
		if (part.x < column || part.x + part.w > width) return undefined;
		text += ' '.repeat(part.x - column) + part.styled;
		column = part.x + part.w;
	}
	return text.trimEnd();
}
