/**
 * Text wrapped to a width in terminal cells: at spaces between words, and
 * anywhere between wide characters (Chinese has no spaces to break at). A
 * word longer than the width is cut into pieces that fit.
 */
import {cellWidth} from './cells.js';

/** Words, runs of spaces, and each wide character alone: the pieces a line may break between. */
function pieces(text: string): string[] {
	return text.match(/ +|[^\s\u1100-\uffff]+|[\u1100-\uffff]|\S/gu) ?? [];
}

export function wrapCells(text: string, width: number): string[] {
	const w = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	const push = () => {
		lines.push(line.trimEnd());
		line = '';
	};
	for (const piece of pieces(text.replace(/\s*\n\s*/g, ' '))) {
		if (/^ +$/.test(piece)) {
			if (line) line += ' ';
			continue;
		}
		if (line && cellWidth(line) + cellWidth(piece) > w) push();
		let rest = piece;
		// A piece wider than a whole line: as much as fits, then the rest on the next lines.
		while (cellWidth(rest) > w) {
			let head = '';
			for (const ch of rest) {
				if (cellWidth(head + ch) > w) break;
				head += ch;
			}
			if (!head) head = [...rest][0]!;
			lines.push(head);
			rest = rest.slice(head.length);
		}
		line += rest;
	}
	if (line.trim() || lines.length === 0) push();
	return lines;
}
