/**
 * threads — seed 000 ("线程", "线程的两种创建方式", "线程对象的方法"): a thread
 * from a function, a thread from a subclass, the current thread's name, and
 * is_alive() before and after start().
 *
 * 线程 / Threads
 *   zh: 开线程有两种方式：Thread(target=task)，或者继承 Thread 重写 run()。线程开销远小于进程，同一进程的线程共享内存。
 *       current_thread().name 是当前线程的名字；start() 之前 is_alive() 是 False，之后是 True。
 *   en: Two ways to start a thread: Thread(target=task), or subclass Thread and override run(). Threads are far cheaper than processes and share their process's memory.
 *       current_thread().name is the running thread's name; is_alive() is False before start() and True after.
 *
 * Variants
 *   function  方式1: Thread(target=task): 线程开启, sleep 1, 线程结束.
 *   subclass  方式2: class MyThread(Thread) with run(): 线程开启..., 线程结束....
 *   methods   线程对象的方法: task prints its name; the main thread prints is_alive() before
 *             (False) and after (True) start().
 *   daemon    the same with the commented `t.daemon = True` put back: the main thread's code
 *             ends and the process ends with it, so 线程结束 is never printed.
 * Invariants
 *   threads-finish (function, subclass, methods: hold; daemon: breakable): every thread gets
 *   as far as printing 线程结束.
 *
 * All threads here run inside MainProcess: one worker, one heap, one thread at a time (the
 * GIL). The tutorial's `isAlive()` is is_alive() since Python 3.9. CPython 3.10+ names a
 * thread "Thread-1 (task)"; the tutorial's Python printed "Thread-1", and so does conc-tui.
 */
import {Thread, current_thread, defineScenario, print, sleep, type MainContext} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'threads',
	title: {zh: '线程：两种创建方式和线程对象的方法', en: 'Threads: two ways to make one, and its methods'},
	summary: {
		zh: ['开线程有两种方式：Thread(target=task)，或者继承 Thread 重写 run()；线程开销远小于进程。', 'current_thread().name 是当前线程的名字；start() 之前 is_alive() 是 False，之后是 True。'],
		en: ['Two ways to start a thread: Thread(target=task), or subclass Thread and override run(); threads cost far less than processes.', "current_thread().name is the running thread's name; is_alive() is False before start() and True after."],
	},
	sources: ['000 (线程的两种创建方式, 线程对象的方法)'],
	group: 'threads',
	variants: {
		function: {zh: '方式1：Thread(target=task)', en: 'way 1: Thread(target=task)'},
		subclass: {zh: '方式2：继承 Thread，重写 run()', en: 'way 2: subclass Thread, override run()'},
		methods: {zh: 'current_thread().name，start 前后的 is_alive()', en: 'current_thread().name; is_alive() before and after start'},
		daemon: {zh: 't.daemon = True：主线程结束，守护线程跟着结束', en: 't.daemon = True: the main thread ends and the daemon thread with it'},
	},
	defaultVariant: 'function',
	invariants: [
		{
			name: 'threads-finish',
			text: {zh: '每个线程都打印到了"线程结束"', en: 'every thread gets as far as printing 线程结束'},
			check: s =>
				s.order
					.filter(name => s.tasks[name]?.thread)
					.every(name => s.output.some(line => line.task === name && line.text.startsWith('线程结束'))),
			when: 'end',
			expect: {function: 'hold', subclass: 'hold', methods: 'hold', daemon: 'breakable'},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => 1,
	captions: [
		{
			when: e => e.kind === 'print' && e.task === 'MainProcess' && e.text === 'False',
			text: {zh: 'start() 之前：线程还没活', en: 'Before start(): the thread is not alive yet'},
		},
		{
			when: e => e.kind === 'print' && e.task === 'MainProcess' && e.text === 'True',
			text: {zh: 'start() 之后：线程活着', en: 'After start(): the thread is alive'},
		},
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess' && e.exitcode !== undefined,
			text: {zh: '进程结束了：守护线程不会被等待', en: 'The process is over: nobody waits for a daemon thread'},
			variants: ['daemon'],
		},
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess' && e.exitcode !== undefined,
			text: {zh: '进程结束了：它等到自己的线程都结束了才结束', en: 'The process is over: it ended only once its thread had'},
			variants: ['function', 'subclass', 'methods'],
		},
		{
			when: e => e.kind === 'state' && e.state === 'blocked' && e.task === 'MainProcess' && (e.on ?? '').startsWith('exit'),
			text: {zh: '主线程的代码执行完了，但进程要等非守护线程结束', en: "The main thread's code is over, but the process waits for its non-daemon threads"},
		},
		{
			when: e => e.kind === 'task' && e.thread,
			text: {zh: '新线程在同一个进程里：同一个 pid，同一份内存', en: 'The new thread is in the same process: the same pid, the same memory'},
		},
	],
});

/** 创建线程方式1 */
export async function task(): Promise<void> {
	await print('线程开启'); // py:task.print
	await sleep(1); // py:task.sleep
	await print('线程结束'); // py:task.print2
}

/** 创建线程方式2 */
export class MyThread extends Thread {
	override async run(): Promise<void> {
		await print('线程开启...'); // py:MyThread.print
		await sleep(1); // py:MyThread.sleep
		await print('线程结束...'); // py:MyThread.print2
	}
}

/** 线程对象的方法 */
export async function task_named(): Promise<void> {
	await print(`线程开启${current_thread().name}`); // py:task_named.print
	await sleep(1); // py:task_named.sleep
	await print(`线程结束${current_thread().name}`); // py:task_named.print2
}

export async function main({variant}: MainContext): Promise<void> {
	if (variant === 'function') {
		const t = new Thread({target: task});
		await t.start(); // py:main.start
	} else if (variant === 'subclass') {
		const t = new MyThread();
		await t.start(); // py:main.start2
	} else {
		const t = new Thread({target: task_named});
		await print(t.is_alive()); // py:main.print
		if (variant === 'daemon') t.daemon = true;
		await t.start(); // py:main.start3
		await print(t.is_alive()); // py:main.print2
	}
}
