/**
 * Terminal cells: the columns a text takes, and cutting and padding text to
 * a number of columns. Every width in the UI comes from here, and every
 * width here from string-width, the measure Ink lays out and cuts with: a
 * text fitted here is one Ink neither wraps nor cuts again, and a padded
 * column lines up with the one beside it.
 *
 * A text is measured by the vendored widest-line's `lineWidth`, string-width
 * with a fast path for the characters a frame is made of (held equal to
 * string-width by test/vendor-widest-line). A text is cut between graphemes
 * (a decomposed `é`, a flag, an emoji with its variation selector or skin
 * tone stay whole), and colour and style codes take no columns.
 */
import {lineWidth} from 'widest-line';

/** Columns a text takes in a terminal, as string-width counts them. */
export function cellWidth(text: string): number {
	return lineWidth(text);
}

/** The longest start of `text` (whole graphemes) that fits in `width` columns; escape codes after the cut are kept, so a style still ends. */
export function cut(text: string, width: number): string {
	if (cellWidth(text) <= width) return text;
	return cutAlone(text, width) ?? cutGraphemes(text, width);
}

/**
 * The cut where every character up to it stands alone (a grapheme of its
 * own: the characters a frame is made of), with no segmenting: ten times
 * cheaper, and a long row is cut on every frame. Undefined where it cannot
 * tell.
 */
function cutAlone(text: string, width: number): string | undefined {
	// Escapes after the cut are kept: the careful path.
	if (text.includes('\u001b')) return undefined;
	let used = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// The character after the cut must stand alone too: it must not belong to the one before.
		if (!alone(c)) return undefined;
		const w = c < 0x7f ? 1 : cellWidth(text[i]!);
		if (used + w > width) return text.slice(0, i);
		used += w;
	}
	return text;
}

/** Whether a code unit is a grapheme of its own whatever is beside it (as the vendored widest-line's fast path counts them). */
function alone(c: number): boolean {
	if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return false; // controls, escapes
	if (c < 0x300) return true;
	if (c >= 0x2000 && c < 0x2c00) return !((c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || (c >= 0x20d0 && c <= 0x20ff));
	if (c >= 0x3000 && c < 0xa000) return !((c >= 0x302a && c <= 0x302f) || c === 0x3099 || c === 0x309a);
	return c >= 0xff01 && c <= 0xff5e;
}

function cutGraphemes(text: string, width: number): string {
	let out = '';
	let used = 0;
	let full = false;
	for (const chunk of chunks(text)) {
		if (chunk.escape) {
			out += chunk.text;
			continue;
		}
		if (full) continue;
		for (const {segment} of graphemes.segment(chunk.text)) {
			const w = cellWidth(segment);
			if (used + w > width) {
				full = true;
				break;
			}
			out += segment;
			used += w;
		}
	}
	return out;
}

/** Cuts a text to at most `width` columns, ending with `…` when cut. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	if (cellWidth(text) <= width) return text;
	return `${cut(text, width - 1)}…`;
}

/**
 * Cuts consecutive parts of a line so that together they take at most
 * `width` columns: the first parts keep their room, the last ones give way.
 * Ink would cut the line too, but measuring a long string costs it far more
 * than this does (a lock with ninety-nine waiters, a join on a hundred).
 */
export function fitParts(parts: readonly string[], width: number): string[] {
	let room = width;
	return parts.map(part => {
		const cutPart = fit(part, Math.max(0, room));
		room -= cellWidth(cutPart);
		return cutPart;
	});
}

/** Pads a text with spaces on the right to `width` columns. */
export function padCells(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}

/** Exactly `width` columns: cut (without a mark) or padded. */
export function cellsExactly(text: string, width: number): string {
	return padCells(cut(text, width), width);
}

// CSI sequences (colours, styles, cursor moves) and OSC ones (links, titles), as string-width strips them.
const ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/gu;
const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** A text as its escape sequences and the runs of text between them, in order. */
function* chunks(text: string): Generator<{text: string; escape: boolean}> {
	let at = 0;
	for (const m of text.matchAll(ESCAPE)) {
		if (m.index > at) yield {text: text.slice(at, m.index), escape: false};
		yield {text: m[0], escape: true};
		at = m.index + m[0].length;
	}
	if (at < text.length) yield {text: text.slice(at), escape: false};
}
