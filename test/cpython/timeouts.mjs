// timeouts.py as a lesson: a negative timeout is not "for ever".
import {Empty, Event, Lock, Pipe, Process, Queue, Semaphore, Thread, print, sleep, threading} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('timeouts');

export async function nap() {
	await sleep(0.3);
}

export async function send_later(conn) {
	await sleep(0.2);
	await conn.send('late');
}

export async function main() {
	await print('threading.Event().wait(-1):', await new threading.Event().wait(-1));
	await print('multiprocessing.Event().wait(-1):', await new Event().wait(-1));
	await print('Event().wait(0.1):', await new Event().wait(0.1));
	const t = new Thread({target: nap});
	await t.start();
	await t.join(-1);
	await print('thread alive after join(-1):', t.is_alive());
	await t.join();
	const p = new Process({target: nap});
	await p.start();
	await p.join(-1);
	await print('process alive after join(-1):', p.is_alive());
	await p.join();
	await print('exitcode', p.exitcode);
	const [a, b] = Pipe();
	await print('poll():', await a.poll());
	await print('poll(-1):', await a.poll(-1));
	await print('poll(0.1):', await a.poll(0.1));
	const child = new Process({target: send_later, args: [b]});
	await child.start();
	await print('poll(None):', await a.poll(null));
	await print('recv:', await a.recv());
	await child.join();
	const lock = new Lock();
	await lock.acquire();
	await print('multiprocessing.Lock().acquire(True, -1):', await lock.acquire(true, -1));
	const tlock = new threading.Lock();
	await tlock.acquire();
	await print('threading.Lock().acquire(True, 0.1):', await tlock.acquire(true, 0.1));
	try {
		await tlock.acquire(true, -5);
	} catch (e) {
		await print('threading.Lock().acquire(True, -5):', e.pyType, e.message);
	}
	await print('multiprocessing.Semaphore(0).acquire(True, -1):', await new Semaphore(0).acquire(true, -1));
	try {
		await new Queue().get(true, -1);
	} catch (e) {
		if (e instanceof Empty) await print('Queue().get(True, -1): Empty');
	}
}
