// condition.py as a lesson: Condition and Barrier.
import {BrokenBarrierError, Thread, multiprocessing, print, sleep, threading} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('condition');

const items = [];

async function consumer(cond, name) {
	await cond.with(async () => {
		await cond.wait_for(() => items.length > 0);
		await print(name, 'got', items.shift());
	});
}

const passed = [];

async function party(barrier, name, delay) {
	await sleep(delay);
	const index = await barrier.wait();
	passed.push([index, name]); // printed by main in index order: the threads' own prints would race
}

async function report() {
	await print('the last to arrive runs the action');
}

export async function main() {
	const cond = new threading.Condition();
	const consumers = [0, 1, 2].map(i => new Thread({target: consumer, args: [cond, `c${i}`]}));
	for (const c of consumers) {
		await c.start();
		await sleep(0.01); // each waits before the next starts: the oldest waiter is c0
	}
	await sleep(0.1);
	for (let i = 0; i < 3; i++) {
		await cond.with(async () => {
			items.push(i);
			await cond.notify();
		});
		await sleep(0.1);
	}
	for (const c of consumers) await c.join();
	await cond.with(async () => print('wait(0.1) times out:', await cond.wait(0.1)));
	for (const [name, module] of [['threading', threading], ['multiprocessing', multiprocessing]]) {
		try {
			await new module.Condition().notify();
		} catch (e) {
			await print(name, `${e.pyType}:`, e.message);
		}
		try {
			await new module.Condition().wait();
		} catch (e) {
			await print(name, `${e.pyType}:`, e.message);
		}
	}
	const barrier = new threading.Barrier(3, report);
	const parties = [0, 1, 2].map(i => new Thread({target: party, args: [barrier, `p${i}`, 0.1 * i]}));
	for (const p of parties) await p.start();
	for (const p of parties) await p.join();
	for (const [index, name] of passed.sort((a, b) => a[0] - b[0])) await print(name, 'passed with index', index);
	await print('parties', barrier.parties, 'waiting', barrier.n_waiting, 'broken', barrier.broken);
	const lonely = new threading.Barrier(2);
	try {
		await lonely.wait(0.1);
	} catch (e) {
		if (e instanceof BrokenBarrierError) await print('a lonely wait times out:', 'BrokenBarrierError', 'broken', lonely.broken);
	}
	await lonely.reset();
	await print('after reset broken', lonely.broken);
}
