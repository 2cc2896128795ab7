/**
 * The `queue` module's queues: Queue, LifoQueue, PriorityQueue and
 * SimpleQueue, for the threads of one process. As in CPython they live in
 * the process's own memory (the threads share it, and only one of them runs
 * at a time), and cannot be sent to another process. Waiting is as for the
 * shared primitives: a gate, then a park on a futex word that every put and
 * get bumps.
 */
import {BLOCKED} from '../engine/runtime.js';
import {WAKE} from '../engine/protocol.js';
import {rt} from './context.js';
import {Empty, Full, PyTypeError, ValueError} from './errors.js';
import {traced} from './queues.js';
import {announce, seconds} from './sync.js';
import {isTuple} from './values.js';

const SEQ_ITEMS = 0;
const SEQ_SPACE = 1;
const SEQ_DONE = 2;

/** Python's `<` for what a PriorityQueue holds: numbers, strings, and tuples or lists of them, element by element. */
export function pyLess(a: unknown, b: unknown): boolean {
	if (Array.isArray(a) && Array.isArray(b)) {
		for (let i = 0; i < Math.min(a.length, b.length); i++) {
			if (pyLess(a[i], b[i])) return true;
			if (pyLess(b[i], a[i])) return false;
		}
		return a.length < b.length;
	}
	const kinds = [typeof a, typeof b];
	if (kinds[0] !== kinds[1] || (kinds[0] !== 'number' && kinds[0] !== 'string' && !(a instanceof Number && b instanceof Number))) {
		throw new PyTypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
	}
	return (a as number) < (b as number);
}

function pyTypeName(v: unknown): string {
	if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
	if (typeof v === 'string') return 'str';
	if (v === null || v === undefined) return 'NoneType';
	if (isTuple(v)) return 'tuple';
	if (Array.isArray(v)) return 'list';
	return typeof v === 'object' ? 'dict' : typeof v;
}

/** queue.Queue(maxsize): FIFO, for threads. LifoQueue and PriorityQueue change only which item leaves first. */
export class ThreadQueue {
	readonly id: string;
	readonly maxsize: number;
	protected readonly items: unknown[] = [];
	private unfinished = 0;
	private readonly words = new Int32Array(new SharedArrayBuffer(3 * 4));

	constructor(maxsize = 0) {
		this.maxsize = maxsize > 0 ? maxsize : 0;
		this.id = announce('q', this.kind(), undefined, {maxsize: this.maxsize, items: []});
	}

	/** The type the trace announces: a FIFO one is drawn as a Queue. */
	protected kind(): string {
		return 'Queue';
	}

	/** Where a new item goes. */
	protected insert(item: unknown): void {
		this.items.push(item);
	}

	/** Which item leaves. */
	protected take(): unknown {
		return this.items.shift();
	}

	async put(item: unknown, block = true, timeout: number | null = null): Promise<void> {
		if (block && timeout !== null && timeout < 0) throw new ValueError("'timeout' must be a non-negative number");
		const r = rt();
		const me = r.current;
		// The item goes in within the attempt: between an attempt and the code after the wait, another thread may run.
		const result = await r.block({op: 'put', obj: this.id, arg: traced(item)}, () => (this.full() ? (block ? BLOCKED : false) : (this.insert(item), this.unfinished++, true)), {
			key: WAKE.side(this.id, 'put'),
			on: `${this.id}.put (full)`,
			timeout: block ? seconds(timeout) : undefined,
			word: this.words,
			index: SEQ_SPACE,
		});
		if (result !== true) throw new Full();
		this.bump(SEQ_ITEMS);
		r.emit({k: 'op', t: me.t, op: 'put', obj: this.id, data: {item: traced(item), size: this.items.length}});
		r.emit({k: 'wake', key: WAKE.side(this.id, 'get'), n: 1});
	}

	async get(block = true, timeout: number | null = null): Promise<unknown> {
		if (block && timeout !== null && timeout < 0) throw new ValueError("'timeout' must be a non-negative number");
		const r = rt();
		const me = r.current;
		const result = await r.block({op: 'get', obj: this.id}, () => (this.items.length > 0 ? {item: this.take()} : block ? BLOCKED : false), {
			key: WAKE.side(this.id, 'get'),
			on: `${this.id}.get (empty)`,
			timeout: block ? seconds(timeout) : undefined,
			word: this.words,
			index: SEQ_ITEMS,
		});
		if (typeof result !== 'object') throw new Empty();
		const {item} = result;
		this.bump(SEQ_SPACE);
		r.emit({k: 'op', t: me.t, op: 'get', obj: this.id, data: {item: traced(item), size: this.items.length}});
		r.emit({k: 'wake', key: WAKE.side(this.id, 'put'), n: 1});
		return item;
	}

	put_nowait(item: unknown): Promise<void> {
		return this.put(item, false);
	}

	get_nowait(): Promise<unknown> {
		return this.get(false);
	}

	async task_done(): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'task_done', obj: this.id});
		if (this.unfinished <= 0) throw new ValueError('task_done() called too many times');
		this.unfinished--;
		r.emit({k: 'op', t: me.t, op: 'task_done', obj: this.id, data: {unfinished: this.unfinished}});
		if (this.unfinished === 0) {
			this.bump(SEQ_DONE);
			r.emit({k: 'wake', key: WAKE.side(this.id, 'join'), n: -1});
		}
	}

	async join(): Promise<void> {
		const r = rt();
		await r.block({op: 'join', obj: this.id}, () => (this.unfinished === 0 ? true : BLOCKED), {
			key: WAKE.side(this.id, 'join'),
			on: WAKE.side(this.id, 'join'),
			word: this.words,
			index: SEQ_DONE,
		});
	}

	qsize(): number {
		return this.items.length;
	}

	empty(): boolean {
		return this.items.length === 0;
	}

	full(): boolean {
		return this.maxsize > 0 && this.items.length >= this.maxsize;
	}

	/** CPython refuses to pickle a queue.Queue (it holds thread locks): it cannot go to another process. */
	toHandle(): never {
		throw new PyTypeError(`cannot pickle '${this.kind()}' object`);
	}

	private bump(index: number): void {
		Atomics.add(this.words, index, 1);
		Atomics.notify(this.words, index);
	}
}

/** queue.LifoQueue: the last item put is the first got. */
export class LifoQueue extends ThreadQueue {
	protected override kind(): string {
		return 'LifoQueue';
	}

	protected override take(): unknown {
		return this.items.pop();
	}
}

/** queue.PriorityQueue: the smallest item (as Python's `<` orders them) is got first. */
export class PriorityQueue extends ThreadQueue {
	protected override kind(): string {
		return 'PriorityQueue';
	}

	protected override insert(item: unknown): void {
		// Kept sorted: after every item not greater than it, so equal items leave in the order they came.
		let lo = 0;
		let hi = this.items.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (pyLess(item, this.items[mid])) hi = mid;
			else lo = mid + 1;
		}
		this.items.splice(lo, 0, item);
	}
}

/** queue.SimpleQueue: an unbounded FIFO with no task tracking. */
export class SimpleThreadQueue extends ThreadQueue {
	constructor() {
		super(0);
	}

}
