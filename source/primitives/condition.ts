/**
 * The shared state of a Condition: its waiters in arrival order, each a
 * ticket with a futex word of its own (a slot of a ring), so notify(n) wakes
 * exactly the n oldest waiters, as CPython's deque of waiter locks does.
 *
 * Contract: every method but {@link notified} runs while the condition's
 * lock is held, so the ring (HEAD, TAIL, the slots) changes under that lock
 * alone; a waiter reads its own slot without it, while it waits. A waiter
 * takes its ticket before it releases the lock, so a notify that follows the
 * release cannot be missed.
 */
const HEAD = 0; // the oldest ticket not yet looked at by a notify
const TAIL = 1; // the next ticket
const SLOTS = 2;
/** How many waiters may wait at once. */
export const CONDITION_WAITERS = 1024;

const FREE = 0;
const WAITING = 1;
const NOTIFIED = 2;

export class ConditionCore {
	readonly words: Int32Array;

	constructor(readonly sab = new SharedArrayBuffer((SLOTS + CONDITION_WAITERS) * 4)) {
		this.words = new Int32Array(sab);
	}

	/** The word a waiter with this ticket parks on. */
	slotIndex(ticket: number): number {
		return SLOTS + (ticket % CONDITION_WAITERS);
	}

	/** How many wait now (notified ones that have not yet left included). */
	get waiting(): number {
		let n = 0;
		for (let i = 0; i < CONDITION_WAITERS; i++) if (Atomics.load(this.words, SLOTS + i) !== FREE) n++;
		return n;
	}

	/** A waiter arrives (lock held): its ticket; null if CONDITION_WAITERS already wait. */
	enter(): number | null {
		// Waiters that timed out and left are skipped, so they take no room.
		let head = this.words[HEAD]!;
		const tail = this.words[TAIL]!;
		while (head < tail && Atomics.load(this.words, this.slotIndex(head)) === FREE) head++;
		this.words[HEAD] = head;
		if (tail - head >= CONDITION_WAITERS || Atomics.load(this.words, this.slotIndex(tail)) !== FREE) return null;
		Atomics.store(this.words, this.slotIndex(tail), WAITING);
		this.words[TAIL] = tail + 1;
		return tail;
	}

	/** Whether this ticket has been notified (read by the waiter, lock not held). */
	notified(ticket: number): boolean {
		return Atomics.load(this.words, this.slotIndex(ticket)) === NOTIFIED;
	}

	/** The waiter leaves (lock held again): whether it was notified. Its slot is free from now. */
	leave(ticket: number): boolean {
		const index = this.slotIndex(ticket);
		const was = Atomics.exchange(this.words, index, FREE);
		return was === NOTIFIED;
	}

	/** Wakes up to `n` of the oldest waiters (lock held); returns their tickets. */
	notify(n: number): number[] {
		const woken: number[] = [];
		let head = this.words[HEAD]!;
		const tail = this.words[TAIL]!;
		while (woken.length < n && head < tail) {
			const index = this.slotIndex(head);
			if (Atomics.compareExchange(this.words, index, WAITING, NOTIFIED) === WAITING) {
				Atomics.notify(this.words, index);
				woken.push(head);
			}
			head++;
		}
		this.words[HEAD] = head;
		return woken;
	}
}
