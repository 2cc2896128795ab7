/**
 * A lesson's Python view: the tutorial's program as Python, beside the
 * lesson (`scenarios/ticket.py` for `scenarios/ticket.ts`), one file for all
 * of the lesson's variants. Its trailing `#@` comments are for conc-tui and
 * never shown:
 *
 * - `#@ buy.sleep` — this Python line performs the operation of the lesson's
 *   line whose comment ends in `py:buy.sleep`. A task at a gate stands on the
 *   Python line of the anchor of its lesson line. Several anchors may share a
 *   line (`print(q.get())`); an anchor used on several lines (a helper the
 *   tutorial writes out in two functions) resolves to the one inside the
 *   task's target (`def get_money`, `class MyProcess`, the `__main__` block
 *   for MainProcess), else the first block that has it; several lines of one
 *   block are a loop of the lesson written out (`p1.start()`, `p2.start()`):
 *   the task's n-th arrival at the gate stands on the n-th of them.
 * - `#@ ?lock,joinable` — the line belongs only to those variants;
 *   `#@ !lock` — to every variant but those. Tokens combine.
 * - A line `#@note text` (or `#@note ?variant text`) is a note on where the
 *   lesson departs from the tutorial, shown on screen, not in the code.
 * - A line `#@from 002` (or `#@from ?variant 002`) names the tutorial the
 *   variant's program follows, when it is not the lesson's first source.
 *
 * So the mapping is checkable from both files alone: every gate's lesson
 * line carries an anchor, and each anchor names a Python line of the variant
 * (test/python-views.test.ts).
 */

/** One variant's Python, as shown. */
export interface PythonProgram {
	/** The lines as shown (tags stripped), 1-based by index + 1. */
	lines: string[];
	/** Notes on where the lesson departs from the tutorial. */
	notes: string[];
	/** The tutorial (its number) this variant's program follows, if the file says. */
	from?: string;
	/** Anchor → the Python lines (1-based) that carry it. */
	anchors: Map<string, number[]>;
	/** Per shown line (index), the top-level block it is in: a def's or class's name, `main` for the `__main__` block. */
	blocks: (string | undefined)[];
}

const TAG = /\s*#@(?!note|from)\s*(.*)$/;
const NOTE = /^\s*#@(note|from)\s+(?:\?([\w,-]+)\s+)?(.*)$/;

function inVariant(tokens: string[], variant: string): boolean {
	for (const t of tokens) {
		if (t.startsWith('?') && !t.slice(1).split(',').includes(variant)) return false;
		if (t.startsWith('!') && t.slice(1).split(',').includes(variant)) return false;
	}
	return true;
}

/** The program a variant shows, from the lesson's Python view file. */
export function pythonProgram(text: string, variant: string): PythonProgram {
	const lines: string[] = [];
	const notes: string[] = [];
	const anchors = new Map<string, number[]>();
	const blocks: (string | undefined)[] = [];
	let block: string | undefined;
	let from: string | undefined;
	for (const raw of text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')) {
		const note = NOTE.exec(raw);
		if (note) {
			if (note[2] && !note[2].split(',').includes(variant)) continue;
			if (note[1] === 'note') notes.push(note[3]!.trim());
			else from = note[3]!.trim();
			continue;
		}
		const tag = TAG.exec(raw);
		const tokens = tag ? tag[1]!.split(/\s+/).filter(Boolean) : [];
		if (!inVariant(tokens, variant)) continue;
		const line = tag ? raw.slice(0, tag.index) : raw;
		const top = /^(?:def|class)\s+(\w+)|^if __name__\s*==/.exec(line);
		if (top) block = top[1] ?? 'main';
		else if (/^\S/.test(line) && !/^#/.test(line)) block = undefined;
		lines.push(line);
		blocks.push(block);
		for (const t of tokens) if (!/^[?!]/.test(t)) anchors.set(t, [...(anchors.get(t) ?? []), lines.length]);
	}
	return {lines, notes, from, anchors, blocks};
}

/** The anchors of a lesson's own source: line (1-based) → the name its `py:name` comment gives. */
export function lessonAnchors(source: string): Map<number, string> {
	const at = new Map<number, string>();
	source.split('\n').forEach((text, i) => {
		const m = /\/\/.*\bpy:([\w.-]+)\s*$/.exec(text);
		if (m) at.set(i + 1, m[1]!);
	});
	return at;
}

/** The Python line a task at `line` of the lesson stands on, if its anchor is in this program. */
export function pythonLine(program: PythonProgram, anchors: Map<number, string>, line: number | undefined, target: string | undefined, arrival = 1): number | undefined {
	if (line === undefined) return undefined;
	const name = anchors.get(line);
	const candidates = name === undefined ? undefined : program.anchors.get(name);
	if (!candidates?.length) return undefined;
	const inTarget = candidates.filter(n => program.blocks[n - 1] === target);
	const block = inTarget.length > 0 ? inTarget : candidates.filter(n => program.blocks[n - 1] === program.blocks[candidates[0]! - 1]);
	// A lesson's loop the tutorial writes out line by line (`p1.start()`, `p2.start()`): its n-th pass stands on the n-th line.
	return block[(Math.max(1, arrival) - 1) % block.length];
}

/** What the shown program needs python3 to accept: the lines alone (tags and notes gone). */
export function pythonText(program: PythonProgram): string {
	return program.lines.join('\n') + '\n';
}
