/**
 * One Python repr for prints and panels (source/scenario/repr.ts), held to
 * what CPython 3.11 prints: test/python/repr.py wrote the expected strings
 * (repr.expected.json); where python3 is on the PATH it is run again and
 * must still agree. Queue items reach the trace, the view and the panel as
 * that repr, and print writes the same values the same way.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {createElement} from 'react';
import {render} from 'ink-testing-library';
import {floatRepr, pyKind, pyrepr, pystr} from '../source/scenario/repr.js';
import {float, tuple} from '../source/scenario/values.js';
import {Primitives} from '../source/ui/Primitives.js';
import {testLesson} from './helpers/free-run.js';
import {runLesson} from './helpers/run.js';

const SCRIPT = fileURLToPath(new URL('../../test/python/repr.py', import.meta.url));
const EXPECTED = fileURLToPath(new URL('../../test/python/repr.expected.json', import.meta.url));
const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<string, {repr: string; str: string}>;

const recursiveList: unknown[] = [1];
recursiveList.push(recursiveList);
const recursiveDict: Record<string, unknown> = {};
recursiveDict.self = recursiveDict;

/** The values of repr.py, as a lesson holds them: a whole-number float is a Number object (a Float). */
const CASES: Record<string, unknown> = {
	str: 'hello',
	'str with a single quote': "it's",
	'str with double quotes': 'say "hi"',
	'str with both quotes': 'it\'s "x"',
	'str with newline, tab, return': 'a\nb\tc\rd',
	'str with a backslash': 'C:\\temp',
	'str with an escape sequence': '\u001b[31mred',
	'str with NUL, DEL and a C1 control': '\u0000\u007f\u0085',
	'str in Chinese': 'hello 你好',
	'str with é composed and decomposed': '\u00e9 e\u0301',
	'str with emoji': '\u263a\ufe0f \u{1f1e8}\u{1f1f3} \u{1f44d}\u{1f3fd}',
	'str with a joiner, soft hyphen, no-break space, line separator': 'a\u200db\u00adc\u00a0d\u2028e',
	'str with a lone surrogate': '\ud800',
	'str with a private-use character': '\ue000',
	'empty str': '',
	'int 0': 0,
	'int -7': -7,
	'int 10**16': 10 ** 16,
	'int 10**21': 10n ** 21n,
	'float 1.0': float(1),
	'float 0.1': 0.1,
	'float 1e-7': 1e-7,
	'float 1e16': new Number(1e16),
	'float nan': NaN,
	'float inf': Infinity,
	'float -inf': -Infinity,
	'float -0.0': new Number(-0),
	'float 1.5': 1.5,
	'float 123456789.123': 123456789.123,
	'float 1e15': new Number(1e15),
	'float 1e-4': 1e-4,
	'float 1e-5': 1e-5,
	'float 0.1 + 0.2': 0.1 + 0.2,
	'float 2.5e-10': 2.5e-10,
	'float 5e-324': 5e-324,
	'float max': new Number(1.7976931348623157e308),
	'float -1234.5': -1234.5,
	True: true,
	False: false,
	None: null,
	'empty list': [],
	list: ['a', 1],
	'nested lists': [1, [2, ['x', null]], true],
	'list of strs that need quoting': ["it's", 'a\nb'],
	'list holding itself': recursiveList,
	'empty dict': {},
	dict: {a: 1, b: [1.5, 'c']},
	'nested dict': {k: {n: null}},
	'dict holding itself': recursiveDict,
	'dict with int keys': new Map([
		[1, 'one'],
		[2, 'two'],
	]),
	set: new Set([1]),
	'empty set': new Set(),
	tuple: tuple<unknown>(1, 'a'),
	'tuple of one': tuple(1),
	'empty tuple': tuple(),
	'tuple in a list': [tuple<unknown>('x', 1.5), null],
};

describe('pyrepr and pystr', () => {
	it('has a value for every case CPython was asked about, and no other', () => {
		assert.deepEqual(Object.keys(CASES).sort(), Object.keys(expected).sort());
	});

	for (const [name, value] of Object.entries(CASES)) {
		it(`${name}: ${expected[name]?.repr}`, () => {
			assert.equal(pyrepr(value), expected[name]!.repr, 'repr');
			assert.equal(pystr(value), expected[name]!.str, 'str');
		});
	}

	it('the expected strings are what python3 prints today (where python3 is installed)', t => {
		const r = spawnSync('python3', [SCRIPT], {encoding: 'utf8'});
		if (r.error || r.status !== 0) {
			t.skip('no python3 here');
			return;
		}
		assert.deepEqual(JSON.parse(r.stdout), expected);
	});

	it('None is null or undefined; a number is an int when whole, a float otherwise or when it is a Number object', () => {
		assert.equal(pyrepr(undefined), 'None');
		assert.deepEqual([null, 3, 3.5, new Number(3), float(3), 'x', [1], tuple(1), {}, new Set(), true].map(pyKind), ['None', 'int', 'float', 'float', 'float', 'str', 'list', 'tuple', 'dict', 'set', 'bool']);
		assert.equal(floatRepr(100), '100.0');
	});

	it('a str repr never holds a control character: it cannot move the cursor', () => {
		let all = '';
		for (let c = 0; c < 0x200; c++) all += String.fromCharCode(c);
		assert.doesNotMatch(pyrepr(all), /[\u0000-\u001f\u007f-\u009f]/);
	});
});

describe('queue items in the trace and the panels', {timeout: 120_000}, () => {
	// test/lessons/queue-items.ts puts these, in this order.
	const items = [['a', 1], "it's", 'a\nb', 1.5, null, true, {k: [1, 'x']}, '你好'];
	const python = ["['a', 1]", '"it\'s"', "'a\\nb'", '1.5', 'None', 'True', "{'k': [1, 'x']}", "'你好'"];

	it('are written as CPython writes their repr, and printed as its print does', async () => {
		assert.deepEqual(items.map(pyrepr), python);
		const {events, prints, result} = await runLesson(testLesson('queue-items'), {lines: false});
		assert.equal(result.outcome, 'completed');
		const put = events.flatMap(e => (e.kind === 'op' && e.op === 'put' ? [(e as {item?: unknown}).item] : []));
		assert.deepEqual(put, python, 'put');
		const got = events.flatMap(e => (e.kind === 'op' && e.op === 'get' ? [(e as {item?: unknown}).item] : []));
		assert.deepEqual(got, python, 'get');
		assert.deepEqual(prints, ["['a', 1]", "it's", 'a\nb', '1.5', 'None', 'True', "{'k': [1, 'x']}", '你好']);
	});

	it('the Primitives panel shows a queue’s items as that repr', async () => {
		const {events} = await runLesson(testLesson('queue-items'), {lines: false});
		const {reduce} = await import('../source/view/reducer.js');
		const lastPut = events.findLastIndex(e => e.kind === 'op' && e.op === 'put');
		const state = reduce(events, lastPut + 1);
		const {lastFrame, unmount} = render(createElement(Primitives, {view: state, changed: new Set<string>(), width: 120, rows: 6}));
		const frame = lastFrame() ?? '';
		unmount();
		assert.ok(frame.includes(`[${python.join('|')}] 8`), frame);
	});
});
