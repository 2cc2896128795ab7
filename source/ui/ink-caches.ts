/**
 * Ink's measuring caches, kept from one frame to the next.
 *
 * Ink 6.8 measures every character of every line on every frame (its
 * string width, and each line's tokens of styled characters) and caches the
 * results in its `Output`, but makes a new `Output` per frame, so nothing is
 * ever found in them: on a 100×30 screen that is most of a frame's CPU
 * (bench: `npm run bench`, section 5). A TUI frame differs from the one
 * before in a few rows, so the same lines and characters come back frame
 * after frame. This hands every `Output` one cache that lives on, emptied
 * when it grows past a bound so that a long session does not keep every
 * line it ever drew.
 *
 * It reaches into Ink's build (pinned to an exact version in package.json);
 * if that file is not what it expects, it changes nothing.
 */

/** Entries (lines, characters, blocks) kept before the cache starts again. */
const BOUND = 20_000;

interface Caches {
	widths: Map<string, number>;
	blockWidths: Map<string, number>;
	styledChars: Map<string, unknown>;
}

interface OutputClass {
	prototype: {get: (this: {caches: Caches}) => unknown};
	new (options: {width: number; height: number}): {caches: Caches};
}

let installed: Promise<boolean> | undefined;

/** Installs the shared caches once; resolves whether it could. */
export function shareInkCaches(): Promise<boolean> {
	installed ??= install();
	return installed;
}

async function install(): Promise<boolean> {
	try {
		const url = new URL('./output.js', import.meta.resolve('ink'));
		const Output = (await import(url.href)).default as OutputClass;
		const probe = new Output({width: 1, height: 1}).caches;
		if (!(probe?.widths instanceof Map) || !(probe.styledChars instanceof Map) || !(probe.blockWidths instanceof Map)) return false;
		const Caches = probe.constructor as new () => Caches;
		let shared = new Caches();
		const get = Output.prototype.get;
		Output.prototype.get = function (this: {caches: Caches}) {
			if (shared.widths.size + shared.styledChars.size + shared.blockWidths.size > BOUND) shared = new Caches();
			this.caches = shared;
			return get.call(this);
		};
		return true;
	} catch {
		return false;
	}
}
