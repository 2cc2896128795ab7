/**
 * Finding and loading lessons: the built-in ones by name (compiled to
 * dist/scenarios), or a user's own file by path. A file that does not load,
 * or whose `meta` is not a lesson's, is refused with one clear line; so is
 * one that imports conc-tui by path from another copy than the running one.
 */
import {existsSync, readdirSync, readFileSync, realpathSync} from 'node:fs';
import {dirname, join, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {distance} from 'fastest-levenshtein';
import type {ScenarioMeta} from './define.js';

const BUILT_IN = new URL('../../scenarios/', import.meta.url);
/** The lessons' TypeScript sources, shipped next to dist/. */
const SOURCES = new URL('../../../scenarios/', import.meta.url);

/** The running copy's compiled code (dist/source): what a lesson's `conc-tui` calls must reach. */
const RUNNING = new URL('../', import.meta.url);

/** Bad input: the CLI prints the message alone and exits 2. */
export class InputError extends Error {}

export interface LoadedScenario {
	meta: ScenarioMeta;
	/** URL workers import. */
	module: string;
	/** The TypeScript (or JavaScript) source, for the code pane. */
	source: string;
	/** The lesson's Python view (scenario/python-view.ts), when it has one: the file beside its source, ending in .py. */
	python?: string;
}

/** Names of the built-in lessons, sorted. */
export function builtInNames(): string[] {
	if (!existsSync(BUILT_IN)) return [];
	return readdirSync(BUILT_IN)
		.filter(f => f.endsWith('.js'))
		.map(f => f.slice(0, -3))
		.sort();
}

/** Resolves `ktv`, `ktv:unsafe` or `./mine.js:variant` to a module URL and variant. */
export function resolveScenario(spec: string): {module: string; variant: string | undefined; label: string} {
	// `.` does not match a line break: a name with one is refused, not half-read.
	if (/[\u0000-\u001f\u007f]/.test(spec)) throw new InputError(`a lesson name cannot hold control characters (a line break?): ${JSON.stringify(spec)}`);
	const m = /^(.*?)(?::([\w-]+))?$/.exec(spec)!;
	const base = m[1]!;
	const variant = m[2];
	if (/[/\\]|\.m?js$/.test(base)) {
		const path = resolve(base);
		if (!existsSync(path)) throw new InputError(`no such lesson file: ${base}`);
		return {module: pathToFileURL(path).href, variant, label: base};
	}
	const names = builtInNames();
	if (!names.includes(base)) {
		const close = names
			.map(n => ({n, d: distance(n, base)}))
			.filter(x => x.d <= Math.max(2, Math.floor(base.length / 2)) || x.n.startsWith(base))
			.sort((a, b) => a.d - b.d)
			.slice(0, 3)
			.map(x => x.n);
		throw new InputError(`unknown lesson '${base}'${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}; 'conc-tui list' shows them all`);
	}
	return {module: new URL(`${base}.js`, BUILT_IN).href, variant, label: base};
}

/** Files whose trial import went well: a process that loads one lesson many times (tests, reruns) tries it once. */
const probed = new Set<string>();

/** Imports a lesson module and checks what it declares. */
export async function loadScenario(module: string, label: string): Promise<LoadedScenario> {
	// The built-in lessons are ours and tested; a user's file is tried in a worker first (probe.ts).
	if (!module.startsWith(BUILT_IN.href) && !probed.has(module)) {
		const {probeImport} = await import('./probe.js');
		const probe = await probeImport(module);
		if (probe.kind === 'threw') throw new InputError(`cannot load lesson ${label}: ${probe.message.split('\n')[0]}`);
		if (probe.kind === 'never-settles') throw new InputError(`cannot load lesson ${label}: its top level awaits something that never settles`);
		if (probe.kind === 'too-slow') throw new InputError(`cannot load lesson ${label}: its top level ran for ${probe.ms / 1000} s without finishing (a busy loop, or an await that takes too long?)`);
		checkCopy(module, label);
		probed.add(module);
	}
	let mod: Record<string, unknown>;
	try {
		mod = (await import(module)) as Record<string, unknown>;
	} catch (error) {
		throw new InputError(`cannot load lesson ${label}: ${firstLine(error)}`);
	}
	// A built-in lesson is typed and checked by the tests; a user's file is checked here.
	const problem = module.startsWith(BUILT_IN.href) ? undefined : (await import('./meta-schema.js')).metaProblem(mod.meta);
	if (problem) throw new InputError(`lesson ${label} has no valid 'meta' export: ${problem}`);
	if (typeof mod.main !== 'function') throw new InputError(`lesson ${label} does not export a 'main' function`);
	const meta = mod.meta as ScenarioMeta;
	if (!Object.hasOwn(meta.variants, meta.defaultVariant)) throw new InputError(`lesson ${label}: its defaultVariant '${meta.defaultVariant}' is not one of its variants`);
	const path = sourcePath(module);
	return {meta, module, source: readText(path) ?? '', python: readText(path.replace(/\.[cm]?[jt]s$/, '.py'))};
}

/**
 * A lesson that imports the lesson API by path from another copy of
 * conc-tui (`../old/dist/source/scenario/api.js`) would run with that copy's
 * API, which knows of no running lesson: every call would fail. (A lesson's
 * `conc-tui` imports are linked to the running copy, engine/module-instance.ts;
 * a path is taken as written.) Its own files are followed, import by import.
 */
function checkCopy(module: string, label: string): void {
	const running = realpathSync(fileURLToPath(RUNNING));
	const seen = new Set<string>();
	const visit = (file: string): void => {
		if (seen.has(file) || seen.size > 500) return;
		seen.add(file);
		const text = readText(file);
		if (text === undefined) return;
		for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1/g)) {
			const specifier = m[2]!;
			if (!/^\.{0,2}\//.test(specifier) && !specifier.startsWith('file:')) continue;
			let path: string;
			try {
				path = realpathSync(fileURLToPath(new URL(specifier, pathToFileURL(file))));
			} catch {
				continue;
			}
			if (path === running || path.startsWith(running + sep)) continue;
			const copy = apiTree(path);
			if (copy) throw new InputError(`lesson ${label} imports conc-tui from another copy (${copy}), not the one running it (${running}): import from 'conc-tui' instead, or run the lesson with that copy`);
			if (/\.[cm]?js$/.test(path) && !path.includes(`${sep}node_modules${sep}`)) visit(path);
		}
	};
	visit(realpathSync(fileURLToPath(module)));
}

/** The compiled conc-tui code (a dist/source folder: scenario/api.js beside engine/current.js) that `file` is part of, if any. */
function apiTree(file: string): string | undefined {
	for (let dir = dirname(file); ; ) {
		if (existsSync(join(dir, 'scenario', 'api.js')) && existsSync(join(dir, 'engine', 'current.js'))) return dir;
		const up = dirname(dir);
		if (up === dir) return undefined;
		dir = up;
	}
}

function firstLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** The lesson's own source: the .ts file of a built-in lesson, or the user's file itself. */
function sourcePath(module: string): string {
	const path = fileURLToPath(module);
	const builtIn = fileURLToPath(BUILT_IN);
	return path.startsWith(builtIn) ? fileURLToPath(new URL(path.slice(builtIn.length).replace(/\.js$/, '.ts'), SOURCES)) : path;
}

function readText(path: string): string | undefined {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}
