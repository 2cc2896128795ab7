/**
 * zombie — seed 001 ("僵尸进程"): a child that has exited but whose parent
 * has not yet collected it is a zombie until the parent reaps it (join).
 *
 * 僵尸进程 / A zombie process
 *   zh: 子进程运行完成，但父进程迟迟没有回收（join）它：这时它还占着进程表里的一项，这就是僵尸进程。
 *       父进程 join 之后才被回收；僵尸太多会浪费系统资源，所以要及时 join。
 *   en: The child has finished, but its parent has not collected it (join): it still holds a slot in the process table, a zombie.
 *       Only the parent's join reaps it; many zombies waste the system's resources, so join in time.
 *
 * Variants
 *   zombie  the child prints and exits at once; the parent is busy for 3 s (sleep) before
 *           it joins: for those 3 s the child is a zombie; join reaps it (exit code 0).
 * Invariants
 *   reaped (hold): by the end the parent has joined its child and printed its exit code.
 *
 * The lines are the lesson's own (001 describes zombies in prose only). The zombie span is
 * shown from existing events: the child's `done` state, then the parent's `join` op; the
 * parent does not call is_alive() or exitcode in between, because in CPython either one
 * polls (waitpid) and so reaps the zombie.
 */
import {Process, defineScenario, getpid, print, sleep} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'zombie',
	title: {zh: '僵尸进程：结束了但还没被回收', en: 'Zombies: exited, not yet reaped'},
	summary: {
		zh: ['子进程运行完成，但父进程迟迟没有回收（join）它：它还占着进程表里的一项，这就是僵尸进程。', '父进程 join 之后才被回收；僵尸太多会浪费系统资源，所以要及时 join。'],
		en: ['The child has finished, but its parent has not collected it (join): it still holds a slot in the process table, a zombie.', 'Only the parent\'s join reaps it; many zombies waste the system\'s resources, so join in time.'],
	},
	sources: ['001 (僵尸进程; lines are the lesson\'s own)'],
	group: 'process-life',
	variants: {zombie: {zh: '子进程马上结束，父进程3秒后才 join：中间3秒是僵尸', en: 'the child ends at once, the parent joins 3 s later: a zombie for 3 s'}},
	defaultVariant: 'zombie',
	invariants: [
		{
			name: 'reaped',
			text: {zh: '结束前父进程 join 了子进程（回收了僵尸）', en: 'before the end the parent has joined (reaped) its child'},
			check: s => s.output.some(line => line.task === 'MainProcess' && line.text.includes('回收完毕')),
			when: 'end',
		},
	],
	expectedEnd: 'completed',
	processes: () => 2,
	captions: [
		{
			when: e => e.kind === 'op' && e.op === 'join' && e.obj === 'Process-1',
			text: {zh: 'join() 回收了子进程：僵尸没有了', en: 'join() reaped the child: the zombie is gone'},
		},
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'Process-1',
			text: {zh: '子进程结束了，但父进程还没 join：它现在是僵尸进程（ps 里是 Z）', en: 'The child has exited, but its parent has not joined it: it is a zombie now (Z in ps)'},
		},
		{
			when: e => e.kind === 'gate' && e.task === 'MainProcess' && e.op === 'sleep' && e.state === 'blocked',
			text: {zh: '父进程在忙别的事，没有回收子进程', en: 'The parent is busy with something else and does not reap its child'},
		},
	],
});

export async function child(): Promise<void> {
	await print(`子进程${getpid()}: 运行结束`);
}

export async function main(): Promise<void> {
	const p = new Process({target: child});
	await p.start();
	await print('父进程: 忙别的事, 还没有 join 子进程');
	await sleep(3);
	await p.join(); // 回收：子进程不再是僵尸
	await print('父进程: join 了子进程, 回收完毕, exitcode =', p.exitcode);
}
