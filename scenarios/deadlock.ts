/**
 * deadlock — a lesson of the project's own, beyond the tutorials: two
 * processes take the same two locks in opposite orders. If each gets its
 * first lock before the other gets its second, both wait for ever: the run
 * ends as a deadlock and names who waits on which lock and who holds it.
 * Taking the locks in one agreed order (`ordered`) makes it impossible.
 */
import {Lock, Process, defineScenario, print, sleep, type MainContext} from '../source/scenario/api.js';

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
