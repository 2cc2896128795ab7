/**
 * Runs a lesson variant's Python view under python3 (when it is there), in
 * a fresh folder holding the files the lesson starts with, so a test can
 * hold the lesson to what CPython prints.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
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

export async function runPython(spec: string, files: Record<string, string> = {}): Promise<PythonRun> {
	const {module, variant, label} = resolveScenario(spec);
	const s = await loadScenario(module, label);
	const dir = mkdtempSync(join(tmpdir(), 'conc-cpython-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	writeFileSync(join(dir, 'lesson.py'), pythonText(pythonProgram(s.python ?? '', variant ?? s.meta.defaultVariant)));
	const r = spawnSync('python3', ['lesson.py'], {cwd: dir, encoding: 'utf8', timeout: 60_000});
	const err = r.stderr.trim().split('\n').filter(Boolean);
	return {stdout: r.stdout.split('\n').filter(Boolean), error: err.at(-1), status: r.status};
}

/** Lines with every run of digits that looks like a pid made `PID`. */
export function maskPids(lines: readonly string[]): string[] {
	return lines.map(l => l.replace(/\d{3,}/g, 'PID'));
}
