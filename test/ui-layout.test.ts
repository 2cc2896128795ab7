/**
 * The layout for a terminal size: the frame is one row shorter than the
 * terminal, the rows add up exactly, compact below 80×24, the code pane
 * beside the output only on wide screens; the task window follows its focus.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {layoutFor, scrollTo, type Layout} from '../source/ui/layout.js';

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
		assert.equal(layoutFor(80, 24, 7).code, 0);
		assert.ok(layoutFor(100, 40, 7).code > 0);
		const wide = layoutFor(160, 40, 7);
		assert.ok(wide.codeBeside > 0);
		assert.equal(wide.code, 0);
		assert.ok(wide.primsWidth + wide.outputWidth + wide.codeBeside + 2 <= wide.width);
	});

	it('gives a CPU panel the rows it asks for where they fit, none in the compact layout', () => {
		const L = layoutFor(100, 40, 5, 16);
		assert.equal(L.cpu, 16);
		assert.ok(L.mid >= 3);
		assert.equal(layoutFor(100, 30, 5, 60).cpu, layoutFor(100, 30, 5, 60).height - 2 - 1 - 1 - 1 - layoutFor(100, 30, 5, 60).tasks - 1 - 3);
		assert.equal(layoutFor(70, 30, 5, 16).cpu, 0);
		assert.equal(layoutFor(80, 24, 5, 0).cpu, 0);
	});

	it('lets a long task list scroll rather than push the other panels off', () => {
		const L = layoutFor(100, 30, 101);
		assert.ok(L.tasks < 20);
		assert.ok(L.mid >= 5);
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
