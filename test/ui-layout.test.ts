/**
 * The layout for a terminal size: the frame is one row shorter than the
 * terminal, the rows add up exactly, compact below 80×24, the code pane
 * beside the output only on wide screens; the task window follows its focus.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {captionCap, layoutFor, scrollTo, type Layout} from '../source/ui/layout.js';

/** Rows the Screen draws for a layout (titles included). */
function drawn(L: Layout): number {
	if (L.compact) return L.header + L.tasks + (L.mid > 0 ? 1 + L.mid : 0) + L.caption + L.keys;
	return L.header + 1 + L.tasks + L.legend + 1 + L.mid + (L.code > 0 ? 1 + L.code : 0) + L.cpu + L.caption + L.keys;
}

describe('layoutFor', () => {
	it('fills one row less than the terminal (exactly, unless compact), for many sizes and task counts', () => {
		for (const [columns, rows] of [[80, 24], [100, 30], [120, 40], [200, 60], [60, 20], [79, 50], [150, 23], [40, 10], [30, 6]]) {
			for (const [tasks, cpuRows] of [[1, 0], [7, 0], [101, 0], [5, 20], [5, 60], [101, 12]]) {
				const L = layoutFor(columns!, rows!, tasks!, cpuRows);
				assert.equal(L.height, rows! - 1, `${columns}x${rows}`);
				if (L.compact) assert.ok(drawn(L) <= L.height, `${columns}x${rows} with ${tasks} tasks: ${JSON.stringify(L)}`);
				else assert.equal(drawn(L), L.height, `${columns}x${rows} with ${tasks} tasks: ${JSON.stringify(L)}`);
				assert.ok(L.tasks >= 1 && L.tasks <= tasks!);
				assert.ok(L.cpu <= cpuRows!);
				if (L.cpu > 0) assert.ok(L.mid >= 3 && L.code === 0, 'the CPU panel takes the code pane\'s rows, never the output\'s last three');
				assert.ok(L.taskWidth + (L.timeline ? L.timeline + 1 : 0) <= L.width);
			}
		}
	});

	it('is compact below 80×24: tasks, output, keys', () => {
		for (const [c, r] of [[79, 30], [100, 23], [60, 20]]) {
			const L = layoutFor(c!, r!, 7);
			assert.ok(L.compact);
			assert.equal(L.primsWidth, 0);
			assert.equal(L.code + L.codeBeside, 0);
			assert.ok(L.mid > 0, 'room for output');
		}
		assert.ok(!layoutFor(80, 24, 7).compact);
	});

	it('gives the code pane its own rows on tall screens and a column on wide ones', () => {
		// 80×24 keeps a small pane for the marked lines (it had none before issue 15).
		assert.equal(layoutFor(80, 24, 7).code, 3);
		assert.ok(layoutFor(100, 40, 7).code > 5);
		const wide = layoutFor(160, 40, 7);
		assert.ok(wide.codeBeside > 0);
		assert.equal(wide.code, 0);
		assert.ok(wide.primsWidth + wide.outputWidth + wide.codeBeside + 2 <= wide.width);
	});

	it('gives a CPU panel the rows it asks for where they fit, none in the compact layout', () => {
		const L = layoutFor(100, 40, 5, 16);
		assert.equal(L.cpu, 16);
		assert.ok(L.mid >= 3);
		// Header 2, task title, tasks, the CPU panel, the primitives' title and three rows, caption 2, keys.
		assert.equal(layoutFor(100, 30, 5, 60).cpu, layoutFor(100, 30, 5, 60).height - 2 - 1 - layoutFor(100, 30, 5, 60).tasks - 1 - 3 - 2 - 1);
		assert.equal(layoutFor(70, 30, 5, 16).cpu, 0);
		assert.equal(layoutFor(80, 24, 5, 0).cpu, 0);
	});

	it('lets a long task list scroll rather than push the other panels off', () => {
		const L = layoutFor(100, 30, 101);
		assert.ok(L.tasks < 20);
		assert.ok(L.mid >= 5);
	});
});

describe('layoutFor at the sizes of issue 15 (120×36, 100×30, 80×24)', () => {
	const needs = {invariants: true, caption: 2};
	it('pins every row at the three sizes for ticket:unsafe (11 tasks), mid-race and with a story', () => {
		const rows = (L: Layout) => [L.header, L.invariants, L.tasks, L.legend, L.mid, L.code, L.caption, L.keys, L.codeBeside];
		// header, its invariants row, tasks, legend, mid, code, caption, keys, code beside
		assert.deepEqual(rows(layoutFor(120, 36, 11, 0, 0, needs)), [3, 1, 9, 1, 10, 6, 2, 1, 0]);
		assert.deepEqual(rows(layoutFor(100, 30, 11, 0, 0, needs)), [3, 1, 7, 1, 7, 5, 2, 1, 0]);
		assert.deepEqual(rows(layoutFor(80, 24, 11, 0, 0, needs)), [3, 1, 5, 0, 6, 3, 2, 1, 0]);
		// A break told in three rows under a two-row alert: the caption grows to its cap, the code pane keeps its least rows.
		const told = {invariants: true, caption: 3};
		assert.deepEqual(rows(layoutFor(120, 36, 11, 0, 3, told)), [3, 1, 8, 1, 8, 5, 6, 1, 0]);
		assert.deepEqual(rows(layoutFor(100, 30, 11, 0, 3, told)), [3, 1, 5, 1, 6, 4, 6, 1, 0]);
		assert.deepEqual(rows(layoutFor(80, 24, 11, 0, 3, told)), [3, 1, 4, 0, 4, 3, 5, 1, 0]);
	});

	it('keeps a code pane at 80×24 and at 100×30 with 11 tasks, and with 101', () => {
		for (const [c, r] of [[100, 30], [80, 24]] as const) {
			for (const tasks of [11, 101]) {
				for (const story of [0, 3]) {
					const L = layoutFor(c, r, tasks, 0, story, needs);
					assert.ok(L.code >= 3, `${c}×${r}, ${tasks} tasks, story ${story}: ${JSON.stringify(L)}`);
					assert.ok(L.mid >= 3, 'the panels above keep three rows');
				}
			}
		}
	});

	it('gives the invariants a header row only where the lesson has them, and not to a CPU lesson below 30 rows', () => {
		assert.equal(layoutFor(100, 30, 5, 0, 0, {invariants: true}).header, 3);
		assert.equal(layoutFor(100, 30, 5, 0, 0, {invariants: false}).header, 2);
		assert.equal(layoutFor(100, 30, 5, 0, 0).invariants, 0);
		assert.equal(layoutFor(80, 24, 5, 20, 0, {invariants: true}).invariants, 0);
		assert.equal(layoutFor(100, 30, 5, 20, 0, {invariants: true}).invariants, 1);
		assert.equal(layoutFor(70, 24, 5, 0, 0, {invariants: true}).invariants, 0, 'compact: one header row');
	});

	it('gives the caption two rows at least and what it wants up to its cap', () => {
		assert.equal(layoutFor(100, 30, 5, 0, 0, {caption: 0}).caption, 2);
		assert.equal(layoutFor(100, 30, 5, 0, 0, {caption: 4}).caption, 4);
		assert.equal(layoutFor(100, 30, 5, 0, 3, {caption: 4}).caption, captionCap(29));
		assert.deepEqual([captionCap(23), captionCap(29), captionCap(35)], [5, 6, 7]);
	});
});

describe('scrollTo', () => {
	it('keeps the focus in view, moving as little as it can', () => {
		assert.equal(scrollTo(0, 3, 10, 100), 0);
		assert.equal(scrollTo(0, 15, 10, 100), 6);
		assert.equal(scrollTo(6, 10, 10, 100), 6);
		assert.equal(scrollTo(6, 2, 10, 100), 2);
		assert.equal(scrollTo(95, 99, 10, 100), 90);
		assert.equal(scrollTo(5, 3, 10, 8), 0);
	});
});
