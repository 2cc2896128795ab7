/**
 * start — seed 003 ("使用process模块创建进程"): the two ways to start a
 * child process, and what pids they get.
 *
 * 开启子进程 / Starting a process
 *   zh: Process(target=func, args=(1,)) 开一个子进程运行 func；也可以继承 Process 并重写 run()。
 *       start() 只是请操作系统开进程，父进程马上往下走；子进程的 ppid 就是父进程的 pid。
 *   en: Process(target=func, args=(1,)) runs func in a child; or subclass Process and override run().
 *       start() only asks the OS for a process and the parent goes on; the child's ppid is the parent's pid.
 *
 * Variants
 *   function  `Process(target=func, args=(1,))`: the child sleeps 1 s and prints its pid and
 *             its parent's; the parent prints first (start() does not wait).
 *   subclass  `class MyProcess(Process)` overriding run(); start() calls run() in the child,
 *             and the child is named after its class, `MyProcess-1`, as CPython names it.
 * Invariants
 *   ppid-is-parent (hold): every pid a child prints as its parent's is MainProcess's pid.
 *
 * "如何开启多个不同的子进程" (several children from one function, in a loop) is the
 * `children` lesson.
 *
 * The subclass must be exported: the child rebuilds it by that name (with the fields it had
 * at start(), as unpickling does) and calls its run(). The other examples of a process's
 * life in 003 (attributes, terminate, join) are lessons of their own, not merged here: each
 * is a separate program in the tutorial.
 */
import {Process, defineScenario, getpid, getppid, print, sleep, type MainContext, type ViewState} from '../source/scenario/api.js';

/** Pids a child printed as its parent's. */
function printedParents(s: ViewState): number[] {
	return s.output.flatMap(line => {
		const m = /儿子的父进程的pid是(\d+)/.exec(line.text);
		return m ? [Number(m[1])] : [];
	});
}

export const meta = defineScenario({
	name: 'start',
	title: {zh: '开启子进程：函数与继承', en: 'Starting a process: a function or a subclass'},
	summary: {
		zh: ['Process(target=func, args=(1,)) 开一个子进程运行 func；也可以继承 Process 并重写 run()。', 'start() 只是请操作系统开进程，父进程马上往下走；子进程的 ppid 就是父进程的 pid。'],
		en: ['Process(target=func, args=(1,)) runs func in a child process; or subclass Process and override run().', "start() only asks the OS for a process and the parent goes straight on; the child's parent pid is the parent's pid."],
	},
	sources: ['003 (开启子进程的一种方式, 以继承的方式)'],
	group: 'process-life',
	variants: {
		function: {zh: 'Process(target=func, args=(1,))：父进程先打印，子进程1秒后打印 pid 和 ppid', en: 'Process(target=func, args=(1,)): the parent prints first, the child a second later with its pid and ppid'},
		subclass: {zh: '继承 Process、重写 run()：子进程名叫 MyProcess-1', en: 'a subclass overriding run(): the child is named MyProcess-1'},
	},
	defaultVariant: 'function',
	invariants: [
		{
			name: 'ppid-is-parent',
			text: {zh: '子进程打印的父进程 pid 就是主进程的 pid', en: "the parent pid a child prints is MainProcess's pid"},
			check: s => printedParents(s).every(ppid => ppid === s.tasks.MainProcess?.pid),
		},
	],
	expectedEnd: 'completed',
	processes: () => 2,
	captions: [
		{
			when: e => e.kind === 'task' && e.target === 'MyProcess',
			text: {zh: 'start() 在子进程里调用 run()：子类重写了 run，名字取自类名 MyProcess-1', en: 'start() calls run() in the child: the subclass overrides it, and the name comes from the class, MyProcess-1'},
		},
		{
			when: e => e.kind === 'task' && e.process !== 'MainProcess',
			text: {zh: 'start() 请操作系统开了一个新进程：它有自己的 pid，父进程不等它，继续往下走', en: 'start() asked the OS for a new process: it has a pid of its own, and the parent does not wait for it'},
		},
		{
			when: e => e.kind === 'print' && e.text.startsWith('这里是父亲进程'),
			text: {zh: '父进程先打印：子进程还在 sleep(1)', en: 'The parent prints first: the child is still in sleep(1)'},
		},
		{
			when: e => e.kind === 'print' && e.text.includes('儿子的父进程的pid是'),
			text: {zh: '子进程的 ppid 就是父进程的 pid', en: "The child's parent pid is the parent's own pid"},
		},
	],
});

/** 开启子进程的一种方式 (i is passed, as in the tutorial, and not used) */
export async function func(_i: number): Promise<void> {
	await sleep(1); // py:func.sleep
	await print(`这里是儿子进程,儿子自己的pid是${getpid()},儿子的父进程的pid是${getppid()}`); // py:func.print
}

/** 以继承的方式 */
export class MyProcess extends Process {
	override async run(): Promise<void> {
		await print(`这是以继承类的方式开启的子进程,他的名字是${this.name}`); // py:MyProcess.print
	}
}

export async function main({variant}: MainContext): Promise<void> {
	if (variant === 'subclass') {
		const p1 = new MyProcess();
		await p1.start(); // 解释器告诉操作系统，去帮我开启一个进程：就绪状态 · py:main.start
		return;
	}
	const p = new Process({target: func, args: [1]}); // 实例化一个进程对象
	await p.start(); // 开启一个子进程 · py:main.start2
	await print(`这里是父亲进程,父进程自己的pid是:${getpid()},父亲的父亲的pid是${getppid()}`); // py:main.print
}
