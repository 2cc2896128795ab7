/**
 * isolation — seed 003 ("多进程之间无法共享内存"), with the threads of seed 000
 * ("线程之间数据是共享的") for contrast: a global set in the parent is not seen
 * by child processes; it is seen by threads.
 *
 * 进程之间内存隔离 / Processes share no memory
 *   zh: 父进程把全局变量 n 设成 100，再开4个子进程打印 n：子进程看到的是自己那份模块里的 n（0），不是 100。
 *       线程就不同：同一个进程里的线程共享 n，打印出来是 100。
 *   en: The parent sets the global n to 100, then starts four children that print n: each sees its own module's n (0), not 100.
 *       Threads differ: threads of one process share n, and print 100.
 *
 * Variants
 *   processes  the tutorial's program with its commented `global n; print(n)` put back: each
 *              child prints 我是… and 0.
 *   threads    the same with Thread instead of Process: each thread prints 100.
 * Invariants
 *   no-shared-memory (processes: hold; threads: breakable): no child prints the parent's 100.
 *
 * conc-tui starts a process as CPython's spawn does (the default on Windows and macOS, and on
 * Linux from 3.14): the child imports the lesson's module afresh, so it has the module's own
 * `n = 0`. Under fork the child would start with a copy of the parent's memory and print 100,
 * but still a copy: what either side assigns after start() is never seen by the other.
 */
import {Process, Thread, defineScenario, print, type MainContext} from '../source/scenario/api.js';

const ADDR = ['河南的', '山东的', '辽宁的', '湖南的'];

/** The module's global: every process has its own; the threads of one process share it. */
let n = 0;

export const meta = defineScenario({
	name: 'isolation',
	title: {zh: '进程之间内存隔离', en: 'Processes share no memory'},
	summary: {
		zh: ['父进程把全局变量 n 设成 100，再开4个子进程打印 n：子进程看到的是自己那份 n（0），不是 100。', '线程就不同：同一个进程里的线程共享 n，打印出来是 100。'],
		en: ["The parent sets the global n to 100, then four children print n: each sees its own module's n (0), not 100.", 'Threads differ: the threads of one process share n, and print 100.'],
	},
	sources: ['003 (多进程之间无法共享内存)', '000 (线程之间数据是共享的)'],
	group: 'process-life',
	variants: {
		processes: {zh: '4个子进程：打印 0', en: 'four child processes: they print 0'},
		threads: {zh: '4个线程：打印 100', en: 'four threads: they print 100'},
	},
	defaultVariant: 'processes',
	invariants: [
		{
			name: 'no-shared-memory',
			text: {zh: '子进程看不到父进程设置的 n = 100', en: "no child sees the parent's n = 100"},
			check: s => !s.output.some(line => line.task !== 'MainProcess' && line.text === '100'),
			expect: {processes: 'hold', threads: 'breakable'},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: (_options, variant) => (variant === 'threads' ? 1 : ADDR.length + 1),
	captions: [
		{
			when: e => e.kind === 'print' && e.text === '0',
			text: {zh: '子进程重新导入了模块：它的 n 还是 0，父进程的 100 它看不到', en: "The child imported the module afresh: its n is still 0; the parent's 100 is not visible to it"},
		},
		{
			when: (e, s) => e.kind === 'print' && e.text === '100' && s.tasks[e.task]?.thread === true,
			text: {zh: '线程和主线程在同一个进程里：n 是同一个变量，所以是 100', en: 'A thread lives in the same process as the main thread: one n, so 100'},
		},
	],
});

export async function func(i: string): Promise<void> {
	await print(`我是${i}`); // py:func.print
	await print(n); // global n · py:func.print2
}

export async function main({variant}: MainContext): Promise<void> {
	n = 100;
	for (const i of ADDR) {
		const p = variant === 'threads' ? new Thread({target: func, args: [i]}) : new Process({target: func, args: [i]});
		await p.start(); // py:main.start
	}
}
