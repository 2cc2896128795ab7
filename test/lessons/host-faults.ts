/**
 * A test lesson for the engine host: what one run leaves for the next (module
 * state, primitive ids), which thread hosts the processes, and the faults a
 * lesson's code can commit that must stay one process's problem: a call not
 * awaited, process.exit(n), console output, a huge print, an RLock shared by
 * more tasks than the old task-id scheme could tell apart.
 */
import {threadId} from 'node:worker_threads';
import {Event, Lock, Process, RLock, Thread, defineScenario, print, sleep, work} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'host-faults',
	title: {zh: '测试用', en: 'engine host tests'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		state: {zh: '', en: 'module state and primitive ids as a run starts'},
		unawaited: {zh: '', en: 'a child calls lock.acquire() without await, then sleeps'},
		'ends-pending': {zh: '', en: 'a child returns while its acquire() still waits'},
		exit: {zh: '', en: 'a child calls process.exit(3)'},
		console: {zh: '', en: 'a child writes with console.log and console.error'},
		huge: {zh: '', en: 'a child prints 2 MiB in one line'},
		'many-threads': {zh: '', en: '4097 threads of one process take an RLock in turn while another process holds it'},
		'cpu-forever': {zh: '', en: 'two processes each ask for 900000 units of CPU, in slices of 1'},
		'busy-main': {zh: '', en: 'the main program loops without ever reaching a gate'},
		signals: {zh: '', en: 'a child prints, sets an Event and goes on printing; the parent, woken, terminates it at once; a daemon prints until the parent ends'},
	},
	defaultVariant: 'state',
	processes: () => 2,
});

/** Module state: each process's instance starts at 0, whatever ran before in the same thread. */
let counter = 0;

export async function state(): Promise<void> {
	counter++;
	const lock = new Lock();
	await print(`counter ${counter} ${lock.id} thread ${threadId}`);
}

export async function unawaited(lock: Lock): Promise<void> {
	void lock.acquire();
	await sleep(1);
	await print('not reached');
}

export async function endsPending(lock: Lock): Promise<void> {
	void lock.acquire();
}

export async function exiting(): Promise<void> {
	await print('bye');
	process.exit(3);
}

export async function consoling(): Promise<void> {
	console.log('to stdout', 1, {a: 1});
	console.error('\x1b[2Jto stderr');
	await print('after console');
}

export async function huge(): Promise<void> {
	await print('x'.repeat(2 * 1024 * 1024));
}

export async function holder(lock: RLock, ready: Lock): Promise<void> {
	await lock.acquire();
	await ready.release();
	await sleep(1);
	await lock.release();
}

async function takeTurn(lock: RLock, taken: {n: number}): Promise<void> {
	if (await lock.acquire(false)) {
		taken.n++;
		await lock.release();
	}
}

export async function manyThreads(lock: RLock, ready: Lock): Promise<void> {
	await ready.acquire();
	const taken = {n: 0};
	const threads = Array.from({length: 4097}, () => new Thread({target: takeTurn, args: [lock, taken]}));
	for (const t of threads) await t.start();
	for (const t of threads) await t.join();
	await print(`taken while held elsewhere: ${taken.n}`);
}

export async function signaller(ready: Event): Promise<void> {
	await print('child before set');
	await ready.set();
	for (let i = 0; ; i++) await print(`child after set ${i}`);
}

export async function chatter(): Promise<void> {
	for (let i = 0; ; i++) {
		await print(`daemon ${i}`);
		await sleep(0.01);
	}
}

export async function burn(): Promise<void> {
	await work(900_000);
}

export async function main({variant}: {variant: string}): Promise<void> {
	if (variant === 'cpu-forever') {
		for (const _ of [0, 1]) await new Process({target: burn}).start();
		return;
	}
	if (variant === 'busy-main') {
		await print('looping');
		for (;;) {
			// No gate: the host's thread is held until the watchdog ends this process.
		}
	}
	if (variant === 'signals') {
		const ready = new Event();
		const d = new Process({target: chatter, daemon: true});
		await d.start();
		const p = new Process({target: signaller, args: [ready]});
		await p.start();
		await ready.wait();
		await print('parent woken');
		await p.terminate();
		await p.join();
		await print(`child exitcode ${p.exitcode}`);
		return;
	}
	const lock = new Lock();
	const target = {state, unawaited, 'ends-pending': endsPending, exit: exiting, console: consoling, huge, 'many-threads': manyThreads}[variant]!;
	if (variant === 'state') {
		await state();
		const p = new Process({target: state});
		await p.start();
		await p.join();
		return;
	}
	if (variant === 'many-threads') {
		const rlock = new RLock();
		const ready = new Lock();
		await ready.acquire();
		// The threads' process first: under ids of (slot + 1) * 4096 + t, its 4096th thread had the id of the holder's main task.
		const m = new Process({target: manyThreads, args: [rlock, ready]});
		const h = new Process({target: holder, args: [rlock, ready]});
		await m.start();
		await h.start();
		await h.join();
		await m.join();
		return;
	}
	await lock.acquire();
	const p = new Process({target, args: [lock]});
	const other = new Process({target: state});
	await p.start();
	await other.start();
	await lock.release();
	await p.join();
	await other.join();
	await print(`exitcode ${p.exitcode}`);
}
