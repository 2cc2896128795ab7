/**
 * print-lock — seeds 002 ("锁 —— multiprocess.Lock", 实例一 and the lockless
 * example) and 004 ("Multiple processes sharing the same print terminal"):
 * processes share one terminal; without a lock their lines interleave.
 *
 * 共享同一个打印终端 / One shared terminal
 *   zh: 3个进程各打印 "N: pid is running"，睡一会儿，再打印 "N:pid is done"：不加锁时各自的两行被别人的行隔开了。
 *       加锁后每一对都挨在一起，但并发变成了串行：总时间从最长的那一次变成了所有睡眠之和。
 *   en: Three processes each print "N: pid is running", sleep a while, then "N:pid is done": without a lock the pairs are split by others' lines.
 *       With a lock each pair stays together, but the run becomes serial: the total time grows from the longest sleep to the sum of them all.
 *
 * Variants
 *   unsafe  no lock: every process prints "running" before anyone prints "done".
 *   lock    lock.acquire() … lock.release() around the two prints and the sleep: each pair
 *           together, one process at a time; watch the virtual clock at the end.
 * Options
 *   --procs  how many processes (3 as in 002's lockless example and 004; 002's 实例一 has 10).
 * Invariants
 *   pairs-together (unsafe: breakable; lock: hold): between a process's "running" and its
 *   "done" line no other process prints.
 *
 * The sleep is random.random() seconds (002). `004`/`004-lock` are 004's own
 * program: no number, "pid is running", 2 s, "pid is done".
 */
import {Lock, Process, defineScenario, getpid, print, random, sleep, type MainContext, type ViewState} from '../source/scenario/api.js';

/** True while no process printed between another's running and done lines. */
function pairsTogether(s: ViewState): boolean {
	let open: string | undefined;
	for (const line of s.output) {
		if (line.text.endsWith(' is running')) {
			if (open !== undefined) return false;
			open = line.task;
		} else if (line.text.endsWith(' is done')) {
			if (open !== line.task) return false;
			open = undefined;
		}
	}
	return true;
}

export const meta = defineScenario({
	name: 'print-lock',
	title: {zh: '共享终端：打印也要加锁', en: 'One terminal: even printing needs a lock'},
	summary: {
		zh: ['3个进程各打印 "N: pid is running"，睡一会儿，再打印 "N:pid is done"：不加锁时两行之间插进了别人的行。', '加锁后每一对都挨在一起，但并发变成了串行，总时间变长了。'],
		en: ['Three processes each print "N: pid is running", sleep a while, then "N:pid is done": without a lock other lines get in between.', 'With a lock each pair stays together, but the run becomes serial, and takes longer.'],
	},
	sources: ['002 (锁 —— multiprocess.Lock: 实例一, and the example without a lock)', '004 (Multiple processes sharing the same print terminal)'],
	group: 'locks',
	variants: {
		unsafe: {zh: '不加锁：打印交错', en: 'no lock: the lines interleave'},
		lock: {zh: '加锁：每一对挨在一起，变成串行', en: 'a lock: each pair together, and serial'},
		'004': {zh: '004 的程序：只打印 pid，睡2秒，不加锁', en: "004's program: the pid alone, a 2 s sleep, no lock"},
		'004-lock': {zh: '004 加锁：work(lock)', en: "004's program with the lock: work(lock)"},
	},
	defaultVariant: 'unsafe',
	options: {procs: {default: 3, min: 1, max: 50, help: 'how many processes print'}},
	invariants: [
		{
			name: 'pairs-together',
			text: {zh: '一个进程的 running 和 done 之间没有别人的打印', en: "no other process prints between a process's running and done lines"},
			check: pairsTogether,
			expect: {unsafe: 'breakable', lock: 'hold', '004': 'breakable', '004-lock': 'hold'},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: options => (options.procs ?? 3) + 1,
	captions: [
		{
			when: e => e.kind === 'invariant' && e.name === 'pairs-together' && !e.ok,
			text: {zh: '没有锁：别的进程的行插进了这一对中间', en: "No lock: another process's line got in between this pair"},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire',
			text: {zh: '锁被占着：这个进程阻塞在 acquire，等钥匙', en: 'The lock is taken: this process blocks in acquire, waiting for the key'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'release',
			text: {zh: 'release：把钥匙挂回门上，下一个才能进去', en: 'release: the key goes back on the door, and the next one may go in'},
		},
		{
			when: e => e.kind === 'end',
			text: {zh: '看总时间：加锁后是每次睡眠之和，不加锁只是最长的那一次', en: 'Look at the clock: with the lock it is the sum of the sleeps, without it only the longest'},
		},
	],
});

export async function work(n: number, lock: Lock | null): Promise<void> {
	if (lock) await lock.acquire(); // py:work.acquire
	await print(`${n}: ${getpid()} is running`); // py:work.print
	await sleep(random()); // py:work.sleep
	await print(`${n}:${getpid()} is done`); // py:work.print2
	if (lock) await lock.release(); // py:work.release
}

/** 004's work: the pid alone on each line, and two seconds between them. */
export async function work004(lock: Lock | null): Promise<void> {
	if (lock) await lock.acquire(); // py:work004.acquire
	await print(`${getpid()} is running`); // py:work004.print
	await sleep(2); // py:work004.sleep
	await print(`${getpid()} is done`); // py:work004.print2
	if (lock) await lock.release(); // py:work004.release
}

export async function main({variant, options}: MainContext): Promise<void> {
	const lock = variant.endsWith('lock') ? new Lock() : null;
	for (let i = 0; i < options.procs!; i++) {
		const p = variant.startsWith('004') ? new Process({target: work004, args: [lock]}) : new Process({target: work, args: [i, lock]});
		await p.start(); // py:main.start
	}
}
