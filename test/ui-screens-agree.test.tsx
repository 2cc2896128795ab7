/**
 * What the screen draws agrees with what the program does and prints: the
 * caption belongs to the variant and moment it is shown at, a process is
 * alive until it is reaped, a pipe is drawn as a pipe, a queue's items as
 * Python writes them, and the panels say nothing that is not true.
 */
import assert from 'node:assert/strict';
import {after, afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {TraceEvent} from '../source/engine/trace.js';
import type {Caption} from '../source/scenario/define.js';
import {builtInNames, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {Recording} from '../source/ui/recording.js';
import {ThemeContext} from '../source/ui/theme.js';
import {runLesson} from './helpers/run.js';
import {trace} from './ui-fixture.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

export function frame(node: ReactElement): string {
	const {lastFrame} = render(<ThemeContext.Provider value={{color: false}}>{node}</ThemeContext.Provider>);
	return strip(lastFrame() ?? '');
}

afterEach(() => cleanup());
after(() => cleanup());

/** The captions a lesson's variant shows on its default seed, in order, each once per stretch. */
async function captionsShown(spec: string): Promise<string[]> {
	const {module, label} = resolveScenario(spec);
	const {meta} = await loadScenario(module, label);
	const rec = new Recording(meta.captions ?? []);
	const {events} = await runLesson(spec, {seed: meta.defaultSeed ?? 1});
	for (const e of events) rec.push(e);
	const shown: string[] = [];
	for (const [, i] of rec.captionAt) if (shown.at(-1) !== meta.captions![i]!.text.en) shown.push(meta.captions![i]!.text.en);
	return shown;
}

describe('captions belong to their variants', () => {
	it('a caption limited to other variants is not looked for', () => {
		const captions: Caption[] = [
			{when: e => e.kind === 'print', text: {zh: '乙', en: 'only in unsafe'}, variants: ['unsafe']},
			{when: e => e.kind === 'print', text: {zh: '甲', en: 'any variant'}},
		];
		const rec = new Recording(captions);
		const events: TraceEvent[] = trace(); // variant 'lock'
		for (const e of events) rec.push(e);
		assert.ok(rec.captionAt.length > 0);
		assert.deepEqual(new Set(rec.captionAt.map(([, i]) => i)), new Set([1]));
	});

	it('names only variants its lesson has', async () => {
		for (const name of builtInNames()) {
			const {module, label} = resolveScenario(name);
			const {meta} = await loadScenario(module, label);
			for (const c of meta.captions ?? []) for (const v of c.variants ?? []) assert.ok(v in meta.variants, `${name}: caption "${c.text.en}" names no variant of the lesson: ${v}`);
		}
	});

	it('threads: only the daemon variant ends on the daemon caption', async () => {
		for (const variant of ['function', 'subclass', 'methods']) {
			const shown = await captionsShown(`threads:${variant}`);
			assert.ok(!shown.some(t => /daemon thread$/.test(t)), `threads:${variant}: ${shown.join(' | ')}`);
			assert.match(shown.at(-1)!, /ended only once its thread had/, `threads:${variant}`);
		}
		assert.match((await captionsShown('threads:daemon')).at(-1)!, /nobody waits for a daemon thread/);
	});

	it('thread-lock:lock never says others may read n meanwhile, and ends on n being 0', async () => {
		const shown = await captionsShown('thread-lock:lock');
		assert.ok(!shown.some(t => t.includes('others may read n meanwhile')), shown.join(' | '));
		assert.match(shown.at(-1)!, /^n is 0/);
		assert.ok((await captionsShown('thread-lock:unsafe')).some(t => t.includes('others may read n meanwhile')));
	});

	it('pipe:eof has one reader: no caption of two readers racing', async () => {
		const shown = await captionsShown('pipe:eof');
		assert.ok(!shown.some(t => t.startsWith('Two readers race')), shown.join(' | '));
		assert.ok((await captionsShown('pipe:two-readers')).some(t => t.startsWith('Two readers race')));
	});
});

describe('invariants say OK only of what was seen', () => {
	it('queue-basics:as-written takes nothing out: fifo is not OK', async () => {
		const {events} = await runLesson('queue-basics:as-written');
		const fifo = events.filter(e => e.kind === 'invariant' && e.name === 'fifo');
		assert.ok(fifo.length > 0);
		assert.ok(fifo.every(e => e.kind === 'invariant' && !e.ok && e.expected === 'breakable'), JSON.stringify(fifo));
		const caught = (await runLesson('queue-basics:caught')).events.filter(e => e.kind === 'invariant' && e.name === 'fifo');
		assert.ok(caught.length > 0 && caught.every(e => e.kind === 'invariant' && e.ok));
	});
});
