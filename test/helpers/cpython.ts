/**
 * What a CPython comparison looks at, the same for both programs: the lines
 * printed to stdout, each traceback's heading and exception line (its frames
 * differ: one program is Python, the other JavaScript), and the exit code.
 */
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export interface Outcome {
	stdout: string[];
	/** `Exception in thread Thread-1 (boom):`, `ValueError: …`: tracebacks without their frames. */
	stderr: string[];
	exit: number | null;
}

/** The folder of the comparison programs and lessons (sources: nothing there is compiled). */
export const CPYTHON_DIR = fileURLToPath(new URL('../../../test/cpython/', import.meta.url));
const CLI = fileURLToPath(new URL('../../source/cli.js', import.meta.url));

/** The lines of stderr that name an exception: a traceback minus its frames. */
export function exceptionLines(stderr: string): string[] {
	return stderr.split('\n').filter(line => line !== '' && line !== 'Traceback (most recent call last):' && !line.startsWith(' '));
}

function lines(text: string): string[] {
	const all = text.split('\n');
	return all.at(-1) === '' ? all.slice(0, -1) : all;
}

/** Runs NAME.py under python3 -u (unbuffered, so processes' lines keep their order). */
export function runPython(name: string): Outcome | undefined {
	const r = spawnSync('python3', ['-u', `${name}.py`], {cwd: CPYTHON_DIR, encoding: 'utf8', timeout: 60_000});
	if (r.error) return undefined;
	return {stdout: lines(r.stdout), stderr: exceptionLines(r.stderr), exit: r.status};
}

/** Runs NAME.mjs headless through the real CLI; stdout and stderr are its print events. */
export function runLessonCli(name: string, extra: string[] = []): Outcome {
	const r = spawnSync(process.execPath, [CLI, `${CPYTHON_DIR}${name}.mjs`, '--json', ...extra], {encoding: 'utf8', timeout: 120_000});
	const stdout: string[] = [];
	let stderr = '';
	for (const line of lines(r.stdout)) {
		const e = JSON.parse(line) as {kind: string; text?: string; stream?: string};
		if (e.kind !== 'print') continue;
		if (e.stream === 'stderr') stderr += `${e.text}\n`;
		else stdout.push(...e.text!.split('\n'));
	}
	if (r.stderr) stderr += r.stderr;
	return {stdout, stderr: exceptionLines(stderr), exit: r.status};
}
