/**
 * deadlock — a lesson of the project's own, beyond the tutorials: two
 * processes take the same two locks in opposite orders. If each gets its
 * first lock before the other gets its second, both wait for ever: the run
 * ends as a deadlock and names who waits on which lock and who holds it.
 * Taking the locks in one agreed order (`ordered`) makes it impossible.
 */
import {Lock, Process, defineScenario, print, sleep, type MainContext, type ViewState} from '../source/scenario/api.js';

/** The locks a task holds, by their names (`A`, `B`). */
function locksOf(s: ViewState, task: string): string[] {
	return Object.values(s.prims).flatMap(p => (p.type === 'Lock' && p.holder === task ? [p.name ?? p.obj] : []));
}

export const meta = defineScenario({
	name: 'deadlock',
	title: {zh: '死锁：两把锁，相反的顺序', en: 'Deadlock: two locks, opposite orders'},
	summary: {
		zh: ['两个进程都要两把锁，一个先拿A再拿B，另一个先拿B再拿A。', '各拿到一把之后，谁也等不到另一把：永远阻塞。按同一顺序拿锁就不会死锁。'],
		en: ['Two processes both need two locks: one takes A then B, the other B then A.', 'Once each holds one, neither ever gets the other: blocked for ever. One agreed order prevents it.'],
	},
	sources: ['the project\'s own lesson (not in the tutorials)'],
	group: 'extra',
	variants: {
		opposite: {zh: '相反顺序：会死锁', en: 'opposite orders: deadlocks'},
		ordered: {zh: '同一顺序：不会死锁', en: 'one order: never deadlocks'},
	},
	defaultVariant: 'opposite',
	defaultSeed: 1,
	expectedEnd: {opposite: 'deadlock', ordered: 'completed'},
	processes: () => 3,
	challenges: [
		{
			variant: 'opposite',
			goal: {zh: '走到死锁：两个进程各拿一把锁，都等对方那把', en: 'reach the deadlock: each process holding one lock, waiting for the other'},
			won: {zh: '死锁了：两个进程各拿一把锁，谁也等不到另一把', en: 'deadlock: each holds one lock and neither gets the other'},
			win: {deadlock: true},
		},
	],
	captions: [
		{
			// The run ends at the very step the second process blocks, so this caption says that step too.
			when: e => e.kind === 'end' && e.outcome === 'deadlock',
			text: {
				zh: '死锁：P1 拿着 A 等 B，P2 拿着 B 等 A。两个都阻塞在 acquire，谁也不会先放手，没有任何任务能再运行',
				en: 'Deadlock: P1 holds A and waits for B, P2 holds B and waits for A. Both block in acquire, neither lets go first, and no task can run again',
			},
		},
		{
			when: (e, s) => e.kind === 'end' && e.outcome === 'completed' && s.run?.variant === 'ordered',
			text: {zh: '按同一顺序拿锁：谁先拿到 A，谁就一定能拿到 B，所以不会死锁', en: 'One order for the locks: whoever gets A first is sure to get B too, so there is no deadlock'},
		},
		{
			when: (e, s) => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire' && locksOf(s, e.task).length > 0,
			text: {zh: '第二把锁在对方手里：这个进程阻塞在 acquire，手里那把锁也不放', en: 'Its second lock is held by the other process: this one blocks in acquire, still holding its first'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire',
			text: {zh: '它要的第一把锁被对方拿着：它在这里等，手里一把锁也没有，挡不住对方', en: 'Its first lock is taken: it waits here holding no lock, so it stands in nobody’s way'},
		},
		{
			when: (e, s) => e.kind === 'op' && e.op === 'acquire' && Object.values(s.tasks).filter(t => locksOf(s, t.name).length === 1).length === 2,
			text: {zh: '现在两个进程各拿着一把锁：P1 拿着 A，P2 拿着 B，可两个都还要另一把', en: 'Now each process holds one lock: P1 has A, P2 has B, and each still needs the other'},
		},
		{
			when: e => e.kind === 'print' && e.text.endsWith('拿到了两把锁'),
			text: {zh: '拿到了两把锁：用完释放，另一个进程就能接着拿', en: 'It has both locks: once it is done and lets go, the other can take them'},
		},
		{
			when: e => e.kind === 'print' && e.text.endsWith('拿到了第一把锁'),
			text: {zh: '拿到了第一把锁，睡0.1秒，再去拿第二把', en: 'It has its first lock; it sleeps 0.1 s, then goes for the second'},
		},
	],
});

export async function worker(name: string, first: Lock, second: Lock): Promise<void> {
	await first.acquire(); // py:worker.acquire
	await print(`${name} 拿到了第一把锁`); // py:worker.print
	await sleep(0.1); // py:worker.sleep
	await second.acquire(); // py:worker.acquire2
	await print(`${name} 拿到了两把锁`); // py:worker.print2
	await second.release(); // py:worker.release
	await first.release(); // py:worker.release2
}

export async function main({variant}: MainContext): Promise<void> {
	const a = new Lock({name: 'A'});
	const b = new Lock({name: 'B'});
	await new Process({target: worker, args: ['P1', a, b]}).start(); // py:main.start
	await new Process({target: worker, args: variant === 'ordered' ? ['P2', a, b] : ['P2', b, a]}).start(); // py:main.start2
}
