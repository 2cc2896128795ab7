/**
 * Live language: L switches the screen between English and Chinese at any
 * moment, every word of the UI with it (header, key bar, help, states,
 * task details, panels, alerts, the break's story), on the same run, at the
 * same step, playing or paused as it was. Frames at 100×30 in Chinese after
 * L: no row wider than the screen in cells, the rows drawn across it exactly
 * as wide; and L again gives back the English frame byte for byte.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {builtInNames, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {cellWidth} from '../source/ui/cells.js';
import {Screen} from '../source/ui/Screen.js';
import {RunSession, type Frame, type SessionInit} from '../source/ui/session.js';
import {until} from './helpers/session.js';

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

afterEach(() => cleanup());

function draw(frame: Frame, columns = 100, rows = 30): string[] {
	const {lastFrame} = render(<Screen frame={frame} columns={columns} rows={rows} />);
	const lines = strip(lastFrame() ?? '').split('\n');
	assert.equal(lines.length, rows - 1, 'one row short of the terminal');
	for (const line of lines) assert.ok(cellWidth(line) <= columns, `too wide (${cellWidth(line)} cells): ${line}`);
	// A panel's title row and the help's box are drawn across the screen: double-width words must not leave them short or long.
	for (const line of lines.filter(l => /^(╭|│|╰)/.test(l) || /^─ .*─$/.test(l))) assert.equal(cellWidth(line), columns, `not screen-wide: ${line}`);
	return lines;
}

async function session(spec: string, init: Partial<SessionInit> = {}): Promise<RunSession> {
	const [name, variant] = spec.split(':');
	const {module, label} = resolveScenario(name!);
	const scenario = await loadScenario(module, label);
	return new RunSession({scenario, lang: 'en', paused: true, ...(variant ? {variant} : {}), ...init}, () => {});
}

async function atEnd(s: RunSession): Promise<Frame> {
	await until(s, f => f.recorded, 'the whole run');
	s.goto(s.frame().last);
	return s.frame();
}

const L = {name: 'language'} as const;

describe('L: the screen in the other language', {timeout: 180_000}, () => {
	it('ktv at its end: header, states, task details, panel titles, legend, key bar; L again is the English frame', async () => {
		const s = await session('ktv');
		try {
			await atEnd(s);
			const english = draw(s.frame());
			s.command(L);
			const f = s.frame();
			assert.equal(f.lang, 'zh');
			const lines = draw(f);
			assert.equal(lines[0], 'KTV：信号量  ktv:semaphore · random · 1 核 · 种子 1');
			assert.equal(lines[1], '■ 已结束 · 步数 44/44 · t 5.000s · ×1');
			assert.equal(lines[2], '不变式 ✓ 同时在KTV里的人不超过4个');
			assert.match(lines[3]!, /^─ 任务 7 ─+ ─ 时间线 ─+ 6–44 ─$/);
			assert.match(lines[4]!, /^•MainProcess +\d+ ✓ 结束 {4}退出码 0 +[█░×]+$/);
			assert.match(lines[11]!, /^ +· 新建 {2}░ 就绪 {2}█ 运行 {2}× 阻塞$/);
			assert.match(lines[12]!, /^─ 同步原语 ─+ ─ 输出 ─+ ↑5 · 12 行 ─$/);
			assert.match(lines[13]!, /^•sem#1 Semaphore\(4\) 已占 0\/4 □□□□ +Process-5 │ person 4 进来唱歌了$/);
			assert.match(lines[20]!, /^─ 代码 · Python · 002 python全栈学习 .* ↓12 · t：课程文件 ─$/);
			assert.equal(lines.at(-1), 'space 重播 n → 单步 b ← 后退 m 手动 ? 帮助 q 退出 · 按 ? 看全部按键');
			assert.ok(!lines.join('\n').match(/\b(ended|step|core|seed|Tasks|Primitives|Output|Timeline|ready|running|blocked|exit|quit|help)\b/), lines.join('\n'));
			s.command(L);
			assert.deepEqual(draw(s.frame()), english, 'back in English, the same frame as before');
		} finally {
			await s.dispose();
		}
	});

	it('the help overlay: every key in Chinese, L among them, and the states', async () => {
		const s = await session('ktv');
		try {
			await atEnd(s);
			s.command({name: 'help'});
			s.command(L);
			assert.equal(s.frame().help, true, 'L leaves the help open');
			const lines = draw(s.frame());
			assert.equal(lines[4], '│ 按键 （按任意键关闭帮助）                                                                        │');
			assert.equal(lines[5], '│ space     播放 / 暂停                           t         代码窗格：Python 或课程的代码          │');
			assert.equal(lines[17], '│ e         探索 100 种调度：会出错吗？           L         语言：中文 / English                   │');
			assert.equal(lines[18], '│ V         所有变体并排比较                      ?         这份帮助                               │');
			assert.equal(lines[19], '│ g         挑战：打开或关掉目标                  Esc       关闭帮助                               │');
			assert.equal(lines[22], '│ 状态：· 新建  ○ 就绪  ▶ 运行  ■ 阻塞  ✓ 结束  ☠ 僵尸  ↯ 存活 （收到信号，还没被回收）            │');
			assert.equal(lines.at(-1), 'space 重播 n → 单步 b ← 后退 m 手动 ? 关闭 q 退出 · 按 ? 看全部按键');
		} finally {
			await s.dispose();
		}
	});

	it('deadlock:opposite: the alert says who waits on what, and the story why, in Chinese', async () => {
		const s = await session('deadlock:opposite');
		try {
			await atEnd(s);
			s.command(L);
			const lines = draw(s.frame());
			assert.equal(lines[1], '✗ 死锁 · 步数 12/12 · t 0.100s · ×1');
			assert.match(lines[4]!, /^ Process-1 +\d+ ■ 阻塞 {4}阻塞在 lock#2（被 Process-2 … +[█░×]+$/);
			assert.equal(lines[9], '   等待：Process-2                            Process-2 │ P2 拿到了第一把锁');
			assert.equal(lines[22], '! 死锁：没有任务能运行 · MainProcess 在等 exit: join Process-1, Process-2 · Process-1 在等 B（被');
			assert.equal(lines[23], '  Process-2 持有） · Process-2 在等 A（被 Process-1 持有）');
			assert.equal(lines[24], '  Process-1 拿着 A，在等 B（被 Process-2 拿着） · Process-2 拿着 B，在等 A（被 Process-1 拿着）:');
			assert.equal(lines[25], '  互相等待：谁也走不下去');
			assert.equal(lines.at(-1), 'space 重播 n → 单步 b ← 后退 w 为什么 m 手动 ? 帮助 q 退出 · 按 ? 看全部按键');
		} finally {
			await s.dispose();
		}
	});

	it('bank:unsafe: the broken invariant in the lesson’s Chinese, its story, the Variables panel', async () => {
		const s = await session('bank:unsafe');
		try {
			await atEnd(s);
			s.command(L);
			const lines = draw(s.frame());
			assert.equal(lines[1], '■ 已结束 · 步数 1207/1207 · t 1.000s · ×1');
			assert.equal(lines[2], '不变式 ✗ 第 44 步被打破：every-change-counts ✗ 第 1207 步被打破：balance-100');
			assert.match(lines[10]!, /^─ 共享变量 ─+ ⚠ 过期的读 ─ /);
			assert.equal(lines[23], '! 不变式被打破：余额 = 100 − 已取的次数 + 已存的次数（这个变体会打破它）');
			assert.equal(lines[24], '  Process-1 读到 num=100 @40 · Process-2 读到 num=100 @41 · Process-1 写入 num=99 @42 · Process-2');
			assert.equal(lines[25], '  写入 num=101 @44: Process-1 写的值丢了（Process-2 用过期的读数写回）');
		} finally {
			await s.dispose();
		}
	});
});

describe('L: the same run, the same place', {timeout: 180_000}, () => {
	it('keeps the recording, the step and pause; the run of either language has the same trace', async () => {
		const en = await session('bank:unsafe');
		const zh = await session('bank:unsafe', {lang: 'zh'});
		try {
			await until(en, f => f.recorded, 'the English run');
			await until(zh, f => f.recorded, 'the Chinese run');
			// The engine is given no language: the trace is data, the same run for the same seed.
			assert.deepEqual(zh.recording.events, en.recording.events);
			en.goto(40);
			const before = en.frame();
			const rec = en.recording;
			en.command(L);
			const after = en.frame();
			assert.equal(en.recording, rec, 'no rerun: the same recording');
			assert.equal(after.pos, 40);
			assert.equal(after.status, 'paused');
			assert.equal(after.lang, 'zh');
			assert.equal(after.view, before.view);
			assert.notEqual(after.happened, before.happened);
			assert.match(after.happened, /^Process-1 运行：load value#1 → 100/);
			assert.match(before.happened, /^Process-1 ran: load value#1 → 100/);
		} finally {
			await en.dispose();
			await zh.dispose();
		}
	});

	it('while playing: it plays on, from the step it was at', async () => {
		const s = await session('ktv', {paused: false, speed: 1 / 16});
		try {
			await until(s, f => f.status === 'playing' && f.pos >= 1, 'playing');
			const pos = s.frame().pos;
			s.command(L);
			const f = s.frame();
			assert.equal(f.status, 'playing');
			assert.ok(f.pos >= pos && f.pos <= pos + 1, `at ${f.pos}, was ${pos}`);
			assert.match(draw(f)[1]!, /^▶ 播放中 · 步数 /);
		} finally {
			await s.dispose();
		}
	});

	it('picking by hand: the picks so far and the ready tasks stay; the overlay S and the card stay open', async () => {
		const s = await session('deadlock:opposite', {policy: 'manual'});
		try {
			await until(s, f => f.status === 'pick', 'the first pick');
			s.command({name: 'step'});
			await until(s, f => f.status === 'pick' && f.pos === 1, 'the second pick');
			s.command({name: 'choose'});
			const f0 = await until(s, f => f.status === 'pick' && f.pos === 2, 'the third pick');
			const choices = [...s.recording.choices];
			s.command(L);
			const f1 = s.frame();
			assert.equal(f1.status, 'pick');
			assert.equal(f1.pos, 2);
			assert.deepEqual(f1.ready, f0.ready);
			assert.deepEqual(s.recording.choices, choices);
			assert.match(draw(f1)[1]!, /^\? 轮到你选 · 步数 2 /);
			s.command({name: 'schedule'});
			s.command(L);
			assert.equal(s.frame().overlay?.kind, 'schedule', 'L leaves the overlay open');
			assert.equal(s.frame().lang, 'en');
			s.command(L);
			const lines = draw(s.frame());
			assert.equal(lines[2], '本次运行的调度，第 1–2 步');
			assert.ok(lines.includes('重放它：'), lines.join('\n'));
			s.command({name: 'close'});
			s.command({name: 'info'});
			s.command(L);
			assert.equal(s.frame().card, true, 'L leaves the card open');
			// And the run goes on being picked by hand.
			s.command({name: 'choose'});
			await until(s, f => f.pos === 3, 'the pick after L');
		} finally {
			await s.dispose();
		}
	});
});

describe('every lesson in Chinese fits the screen', {timeout: 1_200_000}, () => {
	it('each lesson’s default variant at its end, after L, at 120×36, 100×30, 80×24 and 60×20: no row wider than the screen', async () => {
		for (const name of builtInNames()) {
			const s = await session(name, {speed: 256, paused: false});
			try {
				await until(s, f => f.recorded && f.pos === f.last && f.status !== 'playing' && f.status !== 'starting', `${name} at its end`, 120_000);
				s.command(L);
				const f = s.frame();
				for (const [columns, rows] of [[120, 36], [100, 30], [80, 24], [60, 20]] as const) {
					const {lastFrame, unmount} = render(<Screen frame={f} columns={columns} rows={rows} />);
					const lines = strip(lastFrame() ?? '').split('\n');
					unmount();
					const where = `${name} at ${columns}×${rows}`;
					assert.equal(lines.length, rows - 1, where);
					for (const line of lines) assert.ok(cellWidth(line) <= columns, `${where}, too wide (${cellWidth(line)}): ${line}`);
				}
			} finally {
				await s.dispose();
			}
		}
	});
});
