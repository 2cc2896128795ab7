/**
 * pipe — seed 001 ("方式二：管道（不推荐使用，了解即可）": "管道相当于队列，但是管道不自动加锁"):
 * Pipe() gives two connected ends; each can send and recv (duplex).
 *
 * 管道 / A pipe
 *   zh: Pipe() 返回两个连接端，一端 send 的另一端 recv；默认是双工的，两端都能收发。
 *       管道不自动加锁：两个进程同时读同一端，谁拿到哪条消息没有规律（CPython 文档说数据甚至可能损坏），所以推荐用队列。
 *   en: Pipe() returns two connected ends; what one end sends the other recvs; by default it is duplex, both ends send and receive.
 *       A pipe takes no lock: with two processes reading one end, who gets which message is anyone's guess (CPython's docs warn the data may even be corrupted), so use a queue.
 *
 * Variants
 *   duplex       the main process sends 你好 through one end; the child recvs it on the other
 *                and sends an answer back the same way, which the main process recvs.
 *   two-readers  two children, c1 and c2, both recv on the same end while the main process
 *                sends 包子0…包子5 and then one None each; which reader gets which bun changes
 *                with the seed.
 *   eof          the well-known 包子 example the way it ends a reader: each process closes
 *                the end it does not use (the consumer its copy of left, the producer right),
 *                the producer closes left when done, and the consumer's recv() raises
 *                EOFError once nothing is left: it closes right and stops. No sentinel.
 * Invariants
 *   each-once (hold): every message sent is received exactly once.
 *   order-per-reader (hold): each reader gets its buns in the order they were sent.
 *
 * The lines are the lesson's own, after the well-known 包子 pipe example; the tutorial
 * gives only the prose. conc-tui's pipe ends are queues underneath, so a message is never
 * torn in two: the race shown is who reads what, not corrupted bytes. close() and EOFError
 * are CPython's (source/scenario/queues.ts): each process holding an end has its own copy,
 * close() closes that copy only, and recv() raises EOFError only once no live process holds
 * the other end; so in `eof`, a consumer that kept its copy of left would wait for ever.
 */
import {Connection, EOFError, Pipe, Process, defineScenario, print, type MainContext, type ViewState} from '../source/scenario/api.js';

const BUNS = 6;

function received(s: ViewState): {task: string; bun: number}[] {
	return s.output.flatMap(line => {
		const m = /收到包子:(\d+)$/.exec(line.text);
		return m ? [{task: line.task, bun: Number(m[1])}] : [];
	});
}

export const meta = defineScenario({
	name: 'pipe',
	title: {zh: '管道：两个连接端', en: 'A pipe: two connected ends'},
	summary: {
		zh: ['Pipe() 返回两个连接端，一端 send 的另一端 recv；默认双工，两端都能收发。', '管道不自动加锁：两个进程同时读同一端，谁拿到哪条消息没有规律，所以推荐用队列。'],
		en: ['Pipe() returns two connected ends: what one sends the other recvs; by default both ends do both (duplex).', 'A pipe takes no lock: with two readers on one end, who gets which message is anyone\'s guess, so prefer a queue.'],
	},
	sources: ['001 (方式二：管道, 不推荐使用; 管道不自动加锁; lines are the lesson\'s own)'],
	group: 'queues-pipes',
	variants: {
		duplex: {zh: '双工：主进程发你好，子进程回一句', en: 'duplex: the main process says hello, the child answers on the same pipe'},
		'two-readers': {zh: '两个进程读同一端：谁拿到哪个包子不一定', en: 'two readers on one end: who gets which bun is up to the schedule'},
		eof: {zh: '各自关掉不用的一端，生产者发完关 left，消费者 recv() 得到 EOFError 就结束', en: 'each side closes the end it does not use; the producer closes left when done; the consumer\'s recv() raises EOFError and it stops'},
	},
	defaultVariant: 'duplex',
	invariants: [
		{
			name: 'each-once',
			text: {zh: '每条消息正好被收到一次', en: 'every message is received exactly once'},
			check: s => {
				const buns = received(s).map(r => r.bun);
				return new Set(buns).size === buns.length;
			},
		},
		{
			name: 'all-received',
			text: {zh: '发出的包子全都收到了', en: 'every bun sent is received'},
			check: s => s.run?.variant === 'duplex' || received(s).length === BUNS,
			when: 'end',
		},
		{
			name: 'order-per-reader',
			text: {zh: '每个读者收到的包子按发送顺序', en: 'each reader gets its buns in the order they were sent'},
			check: s => {
				const last: Record<string, number> = {};
				for (const {task, bun} of received(s)) {
					if (bun < (last[task] ?? -1)) return false;
					last[task] = bun;
				}
				return true;
			},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: (_options, variant) => (variant === 'two-readers' ? 3 : 2),
	captions: [
		{
			when: e => e.kind === 'op' && e.op === 'get-eof',
			text: {zh: '写的一端在所有进程里都关了，管道也空了：recv() 抛出 EOFError', en: 'The writing end is closed in every process and the pipe is empty: recv() raises EOFError'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'close' && e.task === 'Process-1' && e.end === 0,
			text: {zh: '子进程关掉自己那份 left：每个进程各有一份，只关自己的', en: 'The child closes its own copy of left: each process has its own copy and closes only that'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'close' && e.task === 'Process-1' && e.end === 1,
			text: {zh: '收到 EOFError 以后，子进程也关掉自己那份 right', en: 'After the EOFError the child closes its copy of right too'},
			variants: ['eof'],
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'get',
			text: {zh: '这一端还没有消息：recv() 阻塞', en: 'Nothing has arrived at this end yet: recv() blocks'},
		},
		{
			when: e => e.kind === 'print' && e.text.startsWith('主进程收到'),
			text: {zh: '回信走的是同一根管道的反方向：双工', en: 'The answer came back the other way along the same pipe: duplex'},
		},
		{
			when: e => e.kind === 'print' && /^c\d 收到包子/.test(e.text),
			text: {zh: '两个读者抢同一端：这次谁拿到取决于调度，没有锁来排队', en: 'Two readers race for one end: who gets this one is up to the schedule; no lock orders them'},
			variants: ['two-readers'],
		},
	],
});

export async function child(conn: Connection): Promise<void> {
	const msg = await conn.recv(); // py:child.get
	await print('子进程收到:', msg); // py:child.print
	await conn.send('你好, 我收到了'); // py:child.put
}

export async function reader(conn: Connection, name: string): Promise<void> {
	for (;;) {
		const baozi = await conn.recv(); // py:reader.get
		if (baozi === null) break;
		await print(`${name} 收到包子:${baozi}`); // py:reader.print
	}
}

/** The consumer of the 包子 example: closes its copy of left, eats until EOFError. */
export async function consumer(left: Connection, right: Connection, name: string): Promise<void> {
	await left.close(); // 不用的一端关掉：否则自己这份 left 开着，永远等不到 EOF · py:consumer.close
	for (;;) {
		try {
			const baozi = await right.recv(); // py:consumer.get
			await print(`${name} 收到包子:${baozi}`); // py:consumer.print
		} catch (error) {
			if (!(error instanceof EOFError)) throw error;
			await print(`${name} 收到 EOFError: 没有包子了`); // py:consumer.print2
			await right.close(); // py:consumer.close2
			break;
		}
	}
}

/** The producer of the 包子 example (in the main process): closes right, sends, closes left. */
async function producer(left: Connection, right: Connection): Promise<void> {
	await right.close(); // py:producer.close
	for (let i = 0; i < BUNS; i++) await left.send(i); // py:producer.put
	await left.close(); // py:producer.close2
}

export async function main({variant}: MainContext): Promise<void> {
	const [left, right] = Pipe(); // 两个连接端，默认双工
	if (variant === 'eof') {
		const c1 = new Process({target: consumer, args: [left, right, 'c1']});
		await c1.start(); // py:main.start
		await producer(left, right);
		await c1.join(); // py:main.join
		await print('主进程'); // py:main.print
		return;
	}
	if (variant === 'duplex') {
		const p = new Process({target: child, args: [right]});
		await p.start(); // py:main.start2
		await left.send('你好'); // py:main.put
		await print('主进程收到:', await left.recv()); // py:main.print2
		await p.join(); // py:main.join2
		return;
	}
	const readers = ['c1', 'c2'].map(name => new Process({target: reader, args: [right, name]}));
	for (const c of readers) await c.start(); // py:main.start3
	for (let i = 0; i < BUNS; i++) await left.send(i); // py:main.put2
	for (let i = 0; i < readers.length; i++) await left.send(null); // py:main.put3
	for (const c of readers) await c.join(); // py:main.join3
	await print('主进程'); // py:main.print3
}
