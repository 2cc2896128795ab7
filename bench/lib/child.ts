/**
 * Figures that need a process of their own (peak RSS, start-up from cold):
 * runs bench/children/run-timed.js on a lesson and returns its JSON line.
 */
import {spawn} from 'node:child_process';

export interface Timed {
	boot: number;
	firstEvent: number;
	firstPrint: number;
	processes: number;
	online: number;
	lastOnline: number;
	threads: number;
	threadsStarted: number;
	firstThread: number;
	lastThreadStarted: number;
	/** Steps from the first thread's creation to the last thread's first gate. */
	threadSteps: number;
	threadsPrinted: number;
	lastThreadPrint: number;
	end: number;
	outcome: string;
	steps: number;
	bytes: number;
	rssBytes: number;
}

const SCRIPT = new URL('../children/run-timed.js', import.meta.url);

export function runTimed(spec: string, request: Record<string, unknown>, timeoutMs = 60_000): Promise<Timed> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [SCRIPT.pathname, spec, JSON.stringify(request)], {stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let err = '';
		child.stdout.on('data', d => (out += d));
		child.stderr.on('data', d => (err += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', code => {
			clearTimeout(timer);
			const line = out.trim().split('\n').pop();
			if (code !== 0 || !line) return reject(new Error(`run-timed ${spec} exited ${code}: ${err.split('\n').slice(0, 5).join(' ')}`));
			resolve(JSON.parse(line) as Timed);
		});
	});
}
