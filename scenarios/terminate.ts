/**
 * terminate — seed 003 ("is_alive()和terminate()") and 001 ("terminate:强制关闭",
 * "is_alive:关闭进程的时候,不会立即关闭"): killing a child, and seeing it die.
 *
 * 强制结束进程 / Terminating a process
 *   zh: terminate() 请操作系统杀掉子进程，但不会立即生效：马上查看 is_alive() 还是 True。
 *       稍等一下再看就是 False；被 SIGTERM 杀掉的进程 exitcode 是 -15。
 *   en: terminate() asks the OS to kill the child, but not at once: is_alive() right after is still True.
 *       A moment later it is False; a process killed by SIGTERM has exit code -15.
 *
 * Variants
 *   terminate  the tutorial's program, plus p.join() and the exit code (-15), from 003's 属性介绍.
 *   holding-lock  003's warning (如果p还保存了一个锁那么也将不会被释放,进而导致死锁): the child is
 *              killed while it holds the lock; nobody releases it, and the parent's acquire
 *              blocks for ever: the run ends in deadlock, as CPython hangs.
 *   children   003 and 001's warning (如果p创建了子进程,该子进程就成了僵尸进程/孤儿): the child is
 *              killed, its own child is not; the grandchild lives on, orphaned, and prints after.
 * Invariants
 *   never-prints-123 (hold): the child is killed during its sleep(1), before it prints 123.
 *
 * In conc-tui, as in CPython, terminate() takes effect before the next scheduling decision:
 * the first is_alive() is read in the same step as terminate() and is True.
 */
import {Lock, Process, defineScenario, print, sleep, type MainContext} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'terminate',
	title: {zh: 'terminate()：杀掉子进程', en: 'terminate(): killing a child'},
	summary: {
		zh: ['terminate() 请操作系统杀掉子进程，但不会立即生效：马上查看 is_alive() 还是 True。', '稍等一下再看就是 False；被 SIGTERM 杀掉的进程 exitcode 是 -15。'],
		en: ['terminate() asks the OS to kill the child, but not at once: is_alive() right after is still True.', 'A moment later it is False; a process killed by SIGTERM has exit code -15.'],
	},
	sources: ['003 (is_alive()和terminate(), 属性介绍: exitcode -N)', '001 (terminate, is_alive)'],
	group: 'process-life',
	variants: {
		terminate: {zh: 'terminate() 后 is_alive() 先 True 后 False，exitcode -15', en: 'after terminate(), is_alive() is True, then False; exit code -15'},
		'holding-lock': {zh: '杀掉拿着锁的子进程：锁不会被释放，父进程再 acquire 就死锁', en: 'kill a child that holds a lock: the lock is never released, and the next acquire deadlocks'},
		children: {zh: '杀掉有子进程的子进程：孙子进程活下来，成了孤儿', en: 'kill a child that has a child: the grandchild lives on, orphaned'},
	},
	defaultVariant: 'terminate',
	invariants: [
		{
			name: 'never-prints-123',
			text: {zh: '子进程在 sleep(1) 里被杀，打印不出 123', en: 'the child is killed in its sleep(1) and never prints 123'},
			check: s => !s.output.some(line => line.text === '123'),
		},
	],
	expectedEnd: {terminate: 'completed', 'holding-lock': 'deadlock', children: 'completed'},
	processes: (_options, variant) => (variant === 'children' ? 3 : 2),
	captions: [
		{
			when: e => e.kind === 'print' && e.text.endsWith('True'),
			text: {zh: 'terminate() 刚发出：那一刻 is_alive() 还是 True', en: 'terminate() was just sent: at that moment is_alive() was still True'},
		},
		{
			// Said when the parent learns it (join or is_alive() reaps it): until then it sees the child alive.
			when: e => e.kind === 'reap' && e.exitcode === -15,
			text: {zh: '子进程被 SIGTERM 杀掉了：exitcode -15，123 永远不会打印', en: 'The child is killed by SIGTERM: exit code -15, and 123 is never printed'},
			variants: ['terminate'],
		},
		{
			when: e => e.kind === 'reap' && e.exitcode === -15,
			text: {zh: 'join() 回收了被 SIGTERM 杀掉的儿子：exitcode -15，它的 sleep(100) 没有睡完', en: 'join() reaps the son SIGTERM killed: exit code -15, its sleep(100) cut short'},
			variants: ['holding-lock', 'children'],
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire' && e.task === 'MainProcess',
			text: {zh: '锁还被死掉的子进程"拿着"：没有人会 release，父进程永远等下去', en: 'The lock is still "held" by the dead child: nobody will release it, and the parent waits for ever'},
		},
		{
			when: e => e.kind === 'print' && e.text.startsWith('孙子还活着'),
			text: {zh: '儿子被杀了，孙子没有：它成了孤儿，由 init 收养', en: 'The son was killed, the grandson was not: an orphan now, adopted by init'},
		},
		{
			when: e => e.kind === 'print' && e.text.endsWith('False'),
			text: {zh: '稍等片刻再看：子进程已经死了', en: 'A moment later: the child is dead'},
		},
	],
});

export async function func(): Promise<void> {
	await sleep(1); // py:func.sleep
	await print(123);
}

/** holding-lock: takes the lock and keeps it far longer than it will live. */
export async function holder(lock: Lock): Promise<void> {
	await lock.acquire(); // py:holder.acquire
	await print('儿子拿到了锁'); // py:holder.print
	await sleep(100); // py:holder.sleep
	await lock.release();
}

/** children: the grandchild outlives its parent. */
export async function grandson(): Promise<void> {
	await sleep(2); // py:grandson.sleep
	await print('孙子还活着'); // py:grandson.print
}

export async function son(): Promise<void> {
	await new Process({target: grandson}).start(); // py:son.start
	await print('儿子开了孙子'); // py:son.print
	await sleep(100); // py:son.sleep
}

export async function main({variant}: MainContext): Promise<void> {
	if (variant === 'holding-lock') {
		const lock = new Lock();
		const p = new Process({target: holder, args: [lock]});
		await p.start(); // py:main.start2
		await sleep(1); // py:main.sleep2
		await p.terminate(); // py:main.terminate2
		await p.join(); // py:main.join2
		await print('儿子被杀了, exitcode =', p.exitcode); // py:main.print4
		await lock.acquire(); // 锁没有被释放：死锁 · py:main.acquire
		await print('父亲拿到了锁'); // never printed
		return;
	}
	if (variant === 'children') {
		const p = new Process({target: son});
		await p.start(); // py:main.start3
		await sleep(1); // py:main.sleep3
		await p.terminate(); // py:main.terminate3
		await p.join(); // py:main.join3
		await print('儿子被杀了, exitcode =', p.exitcode); // py:main.print5
		return;
	}
	const p = new Process({target: func});
	await p.start(); // py:main.start
	await p.terminate(); // 杀死p进程，让解释器告诉操作系统，请杀掉p进程 · py:main.terminate
	await print('子进程是否还活着?', p.is_alive()); // py:main.print
	await sleep(0.002); // py:main.sleep
	await print('子进程是否还活着?', p.is_alive()); // py:main.print2
	await p.join(); // py:main.join
	await print('p.exitcode =', p.exitcode); // -15: ended by signal 15 (SIGTERM) · py:main.print3
}
