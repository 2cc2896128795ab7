/**
 * Queue, JoinableQueue and Pipe. Items are any structured-cloneable value
 * (strings in any language, numbers, arrays for tuples, null for None); they
 * are serialized into the queue's shared ring, so the receiving process gets
 * a copy, as it gets an unpickled copy in CPython.
 */
import {QueueCore, EMPTY} from '../primitives/queue.js';
import {BLOCKED, TIMED_OUT, type Runtime, type Task} from '../engine/runtime.js';
import {rt} from './context.js';
import {Empty, Full, PyError} from './errors.js';
import {type Handle, registerReviver} from './handles.js';
import {announce, seconds} from './sync.js';

/** How an item is shown in the trace: short, and never a control sequence. */
export function show(item: unknown): string {
	if (item === null || item === undefined) return 'None';
	if (typeof item === 'string') return `'${item}'`;
	if (typeof item === 'boolean') return item ? 'True' : 'False';
	try {
		return JSON.stringify(item) ?? String(item);
	} catch {
		return String(item);
	}
}

/** The settled result of every free-mode put that got in at once. */
const PUT: Promise<void> = Promise.resolve();

/** multiprocessing.Queue(maxsize): FIFO; put waits while full, get while empty. */
export class Queue {
	readonly core: QueueCore;
	readonly id: string;
	readonly name: string | undefined;

	constructor(maxsize = 0, options: {name?: string} = {}, revived?: {core: QueueCore; id: string}) {
		this.name = options.name;
		this.core = revived?.core ?? QueueCore.create(maxsize);
		this.id = revived?.id ?? announce('q', this.constructor.name, this.name, {maxsize: this.core.maxsize, items: []});
	}

	/** Puts an item; raises queue.Full if it cannot (no wait, or the timeout passed). */
	put(item: unknown, block = true, timeout: number | null = null): Promise<void> {
		try {
			const r = rt();
			const me = r.current;
			const encoded = this.core.encode(item);
			// Free mode, room in the ring: in at the first try (the attempt the wait
			// loop would make first), without building a promise chain.
			if (!r.controlled && this.core.tryPut(encoded)) {
				this.putDone(r, me, item);
				return PUT;
			}
			return this.putWaiting(r, me, item, encoded, block, timeout);
		} catch (error) {
			return Promise.reject(error);
		}
	}

	private async putWaiting(r: Runtime, me: Task, item: unknown, encoded: Uint8Array, block: boolean, timeout: number | null): Promise<void> {
		const result = await r.block({op: 'put', obj: this.id, arg: show(item)}, () => (this.core.tryPut(encoded) ? true : block ? BLOCKED : false), {
			key: `${this.id}.put`,
			on: `${this.id}.put (full)`,
			timeout: block ? seconds(timeout) : undefined,
			word: this.core.words,
			index: QueueCore.SEQ_SPACE,
		});
		if (result !== true) {
			r.emit({k: 'op', t: me.t, op: 'put-full', obj: this.id, data: {item: show(item)}});
			throw new Full();
		}
		this.putDone(r, me, item);
	}

	private putDone(r: Runtime, me: Task, item: unknown): void {
		if (!r.recording) return;
		r.emit({k: 'op', t: me.t, op: 'put', obj: this.id, data: {item: show(item), size: this.core.qsize()}});
		r.emit({k: 'wake', key: `${this.id}.get`, n: 1});
	}

	/** Takes the oldest item; raises queue.Empty if there is none (no wait, or the timeout passed). */
	get(block = true, timeout: number | null = null): Promise<unknown> {
		try {
			const r = rt();
			const me = r.current;
			if (!r.controlled) {
				// Free mode, an item there: out at the first try, as in put().
				const item = this.core.tryGet();
				if (item !== EMPTY) {
					this.gotDone(r, me, item);
					return Promise.resolve(item);
				}
			}
			return this.getWaiting(r, me, block, timeout);
		} catch (error) {
			return Promise.reject(error);
		}
	}

	private async getWaiting(r: Runtime, me: Task, block: boolean, timeout: number | null): Promise<unknown> {
		const result = await r.block(
			{op: 'get', obj: this.id},
			() => {
				const item = this.core.tryGet();
				return item !== EMPTY ? {item} : block ? BLOCKED : EMPTY;
			},
			{key: `${this.id}.get`, on: `${this.id}.get (empty)`, timeout: block ? seconds(timeout) : undefined, word: this.core.words, index: QueueCore.SEQ_ITEMS},
		);
		if (result === EMPTY || result === TIMED_OUT) {
			r.emit({k: 'op', t: me.t, op: 'get-empty', obj: this.id, data: {}});
			throw new Empty();
		}
		const {item} = result as {item: unknown};
		this.gotDone(r, me, item);
		return item;
	}

	private gotDone(r: Runtime, me: Task, item: unknown): void {
		if (!r.recording) return;
		r.emit({k: 'op', t: me.t, op: 'get', obj: this.id, data: {item: show(item), size: this.core.qsize()}});
		r.emit({k: 'wake', key: `${this.id}.put`, n: 1});
	}

	put_nowait(item: unknown): Promise<void> {
		return this.put(item, false);
	}

	get_nowait(): Promise<unknown> {
		return this.get(false);
	}

	qsize(): number {
		return this.core.qsize();
	}

	empty(): boolean {
		return this.core.empty();
	}

	full(): boolean {
		return this.core.full();
	}

	toHandle(): Handle {
		return {__prim: this.constructor.name, id: this.id, name: this.name, sab: this.core.sab};
	}
}

/** multiprocessing.JoinableQueue: `task_done` per item got, `join` until every item is done. */
export class JoinableQueue extends Queue {
	async task_done(): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'task_done', obj: this.id});
		this.core.taskDone();
		const unfinished = this.core.unfinished();
		r.emit({k: 'op', t: me.t, op: 'task_done', obj: this.id, data: {unfinished}});
		if (unfinished === 0) r.emit({k: 'wake', key: `${this.id}.join`, n: -1});
	}

	async join(): Promise<void> {
		const r = rt();
		const me = r.current;
		await r.block({op: 'join', obj: this.id}, () => (this.core.unfinished() === 0 ? true : BLOCKED), {
			key: `${this.id}.join`,
			on: `${this.id}.join (${this.core.unfinished()} unfinished)`,
			word: this.core.words,
			index: QueueCore.SEQ_DONE,
		});
		r.emit({k: 'op', t: me.t, op: 'join', obj: this.id, data: {unfinished: 0}});
	}
}

/** One end of a Pipe: sends into one ring, receives from the other. */
export class Connection {
	constructor(
		readonly id: string,
		private readonly outgoing: Queue,
		private readonly incoming: Queue,
	) {}

	async send(obj: unknown): Promise<void> {
		await this.outgoing.put(obj);
	}

	async recv(): Promise<unknown> {
		return this.incoming.get();
	}

	/** Whether there is something to receive (waits up to `timeout` seconds, without taking it). */
	poll(): boolean {
		return !this.incoming.empty();
	}

	toHandle(): Handle {
		return {__prim: 'Connection', id: this.id, out: this.outgoing.toHandle(), in: this.incoming.toHandle()};
	}
}

/** multiprocessing.Pipe(duplex=True): two connected ends. */
export function Pipe(duplex = true): [Connection, Connection] {
	const a = new Queue(0, {name: 'pipe'});
	const b = duplex ? new Queue(0, {name: 'pipe'}) : a;
	return [new Connection(`${b.id}|${a.id}`, b, a), new Connection(`${a.id}|${b.id}`, a, b)];
}

function reviveQueue(h: Handle): Queue {
	const Kind = h.__prim === 'JoinableQueue' ? JoinableQueue : Queue;
	return new Kind(0, {name: h.name as string | undefined}, {core: new QueueCore(h.sab as SharedArrayBuffer), id: h.id as string});
}

registerReviver('Queue', reviveQueue);
registerReviver('JoinableQueue', reviveQueue);
registerReviver('Connection', h => new Connection(h.id as string, reviveQueue(h.out as Handle), reviveQueue(h.in as Handle)));

export {PyError};
