/**
 * Python's repr() and str() of the values lessons print and pass through
 * queues, as CPython 3.11 writes them: `print` uses `pystr`, the trace (and
 * so the panels) shows queue items by `pyrepr`, a Manager's dict keys its
 * entries by it. One switch on a value's Python kind decides; a new kind is
 * one more case in `pyKind` and one in `repr`.
 *
 * JavaScript has one number type: a whole number is an int, any other a
 * float, and a Number object (a `Float`, `float(1)`) is a float that says
 * so, so that `1.0` can be written. A tuple is an array with the tuple mark
 * (values.ts); an object that says how Python prints it has a `PY_STR`
 * method.
 */
import {PY_STR, isTuple} from './values.js';

export type PyKind = 'None' | 'bool' | 'int' | 'float' | 'str' | 'tuple' | 'list' | 'dict' | 'set' | 'object';

export function pyKind(v: unknown): PyKind {
	if (v === null || v === undefined) return 'None';
	switch (typeof v) {
		case 'boolean':
			return 'bool';
		case 'bigint':
			return 'int';
		case 'number':
			return Number.isInteger(v) ? 'int' : 'float';
		case 'string':
			return 'str';
		case 'object':
			break;
		default:
			return 'object';
	}
	if (v instanceof Number) return 'float';
	if (isTuple(v)) return 'tuple';
	if (Array.isArray(v)) return 'list';
	if (v instanceof Map) return 'dict';
	if (v instanceof Set) return 'set';
	// An object that says how it prints prints so; any other is its fields, as a dict.
	if (typeof (v as {[PY_STR]?: unknown})[PY_STR] === 'function') return 'object';
	const toString = (v as {toString?: unknown}).toString;
	return typeof toString === 'function' && toString !== Object.prototype.toString ? 'object' : 'dict';
}

/** Python's repr(v). */
export function pyrepr(v: unknown): string {
	return repr(v, []);
}

/** Python's str(v): a str as it is, anything else as its repr. */
export function pystr(v: unknown): string {
	return typeof v === 'string' ? v : pyrepr(v);
}

/** `within`: the containers being written, outermost first; one met again is written `[...]` as CPython does. */
function repr(v: unknown, within: readonly object[]): string {
	switch (pyKind(v)) {
		case 'None':
			return 'None';
		case 'bool':
			return v ? 'True' : 'False';
		case 'int':
			return intRepr(v as number | bigint);
		case 'float':
			return floatRepr(Number(v));
		case 'str':
			return strRepr(v as string);
		case 'tuple': {
			const items = v as readonly unknown[];
			// A tuple of one keeps its comma: (1,).
			if (items.length === 1) return container(v as object, within, '(', ',)', '(...)', inner => items.map(inner));
			return container(v as object, within, '(', ')', '(...)', inner => items.map(inner));
		}
		case 'list':
			return container(v as object, within, '[', ']', '[...]', inner => (v as unknown[]).map(inner));
		case 'dict': {
			const entries: [unknown, unknown][] = v instanceof Map ? [...v] : Object.entries(v as object);
			return container(v as object, within, '{', '}', '{...}', inner => entries.map(([k, x]) => `${inner(k)}: ${inner(x)}`));
		}
		case 'set':
			if ((v as Set<unknown>).size === 0) return 'set()';
			return container(v as object, within, '{', '}', 'set(...)', inner => [...(v as Set<unknown>)].map(inner));
		case 'object': {
			const own = (v as {[PY_STR]?: () => string})[PY_STR];
			return typeof own === 'function' ? own.call(v) : String(v);
		}
	}
}

function container(v: object, within: readonly object[], open: string, close: string, again: string, items: (inner: (x: unknown) => string) => string[]): string {
	if (within.includes(v)) return again;
	const deeper = [...within, v];
	return `${open}${items(x => repr(x, deeper)).join(', ')}${close}`;
}

function intRepr(n: number | bigint): string {
	// Past 1e21 String() writes a whole number with an exponent; Python writes every digit.
	return typeof n === 'number' && Math.abs(n) >= 1e21 ? BigInt(n).toString() : String(n);
}

/** Python's repr of a float: the shortest digits that read back (as JavaScript's), positional from 1e-4 up to 1e16. */
export function floatRepr(x: number): string {
	if (Number.isNaN(x)) return 'nan';
	if (x === Infinity) return 'inf';
	if (x === -Infinity) return '-inf';
	if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
	const [mantissa, e] = x.toExponential().split('e') as [string, string];
	const exp = Number(e);
	const sign = x < 0 ? '-' : '';
	const digits = mantissa.replace(/[-.]/g, '');
	if (exp < -4 || exp >= 16) {
		const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
		return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
	}
	if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
	return `${sign}${digits.slice(0, exp + 1).padEnd(exp + 1, '0')}.${digits.slice(exp + 1) || '0'}`;
}

/**
 * Characters str.isprintable() refuses: Unicode's Other (controls, format
 * characters, surrogates, private use, unassigned) and Separator, the space
 * aside. (Node's Unicode may be a version newer than CPython 3.11's: a
 * character assigned in between is printed here and escaped there.)
 */
const UNPRINTABLE = /^[\p{C}\p{Z}]$/u;

/** Python's repr of a str: quoted, with what cannot be printed escaped, so it never moves a cursor. */
export function strRepr(s: string): string {
	const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
	let out = quote;
	for (const ch of s) {
		const cp = ch.codePointAt(0)!;
		if (ch === quote || ch === '\\') out += `\\${ch}`;
		else if (ch === '\t') out += '\\t';
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (cp < 0x7f && cp >= 0x20) out += ch;
		else if (cp > 0x7f && !UNPRINTABLE.test(ch)) out += ch;
		else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
		else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
		else out += `\\U${hex(cp, 8)}`;
	}
	return out + quote;
}

function hex(n: number, width: number): string {
	return n.toString(16).padStart(width, '0');
}
