/**
 * Issue 15's screens, pinned row for row at 120×36, 100×30 and 80×24, so
 * that a change of layout shows in the diff: ticket:unsafe in the middle of
 * its race just after the break (alike tasks folded, the code pane on the
 * marked lines, the alert and its story, the caption wrapped), ktv with the
 * waiters on the semaphore folded into one row at 80×24, bank:unsafe at the
 * step its invariant breaks (alert, story, code). Then Tab and PgUp/PgDn on
 * a real session: the focus mark, the output and the code pane scrolled,
 * shown as ↑N ↓M, and kept over a new step.
 *
 * Regenerate a pinned screen by hand with
 * `node dist/test/helpers/show-frames.js ticket:unsafe 80 120x36` and read
 * the difference before taking it.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {cellWidth} from '../source/ui/cells.js';
import {withWindows, type ScreenPlan} from '../source/ui/Screen.js';
import type {RunSession} from '../source/ui/session.js';
import {drawFrame, recordedSession} from './helpers/lesson-frame.js';

const sessions = new Map<string, Promise<RunSession>>();
after(async () => {
	cleanup();
	await Promise.all([...sessions.values()].map(async s => (await s).dispose()));
});

/** One recorded session per lesson and use, shared by the pinned screens; a test that presses keys has its own (`own`), so its focus and scroll stay its own. */
function session(spec: string, own = ''): Promise<RunSession> {
	const key = `${spec}#${own}`;
	let s = sessions.get(key);
	if (!s) sessions.set(key, (s = recordedSession(spec)));
	return s;
}

function fits(lines: string[], columns: number, rows: number): void {
	assert.equal(lines.length, rows - 1, 'one row short of the terminal');
	for (const line of lines) assert.ok(cellWidth(line) <= columns, `too wide (${cellWidth(line)}): ${line}`);
}

/** The screens, as drawn at the seed each lesson opens with. */
const PINNED: {spec: string; pos: number; size: [number, number]; rows: string[]}[] = [
	{
		spec: 'ticket:unsafe',
		pos: 80,
		size: [120, 36],
		rows: [
			'Ticket rush: a process lock  ticket:unsafe · random · 1 core · seed 1',
			'⏸ paused · step 80/100 · t 0.300s · ×1',
			'invariants: ✗ broken at step 77: every-sale-recorded ◌ not-oversold ◌ books-balance',
			'─ Tasks 11 ───────────────────────────────────────────────────────────── ─ Timeline ──────────────────────────── 34–80 ─',
			'•MainProcess  37761 ■ blocked on exit: join Process-1, Process-2, Proce… ×××××××××××××××××××××××××××××××××××××××××××××××',
			' Process-1,10 (2)   ○ ready   at print',
			' Process-2    37763 ○ ready   at write data.json {"ticket_num": 0}       ××××××××××××××××░░░░░░█░░░█×××××××××░░░░░█░░░░░',
			' Process-3,5,6… (4) ○ ready   at sleep 0.2',
			' Process-4    37765 ○ ready   at write data.json {"ticket_num": 0}       ××××××××××××××××░░░░░░░█░░░░█×××××××░░░░░░░░█░░',
			' Process-7    37768 ○ ready   at write data.json {"ticket_num": 0}       ░░█░░██×××××××××░░░░░░░░█░░░░░░░░░█×░░░░█░░░░░░',
			'»Process-9    37770 ✓ done    exit 0                                     ░░░░░░░░░░██░█××░░░░░░░░░░░░░░░░█░░░██░█░░░░░░█',
			'                                                                         · new  ░ ready  █ running  × blocked',
			'─ Primitives ───────────────────────────────────────── ─ Output ──────────────────────────────────────── ↑3 · 11 lines ─',
			' file data.json {"ticket_num": 0}                      Process-4  │ 用户3查看余票,还剩1...',
			'─ Variables ─────────────────────────── ⚠ stale read ─ Process-3  │ 用户2查看余票,还剩1...',
			' data.json = {"ticket_num": 0} · written by Process-1… Process-6  │ 用户5查看余票,还剩1...',
			' ⚠ Process-9 read {"ticket_num": 1} · now {"ticket_nu… Process-7  │ 用户6查看余票,还剩1...',
			' ⚠ 8 tasks read {"ticket_num": 1} · stale · now {"tic… Process-8  │ 用户7查看余票,还剩1...',
			'   Process-1 read {"ticket_num": 1} · dic = {\'ticket_… Process-10 │ 用户9查看余票,还剩1...',
			'                                                       Process-9  │ 用户8查看余票,还剩1...',
			'                                                       Process-9  │ 用户8抢票成功!',
			'─ Code · Python · 000 脚本之家: 进程互斥锁, 队列, 线程 (进程互斥锁, lines and names) ──────────── ↑18 · t: lesson file ─',
			'•19         time.sleep(0.2)                                                           ← Process-3 Process-5 Process-6 +1',
			'•21             json.dump(dic, f)                                                        ← Process-2 Process-4 Process-7',
			'•22         print(f\'用户{user}抢票成功!\')                                                         ← Process-1 Process-10',
			'┆34         p = Process(target=run, args=(f\'{i}\', ))',
			'•35         p.start()                                                                                      ← MainProcess',
			'! invariant broken: every sale is on the books: tickets left = 1 − writes made (this variant can break it)',
			'  Process-9 read data.json={"ticket_num": 1} @45 · Process-10 read data.json={"ticket_num": 1} @48 · Process-9 wrote',
			'  data.json={"ticket_num": 0} @73 · Process-10 wrote data.json={"ticket_num": 0} @77: Process-9\'s write is lost',
			'  (Process-10 wrote from a stale read)',
			'» It writes back 0, but the file already says 0: its 0 comes from a stale read, and it still thinks the ticket is its',
			'  own',
			'  Process-9 ran: prints "用户8抢票成功!", ends (exit 0)',
			'space play n → step b ← back w why m manual ? help q quit · ? for all keys',
		],
	},
	{
		spec: 'ticket:unsafe',
		pos: 80,
		size: [100, 30],
		rows: [
			'Ticket rush: a process lock  ticket:unsafe · random · 1 core · seed 1',
			'⏸ paused · step 80/100 · t 0.300s · ×1',
			'invariants: ✗ broken at step 77: every-sale-recorded ◌ not-oversold ◌ books-balance',
			'─ Tasks 11 ───────────────────────────────────────────────── ─ Timeline ──────────────────── 42–80 ─',
			'•MainProcess  37761 ■ blocked on exit: join Process-1, Proc… ×××××××××××××××××××××××××××××××××××××××',
			' Process-1,10 (2)   ○ ready   at print',
			' Process-2,4,7 (3)  ○ ready   at write data.json {"ticket_n…',
			' Process-3,5,6… (4) ○ ready   at sleep 0.2',
			'»Process-9    37770 ✓ done    exit 0                         ░░██░█××░░░░░░░░░░░░░░░░█░░░██░█░░░░░░█',
			'                                                             · new  ░ ready  █ running  × blocked',
			'─ Primitives ──────────────────────────────── ─ Output ───────────────────────────── ↑5 · 11 lines ─',
			' file data.json {"ticket_num": 0}             Process-6  │ 用户5查看余票,还剩1...',
			'─ Variables ────────────────── ⚠ stale read ─ Process-7  │ 用户6查看余票,还剩1...',
			' data.json = {"ticket_num": 0} · written by … Process-8  │ 用户7查看余票,还剩1...',
			' ⚠ Process-9 read {"ticket_num": 1} · now {"… Process-10 │ 用户9查看余票,还剩1...',
			' ⚠ 8 tasks read {"ticket_num": 1} · stale · … Process-9  │ 用户8查看余票,还剩1...',
			'   Process-1 read {"ticket_num": 1} · dic = … Process-9  │ 用户8抢票成功!',
			'─ Code · Python · 000 脚本之家: 进程互斥锁, 队列, 线程 (进程互斥锁, lines a…  ↑18 · t: lesson file ─',
			'•19         time.sleep(0.2)                                       ← Process-3 Process-5 Process-6 +1',
			'•21             json.dump(dic, f)                                    ← Process-2 Process-4 Process-7',
			'•22         print(f\'用户{user}抢票成功!\')                                     ← Process-1 Process-10',
			'•35         p.start()                                                                  ← MainProcess',
			'! invariant broken: every sale is on the books: tickets left = 1 − writes made (this variant can',
			'  break it)',
			'  Process-9 read data.json={"ticket_num": 1} @45 · Process-10 read data.json={"ticket_num": 1} @48 ·',
			'  Process-9 wrote data.json={"ticket_num": 0} @73 · Process-10 wrote data.json={"ticket_num": 0}',
			'  @77: Process-9\'s write is lost (Process-10 wrote from a stale read)',
			'» It writes back 0, but the file already says 0: its 0 comes from a stale read, and it still thinks…',
			'space play n → step b ← back w why m manual ? help q quit · ? for all keys',
		],
	},
	{
		spec: 'ticket:unsafe',
		pos: 80,
		size: [80, 24],
		rows: [
			'Ticket rush: a process lock  ticket:unsafe · random · 1 core · seed 1',
			'⏸ paused · step 80/100 · t 0.300s · ×1',
			'invariants: ✗ broken at step 77: every-sale-recorded ◌ not-oversold +1 more',
			'─ Tasks 11 ──────────────────────────────────────── ↑1 ─ ─ Timeline ──── 58–80 ─',
			' Process-1,10 (2)   ○ ready   at print',
			' Process-2,4,7 (3)  ○ ready   at write data.json {"tick…',
			' Process-3,5,6… (4) ○ ready   at sleep 0.2',
			'»Process-9    37770 ✓ done    exit 0                     ░░░░░░░░█░░░██░█░░░░░░█',
			'─ Primitives ─────────────────────── ─ Output ────────────────── ↑7 · 11 lines ─',
			' file data.json {"ticket_num": 0}    Process-8  │ 用户7查看余票,还剩1...',
			'─ Variables ──────────────────────── Process-10 │ 用户9查看余票,还剩1...',
			' data.json = {"ticket_num": 0} · wr… Process-9  │ 用户8查看余票,还剩1...',
			'   +3 more (2 stale)                 Process-9  │ 用户8抢票成功!',
			'─ Code · Python · 000 脚本之家: 进程互斥锁, 队列, 线程 …  ↑20 · t: lesson file ─',
			'•21             json.dump(dic, f)                ← Process-2 Process-4 Process-7',
			'•22         print(f\'用户{user}抢票成功!\')                 ← Process-1 Process-10',
			'•35         p.start()                                              ← MainProcess',
			'! invariant broken: every sale is on the books: tickets left = 1 − writes made',
			'  (this variant can break it)',
			'  Process-9 read data.json={"ticket_num": 1} @45 · Process-10 read',
			'  data.json={"ticket_num": 1} @48 · Process-9 wrote data.json={"ticket_num": 0}',
			'  @73 · Process-10 wrote data.json={"ticket_num": 0} @77: Process-9\'s write is …',
			'space play n → step b ← back w why m manual ? help q quit',
		],
	},
	{
		spec: 'ktv',
		pos: 20,
		size: [100, 30],
		rows: [
			'KTV: a semaphore  ktv:semaphore · random · 1 core · seed 1',
			'⏸ paused · step 20/44 · t 1.000s · ×1',
			'invariants: ◌ never more than four people inside',
			'─ Tasks 7 ────────────────────────────────────────────────── ─ Timeline ───────────────────── 0–20 ─',
			' MainProcess  37761 ■ blocked on exit: join Process-1, Proc… ░█░█░░██░█░░░█×××××××',
			' Process-1    37762 ■ blocked on sleep → 3s                   ░█░██×××××××××××××××',
			' Process-2    37763 ■ blocked on sleep → 5s                     ░░░░░█░░█░░░░░░█××',
			'•Process-3    37764 ○ ready   at sleep 1 · holds sem#1             ░░░░░░█░░█░░░█░',
			'»Process-4    37765 ■ blocked on sleep → 4s                         ░░░█░░░░░█░░░█',
			' Process-5    37766 ■ blocked on sem#1 (4/4 taken)                    ░░░░░█××××××',
			' Process-6    37767 ■ blocked on sem#1 (4/4 taken)                        ░░░░█×××',
			'                                                             · new  ░ ready  █ running  × blocked',
			'─ Primitives ──────────────────────────────── ─ Output ─────────────────────────────────── 4 lines ─',
			' sem#1 Semaphore(4) 4/4 taken ■■■■            Process-1 │ person 0 进来唱歌了',
			'   inside: Process-1 Process-2 Process-4 Pro… Process-2 │ person 1 进来唱歌了',
			'                                              Process-3 │ person 2 进来唱歌了',
			'                                              Process-4 │ person 3 进来唱歌了',
			'',
			'',
			'',
			'─ Code · Python · 002 python全栈学习 day39: multiproce…  ↑6 · Process-4 at line 9 · t: lesson file ─',
			'• 7     sem.acquire()                                                          ← Process-5 Process-6',
			'  8     print(\'person %s 进来唱歌了\' % i)',
			'▶ 9     time.sleep(random.randint(1, 5))                          ← Process-1 Process-2 Process-3 +1',
			' 10     print(\'person %s 从ktv出去了\' % i)',
			'•17         Process(target=ktv, args=(i, sem)).start()                                 ← MainProcess',
			'» All four booths are taken (the counter is 0): this person blocks in acquire and waits at the door',
			'  Process-4 ran: blocks on sleep · Process-3 wakes · clock → 1s',
			'space play n → step b ← back m manual ? help q quit · ? for all keys',
		],
	},
	{
		spec: 'ktv',
		pos: 20,
		size: [80, 24],
		rows: [
			'KTV: a semaphore  ktv:semaphore · random · 1 core · seed 1',
			'⏸ paused · step 20/44 · t 1.000s · ×1',
			'invariants: ◌ never more than four people inside',
			'─ Tasks 7 ───────────────────────────────────────── ↓1 ─ ─ Timeline ───── 0–20 ─',
			' MainProcess  37761 ■ blocked on exit: join Process-1, … ░█░█░░██░█░░░█×××××××',
			' Process-1 …2 (2)   ■ blocked on sleep',
			'•Process-3    37764 ○ ready   at sleep 1 · holds sem#1         ░░░░░░█░░█░░░█░',
			'»Process-4    37765 ■ blocked on sleep → 4s                     ░░░█░░░░░█░░░█',
			'─ Primitives ─────────────────────── ─ Output ──────────────────────── 4 lines ─',
			' sem#1 Semaphore(4) 4/4 taken ■■■■   Process-1 │ person 0 进来唱歌了',
			'   inside: Process-1 Process-2 Proc… Process-2 │ person 1 进来唱歌了',
			'                                     Process-3 │ person 2 进来唱歌了',
			'                                     Process-4 │ person 3 进来唱歌了',
			'',
			'',
			'─ Code · Python · 002 python全栈学…  ↑6 · Process-4 at line 9 · t: lesson file ─',
			'• 7     sem.acquire()                                      ← Process-5 Process-6',
			'▶ 9     time.sleep(random.randint(1, 5))      ← Process-1 Process-2 Process-3 +1',
			'•17         Process(target=ktv, args=(i, sem)).start()             ← MainProcess',
			'» All four booths are taken (the counter is 0): this person blocks in acquire',
			'  and waits at the door',
			'  Process-4 ran: blocks on sleep · Process-3 wakes · clock → 1s',
			'space play n → step b ← back m manual ? help q quit',
		],
	},
	{
		spec: 'bank:unsafe',
		pos: 44,
		size: [120, 36],
		rows: [
			'Bank balance: shared memory and a lock  bank:unsafe · random · 1 core · seed 1',
			'⏸ paused · step 44/1207 · t 0.030s · ×1',
			'invariants: ✗ broken at step 44: every-change-counts ◌ the balance ends at 100',
			'─ Tasks 3 ────────────────────────────────────────────────────────────── ─ Timeline ───────────────────────────── 0–44 ─',
			' MainProcess  37761 ■ blocked on join Process-1                          ░█░█░░█××××××××××××××××××××××××××××××××××××××',
			' Process-1    37762 ○ ready   at print "99"                               ░█░██░██××××░░█░░█████××░░░█░██░███×░░██░██░',
			'»Process-2    37763 ○ ready   at load value#1                               ░░░░░░██████░██░░░░░█████░█░░█░░░███░░█░░█',
			'                                                                         · new  ░ ready  █ running  × blocked',
			'─ Primitives ───────────────────────────────────────── ─ Output ────────────────────────────────────────────── 6 lines ─',
			'•value#1 \'num\' Value(\'i\') = 101                        Process-1 │ 99',
			'─ Variables ─────────────────────────── ⚠ stale read ─ Process-2 │ 100',
			' num = 101 · written by Process-2 @44                  Process-1 │ 100',
			'   Process-2 read 100                                  Process-2 │ 100',
			' ⚠ Process-1 read 99 · now 101                         Process-1 │ 100',
			'                                                       Process-2 │ 100',
			'',
			'',
			'',
			'',
			'',
			'─ Code · Python · 003 python-进程: 在python程序中的进程操作 (Value, 银…  ↑7 ↓2 · Process-2 at line 15 · t: lesson file ─',
			'• 8         print(num.value)                                                                                 ← Process-1',
			'┆14         num.value += 1',
			'▶15         print(num.value)                                                                                 ← Process-2',
			' 16         time.sleep(0.01)',
			' 17',
			'•26     p.join()                                                                                           ← MainProcess',
			'note: num.value -= 1 is a read then a write: the lesson takes them as two steps, where the lost update can happen',
			'! invariant broken: balance = 100 − withdrawals done + deposits done (this variant can break it)',
			'  Process-1 read num=100 @40 · Process-2 read num=100 @41 · Process-1 wrote num=99 @42 · Process-2 wrote num=101 @44:',
			'  Process-1\'s write is lost (Process-2 wrote from a stale read)',
			'» A lost update: the value it writes back was worked out from a balance read before the other process wrote; that',
			'  deposit or withdrawal is written over',
			'  Process-2 ran: store value#1 → 101',
			'space play n → step b ← back w why m manual ? help q quit · ? for all keys',
		],
	},
	{
		spec: 'bank:unsafe',
		pos: 44,
		size: [100, 30],
		rows: [
			'Bank balance: shared memory and a lock  bank:unsafe · random · 1 core · seed 1',
			'⏸ paused · step 44/1207 · t 0.030s · ×1',
			'invariants: ✗ broken at step 44: every-change-counts ◌ the balance ends at 100',
			'─ Tasks 3 ────────────────────────────────────────────────── ─ Timeline ───────────────────── 6–44 ─',
			' MainProcess  37761 ■ blocked on join Process-1              █××××××××××××××××××××××××××××××××××××××',
			' Process-1    37762 ○ ready   at print "99"                  ░██××××░░█░░█████××░░░█░██░███×░░██░██░',
			'»Process-2    37763 ○ ready   at load value#1                ░░░██████░██░░░░░█████░█░░█░░░███░░█░░█',
			'                                                             · new  ░ ready  █ running  × blocked',
			'─ Primitives ──────────────────────────────── ─ Output ─────────────────────────────────── 6 lines ─',
			'•value#1 \'num\' Value(\'i\') = 101               Process-1 │ 99',
			'─ Variables ────────────────── ⚠ stale read ─ Process-2 │ 100',
			' num = 101 · written by Process-2 @44         Process-1 │ 100',
			'   Process-2 read 100                         Process-2 │ 100',
			' ⚠ Process-1 read 99 · now 101                Process-1 │ 100',
			'                                              Process-2 │ 100',
			'',
			'─ Code · Python · 003 python-进程: 在python程序中… ─ ↑7 ↓2 · Process-2 at line 15 · t: lesson file ─',
			'• 8         print(num.value)                                                             ← Process-1',
			'┆14         num.value += 1',
			'▶15         print(num.value)                                                             ← Process-2',
			' 16         time.sleep(0.01)',
			'•26     p.join()                                                                       ← MainProcess',
			'! invariant broken: balance = 100 − withdrawals done + deposits done (this variant can break it)',
			'  Process-1 read num=100 @40 · Process-2 read num=100 @41 · Process-1 wrote num=99 @42 · Process-2',
			'  wrote num=101 @44: Process-1\'s write is lost (Process-2 wrote from a stale read)',
			'» A lost update: the value it writes back was worked out from a balance read before the other',
			'  process wrote; that deposit or withdrawal is written over',
			'  Process-2 ran: store value#1 → 101',
			'space play n → step b ← back w why m manual ? help q quit · ? for all keys',
		],
	},
	{
		spec: 'bank:unsafe',
		pos: 44,
		size: [80, 24],
		rows: [
			'Bank balance: shared memory and a lock  bank:unsafe · random · 1 core · seed 1',
			'⏸ paused · step 44/1207 · t 0.030s · ×1',
			'invariants: ✗ broken at step 44: every-change-counts ◌ the balance ends at 100',
			'─ Tasks 3 ────────────────────────────────────────────── ─ Timeline ──── 22–44 ─',
			' MainProcess  37761 ■ blocked on join Process-1          ×××××××××××××××××××××××',
			' Process-1    37762 ○ ready   at print "99"              █××░░░█░██░███×░░██░██░',
			'»Process-2    37763 ○ ready   at load value#1            ░█████░█░░█░░░███░░█░░█',
			'─ Primitives ─────────────────────── ─ Output ─────────────────── ↑1 · 6 lines ─',
			'•value#1 \'num\' Value(\'i\') = 101      Process-2 │ 100',
			'─ Variables ──────────────────────── Process-1 │ 100',
			' num = 101 · written by Process-2 @… Process-2 │ 100',
			'   +2 more (1 stale)                 Process-1 │ 100',
			'                                     Process-2 │ 100',
			'─ Code · Python · 003 python-… ─ ↑7 ↓2 · Process-2 at line 15 · t: lesson file ─',
			'• 8         print(num.value)                                         ← Process-1',
			'▶15         print(num.value)                                         ← Process-2',
			'•26     p.join()                                                   ← MainProcess',
			'! invariant broken: balance = 100 − withdrawals done + deposits done (this',
			'  variant can break it)',
			'  Process-1 read num=100 @40 · Process-2 read num=100 @41 · Process-1 wrote',
			'  num=99 @42 · Process-2 wrote num=101 @44: Process-1\'s write is lost (Process-2',
			'  wrote from a stale read)',
			'space play n → step b ← back w why m manual ? help q quit',
		],
	},
];

describe('issue 15 screens, row for row', {timeout: 300_000}, () => {
	for (const p of PINNED) {
		it(`${p.spec} at step ${p.pos}, ${p.size[0]}×${p.size[1]}`, async () => {
			const s = await session(p.spec);
			s.goto(p.pos);
			const lines = drawFrame(s.frame(), ...p.size);
			fits(lines, ...p.size);
			assert.deepEqual(lines, p.rows);
		});
	}

	it('bank:unsafe: step 44 is where the invariant breaks (the story appears there, not before)', async () => {
		const s = await session('bank:unsafe');
		s.goto(43);
		assert.equal(s.frame().why, undefined);
		s.goto(44);
		assert.ok(s.frame().why);
	});
});


describe('Tab and PgUp/PgDn on a real session (bank:unsafe, 201 lines of output, at 100×30)', {timeout: 300_000}, () => {
	it('marks the focused panel, pages the output and the code pane, shows ↑N ↓M, and a new step keeps the scroll', async () => {
		const s = await session('bank:unsafe', 'keys');
		const last = s.frame().last;
		s.goto(last);
		const plan: {current?: ScreenPlan} = {};
		const draw = () => {
			const lines = drawFrame(s.frame(), 100, 30, plan);
			fits(lines, 100, 30);
			return lines;
		};
		const titles = (lines: string[]) => lines.filter(l => /^[─▸] (Tasks|Primitives|Code)/.test(l));
		const press = (name: 'focus' | 'pageup' | 'pagedown') => s.command(withWindows({name}, plan.current));
		const start = draw();
		// No panel is marked before the first Tab; the output follows its tail: 7 rows above.
		assert.deepEqual(titles(start), [
			'─ Tasks 3 ────────────────────────────────────────────────── ─ Timeline ──────────────── 1169–1207 ─',
			'─ Primitives ──────────────────────────────── ─ Output ────────────────────────── ↑194 · 201 lines ─',
			'─ Code · Python · 003 python-进程: 在python程序中的进程操作 (Value, 银行存… ─ ↓23 · t: lesson file ─',
		]);
		press('focus');
		assert.match(draw()[3]!, /^▸ Tasks 3 /);
		press('focus');
		assert.match(titles(draw())[1]!, /^▸ Primitives .* ─ Output /);
		press('focus');
		assert.match(titles(draw())[1]!, /^─ Primitives .* ▸ Output /);
		// A page up is the output's 7 rows.
		press('pageup');
		const up = draw();
		assert.equal(titles(up)[1], '─ Primitives ──────────────────────────────── ▸ Output ─────────────────────── ↑187 ↓7 · 201 lines ─');
		const outputRows = (lines: string[]) => lines.slice(9, 16).map(l => l.slice(46));
		assert.deepEqual(outputRows(up), ['Process-2 │ 94', 'Process-2 │ 93', 'Process-1 │ 93', 'Process-2 │ 94', 'Process-1 │ 93', 'Process-1 │ 92', 'Process-2 │ 94']);
		// Five steps back: the output has a line less, the window stays on the same lines.
		s.goto(last - 5);
		const back = draw();
		assert.match(titles(back)[1]!, / ↑187 ↓6 · 200 lines ─$/);
		assert.deepEqual(outputRows(back), outputRows(up));
		// Paged down to its end, it follows its tail again.
		press('pagedown');
		assert.match(titles(draw())[1]!, / ↑193 · 200 lines ─$/);
		assert.equal(s.frame().scroll?.tops.output, undefined);
		// The code pane: a page down from the lines it showed.
		press('focus');
		const code = draw();
		assert.match(titles(code)[2]!, /^▸ Code · .* ↑8 · t: lesson file ─$/);
		press('pagedown');
		const paged = draw();
		const at = paged.findIndex(l => l.startsWith('▸ Code'));
		assert.match(paged[at]!, / ↑13 ↓10 · t: lesson file ─$/);
		assert.deepEqual(paged.slice(at + 1, at + 5).map(l => l.trimEnd()), [' 14         num.value += 1', ' 15         print(num.value)', ' 16         time.sleep(0.01)', ' 17']);
		// Tab goes round to the tasks.
		press('focus');
		assert.match(draw()[3]!, /^▸ Tasks 3 /);
	});
});

describe('PgUp/PgDn on the tasks (ticket:unsafe at 80×24, step 80)', {timeout: 300_000}, () => {
	it('pages the folded task rows, and the next step follows the task that ran again', async () => {
		const s = await session('ticket:unsafe', 'keys');
		s.goto(80);
		const plan: {current?: ScreenPlan} = {};
		const tasks = () => {
			const lines = drawFrame(s.frame(), 80, 24, plan);
			fits(lines, 80, 24);
			return lines.slice(3, 8);
		};
		const press = (name: 'focus' | 'pageup' | 'pagedown') => s.command(withWindows({name}, plan.current));
		assert.deepEqual(tasks()[0], '─ Tasks 11 ──────────────────────────────────────── ↑1 ─ ─ Timeline ──── 58–80 ─');
		press('focus');
		press('pageup');
		const up = tasks();
		assert.deepEqual(up.map(l => l.slice(0, 56).trimEnd()), [
			'▸ Tasks 11 ──────────────────────────────────────── ↓1 ─',
			'•MainProcess  37761 ■ blocked on exit: join Process-1, …',
			' Process-1,10 (2)   ○ ready   at print',
			' Process-2,4,7 (3)  ○ ready   at write data.json {"tick…',
			' Process-3,5,6… (4) ○ ready   at sleep 0.2',
		]);
		press('pagedown');
		assert.match(tasks()[0]!, /^▸ Tasks 11 ─+ ↑1 ─/);
		press('pageup');
		assert.match(tasks()[0]!, /^▸ Tasks 11 ─+ ↓1 ─/);
		// A step on: the window follows the task that ran (Process-… at step 81) again.
		s.goto(81);
		assert.equal(s.frame().scroll?.tops.tasks, undefined);
	});
});
