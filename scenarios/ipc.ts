/**
 * ipc — seeds 000 ("进程间通信") and 001 ("进程间的三种通信(IPC)方式: 队列"):
 * processes share no memory; a Queue carries data from one to another.
 *
 * 进程间通信 / Inter-process communication
 *   zh: 进程之间数据是隔离的；要通信，就用队列：进程1把 "hello 你好" put 进队列，进程2 get 出来打印。
 *       主进程开启两个子进程后不等它们，直接打印"主进程"。
 *   en: Processes share no memory; to talk, they use a queue: process 1 puts "hello 你好", process 2 gets it and prints it.
 *       The main process starts both and does not wait for them: it prints 主进程 at once.
 *
 * Variants
 *   queue  the tutorial's program.
 * Invariants
 *   delivered (hold): at the end process 2 has printed hello 你好, exactly once.
 *
 * If process 2 runs first, its get() blocks on the empty queue until process 1 puts. In
 * CPython a child takes milliseconds to start, so 主进程 is nearly always printed before
 * either child prints; the scheduler here may also run a child first (CPython allows that
 * too), and the default seed shows the usual order.
 */
import {Process, Queue, defineScenario, print} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'ipc',
	title: {zh: '进程间通信：用队列传数据', en: 'Inter-process communication: a queue'},
	summary: {
		zh: ['进程之间数据是隔离的；要通信就用队列：进程1 put "hello 你好"，进程2 get 出来打印。', '主进程开启两个子进程后不等它们，直接打印"主进程"。'],
		en: ['Processes share no memory; to talk they use a queue: process 1 puts "hello 你好", process 2 gets it and prints it.', 'The main process starts both and does not wait for them: it prints 主进程 at once.'],
	},
	sources: ['000 (进程间通信 IPC)', '001 (进程间的三种通信方式: 队列)'],
	group: 'queues-pipes',
	variants: {queue: {zh: '进程1 put，进程2 get', en: 'process 1 puts, process 2 gets'}},
	defaultVariant: 'queue',
	invariants: [
		{
			name: 'delivered',
			text: {zh: '进程2收到并打印了 hello 你好（一次）', en: 'process 2 got and printed hello 你好, once'},
			check: s => s.output.filter(line => line.text === 'hello 你好').length === 1,
			when: 'end',
		},
	],
	defaultSeed: 7,
	expectedEnd: 'completed',
	processes: () => 3,
	captions: [
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'get',
			text: {zh: '队列还是空的：进程2阻塞在 get()，等进程1放数据', en: 'The queue is still empty: process 2 blocks in get() until process 1 puts'},
		},
		{
			when: e => e.kind === 'print' && e.text === '主进程',
			text: {zh: '主进程不等子进程：开启它们之后马上打印', en: 'The main process does not wait for its children: it prints right after starting them'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'put',
			text: {zh: '数据放进了队列：这是两个进程之间唯一共享的东西', en: 'The data is in the queue: the only thing the two processes share'},
		},
		{
			when: e => e.kind === 'print' && e.text === 'hello 你好',
			text: {zh: '进程2拿到的是一份拷贝，从队列里传过来的', en: 'Process 2 has a copy, carried over by the queue'},
		},
	],
});

export async function task1(q: Queue): Promise<void> {
	const data = 'hello 你好';
	await q.put(data); // py:task1.put
	await print('进程1添加数据到队列'); // py:task1.print
}

export async function task2(q: Queue): Promise<void> {
	await print(await q.get()); // py:task2.print
	await print('进程2从队列中获取数据'); // py:task2.print2
}

export async function main(): Promise<void> {
	const q = new Queue();
	const p1 = new Process({target: task1, args: [q]});
	const p2 = new Process({target: task2, args: [q]});
	await p1.start(); // py:main.start
	await p2.start(); // py:main.start2
	await print('主进程'); // py:main.print
}
