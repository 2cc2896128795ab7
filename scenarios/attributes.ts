/**
 * attributes — seed 003 ("常用属性", "属性介绍") and 001 ("Process对象的其他属性"):
 * what the parent can read about a child: its name, pid, daemon flag and exit code.
 *
 * 进程的属性 / A process's attributes
 *   zh: p.name 是名字（可以改），p.pid 是进程号，p.daemon 表示是不是守护进程（默认 False）。
 *       p.exitcode：开启前和运行中是 None，正常结束是 0，被信号 N 结束是 -N。
 *   en: p.name is its name (you may change it), p.pid its process id, p.daemon whether it is a daemon (False by default).
 *       p.exitcode is None before it ends, 0 after a normal end, -N when signal N ended it.
 *
 * Variants
 *   attributes  the tutorial's program: start, rename to 'alex', print name, pid, daemon;
 *               plus the exit code before start (None) and after join (0), from 003's 属性介绍.
 * Invariants
 *   pid-is-childs (hold): the pid the parent prints is the child's real pid.
 *
 * Renaming after start() changes the parent's object only: the child's row keeps the name
 * it was started with (Process-1). The terminate lesson shows the exit code -15.
 */
import {Process, defineScenario, getpid, print, type ViewState} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'attributes',
	title: {zh: '进程的属性：name、pid、daemon、exitcode', en: "A process's attributes: name, pid, daemon, exitcode"},
	summary: {
		zh: ['p.name 是名字（可以改），p.pid 是进程号，p.daemon 表示是不是守护进程（默认 False）。', 'p.exitcode：结束前是 None，正常结束是 0，被信号 N 结束是 -N。'],
		en: ['p.name is its name (you may change it), p.pid its process id, p.daemon whether it is a daemon (False by default).', 'p.exitcode is None until it ends, 0 after a normal end, -N when signal N ended it.'],
	},
	sources: ['003 (常用属性, 属性介绍: exitcode)', '001 (Process对象的其他属性)'],
	group: 'process-life',
	variants: {attributes: {zh: '改名 alex，打印名字、pid、是否守护进程、exitcode', en: "rename to 'alex'; print name, pid, daemon flag, exit code"}},
	defaultVariant: 'attributes',
	invariants: [
		{
			name: 'pid-is-childs',
			text: {zh: '父进程打印的 pid 就是子进程真正的 pid', en: "the pid the parent prints is the child's real pid"},
			check: (s: ViewState) =>
				s.output.every(line => {
					const m = /^儿子的pid是(\d+)$/.exec(line.text);
					return !m || Number(m[1]) === s.tasks['Process-1']?.pid;
				}),
		},
	],
	expectedEnd: 'completed',
	processes: () => 2,
	captions: [
		{
			when: e => e.kind === 'print' && e.text.startsWith('儿子的名字是'),
			text: {zh: '改名只改了父进程手里的对象：子进程那一行还叫 Process-1', en: "Renaming changes the parent's object only: the child's row is still Process-1"},
		},
		{
			when: e => e.kind === 'print' && e.text.startsWith('儿子是不是守护进程'),
			text: {zh: 'daemon 默认是 False，必须在 start() 之前设置', en: 'daemon is False unless set, and only before start()'},
		},
		{
			when: e => e.kind === 'print' && e.text.startsWith('p.exitcode') && e.text.endsWith(' 0'),
			text: {zh: 'join 之后 exitcode 是 0：正常结束', en: 'After join the exit code is 0: a normal end'},
		},
	],
});

export async function func(): Promise<void> {
	await print(`这里是儿子,儿子的pid是${getpid()}`); // py:func.print
}

export async function main(): Promise<void> {
	const p = new Process({target: func});
	await print('p.exitcode =', p.exitcode); // None: not started yet · py:main.print
	await p.start(); // py:main.start
	p.name = 'alex';
	await print(`儿子的名字是${p.name}`); // py:main.print2
	await print(`儿子的pid是${p.pid}`); // py:main.print3
	await print('儿子是不是守护进程?', p.daemon); // py:main.print4
	await p.join(); // py:main.join
	await print('p.exitcode =', p.exitcode); // 0: ended normally · py:main.print5
}
