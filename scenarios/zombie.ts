/**
 * zombie — seed 001 ("僵尸进程"): a child that has exited but whose parent
 * has not yet collected it is a zombie until the parent reaps it (join).
 *
 * 僵尸进程 / A zombie process
 *   zh: 子进程运行完成，但父进程迟迟没有回收（join）它：这时它还占着进程表里的一项，这就是僵尸进程。
 *       父进程 join（或 is_alive() 查询）之后才被回收；僵尸太多会浪费系统资源，所以要及时 join。
 *   en: The child has finished, but its parent has not collected it (join): it still holds a slot in the process table, a zombie.
 *       Only the parent's join (or an is_alive() that polls it) reaps it; many zombies waste the system's resources, so join in time.
 *
 * Variants
 *   zombie  the child prints and exits at once; the parent is busy for 3 s (sleep) before
 *           it joins: for those 3 s the child is a zombie (its row: ☠ zombie); join reaps
 *           it (exit code 0).
 *   poll    the same, but after 3 s the parent asks is_alive() instead of joining: in
 *           CPython that polls the child (waitpid), so it reaps the zombie too; then
 *           exitcode is 0 and there is nothing left for join to do.
 * Invariants
 *   zombie-until-reaped (hold): once the child has exited, it is a zombie of MainProcess
 *     until MainProcess reaps it: never a plain done before that, never a zombie after.
 *   reaped (hold, at the end): no zombie is left; the parent reaped its child, by join
 *     (zombie) or by is_alive() (poll).
 *
 * The lines are the lesson's own (001 describes zombies in prose only). The zombie is a
 * fact of the trace: the child's `done` state event names the parent that has to reap it
 * (`zombie: "MainProcess"`) and a `reap` event ends it (engine/trace.ts). In the `zombie`
 * variant the parent calls neither is_alive() nor exitcode before join, because in CPython
 * either one polls (waitpid) and so reaps the zombie: the `poll` variant shows exactly that.
 */
import {Process, defineScenario, getpid, print, sleep, type MainContext} from '../source/scenario/api.js';

export const meta = defineScenario({
	name: 'zombie',
	title: {zh: '僵尸进程：结束了但还没被回收', en: 'Zombies: exited, not yet reaped'},
	summary: {
		zh: ['子进程运行完成，但父进程迟迟没有回收（join）它：它还占着进程表里的一项，这就是僵尸进程。', '父进程 join（或 is_alive() 查询）之后才被回收；僵尸太多会浪费系统资源，所以要及时 join。'],
		en: ['The child has finished, but its parent has not collected it (join): it still holds a slot in the process table, a zombie.', 'Only the parent\'s join (or an is_alive() that polls it) reaps it; many zombies waste the system\'s resources, so join in time.'],
	},
	sources: ['001 (僵尸进程; lines are the lesson\'s own)'],
	group: 'process-life',
	variants: {
		zombie: {zh: '子进程马上结束，父进程3秒后才 join：中间3秒是僵尸', en: 'the child ends at once, the parent joins 3 s later: a zombie for 3 s'},
		poll: {zh: '3秒后父进程问 is_alive()：这一问也把僵尸回收了', en: 'after 3 s the parent asks is_alive(): asking reaps the zombie too'},
	},
	defaultVariant: 'zombie',
	invariants: [
		{
			name: 'zombie-until-reaped',
			text: {zh: '子进程结束后直到被回收前都是僵尸，回收后就不是了', en: 'once the child has exited it is a zombie until its parent reaps it, and not after'},
			check: s => {
				const child = s.tasks['Process-1'];
				if (child?.state !== 'done') return true;
				return child.reapedBy === undefined ? child.zombie === 'MainProcess' : child.zombie === undefined;
			},
		},
		{
			name: 'reaped',
			text: {zh: '结束前父进程回收了子进程：没有僵尸留下', en: 'before the end the parent has reaped its child: no zombie is left'},
			check: s => Object.values(s.tasks).every(t => t.zombie === undefined) && s.tasks['Process-1']?.reapedBy === 'MainProcess',
			when: 'end',
		},
	],
	expectedEnd: 'completed',
	processes: () => 2,
	captions: [
		{
			when: e => e.kind === 'reap' && e.via === 'join',
			text: {zh: 'join() 回收了子进程：僵尸没有了', en: 'join() reaped the child: the zombie is gone'},
		},
		{
			when: e => e.kind === 'reap' && e.via === 'is_alive',
			text: {zh: 'is_alive() 查询子进程时顺便回收了它（waitpid）：僵尸没有了', en: 'is_alive() polled the child (waitpid) and so reaped it: the zombie is gone'},
		},
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.zombie !== undefined,
			text: {zh: '子进程结束了，但父进程还没 join：它现在是僵尸进程（ps 里是 Z）', en: 'The child has exited, but its parent has not joined it: it is a zombie now (Z in ps)'},
		},
		{
			when: (e, s) => e.kind === 'gate' && e.task === 'MainProcess' && e.op === 'sleep' && e.state === 'blocked' && s.tasks['Process-1']?.zombie !== undefined,
			text: {zh: '父进程在忙别的事，没有回收子进程：僵尸一直占着进程表', en: 'The parent is busy with something else and does not reap its child: the zombie keeps its slot'},
		},
	],
});

export async function child(): Promise<void> {
	await print(`子进程${getpid()}: 运行结束`); // py:child.print
}

export async function main({variant}: MainContext): Promise<void> {
	const p = new Process({target: child});
	await p.start(); // py:main.start
	await print('父进程: 忙别的事, 还没有 join 子进程'); // py:main.print
	await sleep(3); // py:main.sleep
	if (variant === 'poll') {
		// is_alive() polls the child (waitpid): a child that has ended is reaped right here.
		await print('父进程: 子进程还活着吗?', p.is_alive()); // py:main.print2
		await print('父进程: 问 is_alive() 时已经回收完毕, exitcode =', p.exitcode); // py:main.print3
		return;
	}
	await p.join(); // 回收：子进程不再是僵尸 · py:main.join
	await print('父进程: join 了子进程, 回收完毕, exitcode =', p.exitcode); // py:main.print4
}
