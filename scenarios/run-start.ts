/**
 * run-start — seed 003 ("p.run(): 进程启动时运行的方法", "p.join只能join住start开启的进程,
 * 而不能join住run开启的进程"; the commented-out `p1.run()` beside `p1.start()`):
 * start() asks the OS for a new process, which then calls run(); calling
 * run() yourself runs the target right here, in the parent, like any
 * function call. No process is made, so join() refuses it.
 *
 * start() 和 run() / start() or run()
 *   zh: p.start() 让操作系统开一个子进程，子进程里调用 run()：儿子的 pid 和父亲的不一样。
 *       自己调用 p.run() 不开进程，就在父进程里执行：pid 相同；之后 p.join() 抛出 AssertionError。
 *   en: p.start() asks the OS for a child, and the child calls run(): the son's pid is not the father's.
 *       Calling p.run() yourself makes no process: the target runs in the parent, same pid; p.join() then raises AssertionError.
 *
 * Variants
 *   start  the son prints its own pid, after the father (start() does not wait).
 *   run    the son's line comes first and shows the father's pid; join() raises
 *          `AssertionError: can only join a started process` and the main process ends with exit code 1.
 * Invariants
 *   run-in-parent (run: hold): the son's pid is the father's; separate-process (start: hold): it is not.
 */
import {Process, defineScenario, getpid, print, type MainContext, type ViewState} from '../source/scenario/api.js';

function pids(s: ViewState): {son?: number; father?: number} {
	const of = (re: RegExp) => s.output.map(l => re.exec(l.text)).find(m => m)?.[1];
	const son = of(/^这里是儿子,儿子的pid是(\d+)$/);
	const father = of(/^这里是父亲,父亲的pid是(\d+)$/);
	return {son: son === undefined ? undefined : Number(son), father: father === undefined ? undefined : Number(father)};
}

export const meta = defineScenario({
	name: 'run-start',
	title: {zh: 'p.start() 还是 p.run()', en: 'p.start() or p.run()'},
	summary: {
		zh: ['p.start() 让操作系统开一个子进程，子进程里调用 run()；自己调用 p.run() 不开进程，就在父进程里执行。', 'run() 之后没有子进程可等：p.join() 抛出 AssertionError: can only join a started process。'],
		en: ['p.start() asks the OS for a child, which calls run(); calling p.run() yourself runs the target in the parent, with no new process.', 'After run() there is no child to wait for: p.join() raises AssertionError: can only join a started process.'],
	},
	sources: ['003 (p.start() 与 p.run(): join只能join住start开启的进程)'],
	group: 'process-life',
	variants: {
		start: {zh: 'p.start()：儿子在子进程里，pid 不同', en: "p.start(): the son runs in a child, with its own pid"},
		run: {zh: 'p.run()：儿子在父进程里执行，pid 相同，join 抛出 AssertionError', en: "p.run(): the son runs in the parent, same pid; join raises AssertionError"},
	},
	defaultVariant: 'run',
	// Seed 2 gives start's usual order under CPython: the father's line first, the son a moment later.
	defaultSeed: 2,
	invariants: [
		{
			name: 'run-in-parent',
			text: {zh: 'run()：儿子打印的 pid 就是父亲的 pid', en: "run(): the pid the son prints is the father's"},
			check: s => {
				const {son, father} = pids(s);
				return son === undefined || father === undefined || son === father;
			},
			expect: {run: 'hold', start: 'breakable'},
		},
	],
	expectedEnd: 'completed',
	processes: () => 2,
	captions: [
		{
			when: e => e.kind === 'print' && e.stream === 'stderr' && e.text.includes('can only join a started process'),
			text: {zh: 'run() 没有开进程：join() 抛出 AssertionError，主进程 exitcode 1', en: 'run() started no process: join() raised AssertionError, and the main process ends with exit code 1'},
		},
		{
			when: e => e.kind === 'print' && e.task === 'MainProcess' && e.text.startsWith('这里是儿子'),
			text: {zh: '儿子的这一行是主进程打印的：run() 只是一次普通的函数调用', en: 'The son\'s line is printed by the main process: run() is a plain function call'},
		},
		{
			when: e => e.kind === 'task' && e.task !== 'MainProcess',
			text: {zh: 'start()：操作系统开了一个新进程，它调用 run()', en: 'start(): the OS made a new process, and it calls run()'},
		},
	],
});

export async function func(): Promise<void> {
	await print(`这里是儿子,儿子的pid是${getpid()}`); // py:func.print
}

export async function main({variant}: MainContext): Promise<void> {
	const p = new Process({target: func});
	if (variant === 'run') await p.run(); // 不开进程，就在父进程里执行 · py:main.run
	else await p.start(); // py:main.start
	await print(`这里是父亲,父亲的pid是${getpid()}`); // py:main.print
	await p.join(); // run: AssertionError: can only join a started process · py:main.join
}
