// big-queue.py as a lesson: a queue holds what CPython's holds.
import {Process, Queue, print} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('big-queue');

export async function reader(q, n) {
	let total = 0;
	for (let i = 0; i < n; i++) total += (await q.get()).length;
	await print('reader got', total, 'characters');
}

export async function main() {
	const q = new Queue();
	for (let i = 0; i < 120; i++) await q.put(String(i % 10).repeat(10000));
	await print('put 120 items of 10000 characters');
	const big = new Queue();
	await big.put('y'.repeat(2000000));
	await print('put one item of 2000000 characters');
	const first = await q.get();
	await print('first item', first.slice(0, 3), first.length);
	const p = new Process({target: reader, args: [q, 119]});
	await p.start();
	await p.join();
	await print('big item', (await big.get()).length);
}
