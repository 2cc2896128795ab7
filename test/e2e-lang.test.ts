/**
 * End to end, in a real pseudo-terminal: `conc-tui` alone opens the menu in
 * English; L turns it into Chinese; Enter opens the lesson in Chinese (its
 * card, then the UI's words); L in the lesson turns everything back into
 * English at the same step; l back to the menu, which followed (English).
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {KEYS, Tty, stepOf} from './e2e-terminal.js';

const open: Tty[] = [];
after(() => {
	for (const t of open) t.kill();
});

describe('L in a real terminal', {timeout: 180_000}, () => {
	it('menu → L → Chinese menu → Enter → Chinese lesson → n n n → L → English at the same step → l → English menu', async () => {
		const t = new Tty([], {cols: 100, rows: 30, env: {LANG: 'en_US.UTF-8'}});
		open.push(t);
		await t.waitFor(s => s.includes('› bank') && s.includes('Semaphores and events'), 'the menu in English');
		t.press('L');
		let screen = await t.waitFor(s => /^conc-tui · 课程 · \d+ 课/.test(s), 'the menu in Chinese');
		assert.match(screen, /› bank +银行存取款：共享内存与锁/, 'the lessons by their Chinese titles');
		assert.match(screen, /^信号量与事件/m, 'the groups by their Chinese names');
		assert.match(screen, /↑↓ j k 移动 · Enter 打开 · L English · q 退出/);
		assert.ok(!screen.includes('Semaphores and events'));
		t.press(KEYS.enter);
		screen = await t.waitFor(s => /^bank:unsafe · ⏸ 已暂停 · 步数 0/.test(s) && s.includes('留意：'), 'the card in Chinese');
		assert.match(screen, /变体 unsafe：/);
		t.press('n');
		await t.waitFor(s => /步数 1\b/.test(s), 'step 1');
		t.press('n');
		await t.waitFor(s => /步数 2\b/.test(s), 'step 2');
		t.press('n');
		screen = await t.waitFor(s => /⏸ 已暂停 · 步数 3\b/.test(s), 'step 3, in Chinese');
		assert.match(screen, /^─ 任务 3 /m);
		assert.match(screen, /^─ 同步原语 /m);
		assert.match(screen, /[○▶■] (就绪|运行|阻塞)/, 'the states in Chinese');
		assert.match(screen, /n → 单步 b ← 后退/, 'the key bar in Chinese');
		t.press('L');
		screen = await t.waitFor(s => /⏸ paused · step 3\b/.test(s), 'step 3, in English');
		assert.equal(stepOf(screen), 3, 'the step did not move');
		assert.match(screen, /^─ Tasks 3 /m);
		assert.match(screen, /n → step b ← back/);
		assert.ok(!/[任务阻塞就绪单步]/.test(screen.split('\n').slice(1).join('\n').replace(/^.*│.*$/gm, '')), 'no UI word left in Chinese');
		t.press('l');
		await t.waitFor(s => /^conc-tui · the lessons/.test(s) && s.includes('› bank'), 'the menu, in English as the lesson left it');
		t.press('q');
		const {exitCode} = await t.exited;
		assert.equal(exitCode, 0);
	});
});
