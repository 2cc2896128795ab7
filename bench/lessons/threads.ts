/**
 * Bench lesson (target 4): one process starts `threads` Threads; each does
 * one step (a print) and ends. Variant `empty` starts none: the baseline
 * for memory.
 */
import {Thread, defineScenario, print, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'bench-threads',
	title: {zh: '基准：一个进程里1000个线程', en: 'bench: 1000 threads in one process'},
	summary: {zh: ['一个进程启动很多线程。', '每个线程只走一步。'], en: ['One process starts many threads.', 'Each thread takes one step.']},
	sources: ['bench'],
	group: 'extra',
	variants: {threads: {zh: '很多线程', en: 'many threads'}, empty: {zh: '空', en: 'none'}},
	defaultVariant: 'threads',
	options: {threads: {default: 1000, min: 0, max: 100_000, help: 'how many threads'}},
	expectedEnd: 'completed',
	processes: () => 1,
});

export async function step(i: number): Promise<void> {
	await print(i);
}

export async function main({variant, options}: MainContext): Promise<void> {
	if (variant === 'empty') return;
	const threads: Thread[] = [];
	for (let i = 0; i < options.threads!; i++) {
		const t = new Thread({target: step, args: [i]});
		await t.start();
		threads.push(t);
	}
	for (const t of threads) await t.join();
}
