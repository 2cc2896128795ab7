/**
 * An asciicast v2 recording (https://docs.asciinema.org/manual/asciicast/v2/):
 * a JSON header line, then one JSON array per event: `[time, "o", data]` for
 * output, `[time, "m", label]` for a marker a player can jump to. Times come
 * from the caller's clock (the key script's virtual time), never the wall
 * clock, so the same script and seed give the same bytes.
 */

export interface CastHeader {
	width: number;
	height: number;
	title?: string;
	env?: Record<string, string>;
}

export class Cast {
	private readonly lines: string[];
	private lastTime = 0;

	constructor(header: CastHeader) {
		this.lines = [JSON.stringify({version: 2, width: header.width, height: header.height, ...(header.title ? {title: header.title} : {}), env: header.env ?? {TERM: 'xterm-256color'}})];
	}

	/** Output at `seconds` (never before the previous event). */
	output(seconds: number, data: string): void {
		if (data.length === 0) return;
		this.lines.push(JSON.stringify([this.time(seconds), 'o', data]));
	}

	/** A marker: a beat of the lesson (a caption, a broken invariant, the end). */
	marker(seconds: number, label: string): void {
		this.lines.push(JSON.stringify([this.time(seconds), 'm', label]));
	}

	/** The terminal was resized (a live recording: the viewer's window changed). */
	resize(seconds: number, columns: number, rows: number): void {
		this.lines.push(JSON.stringify([this.time(seconds), 'r', `${columns}x${rows}`]));
	}

	toString(): string {
		return `${this.lines.join('\n')}\n`;
	}

	private time(seconds: number): number {
		this.lastTime = Math.max(this.lastTime, Math.round(seconds * 1e6) / 1e6);
		return this.lastTime;
	}
}

/** Reads a cast back: its header and events. Throws on anything that is not asciicast v2. */
export function parseCast(text: string): {header: CastHeader & {version: number}; events: Array<[number, string, string]>} {
	const [first, ...rest] = text.trimEnd().split('\n');
	const header = JSON.parse(first ?? '') as CastHeader & {version: number};
	if (header.version !== 2 || !Number.isInteger(header.width) || !Number.isInteger(header.height)) throw new Error('not an asciicast v2 header');
	const events = rest.map((line, i) => {
		const e = JSON.parse(line) as unknown;
		if (!Array.isArray(e) || e.length !== 3 || typeof e[0] !== 'number' || typeof e[1] !== 'string' || typeof e[2] !== 'string') {
			throw new Error(`event ${i + 1} is not [time, code, data]`);
		}
		return e as [number, string, string];
	});
	return {header, events};
}
