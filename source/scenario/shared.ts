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
import {Float} from './values.js';
import {AttributeError} from './errors.js';

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
		this.lock = revived ? revived.lock : options.lock === false ? null : new RLock();
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
		this.core.store(value);
		r.emit({k: 'op', t: me.t, op: 'store', obj: this.id, data: {value: this.core.load()}});
	}

	/** The lock that came with the value (`num.get_lock()`). */
	get_lock(): RLock {
		// With lock=False CPython hands out the raw ctypes object, which has no lock.
		if (!this.lock) throw new AttributeError(`'${CTYPES[this.core.typecode]}' object has no attribute 'get_lock'`);
		return this.lock;
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
		writeFileSync(this.path(), content);
		r.emit({k: 'op', t: me.t, op: 'write', obj: this.id, data: {content}});
	}

	toHandle(): Handle {
		return {__prim: 'SharedFile', filename: this.filename};
	}
}

registerReviver('SharedFile', h => new SharedFile(h.filename as string));
