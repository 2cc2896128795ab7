// more-apis.py as a lesson: Timer, threading.local, the queue module's queues, SimpleQueue, Array and kill().
import {Array as SharedArray, Empty, Process, SimpleQueue, Thread, print, queue, sleep, threading, tuple} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('more-apis');

const data = new threading.local();

async function ring() {
	await print('the timer rings');
}

async function own(name) {
	data.name = name;
	// Both have set their name before either prints; one after the other, so the lines never mix.
	await sleep(name === 't0' ? 0.1 : 0.3);
	await print('thread sees', data.name);
}

export async function doubles(arr) {
	for (let i = 0; i < arr.length; i++) await arr.set(i, (await arr.get(i)) * 2);
}

export async function forever() {
	await sleep(100);
}

export async function main() {
	const t = new threading.Timer(0.2, ring);
	await t.start();
	await t.join();
	const cancelled = new threading.Timer(0.2, ring);
	await cancelled.start();
	await cancelled.cancel();
	await cancelled.join();
	await print('cancelled timer is silent');
	data.name = 'main';
	const threads = [0, 1].map(i => new Thread({target: own, args: [`t${i}`]}));
	for (const x of threads) {
		await x.start();
		await sleep(0.01);
	}
	for (const x of threads) await x.join();
	await print('main sees', data.name);
	const lifo = new queue.LifoQueue();
	for (let i = 0; i < 3; i++) await lifo.put(i);
	await print('lifo', [await lifo.get(), await lifo.get(), await lifo.get()]);
	const pq = new queue.PriorityQueue();
	for (const item of [tuple(3, 'c'), tuple(1, 'a'), tuple(2, 'b'), tuple(1, 'A')]) await pq.put(item);
	const ordered = [];
	for (let i = 0; i < 4; i++) ordered.push(await pq.get());
	await print('priority', ordered);
	try {
		await new queue.LifoQueue(1).get_nowait();
	} catch (e) {
		if (e instanceof Empty) await print('empty LifoQueue: Empty');
	}
	const sq = new queue.SimpleQueue();
	await sq.put('s');
	await print('queue.SimpleQueue', await sq.get(), sq.empty());
	const msq = new SimpleQueue();
	await msq.put(tuple(1, 'x'));
	await print('multiprocessing.SimpleQueue', await msq.get(), msq.empty());
	const arr = new SharedArray('i', [1, 2, 3]);
	const p = new Process({target: doubles, args: [arr]});
	await p.start();
	await p.join();
	await print('array', await arr.tolist(), arr.length, await arr.get(-1));
	const farr = new SharedArray('d', 2);
	await print('float array', await farr.tolist());
	const k = new Process({target: forever});
	await k.start();
	await k.kill();
	await k.join();
	await print('killed: alive', k.is_alive(), 'exitcode', k.exitcode);
}
