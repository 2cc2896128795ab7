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
 * Invariants
 *   never-prints-123 (hold): the child is killed during its sleep(1), before it prints 123.
 *
 * In conc-tui, as in CPython, terminate() takes effect before the next scheduling decision:
 * the first is_alive() is read in the same step as terminate() and is True.
 */
import {Process, defineScenario, print, sleep} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'terminate',
	title: {zh: 'terminate()：杀掉子进程', en: 'terminate(): killing a child'},
	summary: {
		zh: ['terminate() 请操作系统杀掉子进程，但不会立即生效：马上查看 is_alive() 还是 True。', '稍等一下再看就是 False；被 SIGTERM 杀掉的进程 exitcode 是 -15。'],
		en: ['terminate() asks the OS to kill the child, but not at once: is_alive() right after is still True.', 'A moment later it is False; a process killed by SIGTERM has exit code -15.'],
	},
	sources: ['003 (is_alive()和terminate(), 属性介绍: exitcode -N)', '001 (terminate, is_alive)'],
	group: 'process-life',
	variants: {terminate: {zh: 'terminate() 后 is_alive() 先 True 后 False，exitcode -15', en: 'after terminate(), is_alive() is True, then False; exit code -15'}},
	defaultVariant: 'terminate',
	invariants: [
		{
			name: 'never-prints-123',
			text: {zh: '子进程在 sleep(1) 里被杀，打印不出 123', en: 'the child is killed in its sleep(1) and never prints 123'},
			check: s => !s.output.some(line => line.text === '123'),
		},
	],
	expectedEnd: 'completed',
	processes: () => 2,
	captions: [
		{
			when: e => e.kind === 'print' && e.text.endsWith('True'),
			text: {zh: 'terminate() 刚发出：那一刻 is_alive() 还是 True', en: 'terminate() was just sent: at that moment is_alive() was still True'},
		},
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.exitcode === -15,
			text: {zh: '子进程被 SIGTERM 杀掉了：exitcode -15，123 永远不会打印', en: 'The child is killed by SIGTERM: exit code -15, and 123 is never printed'},
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

export async function main(): Promise<void> {
	const p = new Process({target: func});
	await p.start(); // py:main.start
	await p.terminate(); // 杀死p进程，让解释器告诉操作系统，请杀掉p进程 · py:main.terminate
	await print('子进程是否还活着?', p.is_alive()); // py:main.print
	await sleep(0.002); // py:main.sleep
	await print('子进程是否还活着?', p.is_alive()); // py:main.print2
	await p.join(); // py:main.join
	await print('p.exitcode =', p.exitcode); // -15: ended by signal 15 (SIGTERM) · py:main.print3
}
