/**
 * Turns whole frames (Ink's output: one line of styled text per row) into
 * the bytes a terminal needs to show them: the first frame in full, then
 * only the rows that changed, each put in place by cursor address. A cast
 * of sixty frames stays small, and any terminal (asciinema, a browser
 * player, xterm) ends on exactly the frame that was drawn last.
 */

const HOME_CLEAR = '\u001b[H\u001b[2J';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
/** Styles end with each row: the rest of the row is erased in the default colours. */
const RESET_ERASE = '\u001b[0m\u001b[K';

export class ScreenBytes {
	private rows: string[] | undefined;

	constructor(private readonly height: number) {}

	/** The bytes that turn the last frame into this one ('' when nothing changed). */
	next(frame: string): string {
		const rows = frame.split('\n').slice(0, this.height);
		const before = this.rows;
		this.rows = rows;
		if (!before) return HIDE_CURSOR + HOME_CLEAR + rows.map((row, y) => `\u001b[${y + 1};1H${row}${RESET_ERASE}`).join('');
		let out = '';
		for (let y = 0; y < Math.max(rows.length, before.length); y++) {
			const row = rows[y] ?? '';
			if (row !== (before[y] ?? '')) out += `\u001b[${y + 1};1H${row}${RESET_ERASE}`;
		}
		return out;
	}

	/** The last bytes: the cursor back, below the frame, as a shell would want it after `asciinema play`. */
	end(): string {
		return `\u001b[${this.height};1H${SHOW_CURSOR}`;
	}
}
