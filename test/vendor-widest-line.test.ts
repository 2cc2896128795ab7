/**
 * The vendored widest-line (vendor/widest-line) answers what widest-line
 * 6.0.0 answers, string-width's widest line, for any text: its fast path
 * and its memory change the cost, never the width.
 */
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import widestLine, {lineWidth} from 'widest-line';

const reference = (text: string) => Math.max(0, ...text.split('\n').map(line => stringWidth(line)));

// Pieces a TUI frame is made of, and pieces that must leave the fast path: combining marks, joiners,
// variation selectors, emoji, keycaps, Hangul jamo, halfwidth voicing, escapes that are not styles.
const PIECES = ['a', 'Z', ' ', '·', '─', '│', '░', '█', '×', '○', '■', '✓', '▶', '»', '…', '⏸', '⌚', '✅', '进', '来', '唱', '、', 'ｱ', 'ﾞ', 'Ａ', '\u00ad', '\u0301', '\u200d', '\ufe0f', '\u20e3', '\u1100\u1161', '👍', '👍🏽', '🇨🇳', '☺\ufe0f', '1\ufe0f\u20e3', 'é', 'Ω', 'Ж', '\u001b[31m', '\u001b[1;32m', '\u001b[0m', '\u001b]8;;x\u0007', '\t', '\n', '\u0007'];

describe('vendored widest-line', () => {
	it('gives string-width’s widest line for texts of every kind (fast-check)', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 40}), pieces => {
				const text = pieces.join('');
				assert.equal(widestLine(text), reference(text), JSON.stringify(text));
				assert.equal(widestLine(text), reference(text), `${JSON.stringify(text)}, asked again`);
				for (const line of text.split('\n')) assert.equal(lineWidth(line), stringWidth(line), JSON.stringify(line));
			}),
			{numRuns: 3000},
		);
	});

	it('gives it for arbitrary Unicode too', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme', maxLength: 30}), text => {
				assert.equal(widestLine(text), reference(text), JSON.stringify(text));
			}),
			{numRuns: 2000},
		);
	});

	it('is the one Ink loads (the npm override leaves Ink no copy of its own)', () => {
		assert.match(import.meta.resolve('widest-line'), /\/vendor\/widest-line\/index\.js$/);
		const root = new URL('../../node_modules/', import.meta.url);
		assert.equal(existsSync(new URL('ink/node_modules/widest-line', root)), false);
		assert.equal(existsSync(new URL('ink/package.json', root)), true);
	});
});
