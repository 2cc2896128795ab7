/**
 * A process is an instance of the lesson module: each process evaluates the
 * module afresh, with module-level variables of its own, as a process started
 * by CPython's spawn imports the main module again. The instances are
 * vm.SourceTextModules over the same source (and V8's cached code), so one
 * costs tens of microseconds and is garbage once its process is over, where
 * an `import(url + '?p=N')` would stay in the module map for the thread's
 * whole life.
 *
 * What is fresh per process: the lesson file and any other file of the
 * user's that it imports. What is shared by all processes of a thread: the
 * conc-tui API (its state lives in each process's runtime, not in module
 * variables), Node's built-ins and packages. A lesson that imports conc-tui
 * from another copy is linked to this one, the copy that runs it.
 *
 * Needs `--experimental-vm-modules`, which the engine's workers are started
 * with (run/pool.ts).
 */
import {readFileSync} from 'node:fs';
import {createRequire, SourceMap} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as vm from 'node:vm';

type Namespace = Record<string, unknown>;

/** The folder of this package's compiled API: modules under it are shared, not re-evaluated. */
const PACKAGE_SOURCE = new URL('../', import.meta.url).href;
const API = new URL('../scenario/api.js', import.meta.url).href;

interface Compiled {
	source: string;
	cached?: Buffer;
}

const compiled = new Map<string, Compiled>();
const shared = new Map<string, Promise<vm.Module>>();
const maps = new Map<string, SourceMap | null>();

function sourceOf(url: string): Compiled {
	let c = compiled.get(url);
	if (!c) {
		c = {source: readFileSync(fileURLToPath(url), 'utf8')};
		compiled.set(url, c);
	}
	return c;
}

/** A real module (the API, a built-in, a package), wrapped once per thread so instances can link to it. */
function sharedModule(url: string): Promise<vm.Module> {
	let m = shared.get(url);
	if (!m) {
		m = (async () => {
			const ns = (await import(url)) as Namespace;
			const names = Object.keys(ns);
			const synthetic = new vm.SyntheticModule(
				names,
				function (this: vm.SyntheticModule) {
					for (const name of names) this.setExport(name, ns[name]);
				},
				{identifier: url},
			);
			await synthetic.link(() => {
				throw new Error('a synthetic module imports nothing');
			});
			await synthetic.evaluate();
			return synthetic;
		})();
		shared.set(url, m);
	}
	return m;
}

/** Where `specifier`, imported by `parent`, lives; and whether it is the user's own (fresh per process). */
function resolveImport(specifier: string, parent: string): {url: string; own: boolean} {
	if (specifier.startsWith('node:')) return {url: specifier, own: false};
	if (/^\.{0,2}\//.test(specifier) || specifier.startsWith('file:')) {
		const url = new URL(specifier, parent).href;
		return {url, own: !url.startsWith(PACKAGE_SOURCE) && !url.includes('/node_modules/')};
	}
	if (specifier === 'conc-tui' || specifier.startsWith('conc-tui/')) return {url: API, own: false};
	try {
		const path = createRequire(fileURLToPath(parent)).resolve(specifier);
		return {url: path.startsWith('/') ? pathToFileURL(path).href : `node:${path}`, own: false};
	} catch {
		// A built-in without its prefix (`fs`), or an ESM-only package: the thread's own loader resolves it.
		return {url: specifier, own: false};
	}
}

/** The user's files of one process, each evaluated once for it. */
class Instance {
	private readonly own = new Map<string, vm.SourceTextModule>();

	module(url: string): vm.SourceTextModule {
		let m = this.own.get(url);
		if (m) return m;
		const c = sourceOf(url);
		m = new vm.SourceTextModule(c.source, {
			identifier: url,
			cachedData: c.cached,
			initializeImportMeta(meta) {
				meta.url = url;
			},
			importModuleDynamically: ((specifier: string) => import(resolveImport(specifier, url).url)) as never,
		});
		if (!c.cached) c.cached = (m as unknown as {createCachedData(): Buffer}).createCachedData();
		this.own.set(url, m);
		return m;
	}

	link = (specifier: string, referencing: vm.Module): vm.Module | Promise<vm.Module> => {
		const {url, own} = resolveImport(specifier, referencing.identifier);
		return own ? this.module(url) : sharedModule(url);
	};
}

/** Evaluates a fresh instance of the module at `url` and returns its exports. */
export async function instantiate(url: string): Promise<Namespace> {
	const instance = new Instance();
	const m = instance.module(url);
	await m.link(instance.link);
	await m.evaluate();
	return m.namespace as Namespace;
}

/** The source line (1-based, in the file the module was compiled from) of a line of the compiled module. */
export function originalLine(url: string, line: number, column: number): number {
	return originalPosition(url, line, column).line;
}

/** Where a line of a compiled module came from: the source's line and file name (when a source map says). */
export function originalPosition(url: string, line: number, column: number): {line: number; source?: string} {
	let map = maps.get(url);
	if (map === undefined) {
		map = null;
		try {
			const path = fileURLToPath(url);
			const text = sourceOf(url).source;
			const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
			if (ref) {
				const json = ref.startsWith('data:') ? Buffer.from(ref.slice(ref.indexOf(',') + 1), 'base64').toString('utf8') : readFileSync(join(dirname(path), ref), 'utf8');
				map = new SourceMap(JSON.parse(json));
			}
		} catch {
			map = null;
		}
		maps.set(url, map);
	}
	if (!map) return {line};
	const entry = map.findEntry(line - 1, Math.max(0, column - 1)) as {originalLine?: number; originalSource?: string};
	if (!entry || entry.originalLine === undefined) return {line};
	return {line: entry.originalLine + 1, source: entry.originalSource};
}
