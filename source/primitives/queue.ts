/**
 * The shared state of a Queue: a byte ring of serialized items guarded by a
 * short internal mutex, with item and byte counts and two eventcounts
 * (`SEQ_ITEMS` changes when an item arrives, `SEQ_SPACE` when one leaves).
 *
 * Contract: under real contention no item is lost or duplicated and items
 * leave in the order they entered the ring (so FIFO per producer); the ring
 * never holds more than `maxsize` items (0 means no limit but the ring's
 * bytes). The internal mutex is held only by synchronous code. As with
 * CPython's queues, a process terminated in the middle of a put or get may
 * leave the queue unusable.
 */
import {serialize, deserialize} from 'node:v8';
import {lockSync, unlock} from './futex.js';

const MUTEX = 0;
const COUNT = 1;
const HEAD = 2; // byte offset of the oldest item
const TAIL = 3; // byte offset where the next item goes
const USED = 4; // bytes in use, headers included
const SEQ_ITEMS = 5;
const SEQ_SPACE = 6;
const MAXSIZE = 7;
const UNFINISHED = 8; // JoinableQueue: items put and not yet marked done
const SEQ_DONE = 9;
const CAPACITY = 10; // the ring's bytes now: it grows, under the mutex, up to GROW_TO
const GROW_TO = 11;
const WORDS = 12;
const HEADER_BYTES = WORDS * 4;
const LENGTH_BYTES = 4;

/** Default ring size: room for many thousands of small messages. */
export const DEFAULT_RING_BYTES = 1 << 20;

/**
 * How far a lesson's queue may grow: CPython's queues buffer without limit
 * (a feeder thread holds what the pipe cannot), so a put with no reader must
 * not block for want of bytes. The buffer is reserved, not committed, until
 * it grows (a growable SharedArrayBuffer: every process sees the growth).
 */
export const GROWN_RING_BYTES = 256 << 20;

export class QueueCore {
	readonly words: Int32Array;
	/** Length-tracking views: they cover the ring as it grows, in every process. */
	private readonly bytes: Uint8Array;
	private readonly view: DataView;

	constructor(readonly sab: SharedArrayBuffer) {
		this.words = new Int32Array(sab, 0, WORDS);
		this.bytes = new Uint8Array(sab, HEADER_BYTES);
		this.view = new DataView(sab, HEADER_BYTES);
	}

	/** A ring of `ringBytes` that grows, when an item does not fit, up to `growTo` (no growth by default). */
	static create(maxsize = 0, ringBytes = DEFAULT_RING_BYTES, growTo = ringBytes): QueueCore {
		const grows = growTo > ringBytes;
		const sab = grows ? new SharedArrayBuffer(HEADER_BYTES + ringBytes, {maxByteLength: HEADER_BYTES + growTo}) : new SharedArrayBuffer(HEADER_BYTES + ringBytes);
		const core = new QueueCore(sab);
		core.words[MAXSIZE] = maxsize > 0 ? maxsize : 0;
		core.words[CAPACITY] = ringBytes;
		core.words[GROW_TO] = Math.max(ringBytes, growTo);
		return core;
	}

	/** The ring's bytes now (read under the mutex: it changes only there). */
	private get capacity(): number {
		return this.words[CAPACITY]!;
	}

	static readonly SEQ_ITEMS = SEQ_ITEMS;
	static readonly SEQ_SPACE = SEQ_SPACE;
	static readonly SEQ_DONE = SEQ_DONE;

	get maxsize(): number {
		return Atomics.load(this.words, MAXSIZE);
	}

	qsize(): number {
		return Atomics.load(this.words, COUNT);
	}

	empty(): boolean {
		return this.qsize() === 0;
	}

	full(): boolean {
		const max = this.maxsize;
		return max > 0 && this.qsize() >= max;
	}

	/** Wakes every waiter for an item without adding one (a pipe's other end was closed: they look again). */
	nudge(): void {
		Atomics.add(this.words, SEQ_ITEMS, 1);
		Atomics.notify(this.words, SEQ_ITEMS);
	}

	unfinished(): number {
		return Atomics.load(this.words, UNFINISHED);
	}

	/** Serializes once, outside the mutex. */
	encode(item: unknown): Uint8Array {
		return serialize(item);
	}

	/** One attempt to put an encoded item; false if the queue is full. */
	tryPut(encoded: Uint8Array): boolean {
		const need = LENGTH_BYTES + encoded.length;
		const most = Atomics.load(this.words, GROW_TO);
		if (need > most) throw new RangeError(`item of ${encoded.length} bytes does not fit a queue of ${most} bytes`);
		lockSync(this.words, MUTEX);
		const max = this.words[MAXSIZE]!;
		if (max > 0 && this.words[COUNT]! >= max) {
			unlock(this.words, MUTEX);
			return false;
		}
		if (this.words[USED]! + need > this.capacity && !this.grow(this.words[USED]! + need)) {
			unlock(this.words, MUTEX);
			return false;
		}
		let tail = this.words[TAIL]!;
		this.writeLength(tail, encoded.length);
		this.writeRaw((tail + LENGTH_BYTES) % this.capacity, encoded);
		tail = (tail + need) % this.capacity;
		this.words[TAIL] = tail;
		this.words[USED] = this.words[USED]! + need;
		this.words[COUNT] = this.words[COUNT]! + 1;
		// Atomic: task_done decrements it without the mutex, so a plain read-then-write here would undo a task_done.
		Atomics.add(this.words, UNFINISHED, 1);
		unlock(this.words, MUTEX);
		Atomics.add(this.words, SEQ_ITEMS, 1);
		Atomics.notify(this.words, SEQ_ITEMS, 1);
		return true;
	}

	/** One attempt to take the oldest item; `EMPTY` if there is none. */
	tryGet(): unknown {
		lockSync(this.words, MUTEX);
		if (this.words[COUNT]! === 0) {
			unlock(this.words, MUTEX);
			return EMPTY;
		}
		const head = this.words[HEAD]!;
		const length = this.readLength(head);
		const encoded = this.readRaw((head + LENGTH_BYTES) % this.capacity, length);
		const need = LENGTH_BYTES + length;
		this.words[HEAD] = (head + need) % this.capacity;
		this.words[USED] = this.words[USED]! - need;
		this.words[COUNT] = this.words[COUNT]! - 1;
		unlock(this.words, MUTEX);
		Atomics.add(this.words, SEQ_SPACE, 1);
		Atomics.notify(this.words, SEQ_SPACE, 1);
		return deserialize(encoded);
	}

	/** JoinableQueue.task_done; throws as CPython does when called too often. */
	taskDone(): void {
		for (;;) {
			const v = Atomics.load(this.words, UNFINISHED);
			if (v <= 0) throw Object.assign(new Error('task_done() called too many times'), {name: 'ValueError'});
			if (Atomics.compareExchange(this.words, UNFINISHED, v, v - 1) === v) {
				if (v === 1) {
					Atomics.add(this.words, SEQ_DONE, 1);
					Atomics.notify(this.words, SEQ_DONE);
				}
				return;
			}
		}
	}

	/**
	 * Under the mutex: makes the ring hold at least `bytes` (doubling, up to
	 * GROW_TO), keeping its items in place. Items that wrapped round the old
	 * end move to just past it, so the bytes in use stay one run from HEAD.
	 * False if it cannot grow that far.
	 */
	private grow(bytes: number): boolean {
		const old = this.capacity;
		const most = this.words[GROW_TO]!;
		if (bytes > most) return false;
		let capacity = old;
		while (capacity < bytes) capacity = Math.min(most, capacity * 2);
		this.sab.grow(HEADER_BYTES + capacity);
		const head = this.words[HEAD]!;
		const used = this.words[USED]!;
		if (used === 0) {
			this.words[HEAD] = 0;
			this.words[TAIL] = 0;
		} else if (head + used <= old) {
			this.words[TAIL] = head + used;
		} else {
			// The wrapped part is [0, TAIL): at most `old` bytes, and the ring at least doubled.
			const wrapped = head + used - old;
			this.bytes.copyWithin(old, 0, wrapped);
			this.words[TAIL] = old + wrapped;
		}
		this.words[CAPACITY] = capacity;
		return true;
	}

	/** The items in order, decoded, for display and tests (takes the mutex briefly). */
	snapshot(): unknown[] {
		lockSync(this.words, MUTEX);
		const items: unknown[] = [];
		let at = this.words[HEAD]!;
		for (let i = 0; i < this.words[COUNT]!; i++) {
			const length = this.readLength(at);
			items.push(deserialize(this.readRaw((at + LENGTH_BYTES) % this.capacity, length)));
			at = (at + LENGTH_BYTES + length) % this.capacity;
		}
		unlock(this.words, MUTEX);
		return items;
	}

	private writeRaw(at: number, data: Uint8Array): void {
		const first = Math.min(data.length, this.capacity - at);
		this.bytes.set(data.subarray(0, first), at);
		if (first < data.length) this.bytes.set(data.subarray(first), 0);
	}

	private readRaw(at: number, length: number): Uint8Array {
		const out = new Uint8Array(length);
		const first = Math.min(length, this.capacity - at);
		out.set(this.bytes.subarray(at, at + first));
		if (first < length) out.set(this.bytes.subarray(0, length - first), first);
		return out;
	}

	/** The item's length, little-endian, split at the end of the ring as writeRaw would split it (no allocation: this is every put). */
	private writeLength(at: number, n: number): void {
		if (at + LENGTH_BYTES <= this.capacity) this.view.setUint32(at, n, true);
		else for (let i = 0; i < LENGTH_BYTES; i++) this.bytes[(at + i) % this.capacity] = (n >>> (8 * i)) & 0xff;
	}

	private readLength(at: number): number {
		if (at + LENGTH_BYTES <= this.capacity) return this.view.getUint32(at, true);
		return new DataView(this.readRaw(at, LENGTH_BYTES).buffer).getUint32(0, true);
	}
}

/** Returned by {@link QueueCore.tryGet} when there is nothing to take. */
export const EMPTY: unique symbol = Symbol('empty');
