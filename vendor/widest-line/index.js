// widest-line 6.0.0 (MIT, Sindre Sorhus; see license), with a memory and a
// fast path.
//
// Ink measures every text of the screen with this on every frame (to lay it
// out, and to decide whether to wrap it). For any text that is not plain
// ASCII, string-width segments it into graphemes and tries emoji regexes on
// each: the largest part of a conc-tui frame's CPU, whose rows are full of
// box rules, blocks, dots, state symbols and Chinese. So:
// - widths of whole texts are remembered, up to a bound past which the memory
//   starts again (a frame repeats most texts of the one before);
// - a line made only of characters that are each a grapheme of their own
//   (no combining marks, joiners, variation selectors, surrogates, or
//   controls; colour and style escapes count nothing) is the sum of its
//   characters' widths, each asked of string-width once and remembered.
//   Anything else goes to string-width whole, as before.
// `lineWidth` (one line's width by the same path) is exported for conc-tui's
// source/ui/cells.ts, the one measure of the UI and of its Ink caches.
import stringWidth from 'string-width';

const BOUND = 20_000;
let widths = new Map();
const charWidths = new Map();

/** Whether the code unit stands alone: its string-width is the width it adds to any line. */
function alone(c) {
	if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return false; // controls, ESC
	if (c < 0x300) return true;
	if (c < 0x370) return false; // combining diacritics
	if (c >= 0x2000 && c < 0x2c00) {
		// Punctuation, arrows, box drawing, blocks, shapes, symbols; not the zero-width and bidi
		// controls, nor the combining marks for symbols.
		return !((c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || (c >= 0x20d0 && c <= 0x20ff));
	}
	if (c >= 0x3000 && c < 0xa000) {
		// CJK punctuation, kana, ideographs; not the combining tone and voicing marks.
		return !((c >= 0x302a && c <= 0x302f) || c === 0x3099 || c === 0x309a);
	}
	if (c >= 0xff01 && c <= 0xff5e) return true; // fullwidth ASCII forms
	return false;
}

/** One line's string-width, by the fast path where it can. */
export function lineWidth(line) {
	let width = 0;
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c >= 0x20 && c < 0x7f) {
			width++;
			continue;
		}
		if (c === 0x1b && line.charCodeAt(i + 1) === 0x5b) {
			// A colour or style (ESC [ digits and ; m) takes no columns; any other escape goes to string-width.
			let j = i + 2;
			while (j < line.length && ((line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x39) || line.charCodeAt(j) === 0x3b)) j++;
			if (line.charCodeAt(j) !== 0x6d) return stringWidth(line);
			i = j;
			continue;
		}
		if (!alone(c)) return stringWidth(line);
		let w = charWidths.get(c);
		if (w === undefined) {
			w = stringWidth(line[i]);
			charWidths.set(c, w);
		}
		width += w;
	}
	return width;
}

export default function widestLine(string) {
	let width = widths.get(string);
	if (width !== undefined) return width;
	width = 0;
	for (const line of string.split('\n')) {
		width = Math.max(width, lineWidth(line));
	}
	if (widths.size >= BOUND) widths = new Map();
	widths.set(string, width);
	return width;
}
