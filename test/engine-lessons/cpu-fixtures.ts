/**
 * A test lesson for the engine's CPU scheduling: a process terminated while
 * it works, priorities set with nice(), a lock held across a CPU burst.
 */
import {Lock, Process, defineScenario, nice, print, sleep, work, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'cpu-fixtures',
	title: {zh: 'CPU', en: 'CPU'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		terminate: {zh: '', en: 'a process terminated on its core gives the core up'},
		nice: {zh: '', en: 'nice() sets the priority the priority policies use'},
		lock: {zh: '', en: 'a lock held across CPU bursts'},
	},
	defaultVariant: 'terminate',
	processes: () => 4,
});

export async function burn(units: number): Promise<void> {
	await work(units);
	await print(`burned ${units}`);
}

export async function niced(level: number, arrival: number, units: number): Promise<void> {
	await nice(level);
	await sleep(arrival);
	await work(units);
}

export async function locked(lock: Lock, units: number): Promise<void> {
	await lock.acquire();
	await work(units);
	await lock.release();
}

export async function main({variant}: MainContext): Promise<void> {
	switch (variant) {
		case 'terminate': {
			const long = new Process({target: burn, args: [10], name: 'long'});
			const short = new Process({target: burn, args: [3], name: 'short'});
			await long.start();
			await short.start();
			await sleep(2);
			await long.terminate();
			await short.join();
			return;
		}
		case 'nice': {
			const procs = [
				new Process({target: niced, args: [5, 0, 4], name: 'low'}),
				new Process({target: niced, args: [1, 1, 2], name: 'high'}),
				new Process({target: niced, args: [3, 1, 1], name: 'mid'}),
			];
			for (const p of procs) await p.start();
			for (const p of procs) await p.join();
			return;
		}
		case 'lock': {
			const lock = new Lock();
			const procs = [new Process({target: locked, args: [lock, 3], name: 'a'}), new Process({target: locked, args: [lock, 3], name: 'b'})];
			for (const p of procs) await p.start();
			for (const p of procs) await p.join();
			return;
		}
	}
}
