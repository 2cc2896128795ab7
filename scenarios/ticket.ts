/**
 * ticket — seeds 000, 002, 003, 004 ("进程互斥锁", "模拟抢票"): a JSON file on
 * disk is the ticket database, holding one ticket. Each client first looks
 * (search), then buys: reads the file, waits (network delay to the
 * database), takes a ticket if there is one, waits again, writes the file.
 * Unsafe: several clients read "1" before anyone writes "0", so several
 * "succeed" and the one ticket is sold many times. With a lock around buy,
 * the buys run one after another and exactly one client succeeds.
 *
 * Lines and names follow seed 000 (`用户3抢票成功!`); the two delays follow
 * seed 004 (0.1 s to read, 0.2 s to write).
 *
 * The other tutorials' programs are variants with their own files, lines
 * and order: `002`/`002-lock` (file `ticket`, a random read and write
 * delay, and 成功 printed before the count goes down), `003` (file `a.txt`,
 * check() calls pay(), 0.5 s; its locked program is cut off in the seed, so
 * only the unsafe one), `004`/`004-lock` (file `db.txt`, search() then
 * get(), no line when sold out). Every variant takes --clients (10).
 */
import {Lock, Process, SharedFile, defineScenario, print, random, sleep, watch, type MainContext, type ViewState} from '../source/scenario/api.js';
import type {EventOf, TraceEvent} from '../source/engine/trace.js';

const DB = 'data.json';
/** Each tutorial's database file, by variant, with its one ticket. */
const DBS: Record<string, [file: string, content: string]> = {
	'002': ['ticket', '{"count":1}'],
	'003': ['a.txt', '{"c": 1}'],
	'004': ['db.txt', '{"Count": 1}'],
};
function dbOf(variant: string | undefined): [string, string] {
	return DBS[(variant ?? '').replace(/-lock$/, '')] ?? [DB, '{"ticket_num": 1}'];
}

/** A client's line that says it got the ticket, in each tutorial's words. */
const SUCCESS = /抢票成功!$|^person\d+购票成功$|个人买到票了 $|Purchase ticket success/;

function sold(s: ViewState): number {
	return s.output.filter(line => SUCCESS.test(line.text)).length;
}

function left(s: ViewState): number | undefined {
	return countIn(s.prims[`file:${dbOf(s.run?.variant)[0]}`]?.content);
}

/** The ticket count in a copy of the database. */
function countIn(content: string | undefined): number | undefined {
	try {
		return content === undefined ? undefined : (Object.values(JSON.parse(content) as Record<string, number>)[0] ?? undefined);
	} catch {
		return undefined;
	}
}

/** How far `taken` has counted each history: it is asked at every step, and a history only grows. */
const counted = new WeakMap<readonly unknown[], {seen: number; read: Record<string, number | undefined>; sales: number}>();

/** Sales written to the database so far: writes of a count lower than the one their client had read. */
function taken(s: ViewState): number {
	const db = `file:${dbOf(s.run?.variant)[0]}`;
	const history = s.shared.accesses;
	let c = counted.get(history);
	if (!c || c.seen > history.length) counted.set(history, (c = {seen: 0, read: {}, sales: 0}));
	for (; c.seen < history.length; c.seen++) {
		const a = history[c.seen]!;
		if (a.obj !== db) continue;
		if (a.op === 'read') c.read[a.task] = countIn(a.value);
		else if ((countIn(a.value) ?? 0) < (c.read[a.task] ?? 0)) c.sales++;
	}
	return c.sales;
}

/** A client's line that says it looked (search), and one that says it failed, in each tutorial's words. */
const SEARCHED = /查看余票|在查票|^Number of votes left/;
const FAILED = /抢票失败$|购票失败$|没买到票$/;

function printedBy(s: ViewState, task: string, re: RegExp): boolean {
	return s.output.some(line => line.task === task && re.test(line.text));
}

/** A read that buys, not one that looks: every read of 002 (no search), else a read after the client's search line. */
function buyRead(e: TraceEvent, s: ViewState): e is EventOf<'op'> {
	return e.kind === 'op' && e.op === 'read' && ((s.run?.variant ?? '').startsWith('002') || printedBy(s, e.task, SEARCHED));
}

/** Another client between its read and its write: in its delay (the lessons' clients sleep only there), or woken from it and about to write. */
function anotherMidBuy(s: ViewState, task: string): boolean {
	return Object.values(s.tasks).some(t => t.name !== task && t.process !== 'MainProcess' && t.state !== 'done' && (t.op === 'sleep' || t.op === 'write'));
}

/** A client about to write the database file: the count it writes, and the count the file holds now. */
function writing(e: TraceEvent, s: ViewState): {writes?: number; holds?: number} | undefined {
	if (e.kind !== 'gate' || e.state !== 'ready' || e.op !== 'write' || !e.obj) return undefined;
	return {writes: countIn(e.arg), holds: countIn(s.prims[e.obj]?.content)};
}

function holdsALock(s: ViewState, task: string): boolean {
	return Object.values(s.prims).some(p => p.holder === task);
}

const UNSAFE = {unsafe: 'breakable', lock: 'hold', '002': 'breakable', '002-lock': 'hold', '003': 'breakable', '004': 'breakable', '004-lock': 'hold'} as const;

export const meta = defineScenario({
	name: 'ticket',
	title: {zh: '抢票：进程互斥锁', en: 'Ticket rush: a process lock'},
	summary: {
		zh: ['数据库文件里只有1张票，一群用户（默认10个，--clients 可改）同时抢：先查票，再买票（读、延时、写）。', '不加锁时好几个人都"抢票成功"，票卖超了；加锁后买票变成串行，只有一个人成功。'],
		en: ['The database file holds one ticket and a crowd of clients (10, or --clients N) rush for it: look, then buy (read, delay, write).', 'Without a lock several clients "succeed" and the ticket is oversold; with one, buying is serial and one client wins.'],
	},
	sources: ['000 (进程互斥锁, lines and names)', '002 (模拟抢票)', '003', '004 (100 clients, read 0.1 s / write 0.2 s)'],
	group: 'locks',
	variants: {
		unsafe: {zh: '不加锁：票被卖了好几次', en: 'no lock: the ticket is sold several times'},
		lock: {zh: 'mutex.acquire() 包住买票：只有一个人成功', en: 'mutex around buy: exactly one client succeeds'},
		'002': {zh: '002 的程序：先打印购票成功，再减票；读写各有随机延时', en: "002's program: prints success before it decrements; random read and write delays"},
		'002-lock': {zh: '002 加锁：lock 包住整个 buy_ticket', en: "002 with the lock around the whole of buy_ticket"},
		'003': {zh: '003 的程序：check() 查票后调用 pay()，不加锁', en: "003's program: check() looks, then calls pay(); no lock"},
		'004': {zh: '004 的程序：search() 再 get()，不加锁', en: "004's program: search() then get(); no lock"},
		'004-lock': {zh: '004 加锁：lock 包住 get()', en: "004 with the lock around get()"},
	},
	defaultVariant: 'unsafe',
	options: {clients: {default: 10, min: 1, max: 1000, help: 'how many clients rush for the ticket'}},
	invariants: [
		{
			name: 'not-oversold',
			text: {zh: '卖出的票不超过库存（1张）', en: 'tickets sold never exceed the one in stock'},
			check: s => sold(s) <= 1,
			expect: UNSAFE,
		},
		{
			name: 'every-sale-recorded',
			text: {zh: '每卖出一张票都记在库里：余票 = 1 − 已写回的次数', en: 'every sale is on the books: tickets left = 1 − writes made'},
			check: s => {
				const l = left(s);
				return l === undefined || l === 1 - taken(s);
			},
			expect: UNSAFE,
		},
		{
			name: 'books-balance',
			text: {zh: '结束时：余票 + 卖出 = 1', en: 'at the end: tickets left + sold = 1'},
			check: s => left(s) === 1 - sold(s),
			when: 'end',
			expect: UNSAFE,
		},
	],
	outcome: s => ({sold: sold(s), left: left(s)}),
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: options => (options.clients ?? 10) + 1,
	files: (_options, variant) => Object.fromEntries([dbOf(variant)]),
	challenges: [
		{
			variant: 'unsafe',
			goal: {zh: '让两个用户都抢到这唯一的一张票', en: 'make two clients both get the one ticket'},
			won: {zh: '两个用户都抢到了唯一的一张票', en: 'two clients got the one ticket'},
			win: {broken: 'not-oversold'},
		},
		{
			variant: 'lock',
			goal: {zh: '试着把这一张票卖给两个人：锁挡得住吗？', en: 'try to sell the one ticket twice: can the lock stop you?'},
			won: {zh: '票卖了两次：锁没挡住', en: 'the ticket was sold twice: the lock did not stop it'},
			win: {holds: 'not-oversold'},
		},
	],
	captions: [
		{
			when: (e, s) => e.kind === 'end' && sold(s) > 1,
			text: {zh: '结束：1张票卖给了好几个人，文件里的余票却是0——票卖超了，账对不上', en: 'The end: one ticket went to several clients, and the file says 0 left. It is oversold, and the books do not balance'},
		},
		{
			when: (e, s) => e.kind === 'end' && sold(s) === 1 && left(s) === 0,
			text: {zh: '结束：只有一个人抢到票，余票0 + 卖出1 = 1，账对上了', en: 'The end: exactly one client got the ticket; 0 left + 1 sold = 1, and the books balance'},
		},
		{
			when: (e, s) => e.kind === 'print' && SUCCESS.test(e.text) && sold(s) === 2,
			text: {zh: '第二个"抢票成功"：只有1张票，却卖出了两次——超卖了', en: 'A second "success": there is one ticket, and it has been sold twice. It is oversold'},
		},
		{
			when: (e, s) => {
				const w = writing(e, s);
				return w !== undefined && w.writes === 0 && w.holds === 0 && !printedBy(s, e.kind === 'gate' ? e.task : '', FAILED);
			},
			text: {
				zh: '它要写回0，可文件里早就是0了：它的0是从读到的旧数据算出来的，它还以为票是自己买到的',
				en: 'It writes back 0, but the file already says 0: its 0 comes from a stale read, and it still thinks the ticket is its own',
			},
		},
		{
			when: (e, s) => {
				const w = writing(e, s);
				return w !== undefined && w.writes === 0 && w.holds === 1 && anotherMidBuy(s, e.kind === 'gate' ? e.task : '');
			},
			text: {zh: '它把余票算成0，准备写回：票卖出去了。可别的客户端手里还拿着刚才读到的1', en: 'It works out 0 left and is about to write it back: the ticket is sold. But other clients still hold the 1 they read'},
		},
		{
			when: (e, s) => {
				const w = writing(e, s);
				return w !== undefined && w.writes === 0 && w.holds === 1 && holdsALock(s, e.kind === 'gate' ? e.task : '');
			},
			text: {zh: '写回0：票卖出去了。锁还在它手里，别的客户端还进不来', en: 'It writes back 0: the ticket is sold. It still holds the lock, so no one else can come in yet'},
		},
		{
			when: (e, s) => buyRead(e, s) && countIn(e.content as string) === 1 && anotherMidBuy(s, e.task),
			text: {
				zh: '又一个人读到还剩1张：前面读到1的人还在延时里，没有写回，大家拿着同一个旧数字去买票',
				en: 'Another client reads 1 left: those who read 1 before are still in their delay and have not written back, so they all buy with the same old number',
			},
		},
		{
			when: (e, s) => buyRead(e, s) && countIn(e.content as string) === 0,
			text: {zh: '读到余票是0：前一个人买完已经写回了，这次读到的是新数据', en: 'It reads 0 left: the client before it has already written back, so this read is fresh'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire',
			text: {zh: '锁被别人拿着：这个客户端阻塞在 acquire，排队等着买票', en: 'Another client holds the lock: this one blocks in acquire and waits its turn to buy'},
		},
		{
			when: (e, s) => e.kind === 'op' && e.op === 'acquire' && Object.values(s.tasks).some(t => t.state === 'blocked' && t.on === e.obj),
			text: {zh: '上一个人释放了锁，排队的人里只有一个拿到锁进去买票：一次一个', en: 'The lock was released, and only one of those waiting gets it and goes in to buy: one at a time'},
		},
		{
			when: e => e.kind === 'print' && FAILED.test(e.text),
			text: {zh: '抢票失败：轮到它的时候，票已经没了', en: 'Failed: by its turn the ticket was gone'},
		},
		{
			when: e => e.kind === 'print' && SEARCHED.test(e.text),
			text: {zh: '查票：读一下数据库文件，看看还剩几张。只读不改，大家同时查也没关系', en: 'Looking: read the database file to see what is left. Only reading, so everyone looking at once is harmless'},
		},
		{
			when: (e, s) => buyRead(e, s),
			text: {zh: '买票第一步：读数据库文件，然后等网络延时；读到的数字要等延时过后才写回', en: 'Buying, step one: read the database file, then wait out the network delay; what it read is written back only after the delay'},
		},
	],
});

async function search(user: string): Promise<void> {
	const dic = JSON.parse(await new SharedFile(DB).read()) as {ticket_num: number}; // py:search.read
	await print(`用户${user}查看余票,还剩${dic.ticket_num}...`); // py:search.print
}

async function buy(user: string): Promise<void> {
	const db = new SharedFile(DB);
	const dic = watch('dic', JSON.parse(await db.read()) as {ticket_num: number}); // py:buy.read
	await sleep(0.1); // network delay reading the database · py:buy.sleep
	if (dic.ticket_num > 0) {
		dic.ticket_num -= 1;
		await sleep(0.2); // network delay writing it · py:buy.sleep2
		await db.write(`{"ticket_num": ${dic.ticket_num}}`); // py:buy.write
		await print(`用户${user}抢票成功!`); // py:buy.print
	} else {
		await print(`用户${user}抢票失败`); // py:buy.print2
	}
}

export async function run(user: string, mutex: Lock | null): Promise<void> {
	await search(user);
	if (mutex) await mutex.acquire(); // py:run.acquire
	await buy(user);
	if (mutex) await mutex.release(); // py:run.release
}

/** 002: buy_ticket reads, waits, prints success and only then decrements, waits, writes. */
export async function buy_ticket(i: number, lock: Lock | null): Promise<void> {
	if (lock) await lock.acquire(); // 取得锁 · py:buy_ticket.acquire
	const f = new SharedFile('ticket');
	const tick_count = JSON.parse(await f.read()) as {count: number}; // py:buy_ticket.read
	await sleep(random()); // 读取延时 · py:buy_ticket.sleep
	if (tick_count.count > 0) {
		await print(`person${i}购票成功`); // py:buy_ticket.print
		tick_count.count -= 1; // 票数减1
	} else {
		await print(`余票不足,person${i}购票失败`); // py:buy_ticket.print2
	}
	await sleep(random()); // 写入延时 · py:buy_ticket.sleep2
	await f.write(`{"count": ${tick_count.count}}`); // py:buy_ticket.write
	if (lock) await lock.release(); // 释放锁 · py:buy_ticket.release
}

/** 003: check looks and then pays, in the same process. */
export async function check(i: number, _l: Lock | null): Promise<void> {
	const dic = JSON.parse(await new SharedFile('a.txt').read()) as {c: number}; // py:check.read
	await print(`第${i}个人在查票,余票为${dic.c}`); // py:check.print
	await pay(i);
}

async function pay(i: number): Promise<void> {
	const f = new SharedFile('a.txt');
	const dic = JSON.parse(await f.read()) as {c: number}; // py:pay.read
	await sleep(0.5); // 模拟网络延迟 · py:pay.sleep
	if (dic.c) {
		await print(`第${i}个人买到票了 `); // py:pay.print
		dic.c -= 1;
	} else {
		await print(`第${i}个人没买到票`); // py:pay.print2
	}
	await f.write(`{"c": ${dic.c}}`); // py:pay.write
}

/** 004: search prints what is left; get buys without a word when it is sold out. */
async function search004(): Promise<void> {
	const dic = JSON.parse(await new SharedFile('db.txt').read()) as {Count: number}; // py:search004.read
	await print(`Number of votes left${dic.Count}`); // py:search004.print
}

async function get(): Promise<void> {
	const f = new SharedFile('db.txt');
	const dic = JSON.parse(await f.read()) as {Count: number}; // py:get.read
	await sleep(0.1); // network latency for analog read data · py:get.sleep
	if (dic.Count > 0) {
		dic.Count -= 1;
		await sleep(0.2); // network latency for simulating write data · py:get.sleep2
		await f.write(`{"Count": ${dic.Count}}`); // py:get.write
		await print('Purchase ticket success'); // py:get.print
	}
}

export async function task(lock: Lock | null): Promise<void> {
	await search004();
	if (lock) await lock.acquire(); // py:task.acquire
	await get();
	if (lock) await lock.release(); // py:task.release
}

export async function main({variant, options}: MainContext): Promise<void> {
	const mutex = variant.endsWith('lock') || variant === '003' ? new Lock() : null;
	for (let i = 0; i < options.clients!; i++) {
		if (variant.startsWith('002')) await new Process({target: buy_ticket, args: [i, mutex]}).start(); // py:main.start002
		else if (variant === '003') await new Process({target: check, args: [i + 1, mutex]}).start(); // py:main.start003
		else if (variant.startsWith('004')) await new Process({target: task, args: [mutex]}).start(); // py:main.start004
		else await new Process({target: run, args: [String(i), mutex]}).start(); // py:main.start
	}
}
