/**
 * A test lesson for free mode, as free-stress.ts, for the primitives made
 * after it: a Condition (two, over one lock) between producer and consumer
 * processes, a Barrier that processes pass round after round, an Array the
 * producers and consumers share, the queue module's queues between threads,
 * and a multiprocessing SimpleQueue. Each variant prints what it counted; a
 * variant that finds its primitive broken throws.
 */
import {
	Array as SharedArray,
	AssertionError,
	Barrier,
	Condition,
	Lock,
	Manager,
	Pool,
	type DictProxy,
	type ListProxy,
	Process,
	SimpleQueue,
	Thread,
	Timer,
	Value,
	local,
	defineScenario,
	print,
	queue,
	type MainContext,
} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'free-stress-more',
	title: {zh: '压力测试', en: 'free-mode stress, more'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		condition: {zh: '', en: 'producers and consumers of a bounded buffer (an Array) wait on two Conditions over one Lock'},
		barrier: {zh: '', en: 'processes pass a Barrier round after round; nobody passes a round before all have arrived'},
		'thread-queues': {zh: '', en: 'threads pass items through a LifoQueue(3) and a PriorityQueue(3)'},
		'simple-queue': {zh: '', en: 'processes put into a SimpleQueue, main gets every item'},
		manager: {zh: '', en: "processes count in a Manager's dict under a Lock and append to its list"},
		pool: {zh: '', en: 'a Pool of 3 maps over many items, and apply_async jobs wait for each other in a Queue'},
		'local-timer': {zh: '', en: 'threads keep their own threading.local values across waits; Timers fire once, or never once cancelled'},
	},
	defaultVariant: 'condition',
	options: {
		n: {default: 500, min: 1, max: 100_000, help: 'items or rounds per task'},
		procs: {default: 3, min: 1, max: 8, help: 'processes of each kind'},
	},
	processes: (o, variant) => (variant === 'thread-queues' ? 1 : 2 * (o.procs ?? 3) + 1),
});

function broken(what: string): never {
	throw new AssertionError(what);
}

const SLOTS = 4;

// ---- Condition -----------------------------------------------------------

/** The buffer's state: items in it, where the next goes and where the next comes from. */
interface Buffer {
	cells: SharedArray;
	count: Value;
	head: Value;
	tail: Value;
	notFull: Condition;
	notEmpty: Condition;
}

export async function producer(b: Buffer, me: number, n: number): Promise<void> {
	for (let i = 1; i <= n; i++) {
		await b.notFull.with(async () => {
			while ((await b.count.load()) === SLOTS) await b.notFull.wait();
			const tail = await b.tail.load();
			await b.cells.set(tail, me * 1_000_000 + i);
			await b.tail.store((tail + 1) % SLOTS);
			await b.count.store((await b.count.load()) + 1);
			await b.notEmpty.notify();
		});
	}
}

export async function consumer(b: Buffer, takes: number, sums: SharedArray, me: number): Promise<void> {
	let sum = 0;
	for (let i = 0; i < takes; i++) {
		await b.notEmpty.with(async () => {
			while ((await b.count.load()) === 0) await b.notEmpty.wait();
			const count = await b.count.load();
			if (count < 0 || count > SLOTS) broken(`buffer count ${count}`);
			const head = await b.head.load();
			sum += await b.cells.get(head);
			await b.head.store((head + 1) % SLOTS);
			await b.count.store(count - 1);
			await b.notFull.notify();
		});
	}
	await sums.set(me, sum);
}

async function condition(n: number, procs: number): Promise<void> {
	const lock = new Lock();
	const b: Buffer = {
		cells: new SharedArray('i', SLOTS, {lock: false}),
		count: new Value('i', 0, {lock: false}),
		head: new Value('i', 0, {lock: false}),
		tail: new Value('i', 0, {lock: false}),
		notFull: new Condition(lock),
		notEmpty: new Condition(lock),
	};
	const sums = new SharedArray('d', procs, {lock: false});
	const ps = [
		...Array.from({length: procs}, (_, me) => new Process({target: producer, args: [b, me, n]})),
		...Array.from({length: procs}, (_, me) => new Process({target: consumer, args: [b, n, sums, me]})),
	];
	for (const p of ps) await p.start();
	for (const p of ps) await p.join();
	const total = (await sums.tolist()).reduce((a, x) => a + Number(x), 0);
	await print('sum', total);
	await print('count', await b.count.load());
	await print('exitcodes', ps.map(p => p.exitcode).join(' '));
}

// ---- Barrier ---------------------------------------------------------------

export async function racer(barrier: Barrier, rounds: SharedArray, indices: SharedArray, me: number, n: number, parties: number): Promise<void> {
	let indexSum = 0;
	for (let round = 1; round <= n; round++) {
		await rounds.set(me, round);
		indexSum += await barrier.wait();
		// Past the barrier of this round: everyone has arrived at it.
		for (let other = 0; other < parties; other++) {
			const theirs = await rounds.get(other);
			if (theirs < round) broken(`round ${round}: ${me} passed while ${other} was at round ${theirs}`);
		}
		// Nobody starts the next round before everyone has checked this one.
		await barrier.wait();
	}
	await indices.set(me, indexSum);
}

async function barrier(n: number, procs: number): Promise<void> {
	const parties = procs + 1;
	const b = new Barrier(parties);
	const rounds = new SharedArray('i', parties, {lock: false});
	const indices = new SharedArray('i', parties, {lock: false});
	const ps = Array.from({length: procs}, (_, me) => new Process({target: racer, args: [b, rounds, indices, me, n, parties]}));
	for (const p of ps) await p.start();
	await racer(b, rounds, indices, procs, n, parties);
	for (const p of ps) await p.join();
	await print('index sum', (await indices.tolist()).reduce((a, x) => a + x, 0));
	await print('broken', b.broken, 'waiting', b.n_waiting);
	await print('exitcodes', ps.map(p => p.exitcode).join(' '));
}

// ---- the queue module's queues between threads -----------------------------

/** What tells a consumer to stop: put once every item is done, so it is got last from either kind. */
const STOP = Number.MAX_SAFE_INTEGER;

async function threadQueues(n: number): Promise<void> {
	for (const Kind of [queue.LifoQueue, queue.PriorityQueue]) {
		const q = new Kind(3);
		let got = 0;
		let sum = 0;
		const produce = async (me: number) => {
			for (let i = 1; i <= n; i++) await q.put(me * 1_000_000 + i);
		};
		const consume = async () => {
			for (;;) {
				const item = (await q.get()) as number;
				if (item === STOP) return;
				if (q.qsize() > 3) broken(`qsize ${q.qsize()} over maxsize 3`);
				got++;
				sum += item;
				await q.task_done();
			}
		};
		const producers = [0, 1].map(me => new Thread({target: produce, args: [me]}));
		const consumers = [0, 1, 2].map(() => new Thread({target: consume}));
		for (const t of [...producers, ...consumers]) await t.start();
		for (const t of producers) await t.join();
		await q.join();
		for (const _ of consumers) await q.put(STOP);
		for (const t of consumers) await t.join();
		await print(Kind.name, 'got', got, 'sum', sum);
	}
}

// ---- multiprocessing.SimpleQueue --------------------------------------------

export async function putter(q: SimpleQueue, me: number, n: number): Promise<void> {
	for (let i = 1; i <= n; i++) await q.put([me, i]);
}

async function simpleQueue(n: number, procs: number): Promise<void> {
	const q = new SimpleQueue();
	const ps = Array.from({length: procs}, (_, me) => new Process({target: putter, args: [q, me, n]}));
	for (const p of ps) await p.start();
	const last = new Array<number>(procs).fill(0);
	for (let i = 0; i < n * procs; i++) {
		const [me, seq] = (await q.get()) as [number, number];
		if (seq !== last[me]! + 1) broken(`from ${me}: ${seq} after ${last[me]}`);
		last[me] = seq;
	}
	for (const p of ps) await p.join();
	await print('got', last.reduce((a, x) => a + x, 0), 'empty', q.empty());
}

// ---- Manager ----------------------------------------------------------------

export async function counter(d: DictProxy, l: ListProxy, lock: Lock, me: number, n: number): Promise<void> {
	for (let i = 0; i < n; i++) {
		await lock.with(async () => d.set('n', ((await d.get('n', 0)) as number) + 1));
		await l.append(me);
		await d.setdefault(`first ${i % 10}`, me);
	}
}

async function manager(n: number, procs: number): Promise<void> {
	const m = new Manager();
	const d = m.dict();
	const l = m.list();
	const lock = m.Lock();
	const ps = Array.from({length: procs}, (_, me) => new Process({target: counter, args: [d, l, lock, me, n]}));
	for (const p of ps) await p.start();
	for (const p of ps) await p.join();
	const items = (await l.tolist()) as number[];
	await print('n', await d.get('n'));
	await print('appended', items.length, 'per process', Array.from({length: procs}, (_, me) => items.filter(x => x === me).length).join(' '));
	await print('keys', await d.len());
}

// ---- Pool -------------------------------------------------------------------

export async function cube(x: number): Promise<number> {
	return x * x * x;
}

async function pool(n: number, procs: number): Promise<void> {
	const p = new Pool(procs);
	const xs = Array.from({length: n}, (_, i) => i);
	const cubes = await p.map<number>(cube, xs);
	if (cubes.some((c, i) => c !== i * i * i)) broken('map gave a wrong or misplaced value');
	const asyncs = [];
	for (const x of xs) asyncs.push(await p.apply_async<number>(cube, [x]));
	let sum = 0;
	// Collected in reverse: every get finds its own result among the others'.
	for (const r of asyncs.reverse()) sum += await r.get();
	await p.close();
	await p.join();
	await print('map', cubes.length, 'sum', sum);
}

// ---- threading.local and Timer ----------------------------------------------

async function localTimer(n: number): Promise<void> {
	const data = new local();
	const slot = data as unknown as {me?: number};
	let mixed = 0;
	const owners = Array.from({length: 6}, (_, me) => new Thread({
		target: async () => {
			for (let i = 0; i < n; i++) {
				slot.me = me;
				// A wait lets the other threads run and set their own value.
				await new Promise(resolve => setImmediate(resolve));
				if (slot.me !== me) mixed++;
			}
		},
	}));
	for (const t of owners) await t.start();
	for (const t of owners) await t.join();
	let fired = 0;
	const timers = Array.from({length: 40}, (_, i) => new Timer(0.01 * (i % 5), () => {
		fired++;
	}));
	for (const t of timers) await t.start();
	// Half cancelled at once; a cancel can race the timer's wait, so only the others are counted for sure.
	for (const t of timers.slice(20)) await t.cancel();
	for (const t of timers) await t.join();
	await print('mixed', mixed, 'main sees', slot.me ?? 'None');
	await print('fired at least 20', fired >= 20, 'at most 40', fired <= 40);
}

export async function main({variant, options}: MainContext): Promise<void> {
	const n = options.n!;
	const procs = options.procs!;
	if (variant === 'condition') await condition(n, procs);
	else if (variant === 'barrier') await barrier(n, procs);
	else if (variant === 'thread-queues') await threadQueues(n);
	else if (variant === 'manager') await manager(n, procs);
	else if (variant === 'pool') await pool(n, procs);
	else if (variant === 'local-timer') await localTimer(n);
	else await simpleQueue(n, procs);
}
