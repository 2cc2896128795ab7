/**
 * A test lesson for free mode (gates open, the OS schedules): each variant
 * hammers one primitive from several processes or threads through the
 * lesson API, and prints what it counted, so the test can check that the
 * primitives held under real contention. A variant that finds its primitive
 * broken throws: the traceback lands on stderr and the task ends with 1.
 *
 * The `nolock` variants are controls: the same loops without the lock, to
 * prove the counters do catch a race.
 */
import {AssertionError, Event, JoinableQueue, Lock, Process, Queue, RLock, Semaphore, Thread, Value, defineScenario, print, sleep, type MainContext} from '../../source/scenario/api.js';
import {payload} from '../fixtures/items.js';

export const meta = defineScenario({
	name: 'free-stress',
	title: {zh: '压力测试', en: 'free-mode stress'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		lock: {zh: '', en: 'processes take a Lock; a Value counter updated inside ends exact'},
		rlock: {zh: '', en: 'the same with an RLock taken twice (re-entry) each time'},
		nolock: {zh: '', en: 'control: the same loops without the lock lose updates'},
		sem: {zh: '', en: 'processes pass a Semaphore(2); never more than 2 inside'},
		queue: {zh: '', en: '3 producers, 3 consumers on a bounded Queue'},
		joinable: {zh: '', en: 'JoinableQueue: task_done by daemon consumers, join in main'},
		event: {zh: '', en: 'one process sets events in turn, four wait on each'},
		threads: {zh: '', en: 'threads of two processes take one Lock'},
		'threads-rlock': {zh: '', en: 'threads of one process take an RLock, re-entering it'},
		'threads-nolock': {zh: '', en: 'control: threads without the lock lose updates'},
		'threads-queue': {zh: '', en: 'a Queue(3) and a Semaphore(2) between threads of one process'},
		'deadlock-lock': {zh: '', en: 'main holds a Lock and joins a child that waits for it'},
		'deadlock-sem': {zh: '', en: 'main holds a Semaphore(1) and joins a child that waits for it'},
		'lock-timeout': {zh: '', en: 'a child alone in its process times out on a held Lock, then waits for it until main lets go'},
	},
	defaultVariant: 'lock',
	options: {
		n: {default: 2000, min: 1, max: 100_000, help: 'iterations per task'},
		procs: {default: 4, min: 1, max: 16, help: 'processes'},
	},
	processes: (o, variant) => (variant.startsWith('threads') ? 3 : variant === 'queue' || variant === 'joinable' ? 7 : (o.procs ?? 4) + 2),
});

function broken(what: string): never {
	throw new AssertionError(what);
}

/** Lets the other threads of this process run (a real macrotask hop, not only a microtask). */
function yieldNow(): Promise<void> {
	return new Promise(resolve => setImmediate(resolve));
}

// ---- locks across processes --------------------------------------------

export async function locker(name: string, lock: Lock | null, reentrant: boolean, count: Value, inside: Value, go: Event, n: number): Promise<void> {
	await go.wait();
	for (let i = 0; i < n; i++) {
		if (lock) {
			await lock.acquire();
			if (reentrant) {
				await lock.acquire(); // an RLock's holder takes it again at once
				if (!(await lock.acquire(false))) broken(`${name}: could not take its own RLock a third time`);
				await lock.release();
			}
		}
		if ((await inside.load()) !== 0) {
			if (lock) broken(`${name} found someone inside the lock at iteration ${i}`);
		}
		await inside.store(1);
		await count.store((await count.load()) + 1); // count.value += 1: a read, then a write
		await inside.store(0);
		if (lock) {
			if (reentrant) await lock.release();
			await lock.release();
		}
		// A free-mode process that never yields posts its events only at its end: yield now and then.
		if (i % 50 === 49) await yieldNow();
	}
}

async function locks(variant: string, n: number, procs: number): Promise<void> {
	const lock = variant === 'nolock' ? null : variant === 'rlock' ? new RLock() : new Lock();
	const count = new Value('i', 0, {lock: false});
	const inside = new Value('i', 0, {lock: false});
	const go = new Event();
	const ps = Array.from({length: procs}, (_, i) => new Process({target: locker, args: [`P${i}`, lock, variant === 'rlock', count, inside, go, n]}));
	for (const p of ps) await p.start();
	await go.set(); // all start together, so they really contend
	for (const p of ps) await p.join();
	await print(`count ${await count.load()}`);
	await print(`exitcodes ${ps.map(p => p.exitcode).join(' ')}`);
	if (lock) await print(`locked ${lock.locked()}`);
}

// ---- a semaphore ---------------------------------------------------------

export async function singer(name: string, sem: Semaphore, limit: number, inside: Value, most: Value, go: Event, n: number): Promise<void> {
	await go.wait();
	const guard = inside.get_lock();
	for (let i = 0; i < n; i++) {
		await sem.acquire();
		await guard.with(async () => {
			const now = (await inside.load()) + 1;
			if (now > limit) broken(`${name}: ${now} inside a Semaphore(${limit})`);
			await inside.store(now);
			if (now > (await most.load())) await most.store(now);
		});
		await yieldNow();
		await guard.with(async () => inside.store((await inside.load()) - 1));
		await sem.release();
	}
}

async function semaphore(n: number, procs: number): Promise<void> {
	const limit = 2;
	const sem = new Semaphore(limit);
	const inside = new Value('i', 0);
	const most = new Value('i', 0, {lock: false});
	const go = new Event();
	const ps = Array.from({length: procs + 1}, (_, i) => new Process({target: singer, args: [`P${i}`, sem, limit, inside, most, go, n]}));
	for (const p of ps) await p.start();
	await go.set();
	for (const p of ps) await p.join();
	await print(`most ${await most.load()}`);
	await print(`inside ${await inside.load()}`);
	await print(`value ${sem.get_value()}`);
}

// ---- queues ----------------------------------------------------------------

export async function producer(q: Queue, me: number, n: number): Promise<void> {
	for (let seq = 0; seq < n; seq++) {
		await q.put([me, seq, payload(me, seq)]);
		if (seq % 50 === 49) await yieldNow();
	}
}

/** Gets until None; checks each body; sends back, per producer, the numbers it got in order. */
export async function consumer(q: Queue, results: Queue, producers: number): Promise<void> {
	const got: number[][] = Array.from({length: producers}, () => []);
	const corrupt: string[] = [];
	for (;;) {
		const item = await q.get();
		if (item === null) break;
		const [p, seq, body] = item as [number, number, string];
		if (body !== payload(p, seq)) corrupt.push(`${p}/${seq}`);
		got[p]!.push(seq);
	}
	await results.put({got, corrupt});
}

async function queue(n: number): Promise<void> {
	const q = new Queue(5);
	const results = new Queue();
	const consumers = Array.from({length: 3}, () => new Process({target: consumer, args: [q, results, 3]}));
	const producers = Array.from({length: 3}, (_, me) => new Process({target: producer, args: [q, me, n]}));
	for (const p of [...consumers, ...producers]) await p.start();
	for (const p of producers) await p.join();
	for (let i = 0; i < consumers.length; i++) await q.put(null);
	const all: unknown[] = [];
	for (let i = 0; i < consumers.length; i++) all.push(await results.get());
	for (const p of consumers) await p.join();
	await print(`results ${JSON.stringify(all)}`);
	await print(`qsize ${q.qsize()}`);
}

export async function worker(q: JoinableQueue, done: Value): Promise<void> {
	for (;;) {
		const item = await q.get();
		if (!Array.isArray(item)) broken(`a JoinableQueue gave ${String(item)}`);
		await done.get_lock().with(async () => done.store((await done.load()) + 1)); // counted before task_done
		await q.task_done();
	}
}

async function joinable(n: number): Promise<void> {
	const q = new JoinableQueue();
	const done = new Value('i', 0);
	for (let i = 0; i < 3; i++) await new Process({target: worker, args: [q, done], daemon: true}).start();
	const producers = Array.from({length: 2}, (_, me) => new Process({target: producer, args: [q, me, n]}));
	for (const p of producers) await p.start();
	for (const p of producers) await p.join();
	await q.join(); // every item put has been marked done
	await print(`done ${await done.load()}`);
	await print(`qsize ${q.qsize()}`);
}

// ---- events ----------------------------------------------------------------

export async function eventWaiter(name: string, events: Event[], woke: Value): Promise<void> {
	for (const [i, e] of events.entries()) {
		if (!(await e.wait())) broken(`${name}: wait on event ${i} returned False`);
		await woke.get_lock().with(async () => woke.store((await woke.load()) + 1));
	}
}

export async function eventSetter(events: Event[]): Promise<void> {
	for (const [i, e] of events.entries()) {
		for (let k = 0; k < i % 4; k++) await yieldNow(); // sometimes at once, sometimes once they have parked
		await e.set();
	}
}

async function events(n: number, procs: number): Promise<void> {
	const es = Array.from({length: Math.min(n, 200)}, () => new Event());
	const woke = new Value('i', 0);
	const ps = [...Array.from({length: procs}, (_, i) => new Process({target: eventWaiter, args: [`W${i}`, es, woke]})), new Process({target: eventSetter, args: [es]})];
	for (const p of ps) await p.start();
	for (const p of ps) await p.join();
	await print(`woke ${await woke.load()} of ${es.length * procs}`);
	await print(`set ${es.filter(e => e.is_set()).length} of ${es.length}`);
}

// ---- threads ---------------------------------------------------------------

/** One variable of this process, shared by its threads (and not by other processes). */
let counter = 0;
let holders = 0;

async function threadLoop(name: string, lock: Lock | null, reentrant: boolean, shared: Value | null, n: number): Promise<void> {
	for (let i = 0; i < n; i++) {
		if (lock) await lock.acquire();
		if (reentrant && lock) await lock.acquire();
		if (holders !== 0 && lock) broken(`${name} found another thread inside the lock`);
		holders++;
		const x = counter;
		await yieldNow(); // the others run here; only the lock keeps them out
		counter = x + 1;
		if (shared) await shared.store((await shared.load()) + 1);
		holders--;
		if (reentrant && lock) await lock.release();
		if (lock) await lock.release();
	}
}

export async function threaded(lock: Lock | null, reentrant: boolean, shared: Value | null, threads: number, n: number): Promise<void> {
	const ts = Array.from({length: threads}, (_, i) => new Thread({target: threadLoop, args: [`T${i}`, lock, reentrant, shared, n]}));
	for (const t of ts) await t.start();
	for (const t of ts) await t.join();
	await print(`threads counted ${counter} of ${threads * n}`);
}

/** Producer and consumer threads of one process on a bounded queue; each item is passed inside a Semaphore(2). */
async function threadQueue(n: number): Promise<void> {
	const q = new Queue(3);
	const sem = new Semaphore(2);
	let inside = 0;
	let most = 0;
	const got: number[][] = [[], []];
	const produce = async (me: number): Promise<void> => {
		for (let seq = 0; seq < n; seq++) await q.put([me, seq, payload(me, seq)]);
	};
	const consume = async (): Promise<void> => {
		for (;;) {
			const item = await q.get();
			if (item === null) return;
			await sem.acquire();
			most = Math.max(most, ++inside);
			await yieldNow();
			inside--;
			await sem.release();
			const [p, seq, body] = item as [number, number, string];
			if (body !== payload(p, seq)) broken(`thread got a torn item ${p}/${seq}`);
			got[p]!.push(seq);
		}
	};
	const producers = [0, 1].map(me => new Thread({target: produce, args: [me]}));
	const consumers = [0, 1, 2].map(() => new Thread({target: consume}));
	for (const t of [...consumers, ...producers]) await t.start();
	for (const t of producers) await t.join();
	for (let i = 0; i < consumers.length; i++) await q.put(null);
	for (const t of consumers) await t.join();
	const exact = got.every(seqs => seqs.length === n && [...seqs].sort((a, b) => a - b).every((x, i) => x === i));
	await print(`threads queue ${exact ? 'exact' : JSON.stringify(got)}`);
	await print(`threads most ${most}`);
}

async function threadVariants(variant: string, n: number): Promise<void> {
	if (variant === 'threads-queue') return threadQueue(n);
	if (variant === 'threads') {
		const lock = new Lock();
		const shared = new Value('i', 0, {lock: false});
		const ps = Array.from({length: 2}, () => new Process({target: threaded, args: [lock, false, shared, 3, n]}));
		for (const p of ps) await p.start();
		for (const p of ps) await p.join();
		await print(`shared ${await shared.load()} of ${2 * 3 * n}`);
		return;
	}
	const lock = variant === 'threads-rlock' ? new RLock() : null;
	await threaded(lock, lock !== null, null, 4, n);
}

// ---- a lone task's wait, which parks its whole worker ----------------------

/** Prints what each acquire returned and what `released` held then: 1 only once main has let go. */
export async function triesTwice(lock: Lock, tried: Event, released: Value): Promise<void> {
	const first = await lock.acquire(true, 0.5);
	await print(`got ${first}, released ${await released.load()}`);
	await tried.set();
	const second = await lock.acquire();
	await print(`got ${second}, released ${await released.load()}`);
	await lock.release();
}

async function lockTimeout(): Promise<void> {
	const lock = new Lock();
	const tried = new Event();
	const released = new Value('i', 0);
	await lock.acquire();
	const p = new Process({target: triesTwice, args: [lock, tried, released]});
	await p.start();
	await tried.wait();
	// Long enough (real time, free mode) for the child to be parked in its second acquire.
	await sleep(5);
	await released.store(1);
	await lock.release();
	await p.join();
}

// ---- a deadlock, which free mode must report, not hang on ------------------

export async function waitsForIt(l: Lock | Semaphore): Promise<void> {
	await print('child tries');
	await l.acquire();
	await print('never printed');
}

async function deadlock(variant: string): Promise<void> {
	const l = variant === 'deadlock-lock' ? new Lock() : new Semaphore(1);
	await l.acquire();
	const p = new Process({target: waitsForIt, args: [l]});
	await p.start();
	await p.join();
}

export async function main({variant, options}: MainContext): Promise<void> {
	const n = options.n!;
	if (variant.startsWith('deadlock')) return deadlock(variant);
	if (variant === 'lock-timeout') return lockTimeout();
	const procs = options.procs!;
	if (variant === 'lock' || variant === 'rlock' || variant === 'nolock') await locks(variant, n, procs);
	else if (variant === 'sem') await semaphore(n, procs);
	else if (variant === 'queue') await queue(n);
	else if (variant === 'joinable') await joinable(n);
	else if (variant === 'event') await events(n, procs);
	else await threadVariants(variant, n);
}
