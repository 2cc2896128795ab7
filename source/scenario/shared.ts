/**
 * Shared data: `Value` (a typed number in shared memory, with its own lock)
 * and `SharedFile` (a real file in the run's working folder, the ticket
 * database of the lessons). Every load, store, read and write is a step of
 * its own, so a read-modify-write is two steps and a lost update can happen
 * at a step the viewer can see.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {ValueCore, type Typecode} from '../primitives/value.js';
import {rt} from './context.js';
import {type Handle, registerReviver, unmarshal} from './handles.js';
import {announce, RLock} from './sync.js';
import {floatRepr} from './repr.js';
import {Float, PY_STR} from './values.js';
import {AttributeError, IndexError} from './errors.js';
import {ArrayCore} from '../primitives/array.js';

/** The ctypes type of each typecode, as CPython names the raw value of a Value(lock=False). */
const CTYPES: Record<Typecode, string> = {i: 'c_int', l: 'c_long', d: 'c_double', f: 'c_float'};

/** multiprocessing.Value(typecode, value, lock=True). */
export class Value {
	readonly core: ValueCore;
	readonly id: string;
	readonly lock: RLock | null;

	constructor(typecode: Typecode, value = 0, options: {lock?: boolean; name?: string} = {}, revived?: {core: ValueCore; id: string; lock: RLock | null}) {
		this.core = revived?.core ?? ValueCore.create(typecode, value);
		this.id = revived?.id ?? announce('value', 'Value', options.name, {typecode, value: this.core.load()});
		this.lock = revived ? revived.lock : options.lock === false ? null : new RLock({of: this.id});
	}

	/** `x = num.value`: one step. A float typecode ('d', 'f') loads a {@link Float}, so `1.0` prints as `1.0`. */
	async load(): Promise<number> {
		const r = rt();
		const me = await r.step({op: 'load', obj: this.id});
		const value = this.core.load();
		r.emit({k: 'op', t: me.t, op: 'load', obj: this.id, data: {value}});
		// Typed as a number: it is one wherever arithmetic or a comparison meets it.
		return (this.core.typecode === 'd' || this.core.typecode === 'f' ? new Float(value) : value) as number;
	}

	/** `num.value = x`: one step. */
	async store(value: number): Promise<void> {
		value = Number(value);
		const r = rt();
		const me = await r.step({op: 'store', obj: this.id, arg: String(value)});
		// The value this task stored: in free mode another process may store between this store and a load.
		const stored = r.publish(() => this.core.store(value));
		r.emit({k: 'op', t: me.t, op: 'store', obj: this.id, data: {value: stored}});
	}

	/** The lock that came with the value (`num.get_lock()`). */
	get_lock(): RLock {
		// With lock=False CPython hands out the raw ctypes object, which has no lock.
		if (!this.lock) throw new AttributeError(`'${CTYPES[this.core.typecode]}' object has no attribute 'get_lock'`);
		return this.lock;
	}

	/** print(num): what CPython prints, `<Synchronized wrapper for c_int(3)>` (`c_int(3)` with lock=False). Reading it is no step. */
	[PY_STR](): string {
		const raw = this.core.load();
		const shown = this.core.typecode === 'd' || this.core.typecode === 'f' ? floatRepr(raw) : String(raw);
		const ctype = `${CTYPES[this.core.typecode]}(${shown})`;
		return this.lock ? `<Synchronized wrapper for ${ctype}>` : ctype;
	}

	toHandle(): Handle {
		return {__prim: 'Value', id: this.id, typecode: this.core.typecode, sab: this.core.sab, lock: this.lock?.toHandle() ?? null};
	}
}

registerReviver('Value', h => {
	const lockHandle = h.lock as Handle | null;
	return new Value(h.typecode as Typecode, 0, {}, {
		core: new ValueCore(h.typecode as Typecode, h.sab as SharedArrayBuffer),
		id: h.id as string,
		lock: lockHandle ? (unmarshal(lockHandle) as RLock) : null,
	});
});

/**
 * multiprocessing.Array(typecode, size_or_initializer, lock=True): typed
 * numbers in shared memory. `arr[i]` is `await arr.get(i)`, `arr[i] = x`
 * is `await arr.set(i, x)`, `arr[:]` is `await arr.tolist()`: each a step.
 */
export class SharedArray {
	readonly core: ArrayCore;
	readonly id: string;
	readonly lock: RLock | null;

	constructor(typecode: Typecode, sizeOrInitializer: number | readonly number[], options: {lock?: boolean; name?: string} = {}, revived?: {core: ArrayCore; id: string; lock: RLock | null}) {
		const initial = typeof sizeOrInitializer === 'number' ? new Array<number>(sizeOrInitializer).fill(0) : [...sizeOrInitializer];
		this.core = revived?.core ?? ArrayCore.create(typecode, initial);
		this.id = revived?.id ?? announce('array', 'Array', options.name, {typecode, length: initial.length});
		this.lock = revived ? revived.lock : options.lock === false ? null : new RLock({of: this.id});
	}

	get length(): number {
		return this.core.length;
	}

	private index(i: number): number {
		const at = i < 0 ? i + this.core.length : i;
		if (!Number.isInteger(at) || at < 0 || at >= this.core.length) throw new IndexError('invalid index');
		return at;
	}

	private cell(v: number): number {
		return (this.core.typecode === 'd' || this.core.typecode === 'f' ? new Float(v) : v) as number;
	}

	/** `x = arr[i]`: one step. */
	async get(i: number): Promise<number> {
		const at = this.index(i);
		const r = rt();
		const me = await r.step({op: 'load', obj: this.id, arg: String(at)});
		const value = this.core.load(at);
		r.emit({k: 'op', t: me.t, op: 'load', obj: this.id, data: {index: at, value}});
		return this.cell(value);
	}

	/** `arr[i] = x`: one step. */
	async set(i: number, value: number): Promise<void> {
		const at = this.index(i);
		const r = rt();
		const me = await r.step({op: 'store', obj: this.id, arg: `${at} ${Number(value)}`});
		r.publish(() => this.core.store(at, Number(value)));
		r.emit({k: 'op', t: me.t, op: 'store', obj: this.id, data: {index: at, value: this.core.load(at)}});
	}

	/** `arr[:]`: every element, read in one step. */
	async tolist(): Promise<number[]> {
		const r = rt();
		const me = await r.step({op: 'load', obj: this.id, arg: ':'});
		const values = Array.from({length: this.core.length}, (_, i) => this.core.load(i));
		r.emit({k: 'op', t: me.t, op: 'load', obj: this.id, data: {values}});
		return values.map(v => this.cell(v));
	}

	get_lock(): RLock {
		if (!this.lock) throw new AttributeError(`'${CTYPES[this.core.typecode]}_Array_${this.core.length}' object has no attribute 'get_lock'`);
		return this.lock;
	}

	toHandle(): Handle {
		return {__prim: 'Array', id: this.id, typecode: this.core.typecode, sab: this.core.sab, lock: this.lock?.toHandle() ?? null};
	}
}

registerReviver('Array', h => {
	const lockHandle = h.lock as Handle | null;
	return new SharedArray(h.typecode as Typecode, 0, {}, {
		core: new ArrayCore(h.typecode as Typecode, h.sab as SharedArrayBuffer),
		id: h.id as string,
		lock: lockHandle ? (unmarshal(lockHandle) as RLock) : null,
	});
});

/** A file in the run's working folder, read and written whole, as the lessons' JSON database is. */
export class SharedFile {
	readonly id: string;

	constructor(readonly filename: string) {
		this.id = `file:${filename}`;
	}

	private path(): string {
		return join(rt().assignment.workdir, this.filename);
	}

	/** Reads the whole file: one step. */
	async read(): Promise<string> {
		const r = rt();
		const me = await r.step({op: 'read', obj: this.id});
		const content = readFileSync(this.path(), 'utf8');
		r.emit({k: 'op', t: me.t, op: 'read', obj: this.id, data: {content}});
		return content;
	}

	/** Replaces the whole file: one step. */
	async write(content: string): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'write', obj: this.id, arg: content});
		r.publish(() => writeFileSync(this.path(), content));
		r.emit({k: 'op', t: me.t, op: 'write', obj: this.id, data: {content}});
	}

	toHandle(): Handle {
		return {__prim: 'SharedFile', filename: this.filename};
	}
}

registerReviver('SharedFile', h => new SharedFile(h.filename as string));
