/**
 * The built CLI in a real pseudo-terminal (node-pty), read back through a
 * real terminal emulator (@xterm/headless): what a person would see. CI is
 * removed from the app's environment, or Ink would draw only its last frame.
 * Waits poll the screen with generous timeouts; nothing asserts wall-clock speed.
 */
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));

export const KEYS = {left: '\x1b[D', right: '\x1b[C', up: '\x1b[A', down: '\x1b[B', enter: '\r', ctrlC: '\x03', escape: '\x1b'} as const;

export interface TtyOptions {
	cols?: number;
	rows?: number;
	env?: Record<string, string | undefined>;
}

export class Tty {
	readonly term: xterm.Terminal;
	readonly proc: pty.IPty;
	/** Everything the app wrote, escape sequences and all. */
	raw = '';
	readonly exited: Promise<{exitCode: number; signal?: number}>;
	private parsed = Promise.resolve();

	constructor(args: string[], options: TtyOptions = {}) {
		const cols = options.cols ?? 100;
		const rows = options.rows ?? 30;
		const env: Record<string, string> = {};
		for (const [k, v] of Object.entries({...process.env, TERM: 'xterm-256color', ...options.env})) if (v !== undefined) env[k] = v;
		delete env.CI;
		delete env.NO_COLOR;
		if (options.env?.NO_COLOR !== undefined) env.NO_COLOR = options.env.NO_COLOR;
		this.term = new xterm.Terminal({cols, rows, allowProposedApi: true});
		this.proc = pty.spawn(process.execPath, [CLI, ...args], {name: 'xterm-256color', cols, rows, cwd: process.cwd(), env});
		this.proc.onData(data => {
			this.raw += data;
			this.parsed = this.parsed.then(() => new Promise<void>(resolve => this.term.write(data, resolve)));
		});
		this.exited = new Promise(resolve => this.proc.onExit(e => resolve(e)));
	}

	/** The visible screen, one string per row, trailing spaces trimmed. */
	lines(): string[] {
		const b = this.term.buffer.active;
		const out: string[] = [];
		for (let y = 0; y < this.term.rows; y++) out.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
		return out;
	}

	text(): string {
		return this.lines().join('\n');
	}

	/** Waits until the screen satisfies `ok`; fails with the screen in the message. */
	/** `settleMs`: how long the screen must then stay the same (0: return at once, for timing a change). */
	async waitFor(ok: (screen: string) => boolean, what: string, timeoutMs = 60_000, pollMs = 50, settleMs = 150): Promise<string> {
		const until = Date.now() + timeoutMs;
		for (;;) {
			await this.parsed;
			const screen = this.text();
			// A frame may reach the pty in pieces: only a screen that has stopped changing counts.
			if (ok(screen)) {
				if (settleMs <= 0) return screen;
				const whole = await this.settled(settleMs, 5_000);
				if (ok(whole)) return whole;
			}
			if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen:\n${screen}`);
			await new Promise(r => setTimeout(r, pollMs));
		}
	}

	/** Waits for the screen to hold the same text for `quietMs`: a frame, not half of one. */
	async settled(quietMs = 300, timeoutMs = 30_000): Promise<string> {
		const until = Date.now() + timeoutMs;
		let last = '';
		let since = Date.now();
		for (;;) {
			await this.parsed;
			const now = this.text();
			if (now !== last) {
				last = now;
				since = Date.now();
			} else if (Date.now() - since >= quietMs) return now;
			if (Date.now() > until) return now;
			await new Promise(r => setTimeout(r, 50));
		}
	}

	press(keys: string): void {
		this.proc.write(keys);
	}

	resize(cols: number, rows: number): void {
		this.proc.resize(cols, rows);
		this.term.resize(cols, rows);
	}

	/** Every cell on screen uses the terminal's default colours. */
	monochrome(): boolean {
		const b = this.term.buffer.active;
		for (let y = 0; y < this.term.rows; y++) {
			const line = b.getLine(b.viewportY + y);
			if (!line) continue;
			for (let x = 0; x < this.term.cols; x++) {
				const cell = line.getCell(x);
				if (cell && (!cell.isFgDefault() || !cell.isBgDefault())) return false;
			}
		}
		return true;
	}

	kill(): void {
		try {
			this.proc.kill('SIGKILL');
		} catch {
			// already gone
		}
		this.term.dispose();
	}
}

/** The step number in the header (`step 12/44` or `step 12`). */
export function stepOf(screen: string): number | undefined {
	const m = /· step (\d+)/.exec(screen) ?? /step (\d+)/.exec(screen);
	return m ? Number(m[1]) : undefined;
}

/** The task rows of the full layout: from the Tasks title to the next panel's title. */
export function taskRows(screen: string): string[] {
	const lines = screen.split('\n');
	const start = lines.findIndex(l => l.startsWith('─ Tasks'));
	if (start < 0) return [];
	const rows: string[] = [];
	for (const line of lines.slice(start + 1)) {
		if (line.startsWith('─ ')) break;
		if (line.trim()) rows.push(line);
	}
	return rows;
}
