/**
 * Queue, JoinableQueue and Pipe. Items are any structured-cloneable value
 * (strings in any language, numbers, arrays for tuples, null for None); they
 * are serialized into the queue's shared ring, so the receiving process gets
 * a copy, as it gets an unpickled copy in CPython.
 */
import {QueueCore, EMPTY, DEFAULT_RING_BYTES, GROWN_RING_BYTES} from '../primitives/queue.js';
import {BLOCKED, TIMED_OUT, type Runtime, type Task} from '../engine/runtime.js';
import {WAKE} from '../engine/protocol.js';
import {rt} from './context.js';
import {BrokenPipeError, EOFError, Empty, Full, OSError, PyError, ValueError} from './errors.js';
import {PipeEnds} from '../primitives/pipe.js';
import {type Handle, registerReviver} from './handles.js';
import {pyrepr} from './repr.js';
import {announce, seconds} from './sync.js';
import {reviveTuples} from './values.js';

/** How long an item's text in the trace may be: one step's report must stay small, whatever the item. */
const TRACE_ITEM_CHARS = 200;

/** An item as the trace (and so the panels) shows it: Python's repr, cut to {@link TRACE_ITEM_CHARS}. */
export function traced(item: unknown): string {
	const text = pyrepr(item);
	return text.length > TRACE_ITEM_CHARS ? `${text.slice(0, TRACE_ITEM_CHARS - 3)}...` : text;
}

/** What a pipe's recv attempt returns when the other end is closed everywhere and nothing is left. */
const EOF: unique symbol = Symbol('eof');

/** The settled result of every free-mode put that got in at once. */
const PUT: Promise<void> = Promise.resolve();

/** multiprocessing.Queue(maxsize): FIFO; put waits while full, get while empty. */
export class Queue {
	readonly core: QueueCore;
	readonly id: string;
	readonly name: string | undefined;

	constructor(maxsize = 0, options: {name?: string} = {}, revived?: {core: QueueCore; id: string}) {
		this.name = options.name;
		this.core = revived?.core ?? QueueCore.create(maxsize, DEFAULT_RING_BYTES, GROWN_RING_BYTES);
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
			if (!r.controlled && r.publish(() => this.core.tryPut(encoded), put => put)) {
				this.putDone(r, me, item);
				return PUT;
			}
			return this.putWaiting(r, me, item, encoded, block, timeout);
		} catch (error) {
			return Promise.reject(error);
		}
	}

	private async putWaiting(r: Runtime, me: Task, item: unknown, encoded: Uint8Array, block: boolean, timeout: number | null): Promise<void> {
		const result = await r.block({op: 'put', obj: this.id, arg: traced(item)}, () => (r.publish(() => this.core.tryPut(encoded), put => put) ? true : block ? BLOCKED : false), {
			key: WAKE.side(this.id, 'put'),
			on: `${this.id}.put (full)`,
			timeout: block ? seconds(timeout) : undefined,
			word: this.core.words,
			index: QueueCore.SEQ_SPACE,
		});
		if (result !== true) {
			r.emit({k: 'op', t: me.t, op: 'put-full', obj: this.id, data: {item: traced(item)}});
			throw new Full();
		}
		this.putDone(r, me, item);
	}

	private putDone(r: Runtime, me: Task, item: unknown): void {
		if (!r.recording) return;
		r.emit({k: 'op', t: me.t, op: 'put', obj: this.id, data: {item: traced(item), size: this.core.qsize()}});
		r.emit({k: 'wake', key: WAKE.side(this.id, 'get'), n: 1});
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
			{key: WAKE.side(this.id, 'get'), on: `${this.id}.get (empty)`, timeout: block ? seconds(timeout) : undefined, word: this.core.words, index: QueueCore.SEQ_ITEMS},
		);
		if (result === EMPTY || result === TIMED_OUT) {
			r.emit({k: 'op', t: me.t, op: 'get-empty', obj: this.id, data: {}});
			throw new Empty();
		}
		const {item} = result as {item: unknown};
		this.gotDone(r, me, item);
		return item;
	}

	/**
	 * A pipe's recv: the oldest item; EOFError if there is none and `eof()`
	 * says none can come. `eof` is read before the ring, so an item put
	 * before the end was closed is never missed.
	 */
	async getUnlessEof(eof: () => boolean): Promise<unknown> {
		const r = rt();
		const me = r.current;
		const result = await r.block(
			{op: 'get', obj: this.id},
			() => {
				const closed = eof();
				const item = this.core.tryGet();
				return item !== EMPTY ? {item} : closed ? EOF : BLOCKED;
			},
			// A process that dies holding the other end notifies no one: free mode looks again now and then.
			{key: WAKE.side(this.id, 'get'), on: `${this.id}.get (empty)`, word: this.core.words, index: QueueCore.SEQ_ITEMS, pollMs: 20},
		);
		if (result === EOF) {
			r.emit({k: 'op', t: me.t, op: 'get-eof', obj: this.id, data: {}});
			throw new EOFError();
		}
		const {item} = result as {item: unknown};
		this.gotDone(r, me, item);
		return item;
	}

	/** `item` arrived: its tuples get their class back (a structured clone keeps only their mark). */
	private gotDone(r: Runtime, me: Task, item: unknown): void {
		reviveTuples(item);
		if (!r.recording) return;
		r.emit({k: 'op', t: me.t, op: 'get', obj: this.id, data: {item: traced(item), size: this.core.qsize()}});
		r.emit({k: 'wake', key: WAKE.side(this.id, 'put'), n: 1});
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
		try {
			r.publish(() => this.core.taskDone());
		} catch (error) {
			throw (error as Error).name === 'ValueError' ? new ValueError((error as Error).message) : error;
		}
		const unfinished = this.core.unfinished();
		r.emit({k: 'op', t: me.t, op: 'task_done', obj: this.id, data: {unfinished}});
		if (unfinished === 0) r.emit({k: 'wake', key: WAKE.side(this.id, 'join'), n: -1});
	}

	async join(): Promise<void> {
		const r = rt();
		const me = r.current;
		await r.block({op: 'join', obj: this.id}, () => (this.core.unfinished() === 0 ? true : BLOCKED), {
			key: WAKE.side(this.id, 'join'),
			on: `${this.id}.join (${this.core.unfinished()} unfinished)`,
			word: this.core.words,
			index: QueueCore.SEQ_DONE,
		});
		r.emit({k: 'op', t: me.t, op: 'join', obj: this.id, data: {unfinished: 0}});
	}
}

/**
 * One end of a Pipe: sends into one ring, receives from the other.
 *
 * Closing, as CPython has it: every process holding an end has its own copy
 * (its own file descriptor). close() closes this process's copy only; a
 * process's copies close when it ends, however it ends. recv() on an end
 * raises EOFError once nothing is left to receive and no live process holds
 * a copy of the other end; send() raises BrokenPipeError once no live
 * process holds the other end; either on a copy closed here raises
 * `OSError: handle is closed`. So, as in the well-known 包子 example, a reader
 * sees EOF only when the writer has closed its end *and* every other process
 * holding that end (the reader itself included) has closed it or ended.
 *
 * Which processes hold a copy: the one that called Pipe() holds both ends;
 * a child holds the ends passed to it (in args, or in a Process subclass's
 * fields) from its start(). That is CPython's `spawn` start method. Under
 * `fork` (Linux's default up to 3.13) a child also inherits copies of ends
 * it was not given and cannot reach, which keep a reader from seeing EOF
 * until that child ends: not modelled, as it hides the point (close what
 * you hold) behind a copy the lesson's code never names.
 */
export class Connection {
	private closedHere = false;

	constructor(
		readonly id: string,
		private readonly outgoing: Queue | null,
		private readonly incoming: Queue | null,
		private readonly ends: PipeEnds,
		/** Which end of the pipe this is (0: the first Pipe() returns, 1: the second). */
		private readonly end: 0 | 1,
	) {
		// This process's copy closes when it ends: the other end's readers must then look again.
		if (outgoing) rt().emit({k: 'onexit', key: WAKE.side(outgoing.id, 'get')});
	}

	/** Whether this process's copy is closed. */
	get closed(): boolean {
		return this.closedHere;
	}

	get readable(): boolean {
		return this.incoming !== null;
	}

	get writable(): boolean {
		return this.outgoing !== null;
	}

	async send(obj: unknown): Promise<void> {
		const out = this.usable(this.outgoing, 'connection is read-only');
		if (!this.ends.open(this.peer(), rt().procs)) throw new BrokenPipeError();
		await out.put(obj);
	}

	/** The next object sent from the other end; EOFError once it is closed everywhere and nothing is left. */
	async recv(): Promise<unknown> {
		const from = this.usable(this.incoming, 'connection is write-only');
		const procs = rt().procs;
		return from.getUnlessEof(() => !this.ends.open(this.peer(), procs));
	}

	/**
	 * Whether recv() would return at once (something to receive, or EOF),
	 * waiting up to `timeout` seconds for it to (None: for ever). poll() with
	 * no timeout only looks, and is no step, as CPython's is no system call
	 * that blocks.
	 */
	async poll(timeout: number | null = 0): Promise<boolean> {
		const from = this.usable(this.incoming, 'connection is write-only');
		const procs = rt().procs;
		const ready = () => !from.empty() || !this.ends.open(this.peer(), procs);
		if ((timeout !== null && timeout <= 0) || ready()) return ready();
		const r = rt();
		const result = await r.block({op: 'poll', obj: from.id}, () => (ready() ? true : BLOCKED), {
			key: WAKE.side(from.id, 'get'),
			on: `${from.id}.poll (empty)`,
			timeout: seconds(timeout),
			word: from.core.words,
			index: QueueCore.SEQ_ITEMS,
			pollMs: 20,
		});
		// It was woken as a reader is and takes nothing: the wake-up goes on to a reader that would.
		if (result === true) r.emit({k: 'wake', key: WAKE.side(from.id, 'get'), n: 1});
		return result === true;
	}

	/** Closes this process's copy of the end (again: nothing happens). */
	async close(): Promise<void> {
		if (this.closedHere) return;
		const r = rt();
		const me = await r.step({op: 'close', obj: this.id});
		this.closedHere = true;
		this.ends.drop(this.end, r.slotOf(r.pid));
		r.emit({k: 'op', t: me.t, op: 'close', obj: this.id, data: {end: this.end}});
		if (this.outgoing) {
			// Readers of the other end look again: it may be EOF now.
			r.emit({k: 'wake', key: WAKE.side(this.outgoing.id, 'get'), n: -1});
			this.outgoing.core.nudge();
		}
	}

	private peer(): 0 | 1 {
		return this.end === 0 ? 1 : 0;
	}

	private usable(queue: Queue | null, wrongWay: string): Queue {
		if (this.closedHere) throw new OSError('handle is closed');
		if (!queue) throw new OSError(wrongWay);
		return queue;
	}

	/** Sent to a child at its start(): the child holds a copy from now on (pickling a closed one fails, as in CPython). */
	toHandle(to?: number): Handle {
		if (this.closedHere) throw new OSError('handle is closed');
		if (to !== undefined) this.ends.hold(this.end, to);
		return {__prim: 'Connection', id: this.id, out: this.outgoing?.toHandle() ?? null, in: this.incoming?.toHandle() ?? null, ends: this.ends.sab, end: this.end};
	}
}

/**
 * multiprocessing.Pipe(duplex=True): two connected ends, each sending and
 * receiving. Pipe(false) gives (reader, writer): the first only receives,
 * the second only sends, as CPython's.
 */
export function Pipe(duplex = true): [Connection, Connection] {
	const r = rt();
	const a = new Queue(0, {name: 'pipe'});
	const b = duplex ? new Queue(0, {name: 'pipe'}) : null;
	const ends = PipeEnds.create();
	const slot = r.slotOf(r.pid);
	ends.hold(0, slot);
	ends.hold(1, slot);
	const pair: [Connection, Connection] = b
		? [new Connection(`${b.id}|${a.id}`, b, a, ends, 0), new Connection(`${a.id}|${b.id}`, a, b, ends, 1)]
		: [new Connection(`r:${a.id}`, null, a, ends, 0), new Connection(`w:${a.id}`, a, null, ends, 1)];
	// The pipe itself, for the screen: its two ends (the ids their close names) and, per end, the ring it receives from (the other end sends into it).
	announce('pipe', 'Pipe', undefined, {duplex, ends: pair.map(c => c.id), rings: [a.id, b?.id ?? null]});
	return pair;
}

/** multiprocessing.SimpleQueue: a Queue with no size limit (put, get, empty, close). */
export class SimpleQueue extends Queue {
	constructor(options: {name?: string} = {}, revived?: {core: QueueCore; id: string}) {
		super(0, options, revived);
	}

	/** Closes this process's use of the queue (nothing to flush here: puts are in the ring at once). */
	async close(): Promise<void> {}
}

function reviveQueue(h: Handle): Queue {
	if (h.__prim === 'SimpleQueue') return new SimpleQueue({name: h.name as string | undefined}, {core: new QueueCore(h.sab as SharedArrayBuffer), id: h.id as string});
	const Kind = h.__prim === 'JoinableQueue' ? JoinableQueue : Queue;
	return new Kind(0, {name: h.name as string | undefined}, {core: new QueueCore(h.sab as SharedArrayBuffer), id: h.id as string});
}

registerReviver('Queue', reviveQueue);
registerReviver('JoinableQueue', reviveQueue);
registerReviver('SimpleQueue', reviveQueue);
registerReviver(
	'Connection',
	h => new Connection(h.id as string, h.out ? reviveQueue(h.out as Handle) : null, h.in ? reviveQueue(h.in as Handle) : null, new PipeEnds(h.ends as SharedArrayBuffer), h.end as 0 | 1),
);

export {PyError, EOFError, OSError, BrokenPipeError};
