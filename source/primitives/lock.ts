/**
 * The shared state of a Lock or RLock: one mutex word, the holder's task id
 * and, for an RLock, how many times the holder has taken it.
 *
 * Contract: `tryAcquire` and `release` are correct under real contention
 * from any number of workers; a lock never has two holders. `owner` is the
 * holder's global task id (0 when free), kept for RLock's re-entry only;
 * it is written only by the holder.
 */
import {lockAsync, lockBlocking, spinLock, tryLock, unlock} from './futex.js';

const STATE = 0;
const OWNER = 1;
const COUNT = 2;
const WORDS = 3;

export class LockCore {
	readonly words: Int32Array;

	constructor(readonly sab: SharedArrayBuffer = new SharedArrayBuffer(WORDS * 4), readonly reentrant = false) {
		this.words = new Int32Array(sab);
	}

	/** An RLock's holder's task id, 0 when free (a plain lock keeps none: always 0). */
	get owner(): number {
		return Atomics.load(this.words, OWNER);
	}

	/** How many times the holder holds it (0 or 1 for a plain lock). */
	get depth(): number {
		// A plain lock keeps no count: its depth is whether it is held.
		if (!this.reentrant) return Atomics.load(this.words, STATE) !== 0 ? 1 : 0;
		return Atomics.load(this.words, COUNT);
	}

	get locked(): boolean {
		return Atomics.load(this.words, STATE) !== 0;
	}

	/** One attempt, no waiting. */
	tryAcquire(me: number): boolean {
		if (this.reentrant && Atomics.load(this.words, OWNER) === me) {
			Atomics.add(this.words, COUNT, 1);
			return true;
		}
		if (!tryLock(this.words, STATE)) return false;
		this.took(me);
		return true;
	}

	/**
	 * A bounded spin for a lock another worker holds, with no promise: most
	 * free-mode hand-offs between processes land within it, so the caller
	 * parks (an async chain and a futex wait) only when spinning fails.
	 */
	spinAcquire(me: number): boolean {
		if (!spinLock(this.words, STATE)) return false;
		this.took(me);
		return true;
	}

	/**
	 * Waits for real (free mode), once spinAcquire has failed: park, without
	 * blocking the worker unless `alone` (the waiter is its worker's only
	 * task, see lockBlocking).
	 */
	async acquireFree(me: number, timeoutMs = Infinity, onPark?: () => void, alone = false): Promise<boolean> {
		if (this.reentrant && Atomics.load(this.words, OWNER) === me) {
			Atomics.add(this.words, COUNT, 1);
			return true;
		}
		if (!(alone ? lockBlocking(this.words, STATE, timeoutMs, onPark) : await lockAsync(this.words, STATE, timeoutMs, onPark))) return false;
		this.took(me);
		return true;
	}

	/**
	 * Releases one level. Returns true when the lock became free. Throws the
	 * error CPython raises for a lock that is not held (by `me`, for an RLock).
	 */
	release(me: number): boolean {
		if (this.reentrant) {
			if (Atomics.load(this.words, OWNER) !== me) throw new LockError('RuntimeError', 'cannot release un-acquired lock');
			if (Atomics.sub(this.words, COUNT, 1) > 1) return false;
		} else if (Atomics.load(this.words, STATE) === 0) {
			throw new LockError('ValueError', 'semaphore or lock released too many times');
		}
		if (this.reentrant) {
			Atomics.store(this.words, OWNER, 0);
			Atomics.store(this.words, COUNT, 0);
		}
		unlock(this.words, STATE);
		return true;
	}

	private took(me: number): void {
		// Only an RLock needs its holder (re-entry, and release by the holder alone) and a count; a
		// plain lock's hot path touches the shared words as little as it can: the trace says who holds it.
		if (!this.reentrant) return;
		Atomics.store(this.words, OWNER, me);
		Atomics.store(this.words, COUNT, 1);
	}
}

/** An error with CPython's exception type name, so tracebacks read as Python's. */
export class LockError extends Error {
	constructor(readonly pyType: string, message: string) {
		super(message);
		this.name = pyType;
	}
}
