/**
 * multiprocessing.Manager: a dict and a list every process shares, and the
 * other primitives by the same names.
 *
 * CPython's Manager is a server process that holds the objects; a proxy's
 * every call is a request to it. Here the dict and list live in shared
 * memory instead (source/primitives/shared-object.ts), each call one step
 * that is atomic on its own, as a request to the server is: `d['n'] += 1`
 * is a getitem and a set, two steps, and can lose an update, as it can in
 * CPython. Why no server: a process's target must be an export of the
 * lesson (it is looked up by name, as pickling does), and a server loop
 * that belongs to conc-tui is not one; and a server would add a process to
 * every lesson's screen that the lesson's code never names.
 */
import {SharedObjectCore} from '../primitives/shared-object.js';
import {pyrepr} from './repr.js';
import {rt} from './context.js';
import {IndexError, KeyError, ValueError} from './errors.js';
import {type Handle, registerReviver} from './handles.js';
import {JoinableQueue, Queue} from './queues.js';
import {SharedArray, Value} from './shared.js';
import {announce, BoundedSemaphore, Event, Lock, RLock, Semaphore} from './sync.js';
import {Barrier, Condition} from './condition.js';
import {PY_STR, reviveTuples} from './values.js';
import type {Typecode} from '../primitives/value.js';

/** A dict's entries by the repr of their key, so 1, '1' and (1, 2) are different keys, as in Python. */
type Entries = Map<string, [unknown, unknown]>;

/** One gated step on a shared structure: the trace names the operation and the object. */
async function stepOn(id: string, op: string, arg?: string): Promise<{t: number}> {
	const r = rt();
	return r.step({op, obj: id, ...(arg === undefined ? {} : {arg: arg.length > 60 ? `${arg.slice(0, 57)}...` : arg})});
}

function traced(id: string, t: number, op: string, data: Record<string, unknown>): void {
	rt().emit({k: 'op', t, op, obj: id, data});
}

/** What `manager.dict()` returns: a DictProxy. */
export class DictProxy {
	readonly core: SharedObjectCore<Entries>;
	readonly id: string;

	constructor(initial: Record<string, unknown> | Iterable<[unknown, unknown]> = {}, revived?: {core: SharedObjectCore<Entries>; id: string}) {
		const entries: Entries = new Map();
		if (!revived) {
			const pairs = Symbol.iterator in Object(initial) ? [...(initial as Iterable<[unknown, unknown]>)] : Object.entries(initial);
			for (const [k, v] of pairs) entries.set(pyrepr(k), [k, v]);
		}
		this.core = revived?.core ?? SharedObjectCore.create(entries);
		this.id = revived?.id ?? announce('manager', 'DictProxy', undefined, {});
	}

	/** `d[key]`: KeyError if it is not there. */
	async getitem(key: unknown): Promise<unknown> {
		const me = await stepOn(this.id, 'getitem', pyrepr(key));
		const entry = this.core.read().get(pyrepr(key));
		traced(this.id, me.t, 'getitem', {key: pyrepr(key)});
		if (!entry) throw new KeyError(key);
		return reviveTuples(entry[1]);
	}

	/** `d.get(key, default)`. */
	async get(key: unknown, otherwise: unknown = null): Promise<unknown> {
		const me = await stepOn(this.id, 'get', pyrepr(key));
		const entry = this.core.read().get(pyrepr(key));
		traced(this.id, me.t, 'get', {key: pyrepr(key)});
		return entry ? reviveTuples(entry[1]) : otherwise;
	}

	/** `d[key] = value`. */
	async set(key: unknown, value: unknown): Promise<void> {
		const me = await stepOn(this.id, 'setitem', `${pyrepr(key)} ${pyrepr(value)}`);
		this.core.update(entries => void entries.set(pyrepr(key), [key, value]));
		traced(this.id, me.t, 'setitem', {key: pyrepr(key), value: pyrepr(value)});
	}

	/** `del d[key]`: KeyError if it is not there. */
	async delete(key: unknown): Promise<void> {
		const me = await stepOn(this.id, 'delitem', pyrepr(key));
		const had = this.core.update(entries => entries.delete(pyrepr(key)));
		traced(this.id, me.t, 'delitem', {key: pyrepr(key)});
		if (!had) throw new KeyError(key);
	}

	/** `key in d`. */
	async has(key: unknown): Promise<boolean> {
		const me = await stepOn(this.id, 'contains', pyrepr(key));
		const has = this.core.read().has(pyrepr(key));
		traced(this.id, me.t, 'contains', {key: pyrepr(key)});
		return has;
	}

	/** `d.pop(key[, default])`. */
	async pop(key: unknown, ...otherwise: [unknown?]): Promise<unknown> {
		const me = await stepOn(this.id, 'pop', pyrepr(key));
		const entry = this.core.update(entries => {
			const e = entries.get(pyrepr(key));
			entries.delete(pyrepr(key));
			return e;
		});
		traced(this.id, me.t, 'pop', {key: pyrepr(key)});
		if (entry) return reviveTuples(entry[1]);
		if (otherwise.length > 0) return otherwise[0];
		throw new KeyError(key);
	}

	/** `d.setdefault(key, default)`: one step, so two processes cannot both set it. */
	async setdefault(key: unknown, otherwise: unknown = null): Promise<unknown> {
		const me = await stepOn(this.id, 'setdefault', pyrepr(key));
		const value = this.core.update(entries => {
			const e = entries.get(pyrepr(key));
			if (e) return e[1];
			entries.set(pyrepr(key), [key, otherwise]);
			return otherwise;
		});
		traced(this.id, me.t, 'setdefault', {key: pyrepr(key)});
		return reviveTuples(value);
	}

	/** `d.update(other)`. */
	async update(other: Record<string, unknown> | Iterable<[unknown, unknown]>): Promise<void> {
		const pairs = Symbol.iterator in Object(other) ? [...(other as Iterable<[unknown, unknown]>)] : Object.entries(other);
		const me = await stepOn(this.id, 'update');
		this.core.update(entries => {
			for (const [k, v] of pairs) entries.set(pyrepr(k), [k, v]);
		});
		traced(this.id, me.t, 'update', {});
	}

	/** `list(d.items())`, in insertion order. */
	async items(): Promise<[unknown, unknown][]> {
		const me = await stepOn(this.id, 'items');
		const entries = [...this.core.read().values()];
		traced(this.id, me.t, 'items', {});
		return reviveTuples(entries);
	}

	async keys(): Promise<unknown[]> {
		return (await this.items()).map(([k]) => k);
	}

	async values(): Promise<unknown[]> {
		return (await this.items()).map(([, v]) => v);
	}

	/** `len(d)`. */
	async len(): Promise<number> {
		const me = await stepOn(this.id, 'len');
		const n = this.core.read().size;
		traced(this.id, me.t, 'len', {size: n});
		return n;
	}

	/** `dict(d)`, `d.copy()`: a Map, which keeps its keys' types and order as a dict does (and prints as one). */
	async copy(): Promise<Map<unknown, unknown>> {
		return new Map(await this.items());
	}

	/** print(d) shows the dict, as str() of CPython's proxy does. */
	[PY_STR](): string {
		return `{${[...this.core.read().values()].map(([k, v]) => `${pyrepr(reviveTuples(k))}: ${pyrepr(reviveTuples(v))}`).join(', ')}}`;
	}

	toHandle(): Handle {
		return {__prim: 'DictProxy', id: this.id, sab: this.core.sab};
	}
}

/** What `manager.list()` returns: a ListProxy. */
export class ListProxy {
	readonly core: SharedObjectCore<unknown[]>;
	readonly id: string;

	constructor(initial: Iterable<unknown> = [], revived?: {core: SharedObjectCore<unknown[]>; id: string}) {
		this.core = revived?.core ?? SharedObjectCore.create([...initial]);
		this.id = revived?.id ?? announce('manager', 'ListProxy', undefined, {});
	}

	private async op<R>(op: string, change: (items: unknown[]) => R, arg?: string): Promise<R> {
		const me = await stepOn(this.id, op, arg);
		const answer = this.core.update(change);
		traced(this.id, me.t, op, {});
		return reviveTuples(answer);
	}

	private static at(items: unknown[], i: number, what: string): number {
		const at = i < 0 ? i + items.length : i;
		if (!Number.isInteger(at) || at < 0 || at >= items.length) throw new IndexError(`${what} index out of range`);
		return at;
	}

	/** `l[i]`. */
	getitem(i: number): Promise<unknown> {
		return this.op('getitem', items => items[ListProxy.at(items, i, 'list')], String(i));
	}

	/** `l[i] = value`. */
	set(i: number, value: unknown): Promise<void> {
		return this.op(
			'setitem',
			items => {
				items[ListProxy.at(items, i, 'list assignment')] = value;
			},
			`${i} ${pyrepr(value)}`,
		);
	}

	append(value: unknown): Promise<void> {
		return this.op('append', items => void items.push(value), pyrepr(value));
	}

	extend(values: Iterable<unknown>): Promise<void> {
		const all = [...values];
		return this.op('extend', items => void items.push(...all));
	}

	insert(i: number, value: unknown): Promise<void> {
		return this.op('insert', items => void items.splice(i < 0 ? Math.max(0, items.length + i) : i, 0, value), `${i} ${pyrepr(value)}`);
	}

	/** `l.pop(i=-1)`. */
	pop(i = -1): Promise<unknown> {
		return this.op('pop', items => {
			if (items.length === 0) throw new IndexError('pop from empty list');
			return items.splice(ListProxy.at(items, i, 'pop'), 1)[0];
		});
	}

	/** `l.remove(value)`: the first equal item (equal as Python's repr shows it). */
	remove(value: unknown): Promise<void> {
		return this.op(
			'remove',
			items => {
				const at = items.findIndex(x => pyrepr(x) === pyrepr(value));
				if (at < 0) throw new ValueError('list.remove(x): x not in list');
				items.splice(at, 1);
			},
			pyrepr(value),
		);
	}

	index(value: unknown): Promise<number> {
		return this.op(
			'index',
			items => {
				const at = items.findIndex(x => pyrepr(x) === pyrepr(value));
				if (at < 0) throw new ValueError(`${pyrepr(value)} is not in list`);
				return at;
			},
			pyrepr(value),
		);
	}

	/** `len(l)`. */
	len(): Promise<number> {
		return this.op('len', items => items.length);
	}

	/** `l[:]`, `list(l)`. */
	tolist(): Promise<unknown[]> {
		return this.op('tolist', items => items);
	}

	[PY_STR](): string {
		return `[${reviveTuples(this.core.read()).map(pyrepr).join(', ')}]`;
	}

	toHandle(): Handle {
		return {__prim: 'ListProxy', id: this.id, sab: this.core.sab};
	}
}

registerReviver('DictProxy', h => new DictProxy({}, {core: new SharedObjectCore<Entries>(h.sab as SharedArrayBuffer), id: h.id as string}));
registerReviver('ListProxy', h => new ListProxy([], {core: new SharedObjectCore<unknown[]>(h.sab as SharedArrayBuffer), id: h.id as string}));

/** multiprocessing.Manager(): makes shared dicts and lists, and the primitives under their usual names. */
export class Manager {
	dict(initial: Record<string, unknown> | Iterable<[unknown, unknown]> = {}): DictProxy {
		return new DictProxy(initial);
	}

	list(initial: Iterable<unknown> = []): ListProxy {
		return new ListProxy(initial);
	}

	Value(typecode: Typecode, value = 0): Value {
		return new Value(typecode, value);
	}

	Array(typecode: Typecode, sizeOrInitializer: number | readonly number[]): SharedArray {
		return new SharedArray(typecode, sizeOrInitializer);
	}

	Lock(): Lock {
		return new Lock();
	}

	RLock(): RLock {
		return new RLock();
	}

	Semaphore(value = 1): Semaphore {
		return new Semaphore(value);
	}

	BoundedSemaphore(value = 1): BoundedSemaphore {
		return new BoundedSemaphore(value);
	}

	Event(): Event {
		return new Event();
	}

	Condition(lock: Lock | null = null): Condition {
		return new Condition(lock);
	}

	Barrier(parties: number, action: (() => unknown) | null = null, timeout: number | null = null): Barrier {
		return new Barrier(parties, action, timeout);
	}

	Queue(maxsize = 0): Queue {
		return new Queue(maxsize);
	}

	JoinableQueue(maxsize = 0): JoinableQueue {
		return new JoinableQueue(maxsize);
	}

	/** Nothing to stop: there is no server process (see above). */
	async shutdown(): Promise<void> {}

	/** `with Manager() as m:` */
	async with<T>(body: (m: Manager) => Promise<T>): Promise<T> {
		try {
			return await body(this);
		} finally {
			await this.shutdown();
		}
	}
}
