/**
 * The shared state of a Semaphore: its counter and a sequence word that
 * changes on every release (an eventcount), so a waiter that read the
 * sequence before failing cannot miss the release that follows.
 *
 * Contract: the counter never goes below zero, so no more than the initial
 * count of holders are ever inside at once; a bounded semaphore refuses a
 * release that would raise it above its initial value.
 */
import {LockError} from './lock.js';

const VALUE = 0;
const SEQ = 1;
const INITIAL = 2;
const BOUNDED = 3;
const WORDS = 4;

export class SemaphoreCore {
	readonly words: Int32Array;

	constructor(readonly sab: SharedArrayBuffer) {
		this.words = new Int32Array(sab);
	}

	static create(initial: number, bounded = false): SemaphoreCore {
		const core = new SemaphoreCore(new SharedArrayBuffer(WORDS * 4));
		core.words[VALUE] = initial;
		core.words[INITIAL] = initial;
		core.words[BOUNDED] = bounded ? 1 : 0;
		return core;
	}

	get value(): number {
		return Atomics.load(this.words, VALUE);
	}

	get initial(): number {
		return Atomics.load(this.words, INITIAL);
	}

	get bounded(): boolean {
		return Atomics.load(this.words, BOUNDED) === 1;
	}

	/** The word a free-mode waiter parks on, and its index. */
	get seqIndex(): number {
		return SEQ;
	}

	tryAcquire(): boolean {
		for (;;) {
			const v = Atomics.load(this.words, VALUE);
			if (v <= 0) return false;
			if (Atomics.compareExchange(this.words, VALUE, v, v - 1) === v) return true;
		}
	}

	release(n = 1): void {
		if (this.bounded) {
			for (;;) {
				const v = Atomics.load(this.words, VALUE);
				if (v + n > this.initial) throw new LockError('ValueError', 'Semaphore released too many times');
				if (Atomics.compareExchange(this.words, VALUE, v, v + n) === v) break;
			}
		} else {
			Atomics.add(this.words, VALUE, n);
		}
		Atomics.add(this.words, SEQ, 1);
		Atomics.notify(this.words, SEQ, n);
	}
}
