/**
 * producer-consumer — seeds 000 ("生产者与消费者") and 001 ("生产者和消费者模型"):
 * producers neo (煎饼) and wick (肉包) make 10 items each and put them in a
 * queue; consumers cwz and woods take them out and eat.
 *
 * 生产者与消费者 / Producers and consumers
 *   zh: 生产者把数据放进阻塞队列，消费者从队列里取：队列是缓冲区，平衡两边的速度，双方不直接通讯。
 *       难点是让消费者知道什么时候结束：守护进程、None 结束信号，或者 JoinableQueue。
 *   en: Producers put data into a blocking queue and consumers take it out: the queue is a buffer between their speeds, and they never talk directly.
 *       The hard part is telling consumers when to stop: daemons, a None sentinel, or a JoinableQueue.
 *
 * Variants
 *   daemon    seed 000 as written: the consumers are daemons and the main process does not
 *             join anyone; it prints 主 and its code is over, so, as in CPython, the consumers
 *             are killed at once (exit code -15) while the producers go on making food that
 *             nobody eats. The main process still waits for the producers (not daemons).
 *   sentinel  001's 生产者与消费者1: the main process joins the producers, then puts one None
 *             per consumer; a consumer that gets None leaves its loop. Everything is eaten.
 *   joinable  001's 生产者与消费者2: a JoinableQueue; consumers call task_done() per item,
 *             producers q.join() until all is eaten; the consumers are daemons and die, blocked
 *             in get(), when the main process ends after joining the producers.
 *   many      001's 多生产者与多消费2: the joinable scheme with three producers (+ trinity, 豆浆)
 *             and three consumers (+ morpheus); the names added are the lesson's own.
 * Invariants
 *   eaten-once (hold): no item is eaten twice.
 *   all-eaten (daemon: breakable; the rest: hold): by the end every item made has been eaten.
 *
 * Items are tuples in Python, `('煎饼', 0)`, and print so; they cross the queue as copies.
 */
import {JoinableQueue, Process, Queue, defineScenario, print, pystr, sleep, tuple, type MainContext, type Tuple, type ViewState} from '../source/scenario/api.js';

/** `(food, i)`: a tuple, so the queue's panel writes it as the prints do, `('煎饼', 0)`. */
type Item = Tuple<string | number>;

const PRODUCERS: [string, string][] = [
	['neo', '煎饼'],
	['wick', '肉包'],
	['trinity', '豆浆'],
];
const CONSUMERS = ['cwz', 'woods', 'morpheus'];
const ITEMS = 10;

function lines(s: ViewState, verb: string): string[] {
	return s.output.flatMap(line => {
		const m = new RegExp(`^用户\\w+开始${verb}(.*)$`).exec(line.text);
		return m ? [m[1]!] : [];
	});
}

export const meta = defineScenario({
	name: 'producer-consumer',
	title: {zh: '生产者与消费者：队列做缓冲', en: 'Producers and consumers: a queue between them'},
	summary: {
		zh: ['生产者把数据放进阻塞队列，消费者从队列里取：队列是缓冲区，平衡两边的速度。', '难点是让消费者知道什么时候结束：守护进程、None 结束信号，或者 JoinableQueue。'],
		en: ['Producers put data into a blocking queue and consumers take it out: the queue is a buffer between their speeds.', 'The hard part is telling consumers when to stop: daemons, a None sentinel, or a JoinableQueue.'],
	},
	sources: ['000 (生产者与消费者: neo, wick, cwz, woods)', '001 (生产者与消费者1: None; 生产者与消费者2: JoinableQueue; 多生产者与多消费2)'],
	group: 'queues-pipes',
	variants: {
		daemon: {zh: '消费者是守护进程，主进程不 join：主进程一结束，消费者就被杀，生产者还在做', en: 'daemon consumers, no join: when the main code ends the consumers are killed, producers still cooking'},
		sentinel: {zh: 'join 生产者后每个消费者放一个 None', en: 'join the producers, then one None per consumer'},
		joinable: {zh: 'JoinableQueue：task_done 和 q.join()', en: 'JoinableQueue: task_done and q.join()'},
		many: {zh: '3个生产者、3个消费者，JoinableQueue', en: 'three producers, three consumers, JoinableQueue'},
	},
	defaultVariant: 'daemon',
	invariants: [
		{
			name: 'eaten-once',
			text: {zh: '没有哪个包子被吃了两次', en: 'no item is eaten twice'},
			check: s => {
				const eaten = lines(s, '吃');
				return new Set(eaten).size === eaten.length;
			},
		},
		{
			name: 'all-eaten',
			text: {zh: '结束时做出来的都被吃掉了', en: 'by the end everything made has been eaten'},
			check: s => {
				const eaten = new Set(lines(s, '吃'));
				return lines(s, '制作').every(item => eaten.has(item));
			},
			when: 'end',
			expect: {daemon: 'breakable', sentinel: 'hold', joinable: 'hold', many: 'hold'},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: (_options, variant) => (variant === 'many' ? 7 : 5),
	captions: [
		{
			when: (e, s) => e.kind === 'state' && e.state === 'done' && e.exitcode === -15 && s.tasks[e.task]?.daemon === true,
			text: {zh: '主进程的代码结束了：守护进程消费者被杀掉（-15），生产者还在做，没人吃了', en: "The main program's code is over: its daemon consumers are killed (-15), while the producers keep cooking for nobody"},
			variants: ['daemon'],
		},
		{
			when: (e, s) => e.kind === 'state' && e.state === 'done' && e.exitcode === -15 && s.tasks[e.task]?.daemon === true,
			text: {zh: '主进程的代码结束了：守护进程消费者还在空队列上等，被杀掉（-15）；做的都吃完了', en: "The main program's code is over: its daemon consumers, still waiting on an empty queue, are killed (-15); everything made was eaten"},
			variants: ['joinable', 'many'],
		},
		{
			when: e => e.kind === 'invariant' && e.name === 'all-eaten' && !e.ok,
			text: {zh: '还有没被吃掉的：消费者已经不在了', en: 'Food is left uneaten: the consumers are gone'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'get' && e.item === 'None',
			text: {zh: '拿到 None：消费者知道没有了，退出循环', en: 'A None: the consumer knows there is no more, and leaves its loop'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'join' && (e.obj ?? '').startsWith('q#'),
			text: {zh: 'q.join() 返回了：放进队列的每个数据都已经 task_done', en: 'q.join() returns: every item put in the queue has been marked task_done'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'get',
			text: {zh: '队列空了：消费者阻塞在 get()，等生产者', en: 'The queue is empty: the consumer blocks in get(), waiting for a producer'},
		},
		{
			when: e => e.kind === 'print' && e.text === '主',
			text: {zh: '主进程的代码到此结束', en: "The main program's code ends here"},
		},
	],
});

/** 生产者 */
export async function producer(name: string, food: string, q: Queue): Promise<void> {
	for (let i = 0; i < ITEMS; i++) {
		const data: Item = tuple<string | number>(food, i);
		const msg = `用户${name}开始制作${pystr(data)}`;
		await print(msg); // py:producer.print
		await q.put(data); // py:producer.put
		await sleep(0.1); // py:producer.sleep
	}
	if (q instanceof JoinableQueue) await q.join(); // 等消费者把队列里的都取完、task_done · py:producer.join
}

/** 消费者 */
export async function consumer(name: string, q: Queue): Promise<void> {
	for (;;) {
		const data = (await q.get()) as Item | null; // py:consumer.get
		if (!data) break;
		await print(`用户${name}开始吃${pystr(data)}`); // py:consumer.print
		if (q instanceof JoinableQueue) await q.task_done(); // py:consumer.task_done
	}
}

export async function main({variant}: MainContext): Promise<void> {
	const joinable = variant === 'joinable' || variant === 'many';
	const q = joinable ? new JoinableQueue() : new Queue();
	const producers = PRODUCERS.slice(0, variant === 'many' ? 3 : 2).map(([name, food]) => new Process({target: producer, args: [name, food, q]}));
	const consumers = CONSUMERS.slice(0, variant === 'many' ? 3 : 2).map(name => new Process({target: consumer, args: [name, q]}));
	for (const p of producers) await p.start(); // py:main.start
	for (const c of consumers) {
		if (variant !== 'sentinel') c.daemon = true;
		await c.start(); // py:main.start2
	}
	if (variant !== 'daemon') {
		for (const p of producers) await p.join(); // py:main.join
		if (variant === 'sentinel') for (let i = 0; i < consumers.length; i++) await q.put(null); // 每个消费者一个结束信号 · py:main.put
	}
	await print('主'); // py:main.print
}
