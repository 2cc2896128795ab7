/**
 * `--record` on a live terminal (no key script): a copy of every byte the
 * TUI writes, stamped with the wall clock, and the lesson's beats as
 * markers. This cast is what the viewer saw, timing and all, so it is not
 * expected to be the same twice; a key script's is.
 */
import {writeFileSync} from 'node:fs';
import type {Frame} from '../ui/session.js';
import {Cast} from './asciicast.js';
import {Beats} from './beats.js';

export class LiveRecorder {
	private readonly cast: Cast;
	private readonly beats = new Beats();
	private readonly start = performance.now();
	private untap?: () => void;

	constructor(
		width: number,
		height: number,
		title: string,
		/** The frame on screen now, for the beats. */
		private readonly frame: () => Frame | undefined,
	) {
		this.cast = new Cast({width, height, title});
	}

	/** From now on, what is written to `stream` goes into the cast too. */
	tap(stream: NodeJS.WriteStream): void {
		const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			this.output(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
			return write(chunk, ...rest);
		}) as typeof stream.write;
		this.untap = () => {
			stream.write = write as typeof stream.write;
		};
	}

	/** Bytes for the cast alone, not the terminal (a clean start, the cursor given back at the end). */
	note(data: string): void {
		this.cast.output(this.seconds(), data);
	}

	resize(columns: number, rows: number): void {
		this.cast.resize(this.seconds(), columns, rows);
	}

	/** Stops copying and writes the cast. */
	save(path: string): void {
		this.untap?.();
		this.untap = undefined;
		writeFileSync(path, this.cast.toString());
	}

	private output(data: string): void {
		const t = this.seconds();
		// What a terminal receives: the pty turns each newline into CR LF (onlcr), and a player replays bytes as received.
		this.cast.output(t, data.replace(/(?<!\r)\n/g, '\r\n'));
		const f = this.frame();
		if (f) for (const beat of this.beats.next(f)) this.cast.marker(t, beat);
	}

	private seconds(): number {
		return (performance.now() - this.start) / 1000;
	}
}
