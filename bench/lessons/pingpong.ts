/**
 * Bench lesson (target 1): two processes take turns on one Lock, many times.
 * Every acquire and release is a controlled step; a blocked acquire is one
 * more step when it retries. Steps per second of this run are the engine's
 * controlled-mode throughput.
 */
import {Lock, Process, defineScenario, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'bench-pingpong',
	title: {zh: '基准：两个进程轮流拿锁', en: 'bench: two processes ping-pong on a lock'},
	summary: {zh: ['两个进程轮流拿同一把锁。', '每一步都由调度器放行。'], en: ['Two processes take turns on one lock.', 'Every step is granted by the scheduler.']},
	sources: ['bench'],
	group: 'extra',
	variants: {lock: {zh: '一把锁', en: 'one lock'}},
	defaultVariant: 'lock',
	options: {rounds: {default: 20000, min: 1, max: 10_000_000, help: 'acquire/release rounds per process'}},
	expectedEnd: 'completed',
	processes: () => 3,
});

export async function player(lock: Lock, rounds: number): Promise<void> {
	for (let i = 0; i < rounds; i++) {
		await lock.acquire();
		await lock.release();
	}
}

export async function main({options}: MainContext): Promise<void> {
	const lock = new Lock();
	for (let i = 0; i < 2; i++) await new Process({target: player, args: [lock, options.rounds!]}).start();
}
