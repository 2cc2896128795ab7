/**
 * bank — seed 003 ("银行存钱和取钱"): one account in shared memory,
 * `Value('i', 100)`. One process withdraws 1 a hundred times, another
 * deposits 1 a hundred times, each printing the balance and sleeping 0.01 s.
 * `num.value -= 1` is a read and then a write: two steps, so a deposit can
 * land between them and be lost. Unsafe: the balance can end other than 100.
 * With the lock taken around each whole loop, as the tutorial does, the two
 * run one after the other and the balance ends at 100.
 */
import {Lock, Process, Value, defineScenario, print, sleep, type MainContext, type ViewState} from '../source/scenario/api.js';

function balance(s: ViewState): number | undefined {
	return Object.values(s.prims).find(p => p.type === 'Value')?.value;
}

/** Stores made so far by the tasks running `target`: each is one withdrawal or deposit done. */
function done(s: ViewState, target: string): number {
	const num = Object.values(s.shared.vars).find(v => v.kind === 'Value');
	if (!num) return 0;
	return Object.entries(num.writes).reduce((n, [task, writes]) => n + (s.tasks[task]?.target === target ? writes : 0), 0);
}

export const meta = defineScenario({
	name: 'bank',
	title: {zh: '银行存取款：共享内存与锁', en: 'Bank balance: shared memory and a lock'},
	summary: {
		zh: ['同一个账户 Value("i", 100)，一个进程取100次钱，一个进程存100次钱。', 'num.value -= 1 是先读后写两步：不加锁时会丢失更新，余额不再是100；加锁后一定是100。'],
		en: ["One account, Value('i', 100): one process withdraws 1 a hundred times, another deposits 1 a hundred times.", 'num.value -= 1 is a read then a write: without a lock updates get lost and the balance ends wrong; with it, always 100.'],
	},
	sources: ['003 (Value, 银行存钱和取钱, with and without Lock)'],
	group: 'locks',
	variants: {
		unsafe: {zh: '不加锁：余额可能不是100', en: 'no lock: the balance may end other than 100'},
		lock: {zh: '加锁：一定是100，但变成串行', en: 'a lock: always 100, and serial'},
	},
	defaultVariant: 'unsafe',
	invariants: [
		{
			name: 'every-change-counts',
			text: {zh: '余额 = 100 − 已取的次数 + 已存的次数', en: 'balance = 100 − withdrawals done + deposits done'},
			check: s => {
				const b = balance(s);
				return b === undefined || b === 100 - done(s, 'get_money') + done(s, 'put_money');
			},
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
		{
			name: 'balance-100',
			text: {zh: '结束时余额是100', en: 'the balance ends at 100'},
			check: s => balance(s) === 100,
			when: 'end',
			expect: {unsafe: 'breakable', lock: 'hold'},
		},
	],
	outcome: s => ({balance: balance(s)}),
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => 3,
});

async function change(num: Value, l: Lock | null, delta: number): Promise<void> {
	if (l) await l.acquire(); // 拿走钥匙，锁上门 · py:change.acquire
	for (let i = 0; i < 100; i++) {
		await num.store((await num.load()) + delta); // num.value += delta: read, then write · py:change.store
		await print(await num.load()); // py:change.print
		await sleep(0.01); // py:change.sleep
	}
	if (l) await l.release(); // 还钥匙 · py:change.release
}

/** 取钱 */
export async function get_money(num: Value, l: Lock | null): Promise<void> {
	await change(num, l, -1);
}

/** 存钱 */
export async function put_money(num: Value, l: Lock | null): Promise<void> {
	await change(num, l, +1);
}

export async function main({variant}: MainContext): Promise<void> {
	const num = new Value('i', 100, {name: 'num'});
	const l = variant === 'lock' ? new Lock() : null;
	const p = new Process({target: get_money, args: [num, l]});
	await p.start(); // py:main.start
	const p1 = new Process({target: put_money, args: [num, l]});
	await p1.start(); // py:main.start2
	await p.join(); // py:main.join
	await p1.join(); // py:main.join2
	await print(await num.load()); // py:main.print
}
