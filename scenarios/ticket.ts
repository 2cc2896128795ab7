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
 */
import {Lock, Process, SharedFile, defineScenario, print, sleep, type MainContext, type ViewState} from '../source/scenario/api.js';

const DB = 'data.json';

function sold(s: ViewState): number {
	return s.output.filter(line => line.text.endsWith('抢票成功!')).length;
}

function left(s: ViewState): number | undefined {
	const content = s.prims[`file:${DB}`]?.content;
	try {
		return content === undefined ? undefined : (JSON.parse(content) as {ticket_num: number}).ticket_num;
	} catch {
		return undefined;
	}
}

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
	},
	defaultVariant: 'unsafe',
	options: {clients: {default: 10, min: 1, max: 1000, help: 'how many clients rush for the ticket'}},
	invariants: [
		{
			name: 'not-oversold',
			text: {zh: '卖出的票不超过库存（1张）', en: 'tickets sold never exceed the one in stock'},
			check: s => sold(s) <= 1,
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
		{
			name: 'books-balance',
			text: {zh: '结束时：余票 + 卖出 = 1', en: 'at the end: tickets left + sold = 1'},
			check: s => left(s) === 1 - sold(s),
			when: 'end',
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
	],
	outcome: s => ({sold: sold(s), left: left(s)}),
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: options => (options.clients ?? 10) + 1,
	files: () => ({[DB]: '{"ticket_num": 1}'}),
});

async function search(user: string): Promise<void> {
	const dic = JSON.parse(await new SharedFile(DB).read()) as {ticket_num: number};
	await print(`用户${user}查看余票,还剩${dic.ticket_num}...`);
}

async function buy(user: string): Promise<void> {
	const db = new SharedFile(DB);
	const dic = JSON.parse(await db.read()) as {ticket_num: number};
	await sleep(0.1); // network delay reading the database
	if (dic.ticket_num > 0) {
		dic.ticket_num -= 1;
		await sleep(0.2); // network delay writing it
		await db.write(`{"ticket_num": ${dic.ticket_num}}`);
		await print(`用户${user}抢票成功!`);
	} else {
		await print(`用户${user}抢票失败`);
	}
}

export async function run(user: string, mutex: Lock | null): Promise<void> {
	await search(user);
	if (mutex) await mutex.acquire();
	await buy(user);
	if (mutex) await mutex.release();
}

export async function main({variant, options}: MainContext): Promise<void> {
	const mutex = variant === 'lock' ? new Lock() : null;
	for (let i = 0; i < options.clients!; i++) await new Process({target: run, args: [String(i), mutex]}).start();
}
