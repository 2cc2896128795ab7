/**
 * The real CLI as a user runs it (`conc-tui <lesson> --json`), timed from
 * the outside: when its first line reaches stdout, when the last process's
 * first gate line arrives, when it exits, and its peak RSS (VmHWM, sampled
 * from /proc while it runs).
 */
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';

const CLI = new URL('../../source/cli.js', import.meta.url);

export interface CliTimes {
	firstLine: number;
	lastOnline: number;
	exit: number;
	peakRss: number;
}

function hwm(pid: number): number {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

export function runCli(args: string[], timeoutMs = 60_000): Promise<CliTimes> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn(process.execPath, [CLI.pathname, ...args, '--json'], {stdio: ['ignore', 'pipe', 'pipe']});
		let firstLine = -1;
		let lastOnline = -1;
		let peakRss = 0;
		let rest = '';
		const processes = new Set<string>();
		const online = new Set<string>();
		const sampler = setInterval(() => (peakRss = Math.max(peakRss, hwm(child.pid!))), 20);
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			const now = performance.now() - t0;
			if (firstLine < 0) firstLine = now;
			const lines = (rest + chunk).split('\n');
			rest = lines.pop()!;
			for (const line of lines) {
				const e = JSON.parse(line) as {kind: string; task?: string; thread?: boolean};
				if (e.kind === 'task' && !e.thread) processes.add(e.task!);
				if (e.kind === 'gate' && processes.has(e.task!) && !online.has(e.task!)) {
					online.add(e.task!);
					lastOnline = now;
				}
			}
		});
		child.stderr.resume();
		child.on('close', code => {
			clearInterval(sampler);
			clearTimeout(timer);
			if (code !== 0) return reject(new Error(`conc-tui ${args.join(' ')} exited ${code}`));
			resolve({firstLine, lastOnline, exit: performance.now() - t0, peakRss});
		});
	});
}
