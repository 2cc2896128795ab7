/**
 * The real CLI in a child process, with a temporary folder of its own
 * (TMPDIR) so a test can tell what a run left behind, and a time limit, so a
 * hang fails the test instead of stalling the suite.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, openSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const CLI = fileURLToPath(new URL('../../source/cli.js', import.meta.url));

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** What the run left in its TMPDIR. */
	leftovers: string[];
	/** It was still running at the limit and was killed. */
	hung: boolean;
}

export interface CliOptions {
	/** Kill it (and say so in `hung`) after this long. */
	limitMs?: number;
	/** Write stdout to this file (`/dev/full`) instead of a pipe. */
	stdoutFile?: string;
	cwd?: string;
	env?: Record<string, string | undefined>;
	/** Called once the child is started, e.g. to signal it when it has printed something. */
	with?: (child: ChildProcess, output: {stdout: () => string; tmp: string}) => void;
}

/** A fresh TMPDIR for one run. */
export function freshTmp(): string {
	return mkdtempSync(join(tmpdir(), 'conc-tui-test-'));
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
	const tmp = freshTmp();
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries({...process.env, ...options.env, TMPDIR: tmp})) if (v !== undefined) env[k] = v;
	delete env.FORCE_COLOR;
	const out = options.stdoutFile === undefined ? 'pipe' : openSync(options.stdoutFile, 'w');
	const child = spawn(process.execPath, [CLI, ...args], {cwd: options.cwd, env, stdio: ['ignore', out, 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
	child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
	let hung = false;
	const timer = setTimeout(() => {
		hung = true;
		child.kill('SIGKILL');
	}, options.limitMs ?? 30_000);
	options.with?.(child, {stdout: () => stdout, tmp});
	return new Promise(resolve => {
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const leftovers = readdirSync(tmp);
			rmSync(tmp, {recursive: true, force: true});
			resolve({code, signal, stdout, stderr, leftovers, hung});
		});
	});
}

/** Sends `signal` once the child's stdout has `lines` lines (the run is well under way). */
export function signalAfterOutput(signal: NodeJS.Signals, lines = 1) {
	return (child: ChildProcess, output: {stdout: () => string}) => {
		const poll = setInterval(() => {
			if (output.stdout().split('\n').length > lines) {
				clearInterval(poll);
				child.kill(signal);
			}
		}, 20);
		child.on('close', () => clearInterval(poll));
	};
}

/** What the CLI promises for any input: no stack trace, and for bad input one line. */
export function problems(r: CliResult): string[] {
	const found: string[] = [];
	if (r.hung) found.push('hung');
	if (/^\s+at /m.test(r.stderr) || r.stderr.includes('node:internal')) found.push('stack trace');
	if (r.code === null || ![0, 1, 2].includes(r.code)) found.push(`exit ${r.code ?? r.signal}`);
	if (r.code === 2 && r.stderr.trimEnd().split('\n').length !== 1) found.push('exit 2 without exactly one stderr line');
	if (r.code === 2 && !r.stderr.startsWith('conc-tui: ')) found.push('exit 2 without a conc-tui: line');
	if (r.leftovers.length > 0) found.push(`left ${r.leftovers.join(', ')}`);
	return found;
}

/** Sends `signal` once the run has made its folder in TMPDIR. */
export function signalWhenFolder(signal: NodeJS.Signals) {
	return (child: ChildProcess, output: {tmp: string}) => {
		const poll = setInterval(() => {
			if (readdirSync(output.tmp).length > 0) {
				clearInterval(poll);
				child.kill(signal);
			}
		}, 20);
		child.on('close', () => clearInterval(poll));
	};
}
