// widest-line 6.0.0 (MIT, Sindre Sorhus; see license), with a memory.
//
// Ink measures every text of the screen with this on every frame, to decide
// whether to wrap it; for any text that is not plain ASCII that is Unicode
// segmentation and emoji regexes, the largest part of a conc-tui frame's CPU.
// A frame repeats most texts of the one before, so the widths are kept,
// up to a bound past which the memory starts again.
import stringWidth from 'string-width';

const BOUND = 20_000;
let widths = new Map();

export default function widestLine(string) {
	let width = widths.get(string);
	if (width !== undefined) return width;
	width = 0;
	for (const line of string.split('\n')) {
		width = Math.max(width, stringWidth(line));
	}
	if (widths.size >= BOUND) widths = new Map();
	widths.set(string, width);
	return width;
}
