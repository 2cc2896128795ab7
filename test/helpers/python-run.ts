/**
 * Runs a lesson variant's Python view under python3 (when it is there), in
 * a fresh folder holding the files the lesson starts with, so a test can
 * hold the lesson to what CPython prints.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadScenario, resolveScenario} from '../../source/scenario/load.js';
import {pythonProgram, pythonText} from '../../source/scenario/python-view.js';

export const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;

export interface PythonRun {
	stdout: string[];
	/** The last line of stderr: the exception CPython ended with, if any. */
	error?: string;
	status: number | null;
}

/**
 * `timeout`: seconds before the program is killed (a program that hangs, as
 * CPython does on a lock nobody releases, returns status null); `linger`:
 * seconds to wait after it exits for what its orphans still print.
 */
export async function runPython(spec: string, files: Record<string, string> = {}, timeout = 60, linger = 0): Promise<PythonRun> {
	const {module, variant, label} = resolveScenario(spec);
	const s = await loadScenario(module, label);
	const dir = mkdtempSync(join(tmpdir(), 'conc-cpython-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	writeFileSync(join(dir, 'lesson.py'), pythonText(pythonProgram(s.python ?? '', variant ?? s.meta.defaultVariant)));
	// The output goes to files, so an orphan that outlives the program still has somewhere to print.
	const out = join(dir, 'stdout');
	const r = spawnSync('sh', ['-c', `exec python3 lesson.py > stdout 2> stderr`], {cwd: dir, encoding: 'utf8', timeout: timeout * 1000, killSignal: 'SIGKILL'});
	if (linger > 0) spawnSync('sleep', [String(linger)]);
	const err = readFileSync(join(dir, 'stderr'), 'utf8').trim().split('\n').filter(Boolean);
	return {stdout: readFileSync(out, 'utf8').split('\n').filter(Boolean), error: err.at(-1), status: r.status};
}

/** Lines with every run of digits that looks like a pid made `PID`. */
export function maskPids(lines: readonly string[]): string[] {
	return lines.map(l => l.replace(/\d{3,}/g, 'PID'));
}
