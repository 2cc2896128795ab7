/**
 * Futex-style helpers over an Int32Array in a SharedArrayBuffer.
 *
 * Contract: every helper is correct with no scheduler at all. A mutex word
 * is 0 (free), 1 (held, nobody waiting) or 2 (held, someone may be waiting),
 * as in Drepper's "Futexes are tricky" (mutex3): a taker that fails to spin
 * its way in swaps in 2 and waits while the word was not 0, and an unlock
 * that sees 2 wakes one waiter, so a wake-up cannot be lost between a failed
 * attempt and the wait. Spinning first keeps uncontended hand-offs off the
 * kernel; all takers spin the same way (spinLock).
 */

/** How many times to retry before parking; measured: a hop costs ~3 µs parked, ~0.1 µs spinning. */
export const SPIN_LIMIT = 200;

/** Takes a short internal mutex synchronously (critical sections never await). */
export function lockSync(word: Int32Array, index: number): void {
	if (tryLock(word, index) || spinLock(word, index)) return;
	let c = Atomics.exchange(word, index, 2);
	while (c !== 0) {
		Atomics.wait(word, index, 2);
		c = Atomics.exchange(word, index, 2);
	}
}

/** Releases a mutex word taken by {@link lockSync} or {@link lockAsync}. */
export function unlock(word: Int32Array, index: number): void {
	if (Atomics.sub(word, index, 1) !== 1) {
		Atomics.store(word, index, 0);
		Atomics.notify(word, index, 1);
	}
}

/** One attempt at a mutex word: true if taken. */
export function tryLock(word: Int32Array, index: number): boolean {
	return Atomics.compareExchange(word, index, 0, 1) === 0;
}

/** Up to SPIN_LIMIT more attempts, each only when the word looks free: true if taken. Never waits. */
export function spinLock(word: Int32Array, index: number): boolean {
	for (let i = 0; i < SPIN_LIMIT; i++) {
		if (Atomics.load(word, index) === 0 && tryLock(word, index)) return true;
	}
	return false;
}

/**
 * A taker's way in once its spin (spinLock, the caller's) has failed: one
 * more try, then the swap to 2 that marks a waiter (told once to `onPark`),
 * then a wait while the word was not 0. Yields each time the caller must wait
 * on the word (value 2) for at most the yielded ms (Infinity: no timeout);
 * returns whether it took the word before `timeoutMs` passed.
 */
function* take(word: Int32Array, index: number, timeoutMs: number, onPark?: () => void): Generator<number, boolean, void> {
	if (tryLock(word, index)) return true;
	const deadline = timeoutMs === Infinity ? Infinity : performance.now() + timeoutMs;
	let c = Atomics.exchange(word, index, 2);
	if (c !== 0) onPark?.();
	while (c !== 0) {
		const left = deadline - performance.now();
		if (left <= 0) return false;
		yield left;
		c = Atomics.exchange(word, index, 2);
	}
	return true;
}

/**
 * Takes a mutex word, after the caller's spin, without blocking the worker's
 * event loop, so other threads of the same process keep running while this
 * one waits. Resolves false if `timeoutMs` passes first.
 */
export async function lockAsync(word: Int32Array, index: number, timeoutMs = Infinity, onPark?: () => void): Promise<boolean> {
	const steps = take(word, index, timeoutMs, onPark);
	for (let step = steps.next(); ; step = steps.next()) {
		if (step.done) return step.value;
		const w = Atomics.waitAsync(word, index, 2, step.value === Infinity ? undefined : step.value);
		if (w.async) await w.value;
	}
}

/**
 * As {@link lockAsync}, but parks the whole worker in Atomics.wait: for a
 * worker whose only task is the one taking the lock, where nothing else needs
 * its event loop. The unlocker's notify then wakes this thread directly,
 * instead of through a hop of the event loop. Returns false on timeout.
 */
export function lockBlocking(word: Int32Array, index: number, timeoutMs = Infinity, onPark?: () => void): boolean {
	const steps = take(word, index, timeoutMs, onPark);
	for (let step = steps.next(); ; step = steps.next()) {
		if (step.done) return step.value;
		if (!guard) {
			Atomics.wait(word, index, 2, step.value === Infinity ? undefined : step.value);
			continue;
		}
		// A thread blocked here hears nothing else: it looks up now and then, and gives up when told to.
		const until = performance.now() + step.value;
		for (;;) {
			const left = until - performance.now();
			if (Atomics.wait(word, index, 2, Math.max(0, Math.min(GUARD_SLICE_MS, left))) !== 'timed-out' || left <= GUARD_SLICE_MS) break;
			if (guard()) return false;
		}
	}
}

/** How often a thread blocked in lockBlocking asks its guard whether to give up (ms). */
const GUARD_SLICE_MS = 20;
let guard: (() => boolean) | undefined;

/**
 * Who a thread blocked in {@link lockBlocking} asks, now and then, whether to
 * give up waiting (true: its wait returns as not taken). A thread whose only
 * task waits may block in Atomics.wait, and then cannot take a message: the
 * guard is how it still learns that its process was ended.
 */
export function setWaitGuard(g: (() => boolean) | undefined): void {
	guard = g;
}

/**
 * Waits until `word[index]` is no longer `expected` (or is notified), without
 * blocking the event loop. Spins briefly first. Resolves false on timeout.
 */
export async function waitChange(word: Int32Array, index: number, expected: number, timeoutMs = Infinity): Promise<boolean> {
	for (let i = 0; i < SPIN_LIMIT; i++) {
		if (Atomics.load(word, index) !== expected) return true;
	}
	const w = Atomics.waitAsync(word, index, expected, timeoutMs === Infinity ? undefined : Math.max(0, timeoutMs));
	if (!w.async) return w.value !== 'timed-out';
	return (await w.value) !== 'timed-out';
}
