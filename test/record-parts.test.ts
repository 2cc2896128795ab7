/**
 * The small parts of a recording: the virtual clock playback runs on, and
 * the bytes that put frames on a terminal (checked through a real terminal
 * emulator).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import xterm from '@xterm/headless';
import {ScreenBytes} from '../source/record/screen-bytes.js';
import {VirtualClock} from '../source/record/virtual-clock.js';

describe('VirtualClock', () => {
	it('fires timers only when moved, earliest first, ties in the order set, and those they set when due', () => {
		const clock = new VirtualClock();
		const fired: string[] = [];
		clock.setTimeout(() => fired.push('b@200'), 200);
		clock.setTimeout(() => fired.push('a@100'), 100);
		clock.setTimeout(() => fired.push('a2@100'), 100);
		const gone = clock.setTimeout(() => fired.push('cleared'), 50);
		clock.clearTimeout(gone);
		clock.setTimeout(() => {
			fired.push('c@150');
			clock.setTimeout(() => fired.push(`d@${clock.now}`), 10);
		}, 150);
		assert.deepEqual(fired, []);
		assert.equal(clock.nextDue(99), undefined);
		assert.equal(clock.nextDue(1000), 100);
		clock.fireUntil(170);
		assert.deepEqual(fired, ['a@100', 'a2@100', 'c@150', 'd@160']);
		assert.equal(clock.now, 170);
		clock.fireUntil(1000);
		assert.deepEqual(fired.at(-1), 'b@200');
		assert.equal(clock.now, 1000);
	});
});

async function show(bytes: string[], cols = 20, rows = 5): Promise<string[]> {
	const term = new xterm.Terminal({cols, rows, allowProposedApi: true});
	// Something on screen before: the first frame must not depend on it.
	await new Promise<void>(r => term.write('old text\r\nmore old text\r\n', r));
	for (const b of bytes) await new Promise<void>(r => term.write(b, r));
	const buffer = term.buffer.active;
	const out: string[] = [];
	for (let y = 0; y < rows; y++) out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
	term.dispose();
	return out;
}

describe('ScreenBytes', () => {
	it('writes the first frame whole on a clean screen, then only the rows that changed', async () => {
		const s = new ScreenBytes(5);
		const first = s.next('one\n\x1b[1mtwo\x1b[22m\nthree\nfour');
		assert.match(first, /^\x1b\[\?25l\x1b\[H\x1b\[2J/);
		const second = s.next('one\nTWO, longer\nthree');
		assert.ok(!second.includes('one') && !second.includes('three'), 'unchanged rows are not written again');
		assert.equal(s.next('one\nTWO, longer\nthree'), '', 'nothing changed: no bytes');
		const end = s.end();
		assert.deepEqual(await show([first, second, end]), ['one', 'TWO, longer', 'three', '', '']);
		assert.ok(end.endsWith('\x1b[?25h'), 'the cursor is given back');
	});

	it('erases what a shorter row leaves behind, and keeps styles to their row', async () => {
		const s = new ScreenBytes(3);
		const a = s.next('\x1b[7mabcdefghij\nxyz');
		const b = s.next('abc\nxyz');
		assert.deepEqual(await show([a, b], 12, 3), ['abc', 'xyz', '']);
		assert.ok(a.includes('\x1b[0m\x1b[K'), 'each row ends with its styles reset');
	});
});
