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
import type {TraceEvent} from '../source/engine/trace.js';

function balance(s: ViewState): number | undefined {
	return Object.values(s.prims).find(p => p.type === 'Value')?.value;
}

/** Stores made so far by the tasks running `target`: each is one withdrawal or deposit done. */
function done(s: ViewState, target: string): number {
	const num = Object.values(s.shared.vars).find(v => v.kind === 'Value');
	if (!num) return 0;
	return Object.entries(num.writes).reduce((n, [task, writes]) => n + (s.tasks[task]?.target === target ? writes : 0), 0);
}

/** What a process adds to the balance each time, by the function it runs. */
const DELTA: Record<string, number> = {get_money: -1, put_money: +1};

/** The account (the Value) and a process's store about to run: the value it stores, and the balance now. */
function storing(e: TraceEvent, s: ViewState): {stores: number; now: number; delta?: number} | undefined {
	if (e.kind !== 'state' || e.state !== 'running' || e.choice === undefined) return undefined;
	const t = s.tasks[e.task];
	const now = balance(s);
	if (t?.op !== 'store' || t.arg === undefined || now === undefined) return undefined;
	return {stores: Number(t.arg), now, delta: DELTA[t.target]};
}

/** A store worked out from a load the other process has since written over: an update is lost. */
function staleStore(e: TraceEvent, s: ViewState): boolean {
	const x = storing(e, s);
	if (!x) return false;
	return x.delta !== undefined ? x.stores !== x.now + x.delta : Math.abs(x.stores - x.now) !== 1;
}

/** Another process has loaded the balance and not stored it back yet (its store is next). */
function anotherBetweenLoadAndStore(s: ViewState, task: string): boolean {
	return Object.values(s.tasks).some(t => t.name !== task && t.state !== 'done' && t.op === 'store');
}

function inVariant(s: ViewState, variant: string): boolean {
	return s.run?.variant === variant;
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
	challenges: [
		{
			variant: 'unsafe',
			goal: {zh: '12次选择之内让一次存取丢失（余额就不对了）', en: 'within 12 picks, lose a deposit or a withdrawal'},
			won: {zh: '一次更新被覆盖了，余额不再对得上', en: 'an update was written over, and the balance is off'},
			within: 12,
			win: {broken: 'every-change-counts'},
		},
		{
			variant: 'lock',
			goal: {zh: '试着让一次存取丢失：锁挡得住吗？', en: 'try to lose a deposit or a withdrawal: can the lock stop you?'},
			won: {zh: '一次更新丢了：锁没挡住', en: 'an update was lost: the lock did not stop it'},
			win: {holds: 'every-change-counts'},
		},
	],
	captions: [
		{
			when: (e, s) => e.kind === 'end' && balance(s) !== undefined && balance(s) !== 100,
			text: {zh: '结束：存了100次、取了100次，余额却不是100——中间有几次更新被覆盖，丢了', en: 'The end: a hundred deposits and a hundred withdrawals, yet the balance is not 100. Some updates were written over and lost'},
		},
		{
			when: (e, s) => e.kind === 'end' && balance(s) === 100 && inVariant(s, 'lock'),
			text: {zh: '结束：余额正好是100。加了锁，每次读和写之间不会被对方插进来', en: 'The end: the balance is exactly 100. With the lock, the other process never gets in between a read and its write'},
		},
		{
			when: (e, s) => e.kind === 'end' && balance(s) === 100,
			text: {
				zh: '结束：这一次余额碰巧是100——丢掉的存款和取款可能正好抵消了。换个 --seed 再跑试试',
				en: 'The end: this time the balance happens to be 100; a lost deposit and a lost withdrawal can cancel out. Try another --seed',
			},
		},
		{
			when: (e, s) => staleStore(e, s),
			text: {
				zh: '丢失更新：它写回的数是用对方写回之前读到的旧余额算的，对方刚才那次存/取被覆盖了',
				en: 'A lost update: the value it writes back was worked out from a balance read before the other process wrote; that deposit or withdrawal is written over',
			},
		},
		{
			when: (e, s) => e.kind === 'gate' && e.op === 'store' && anotherBetweenLoadAndStore(s, e.task),
			text: {zh: '两个进程读到了同一个余额，都还没写回：谁后写回，谁就把对方的更新盖掉', en: 'Both processes have read the same balance and neither has written it back: whichever writes last wipes out the other’s update'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire',
			text: {zh: '锁在另一个进程手里，它要把100次都做完才还钥匙：这个进程阻塞在 acquire', en: 'The other process holds the lock and gives it back only after all its hundred turns: this one blocks in acquire'},
		},
		{
			when: (e, s) => e.kind === 'op' && e.op === 'acquire' && s.prims[e.obj ?? '']?.type === 'Lock' && Object.values(s.tasks).some(t => t.process !== 'MainProcess' && t.state === 'done'),
			text: {zh: '前一个进程100次全做完、还了钥匙，这个进程才开始：两个进程变成了串行', en: 'Only once the first process has done all its hundred turns and handed the key back does this one start: the two now run one after the other'},
		},
		{
			when: (e, s) => e.kind === 'gate' && e.op === 'store' && s.output.length === 0,
			text: {
				zh: 'num.value -= 1 其实是两步：先 load 读出余额、算好新值，再 store 写回。现在读完了，还没写回，中间可能被打断',
				en: 'num.value -= 1 is two steps: load the balance and work out the new one, then store it back. It has read and not yet written, and something can come in between',
			},
		},
	],
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
