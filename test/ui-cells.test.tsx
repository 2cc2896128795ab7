/**
 * One measure of terminal cells (source/ui/cells.ts, string-width's): a
 * composed and a decomposed é, a CJK line, an emoji with a variation
 * selector, a flag, a skin tone and colour codes take the same columns by
 * cells.ts, string-width, the vendored widest-line Ink measures with, and
 * Ink's layout; fitting and padding never split a grapheme; and the panels
 * that pad names line their columns up whatever the names are made of.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {Box, Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import fc from 'fast-check';
import stringWidth from 'string-width';
import widestLine, {lineWidth} from 'widest-line';
import type {EventBody, TraceEvent} from '../source/engine/trace.js';
import {cellWidth, cellsExactly, cut, fit, fitParts, padCells} from '../source/ui/cells.js';
import {shareInkCaches} from '../source/ui/ink-caches.js';
import {Output} from '../source/ui/Output.js';
import {TaskList} from '../source/ui/TaskList.js';
import {reduce} from '../source/view/reducer.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

afterEach(() => cleanup());

/** Each sample and the columns a terminal gives it (string-width's count). */
const SAMPLES: [string, string, number][] = [
	['é composed', '\u00e9', 1],
	['é decomposed', 'e\u0301', 1],
	['a CJK line', '进程间通信：用队列传数据', 24],
	['an emoji with a variation selector', '\u263a\ufe0f', 2],
	['a flag', '\u{1f1e8}\u{1f1f3}', 2],
	['a thumb with a skin tone', '\u{1f44d}\u{1f3fd}', 2],
	['colour codes', '\u001b[31mé\u001b[39m \u001b[1m进\u001b[22m', 4],
];

const graphemes = (s: string) => [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(strip(s))].map(g => g.segment);

describe('cell widths', () => {
	it('installs the Ink caches the TUI draws with', async () => {
		assert.equal(await shareInkCaches(), true);
	});

	for (const [what, text, columns] of SAMPLES) {
		it(`${what}: ${columns} columns by cells.ts, string-width, widest-line and Ink's layout`, () => {
			assert.equal(cellWidth(text), columns, 'cells.ts');
			assert.equal(stringWidth(text), columns, 'string-width');
			assert.equal(lineWidth(text), columns, 'widest-line, as Ink measures');
			assert.equal(widestLine(text), columns, 'widest-line');
			assert.equal(cellWidth(padCells(text, columns + 3)), columns + 3);
			// Ink neither cuts the padded text (it fits) nor pads it further (it is as wide as its box): the bar lands right after it.
			const {lastFrame} = render(
				<Box width={40}>
					<Box width={columns + 3} flexShrink={0}>
						<Text wrap="truncate-end">{padCells(text, columns + 3)}</Text>
					</Box>
					<Text>|</Text>
				</Box>,
			);
			assert.equal(strip(lastFrame() ?? ''), `${strip(padCells(text, columns + 3))}|`);
		});

		it(`${what}: cut and fitted between graphemes, to at most the width asked`, () => {
			const long = `${text}${text}${text}`;
			const whole = graphemes(long);
			for (let width = 0; width <= cellWidth(long) + 1; width++) {
				for (const out of [cut(long, width), fit(long, width), cellsExactly(long, width)]) {
					assert.ok(cellWidth(out) <= width, `${JSON.stringify(out)} fits ${width}`);
					const kept = graphemes(out).filter(g => g !== '…' && g.trim() !== '');
					assert.deepEqual(kept, whole.filter(g => g.trim() !== '').slice(0, kept.length), `${JSON.stringify(out)} keeps whole graphemes`);
				}
				assert.equal(cellWidth(cellsExactly(long, width)), width);
				const fitted = fit(long, width);
				assert.ok(fitted === long || fitted.endsWith('…') || width === 0, fitted);
			}
			const parts = fitParts([text, long, text], columns + 1);
			assert.ok(parts.reduce((n, p) => n + cellWidth(p), 0) <= columns + 1);
		});
	}

	it('cuts any text as a grapheme-by-grapheme reference does, fast path or not (fast-check)', () => {
		// The reference: escapes kept whole and free, graphemes taken while they fit, the escapes after the cut kept.
		const reference = (text: string, width: number) => {
			let out = '';
			let used = 0;
			let full = false;
			for (const part of text.split(/(\u001b\[[0-9;]*m)/)) {
				if (part.startsWith('\u001b[')) {
					out += part;
					continue;
				}
				for (const {segment} of new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(part)) {
					if (full || used + stringWidth(segment) > width) {
						full = true;
						continue;
					}
					out += segment;
					used += stringWidth(segment);
				}
			}
			return stringWidth(text) <= width ? text : out;
		};
		const PIECES = ['a', 'Z', ' ', '·', '─', '░', '█', '○', '▶', '…', '进', '来', '、', 'ｱ', 'Ａ', '\u00ad', '\u0301', '\u200d', '\ufe0f', '👍', '👍🏽', '🇨🇳', '☺\ufe0f', 'é', 'Ω', 'Ж', '\u001b[31m', '\u001b[1;32m', '\u001b[0m'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 30}), fc.integer({min: 0, max: 40}), (pieces, width) => {
				const text = pieces.join('');
				assert.equal(cut(text, width), reference(text, width), JSON.stringify([text, width]));
			}),
			{numRuns: 3000},
		);
	});

	it('keeps the colour codes after a cut, so a style opened before it still ends', () => {
		assert.equal(cut('\u001b[31mabcdef\u001b[39m', 3), '\u001b[31mabc\u001b[39m');
		assert.equal(fit('e\u0301e\u0301e\u0301', 2), 'e\u0301…');
		assert.equal(fit('\u{1f1e8}\u{1f1f3}\u{1f1e8}\u{1f1f3}', 3), '\u{1f1e8}\u{1f1f3}…');
	});
});

describe('panels line their columns up by the same measure', () => {
	const names = ['Process-1', 'e\u0301', '\u00e9', '进程', '\u{1f44d}\u{1f3fd}', '\u263a\ufe0f'];
	const events: TraceEvent[] = [];
	const e = (body: EventBody) => events.push({step: 0, time: 0, ...body} as TraceEvent);
	e({kind: 'run', scenario: 'demo', variant: 'v', seed: 1, policy: 'random', cores: 1, mode: 'controlled', options: {}});
	names.forEach((name, i) => {
		e({kind: 'task', task: name, pid: 100 + i, ppid: 1, process: name, thread: false, daemon: false, target: 'f', state: 'new'});
		e({kind: 'gate', task: name, state: 'ready', op: 'print', arg: 'x', line: 1});
		e({kind: 'print', task: name, text: `line of ${name}`});
	});
	const view = reduce(events);
	/** The column (in cells) where `needle` starts on a drawn row. */
	const columnOf = (row: string, needle: string) => {
		const at = row.indexOf(needle);
		assert.ok(at >= 0, `${needle} in ${row}`);
		return stringWidth(row.slice(0, at));
	};

	it('task rows: every pid starts in the same column', () => {
		const {lastFrame} = render(<TaskList view={view} names={view.order} above={0} below={0} changed={new Set()} manual={false} ready={[]} width={80} title={false} />);
		const rows = strip(lastFrame() ?? '').split('\n');
		assert.equal(rows.length, names.length);
		const columns = rows.map((row, i) => columnOf(row, String(100 + i)));
		assert.equal(new Set(columns).size, 1, rows.join('\n'));
	});

	it('output rows: every line’s text starts in the same column, after a tag as wide as the widest name', () => {
		const {lastFrame} = render(<Output lines={view.output} newFrom={view.output.length} width={60} rows={names.length} title={false} />);
		const rows = strip(lastFrame() ?? '').split('\n');
		assert.equal(rows.length, names.length);
		const columns = rows.map(row => columnOf(row, 'line of'));
		assert.equal(new Set(columns).size, 1, rows.join('\n'));
	});
});
