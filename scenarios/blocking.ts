/**
 * blocking — seed 003, "同步异步阻塞非阻塞": the bank-queue story. Three
 * customers come to the bank; one teller serves them in turn (1.4 units of
 * CPU work each, the teller's CPU burst), and each customer also has a phone
 * call of 3 to make. How a customer waits for the teller decides when it is
 * done:
 *
 *   同步阻塞 (blocking): it stands in line and does nothing else; it is
 *     blocked until served, and only then makes its call. The least efficient.
 *   同步非阻塞 (polling): it makes its call a bit at a time, looking up after
 *     each bit to see if it has been served (is_set(), which never blocks). It
 *     keeps switching between the two, and notices it was served only at its
 *     next look.
 *   异步 (notified): it takes a ticket and makes its whole call; a lobby
 *     manager (a thread of the customer's, blocked on an Event) tells it the
 *     moment it is served. It is never blocked itself: the most efficient.
 *
 * 同步/异步，阻塞/非阻塞 / Synchronous or not, blocking or not
 *   zh: 同步阻塞：专心排队，什么别的事都不做；同步非阻塞：边打电话边抬头看排到没有，来回切换。
 *       异步：领个号去打电话，轮到了大堂经理通知你——等待的人没有阻塞在等待上。
 *   en: Synchronous blocking: stand in line and do nothing else; synchronous non-blocking: phone while looking up to see if it is your turn.
 *       Asynchronous: take a ticket, make your call, and the lobby manager tells you when it is your turn.
 *
 * The customers arrive at 0, 0.2 and 0.4; the teller serves them in that
 * order: zhang is served at 1.4, li at 2.8, wang at 4.2.
 *
 * Variants
 *   blocking  done at 4.4, 5.8, 7.2 (served, then the call): average 5.8.
 *   async-blocking  (异步阻塞) a ticket and a manager to tell it, but the customer waits for
 *             the word (joins the manager) before it phones: as late as blocking, 4.4, 5.8, 7.2.
 *   polling   a look every 1: done at 3, 3.2, 4.4: average 3.53; wang looks four times before it is served.
 *   notified  done when both the call and the service are over: 3, 3.2, 4.2: average 3.47.
 * Invariants
 *   every-burst-served, cores-sane (cpu-lessons.ts); everyone-served: each customer is served exactly once;
 *   done-when-expected: each customer's finish time is the one above (for the variant's own way of waiting).
 */
import {Event, Process, Queue, Thread, defineScenario, print, sleep, time, work, type MainContext, type ViewState} from '../source/scenario/api.js';
import {cpuInvariants, fmt} from '../source/scenario/cpu-lessons.js';

const CUSTOMERS = ['zhang', 'li', 'wang'];
const ARRIVAL = [0, 0.2, 0.4];
const SERVICE = 1.4;
const CALL = 3;
const LOOK_EVERY = 1;

const EXPECTED: Record<string, number[]> = {
	blocking: [4.4, 5.8, 7.2],
	polling: [3, 3.2, 4.4],
	notified: [3, 3.2, 4.2],
	'async-blocking': [4.4, 5.8, 7.2],
};

/** When each customer said it was done, from its last line. */
function finishes(s: ViewState): Record<string, number> {
	const out: Record<string, number> = {};
	for (const line of s.output) {
		const m = /^(\w+) 办完了，电话也打完了 t=([\d.]+)$/.exec(line.text);
		if (m) out[m[1]!] = Number(m[2]);
	}
	return out;
}

export const meta = defineScenario({
	name: 'blocking',
	title: {zh: '同步异步、阻塞非阻塞：银行排队', en: 'Synchronous or not, blocking or not: the bank queue'},
	summary: {
		zh: ['同步阻塞：专心排队，什么别的事都不做；同步非阻塞：边打电话边抬头看排到没有，来回切换。', '异步：领个号去打电话，轮到了大堂经理通知你——等待的人没有阻塞在等待上。'],
		en: [
			'Synchronous blocking: stand in line and do nothing else; synchronous non-blocking: phone while looking up to see if it is your turn.',
			'Asynchronous: take a ticket, make your call, and the lobby manager tells you when it is your turn.',
		],
	},
	sources: ['003 (同步异步阻塞非阻塞: the bank queue, the phone call, the lobby manager)'],
	group: 'scheduling',
	variants: {
		blocking: {zh: '同步阻塞：排队干等，办完再打电话', en: 'synchronous blocking: wait in line, phone afterwards'},
		polling: {zh: '同步非阻塞：打一会儿电话，看一眼，再打一会儿', en: 'synchronous non-blocking: phone a bit, look up, phone a bit more'},
		notified: {zh: '异步：取号后打电话，轮到了经理通知', en: 'asynchronous: take a ticket, phone, be told when it is your turn'},
		'async-blocking': {zh: '异步阻塞：取了号，经理会通知，却在原地等通知，什么别的事都不做', en: 'asynchronous blocking: take a ticket and be told, but wait for the word doing nothing else'},
	},
	defaultVariant: 'blocking',
	cpu: () => ({sched: 'fcfs', cores: 1}),
	invariants: [
		...cpuInvariants().filter(i => i.name !== 'clocks-agree'),
		{
			name: 'everyone-served',
			text: {zh: '每位顾客都被服务且只服务一次', en: 'every customer is served, exactly once'},
			when: 'end',
			check: s => CUSTOMERS.every(c => s.output.filter(l => l.text === `柜员：${c} 的业务办完了`).length === 1),
		},
		{
			name: 'done-when-expected',
			text: {zh: '每位顾客完成的时刻与手算的一致', en: 'each customer is done at the hand-computed time'},
			when: 'end',
			check: s => {
				const want = EXPECTED[s.run?.variant ?? ''];
				if (!want || s.sched?.sched !== 'fcfs' || s.sched.cores !== 1) return true;
				const got = finishes(s);
				return CUSTOMERS.every((c, i) => Math.abs((got[c] ?? NaN) - want[i]!) < 1e-6);
			},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => CUSTOMERS.length + 2,
	notice: {
		zh: '比较三位顾客完成的时刻：排队干等最晚；轮询要不停地看（看输出里的“看一眼”）；被通知的最早，而且从不阻塞。',
		en: 'Compare when the customers are done: waiting in line is the latest; polling keeps looking (see the “看一眼” lines); being notified is the earliest, and never blocks.',
	},
	captions: [
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '同样的柜员、同样的服务时间，只是等待的方式不同，完成的时刻就不同', en: 'The same teller and the same service times: only the way of waiting differs, and so do the finish times'},
		},
		{
			when: e => e.kind === 'print' && e.text.startsWith('经理：'),
			text: {zh: '异步：大堂经理（一个线程，阻塞在Event上）通知顾客；顾客自己一直在打电话，没有阻塞', en: 'Asynchronous: the lobby manager (a thread, blocked on an Event) tells the customer, who kept phoning, never blocked'},
		},
		{
			when: (e, s) => s.run?.variant === 'async-blocking' && e.kind === 'gate' && e.state === 'blocked' && e.op === 'join' && (e.on ?? '').includes('-manager'),
			text: {zh: '异步阻塞：领了号，经理会来通知，可顾客阻塞在等通知上（join），没有去打电话', en: 'Asynchronous blocking: the customer has a ticket and will be told, yet it blocks waiting for the word (join), and does not phone'},
		},
		{
			when: e => e.kind === 'print' && e.text.includes('看一眼'),
			text: {zh: '同步非阻塞：is_set() 立刻返回，没轮到就接着打电话，过一会儿再看', en: 'Synchronous non-blocking: is_set() returns at once; not yet, so back to the phone, and look again later'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'wait' && e.task !== 'MainProcess' && !e.task.includes('/'),
			text: {zh: '同步阻塞：顾客阻塞在 wait() 上，什么别的事都做不了', en: 'Synchronous blocking: the customer is blocked in wait() and can do nothing else'},
		},
		{
			when: e => e.kind === 'state' && e.core !== undefined,
			text: {zh: '柜员为排在最前面的顾客办业务（用CPU）', en: 'The teller serves the first customer in line (using the CPU)'},
		},
	],
});

/** The teller: serves the customers in the order they took a place in line. */
export async function teller(line: Queue, served: Event[]): Promise<void> {
	for (let n = 0; n < CUSTOMERS.length; n++) {
		const i = (await line.get()) as number; // py:teller.get
		await work(SERVICE); // the teller's CPU burst: serving customer i · py:teller.work
		await print(`柜员：${CUSTOMERS[i]} 的业务办完了`); // py:teller.print
		await served[i]!.set(); // py:teller.set
	}
}

/** The lobby manager of the asynchronous variant: waits on the event for the customer, then tells it. */
export async function manager(name: string, served: Event): Promise<void> {
	await served.wait(); // py:manager.wait
	await print(`经理：${name}，您的业务办好了`); // py:manager.print
}

export async function customer(i: number, variant: string, line: Queue, served: Event): Promise<void> {
	const name = CUSTOMERS[i]!;
	await sleep(ARRIVAL[i]!); // py:customer.sleep
	await print(`${name} 到了银行 t=${fmt(time())}`); // py:customer.print
	await line.put(i); // py:customer.put
	if (variant === 'blocking') {
		await served.wait(); // blocked: it does nothing else until served · py:customer.wait
		await sleep(CALL); // then the phone call · py:customer.sleep2
	} else if (variant === 'polling') {
		let called = 0;
		for (;;) {
			if (served.is_set()) break; // a look that never blocks
			await print(`${name} 看一眼：还没办好`); // py:customer.print2
			const bit = Math.min(LOOK_EVERY, CALL - called);
			if (bit > 0) {
				await sleep(bit); // a bit of the phone call · py:customer.sleep3
				called += bit;
			} else {
				await sleep(LOOK_EVERY); // the call is over: only looking now · py:customer.sleep4
			}
		}
		if (called < CALL) await sleep(CALL - called); // py:customer.sleep5
	} else if (variant === 'async-blocking') {
		// 异步阻塞: the notice will come (async), but the customer waits for it where it stands.
		const lobby = new Thread({target: manager, args: [name, served], name: `${name}-manager`});
		await lobby.start(); // py:customer.start2
		await lobby.join(); // blocked on the notice, doing nothing else · py:customer.join2
		await sleep(CALL); // only then the phone call · py:customer.sleep7
	} else {
		const lobby = new Thread({target: manager, args: [name, served], name: `${name}-manager`});
		await lobby.start(); // the manager waits for the teller; the customer does not · py:customer.start
		await sleep(CALL); // py:customer.sleep6
		await lobby.join(); // py:customer.join
	}
	await print(`${name} 办完了，电话也打完了 t=${fmt(time())}`); // py:customer.print3
}

export async function main({variant}: MainContext): Promise<void> {
	const line = new Queue();
	const served = CUSTOMERS.map(c => new Event({name: c}));
	const procs = [new Process({target: teller, args: [line, served], name: 'teller'})];
	for (let i = 0; i < CUSTOMERS.length; i++) procs.push(new Process({target: customer, args: [i, variant, line, served[i]], name: CUSTOMERS[i]}));
	for (const p of procs) await p.start(); // py:main.start
	for (const p of procs) await p.join(); // py:main.join
}
