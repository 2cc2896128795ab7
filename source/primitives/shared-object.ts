/**
 * The shared state of a Manager's dict or list: the whole structure,
 * serialized, in a growable shared buffer guarded by a short internal mutex.
 * Each operation takes the mutex, decodes, reads or changes, encodes back,
 * and lets go: one operation is atomic, a sequence of them is not (as with
 * a Manager's proxies, where each call is one request to the server).
 *
 * Contract: under real contention no update is lost within one operation;
 * the mutex is held only by synchronous code.
 */
import {deserialize, serialize} from 'node:v8';
import {lockSync, unlock} from './futex.js';

const MUTEX = 0;
const LENGTH = 1;
const WORDS = 2;
const HEADER_BYTES = WORDS * 4;
const START_BYTES = 4096;
/** As far as one structure may grow (reserved, committed as it grows). */
const MOST_BYTES = 64 << 20;

export class SharedObjectCore<T> {
	readonly words: Int32Array;
	private readonly bytes: Uint8Array;

	constructor(readonly sab: SharedArrayBuffer) {
		this.words = new Int32Array(sab, 0, WORDS);
		this.bytes = new Uint8Array(sab, HEADER_BYTES);
	}

	static create<T>(initial: T): SharedObjectCore<T> {
		const core = new SharedObjectCore<T>(new SharedArrayBuffer(HEADER_BYTES + START_BYTES, {maxByteLength: HEADER_BYTES + MOST_BYTES}));
		core.write(initial);
		return core;
	}

	/** The structure as it is now (a copy). */
	read(): T {
		lockSync(this.words, MUTEX);
		try {
			return this.decode();
		} finally {
			unlock(this.words, MUTEX);
		}
	}

	/** Changes the structure in one atomic step: `change` gets a copy, mutates it, returns an answer. */
	update<R>(change: (value: T) => R): R {
		lockSync(this.words, MUTEX);
		try {
			const value = this.decode();
			const answer = change(value);
			this.write(value);
			return answer;
		} finally {
			unlock(this.words, MUTEX);
		}
	}

	private decode(): T {
		return deserialize(this.bytes.slice(0, this.words[LENGTH]!)) as T;
	}

	/** Under the mutex (or before anyone else can see the buffer). */
	private write(value: T): void {
		const encoded = serialize(value);
		if (encoded.length > MOST_BYTES) throw new RangeError(`a shared structure of ${encoded.length} bytes is larger than ${MOST_BYTES}`);
		let capacity = this.sab.byteLength - HEADER_BYTES;
		if (encoded.length > capacity) {
			while (capacity < encoded.length) capacity *= 2;
			this.sab.grow(HEADER_BYTES + Math.min(capacity, MOST_BYTES));
		}
		this.bytes.set(encoded);
		this.words[LENGTH] = encoded.length;
	}
}
