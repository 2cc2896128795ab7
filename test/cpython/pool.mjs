// pool.py as a lesson: a Pool of worker processes.
import {Pool, TimeoutError, ValueError, current_process, print, sleep} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('pool');

export async function square(x) {
	return x * x;
}

export async function slow_add(a, b, {pause = 0.1} = {}) {
	await sleep(pause);
	return a + b;
}

export async function fails(x) {
	throw new ValueError(`no ${x}`);
}

export async function who() {
	return current_process().name.startsWith('ForkPoolWorker-');
}

export async function main() {
	await new Pool(2).with(async pool => {
		await print(await pool.map(square, [0, 1, 2, 3, 4, 5]));
		const r = await pool.apply_async(slow_add, [1, 2], {pause: 0.2});
		await print('ready at once', r.ready());
		await print('get', await r.get(), 'ready', r.ready(), 'successful', r.successful());
		await print('apply', await pool.apply(slow_add, [3, 4]));
		await print('starmap', await pool.starmap(slow_add, [[1, 1], [2, 2]]));
		await print('workers', new Set(await pool.map(who, [0, 1, 2, 3])));
		try {
			await pool.map(fails, [1]);
		} catch (e) {
			if (e.pyType === 'ValueError') await print('map raised', e.pyType, e.message);
		}
		const bad = await pool.apply_async(fails, [3]);
		await bad.wait();
		await print('successful', bad.successful());
		try {
			await (await pool.apply_async(slow_add, [1, 1], {pause: 5})).get(0.1);
		} catch (e) {
			if (e instanceof TimeoutError) await print('get(timeout=0.1): TimeoutError');
		}
	});
	const p2 = new Pool(2);
	await print(await p2.map(square, [7]));
	try {
		await p2.join();
	} catch (e) {
		await print('join before close:', e.message);
	}
	await p2.close();
	await p2.join();
	try {
		await p2.map(square, [1]);
	} catch (e) {
		await print('map after close:', e.message);
	}
}
