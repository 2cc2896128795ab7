/**
 * thread-lock — seed 000 ("线程互斥锁", "线程之间数据是共享的"): 100 threads of
 * one process each take one off a shared n = 100, through a copy and a sleep.
 *
 * 线程互斥锁 / A lock for threads
 *   zh: 线程之间数据是共享的：100个线程都做 temp = n; sleep(0.1); n = temp - 1。
 *       不加锁时大家都先读到了100，最后 n 是99；加锁后一个一个来，n 正好减到0。
 *   en: Threads share data: 100 threads each do temp = n; sleep(0.1); n = temp - 1.
 *       Without the lock they all read 100 first and n ends at 99; with it they go one at a time and n ends at 0.
 *
 * Variants
 *   unsafe  no lock: every thread reads n = 100 before anyone writes; n ends at 99.
 *   lock    mutex.acquire() around the read, the sleep and the write: n ends at 0, in 10 s.
 * Invariants
 *   no-lost-update (unsafe: breakable; lock: hold): no two threads print the same n.
 *   n-ends-at-0 (unsafe: breakable; lock: hold): the main thread's last print is 0.
 *
 * `n` and `mutex` are module variables: one each for every thread of the process (a
 * process of its own would have its own copy; see the isolation lesson). `temp = n` is
 * not a step; it happens with the step before it, so the interleaving is at the sleep.
 */
import {Lock, Thread, defineScenario, print, shared, sleep, watch, type MainContext, type ViewState} from '../source/scenario/api.js';

const THREADS = 100;

/** Shared by every thread of the process, as a module global is in Python. */
const n = shared('n', 100);
let mutex: Lock | null = null;

/** The values of n the threads printed. */
function printed(s: ViewState): string[] {
	return s.output.filter(line => line.task !== 'MainProcess' && /^\d+$/.test(line.text)).map(line => line.text);
}

export const meta = defineScenario({
	name: 'thread-lock',
	title: {zh: '线程互斥锁：n 减到几？', en: 'A lock for threads: where does n end?'},
	summary: {
		zh: ['线程之间数据是共享的：100个线程都做 temp = n; sleep(0.1); n = temp - 1。', '不加锁时大家都先读到了100，最后 n 是99；加锁后一个一个来，n 正好减到0。'],
		en: ['Threads share data: 100 threads each do temp = n; sleep(0.1); n = temp - 1.', 'Without the lock they all read 100 first and n ends at 99; with it they take turns and n ends at 0.'],
	},
	sources: ['000 (线程互斥锁)'],
	group: 'threads',
	variants: {
		unsafe: {zh: '不加锁：n 最后是99', en: 'no lock: n ends at 99'},
		lock: {zh: '加锁：n 最后是0（但要10秒）', en: 'a lock: n ends at 0 (in 10 s)'},
	},
	defaultVariant: 'unsafe',
	invariants: [
		{
			name: 'no-lost-update',
			text: {zh: '没有两个线程打印同一个 n', en: 'no two threads print the same n'},
			check: s => {
				const values = printed(s);
				return new Set(values).size === values.length;
			},
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
		{
			name: 'every-decrement-counts',
			text: {zh: 'n = 100 − 已写回的次数', en: 'n = 100 − decrements written'},
			check: s => {
				const v = Object.values(s.shared.vars).find(x => x.kind === 'Var' && x.name === 'n');
				return v === undefined || Number(v.value) === 100 - v.version;
			},
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
		{
			name: 'n-ends-at-0',
			text: {zh: '结束时 n 是0', en: 'n ends at 0'},
			check: s => s.output.filter(line => line.task === 'MainProcess').at(-1)?.text === '0',
			when: 'end',
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => 1,
	captions: [
		{
			when: e => e.kind === 'invariant' && e.name === 'no-lost-update' && !e.ok,
			text: {zh: '两个线程打印了同一个 n：它们都在对方写回之前读了 n，一次减法丢了', en: 'Two threads printed the same n: both read n before the other wrote it back, and a decrement is lost'},
		},
		{
			when: e => e.kind === 'invariant' && e.name === 'n-ends-at-0' && !e.ok,
			text: {zh: '100个线程各减了一次，n 却不是0：大家读到的都是同一个旧值，减法丢了', en: 'A hundred threads each took one off, yet n is not 0: they all read the same old value, and the decrements were lost'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire',
			text: {zh: '锁被别的线程拿着：这个线程阻塞在 acquire', en: 'Another thread holds the lock: this one blocks in acquire'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'sleep' && e.task !== 'MainProcess',
			text: {zh: 'temp = n 已经读了，现在睡0.1秒：这期间别的线程也能读 n', en: 'temp = n is read; now it sleeps 0.1 s, and others may read n meanwhile'},
			variants: ['unsafe'],
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'sleep' && e.task !== 'MainProcess',
			text: {zh: 'temp = n 是拿着锁读的，现在睡0.1秒：别的线程都等在 acquire，谁也读不了 n', en: 'temp = n is read with the lock held; now it sleeps 0.1 s, and the others wait in acquire: none can read n'},
			variants: ['lock'],
		},
		{
			when: e => e.kind === 'print' && e.task === 'MainProcess',
			text: {zh: 'n 是0：一次只有一个线程读写 n，没有一次减法丢了', en: 'n is 0: one thread at a time read and wrote n, so no decrement was lost'},
			variants: ['lock'],
		},
	],
});

export async function task(i: number): Promise<void> {
	await print(`线程${i}启动`); // py:task.print
	if (mutex) await mutex.acquire(); // py:task.acquire
	const temp = watch('temp', n.value);
	await sleep(0.1); // py:task.sleep
	n.value = temp - 1;
	await print(n.value); // py:task.print2
	if (mutex) await mutex.release(); // py:task.release
}

export async function main({variant}: MainContext): Promise<void> {
	mutex = variant === 'lock' ? new Lock() : null;
	const t_l: Thread[] = [];
	for (let i = 0; i < THREADS; i++) {
		const t = new Thread({target: task, args: [i]});
		t_l.push(t);
		await t.start(); // py:main.start
	}
	for (const t of t_l) await t.join(); // py:main.join
	await print(n.value); // py:main.print
}
