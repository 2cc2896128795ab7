/**
 * A test lesson: one variant per CPython behaviour the engine must copy
 * (daemons, terminate, exceptions, thread exit, busy loops, broken invariants).
 */
import {Process, Thread, ValueError, defineScenario, print, sleep, work, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'behaviours',
	title: {zh: '行为', en: 'behaviours'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		daemon: {zh: '', en: 'a daemon dies when the main code ends'},
		'daemon-child': {zh: '', en: 'a daemon cannot have children'},
		terminate: {zh: '', en: 'terminate: still alive for a moment, then -15'},
		exception: {zh: '', en: 'a task that throws ends with 1, others go on'},
		threads: {zh: '', en: 'a process waits for its non-daemon threads'},
		busy: {zh: '', en: 'a busy loop is reported and terminated'},
		broken: {zh: '', en: 'an invariant expected to hold breaks'},
		work: {zh: '', en: 'two processes each work 5 units'},
		gil: {zh: '', en: 'two threads of one process each work 5 units'},
	},
	defaultVariant: 'daemon',
	invariants: [
		{
			name: 'nothing-printed',
			text: {zh: '', en: 'nothing is printed'},
			check: s => s.output.length === 0,
			expect: {daemon: 'breakable', 'daemon-child': 'breakable', terminate: 'breakable', exception: 'breakable', threads: 'breakable', busy: 'breakable', broken: 'hold', work: 'hold', gil: 'hold'},
		},
	],
	processes: () => 3,
});

export async function ticker(): Promise<void> {
	for (;;) {
		await print('tick');
		await sleep(1);
	}
}

export async function child(): Promise<void> {
	await print('child');
}

export async function daemonParent(): Promise<void> {
	await new Process({target: child}).start();
}

export async function sleeper(): Promise<void> {
	await sleep(10);
	await print('woke');
}

export async function boom(): Promise<void> {
	await print('before');
	throw new ValueError('kaboom');
}

export async function steady(): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await print(`steady ${i}`);
		await sleep(1);
	}
}

export async function spin(): Promise<void> {
	await print('spinning');
	for (;;) {
		// never reaches another gate
	}
}

export async function crunch(): Promise<void> {
	await work(5);
}

async function late(): Promise<void> {
	await sleep(2);
	await print('thread done');
}

export async function main({variant}: MainContext): Promise<void> {
	switch (variant) {
		case 'daemon': {
			await new Process({target: ticker, daemon: true}).start();
			await sleep(3.5);
			await print('main done');
			return;
		}
		case 'daemon-child': {
			const d = new Process({target: daemonParent, daemon: true});
			await d.start();
			await d.join();
			await print(`exitcode ${d.exitcode}`);
			return;
		}
		case 'terminate': {
			const p = new Process({target: sleeper});
			await p.start();
			await p.terminate();
			await print(`alive ${p.is_alive()}`);
			await sleep(0.1);
			await print(`alive ${p.is_alive()} exitcode ${p.exitcode}`);
			return;
		}
		case 'exception': {
			const a = new Process({target: boom});
			const b = new Process({target: steady});
			await a.start();
			await b.start();
			await a.join();
			await b.join();
			await print(`exitcodes ${a.exitcode} ${b.exitcode}`);
			return;
		}
		case 'threads': {
			await new Thread({target: late}).start();
			await print('main returns');
			return;
		}
		case 'busy': {
			const p = new Process({target: spin});
			const q = new Process({target: steady});
			await p.start();
			await q.start();
			await q.join();
			await p.join();
			await print(`busy exitcode ${p.exitcode}`);
			return;
		}
		case 'work': {
			const a = new Process({target: crunch});
			const b = new Process({target: crunch});
			await a.start();
			await b.start();
			return;
		}
		case 'gil': {
			await new Thread({target: crunch}).start();
			await new Thread({target: crunch}).start();
			return;
		}
		case 'broken':
			await print('something');
			return;
	}
}
