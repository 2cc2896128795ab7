/**
 * queue-basics — seed 000 ("队列"): a Queue(5) filled, emptied, and asked for
 * more than it can give, in one process.
 *
 * 队列 / A queue
 *   zh: Queue(5) 最多放5个数据：put 五次后 full() 是 True，put_nowait 再放就报 queue.Full。
 *       get 按先进先出取出 1…5；空了以后 get_nowait 报 queue.Empty，empty() 是 True。
 *   en: Queue(5) holds five items: after five puts full() is True, and put_nowait raises queue.Full.
 *       get takes 1…5 out first-in first-out; once empty, get_nowait raises queue.Empty and empty() is True.
 *
 * Variants
 *   caught      the tutorial's calls, each of the two that raise wrapped in try/except so
 *               the program goes on: queue.Full, then 1 2 3 4 5, then queue.Empty, True, 进入数据6.
 *   as-written  the tutorial's program exactly as it stands: put_nowait(6) on the full queue
 *               raises queue.Full, uncaught, and the program stops there with CPython's
 *               traceback and exit code 1; nothing after it runs.
 * Invariants
 *   at-most-five (hold): the queue never holds more than its maxsize, 5.
 *   fifo (caught: hold; as-written: breakable), checked at the end: all five come out, in
 *   the order they went in (1, 2, 3, 4, 5). As written, the program stops at queue.Full
 *   before its first get, so none comes out: the order is never seen, and the lesson does
 *   not call it OK.
 *
 * One process, no other task: every put and get here either succeeds at once or raises; a
 * blocking put on the full queue would wait for ever (the tutorial: "若队列里的数据满了就会卡住").
 */
import {Empty, Full, Queue, defineScenario, print, type MainContext, type ViewState} from '../source/scenario/api.js';

function gotten(s: ViewState): string[] {
	return s.output.filter(line => /^[1-6]$/.test(line.text)).map(line => line.text);
}

export const meta = defineScenario({
	name: 'queue-basics',
	title: {zh: '队列：先进先出，满了和空了', en: 'A queue: first in, first out, full and empty'},
	summary: {
		zh: ['Queue(5) 最多放5个数据：put 五次后 full() 是 True，put_nowait 再放就报 queue.Full。', 'get 按先进先出取出 1…5；空了以后 get_nowait 报 queue.Empty，empty() 是 True。'],
		en: ['Queue(5) holds five items: after five puts full() is True, and put_nowait raises queue.Full.', 'get takes 1…5 out first-in first-out; once it is empty, get_nowait raises queue.Empty and empty() is True.'],
	},
	sources: ['000 (队列: put, get, put_nowait, get_nowait, full, empty)'],
	group: 'queues-pipes',
	variants: {
		caught: {zh: '用 try/except 接住 queue.Full 和 queue.Empty，程序走完', en: 'queue.Full and queue.Empty caught with try/except; the program runs to its end'},
		'as-written': {zh: '照原文：put_nowait(6) 抛出 queue.Full，程序就停在那里', en: 'as written: put_nowait(6) raises queue.Full and the program stops there'},
	},
	defaultVariant: 'caught',
	invariants: [
		{
			name: 'at-most-five',
			text: {zh: '队列里最多5个数据', en: 'the queue never holds more than 5 items'},
			check: s => Object.values(s.prims).every(p => p.type !== 'Queue' || (p.items ?? []).length <= 5),
		},
		{
			name: 'fifo',
			text: {zh: '先进先出：五个数据都取了出来，顺序是 1, 2, 3, 4, 5', en: 'first in, first out: all five are taken out, as 1, 2, 3, 4, 5'},
			// Nothing taken out shows no order: that is not called OK.
			check: s => gotten(s).join() === '1,2,3,4,5',
			when: 'end',
			expect: {caught: 'hold', 'as-written': 'breakable'},
		},
	],
	expectedEnd: 'completed',
	processes: () => 1,
	captions: [
		{
			when: e => e.kind === 'op' && e.op === 'put-full',
			text: {zh: '队列满了：put_nowait 不等待，直接抛出 queue.Full', en: 'The queue is full: put_nowait does not wait, it raises queue.Full'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'get-empty',
			text: {zh: '队列空了：get_nowait 不等待，直接抛出 queue.Empty', en: 'The queue is empty: get_nowait does not wait, it raises queue.Empty'},
		},
		{
			when: (e, s) => e.kind === 'op' && e.op === 'put' && Object.values(s.prims).some(p => p.type === 'Queue' && p.items?.length === 5),
			text: {zh: '5个格子都满了：full() 是 True', en: 'All five slots are taken: full() is True'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'get',
			text: {zh: 'get 取出的是最早放进去的那个：先进先出', en: 'get takes out the oldest item: first in, first out'},
		},
	],
});

export async function main({variant}: MainContext): Promise<void> {
	const q = new Queue(5); // 队列中存放5个数据
	// put添加数据，若队列里的数据满了就会卡住 (one line each, as the tutorial writes them)
	await q.put(1); // py:main.put1
	await print('进入数据1'); // py:main.print1
	await q.put(2); // py:main.put2
	await print('进入数据2'); // py:main.print2
	await q.put(3); // py:main.put3
	await print('进入数据3'); // py:main.print3
	await q.put(4); // py:main.put4
	await print('进入数据4'); // py:main.print4
	await q.put(5); // py:main.put5
	await print('进入数据5'); // py:main.print5
	await print(q.full()); // 查看队列是否满了 · py:main.print_full
	if (variant === 'as-written') {
		await q.put_nowait(6); // 添加数据，若队列满了也会报错: queue.Full, uncaught · py:main.put_nowait
	} else {
		try {
			await q.put_nowait(6); // py:main.put_nowait2
		} catch (e) {
			if (!(e instanceof Full)) throw e;
			await print('queue.Full'); // 队列满了也会报错 · py:main.full
		}
	}
	// q.get() 获取的数据遵循先进先出
	await print(await q.get()); // py:main.get1
	await print(await q.get()); // py:main.get2
	await print(await q.get()); // py:main.get3
	await print(await q.get()); // py:main.get4
	await print(await q.get()); // py:main.get5
	try {
		await print(await q.get_nowait()); // 获取队列数据，队列中没有就会报错 · py:main.get_nowait
	} catch (e) {
		if (!(e instanceof Empty)) throw e;
		await print('queue.Empty'); // py:main.empty
	}
	await print(q.empty()); // 判断队列是否为空 · py:main.print_empty
	await q.put(6); // py:main.put6
	await print('进入数据6'); // py:main.print6
}
