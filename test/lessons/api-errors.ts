/**
 * A test lesson for the exceptions and re-entry rules the lesson API copies
 * from CPython: queue.Full and queue.Empty from the non-blocking and timed
 * put/get, BoundedSemaphore's ValueError on over-release, RLock re-entry
 * (and that another process still cannot get in), and the errors of
 * releasing a lock one does not hold. Each variant prints what it saw.
 */
import {BoundedSemaphore, Empty, Event, Full, Lock, Process, Queue, RLock, Semaphore, defineScenario, print} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'api-errors',
	title: {zh: 'API 测试', en: 'API rules'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		nowait: {zh: '', en: 'put_nowait on a full queue raises Full, get_nowait on an empty one Empty'},
		timeout: {zh: '', en: 'put and get with a timeout raise Full and Empty once it passes'},
		bounded: {zh: '', en: 'BoundedSemaphore refuses a release above its start; Semaphore does not'},
		'bounded-uncaught': {zh: '', en: 'an uncaught over-release ends the task with a ValueError traceback'},
		rlock: {zh: '', en: 'an RLock taken three deep by its holder, refused to another process until fully released'},
		'release-errors': {zh: '', en: 'releasing what one does not hold'},
	},
	defaultVariant: 'nowait',
	processes: () => 2,
});

function describeError(e: unknown): string {
	return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

async function nowait(): Promise<void> {
	const q = new Queue(2);
	await q.put_nowait('一');
	await q.put_nowait(['二', 2]);
	await print(`full ${q.full()} qsize ${q.qsize()}`);
	try {
		await q.put_nowait('三');
		await print('put_nowait on a full queue did not raise');
	} catch (e) {
		await print(`put_nowait: ${e instanceof Full} ${describeError(e)}`);
	}
	await print(`got ${JSON.stringify(await q.get_nowait())}`);
	await print(`got ${JSON.stringify(await q.get_nowait())}`);
	try {
		await q.get_nowait();
		await print('get_nowait on an empty queue did not raise');
	} catch (e) {
		await print(`get_nowait: ${e instanceof Empty} ${describeError(e)}`);
	}
	await print(`empty ${q.empty()} qsize ${q.qsize()}`);
}

async function timeout(): Promise<void> {
	const q = new Queue(1);
	await q.put('x');
	try {
		await q.put('y', true, 0.5);
		await print('a timed put on a full queue did not raise');
	} catch (e) {
		await print(`timed put: ${e instanceof Full} ${describeError(e)}`);
	}
	await q.get();
	try {
		await q.get(true, 0.25);
		await print('a timed get on an empty queue did not raise');
	} catch (e) {
		await print(`timed get: ${e instanceof Empty} ${describeError(e)}`);
	}
}

async function bounded(): Promise<void> {
	const b = new BoundedSemaphore(2);
	await b.acquire();
	await b.release();
	try {
		await b.release();
		await print('over-release did not raise');
	} catch (e) {
		await print(`bounded: ${describeError(e)}`);
	}
	await print(`bounded value ${b.get_value()}`);
	const s = new Semaphore(2);
	await s.release();
	await print(`plain value ${s.get_value()}`);
}

async function boundedUncaught(): Promise<void> {
	const b = new BoundedSemaphore(1);
	await b.release();
	await print('not reached');
}

export async function other(r: RLock, tried: Event, released: Event): Promise<void> {
	await print(`other try: ${await r.acquire(false)}`);
	await tried.set();
	await released.wait();
	await print(`other blocking: ${await r.acquire()}`);
	await r.release();
}

async function rlock(): Promise<void> {
	const r = new RLock();
	for (let i = 0; i < 3; i++) await r.acquire();
	await print(`main non-blocking re-entry: ${await r.acquire(false)}`);
	await r.release();
	const tried = new Event();
	const released = new Event();
	const p = new Process({target: other, args: [r, tried, released]});
	await p.start();
	await tried.wait();
	for (let i = 0; i < 3; i++) await r.release();
	await released.set();
	await p.join();
	await print(`exitcode ${p.exitcode}`);
}

async function releaseErrors(): Promise<void> {
	const l = new Lock();
	try {
		await l.release();
	} catch (e) {
		await print(`Lock: ${describeError(e)}`);
	}
	await l.acquire();
	await print(`Lock taken again by its holder without waiting: ${await l.acquire(false)}`);
	await l.release();
	const r = new RLock();
	try {
		await r.release();
	} catch (e) {
		await print(`RLock: ${describeError(e)}`);
	}
}

export async function main({variant}: {variant: string}): Promise<void> {
	if (variant === 'nowait') await nowait();
	else if (variant === 'timeout') await timeout();
	else if (variant === 'bounded') await bounded();
	else if (variant === 'bounded-uncaught') await boundedUncaught();
	else if (variant === 'rlock') await rlock();
	else await releaseErrors();
}
