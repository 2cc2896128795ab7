// locks.py as a lesson: releasing what one does not hold.
import {BoundedSemaphore, Lock, RLock, Semaphore, Thread, multiprocessing, print, threading} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('locks');

async function attempt(label, f) {
	try {
		await f();
		await print(label, 'no error');
	} catch (e) {
		await print(label, `${e.pyType}:`, e.message);
	}
}

export async function main() {
	await attempt('threading.Lock', () => new threading.Lock().release());
	await attempt('multiprocessing.Lock', () => new Lock().release());
	await attempt('threading.RLock', () => new threading.RLock().release());
	await attempt('multiprocessing.RLock', () => new RLock().release());
	await attempt('threading.BoundedSemaphore', () => new threading.BoundedSemaphore(1).release());
	await attempt('multiprocessing.BoundedSemaphore', () => new BoundedSemaphore(1).release());
	await attempt('threading.Semaphore(-1)', () => new threading.Semaphore(-1));
	await attempt('multiprocessing.Semaphore(-1)', () => new Semaphore(-1));
	for (const [name, module] of [['threading', threading], ['multiprocessing', multiprocessing]]) {
		const rlock = new module.RLock();
		await rlock.acquire();
		const other = new Thread({target: attempt, args: [`${name}.RLock by another thread`, () => rlock.release()]});
		await other.start();
		await other.join();
		await rlock.release();
	}
	await new threading.Lock().release();
}
