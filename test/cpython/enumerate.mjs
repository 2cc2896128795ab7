// enumerate.py as a lesson: threading.enumerate() lists the calling process's threads only.
import {Process, Thread, current_thread, print, sleep, threading} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('enumerate');

export async function nap() {
	await sleep(0.3);
}

export async function child() {
	const t = new Thread({target: nap, name: 'child-thread'});
	await t.start();
	await print('child sees', threading.enumerate().map(x => x.name), current_thread().name);
	await t.join();
}

export async function main() {
	const mine = [0, 1].map(i => new Thread({target: nap, name: `main-${i}`}));
	for (const t of mine) await t.start();
	const p = new Process({target: child});
	await p.start();
	await p.join();
	await print('main sees', threading.enumerate().map(x => x.name), threading.active_count());
	for (const t of mine) await t.join();
	await print('main sees', threading.enumerate().map(x => x.name));
}
