/**
 * The headless transcript in Chinese (`--lang zh`): Chinese sentences on the
 * same lines, with the same stamps and step columns, so a script reading the
 * columns reads them the same; the words a script greps for (WHY, BROKEN,
 * ✓ ● ○, the outcome, schedule:/replay:) kept. Without --lang it is English
 * as it was, whatever the locale.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {runCli} from './helpers/cli-run.js';

const stamp = (line: string) => /^\[[^\]]*\]/.exec(line)?.[0] ?? line.split(' ')[0];

describe('the transcript in Chinese', {timeout: 120_000}, () => {
	it('ktv: the same lines, stamps and columns as in English, the sentences in Chinese', async () => {
		const [en, zh, locale] = await Promise.all([
			runCli(['ktv', '--headless']),
			runCli(['ktv', '--headless', '--lang', 'zh']),
			runCli(['ktv', '--headless'], {env: {LANG: 'zh_CN.UTF-8'}}),
		]);
		const e = en.stdout.trimEnd().split('\n');
		const z = zh.stdout.trimEnd().split('\n');
		assert.equal(z.length, e.length);
		assert.deepEqual(z.map(stamp), e.map(stamp), 'the same stamps, line by line');
		assert.equal(locale.stdout, en.stdout, 'a Chinese locale alone does not change the words a script reads');
		// English, as it always was.
		assert.equal(e[0], 'ktv:semaphore · seed 1 · policy random · sched fcfs · 1 core · controlled');
		assert.match(e[1]!, /^\[ {3}0\.000s # {3}0\] MainProcess \(pid \d+\) is created: main$/);
		assert.ok(e.includes('[   0.000s #  14] Process-5 blocks on sem#1'));
		assert.ok(e.includes('[   0.000s #  18] Process-2 blocks on sleep until 5s'));
		assert.ok(e.includes('[   5.000s #  44] ✓ held  invariant at-most-four-inside: never more than four people inside'));
		assert.ok(e.includes('[   5.000s #  44] run ends: completed after 44 steps, 5s of virtual time'));
		// Chinese.
		assert.equal(z[0], 'ktv:semaphore · 种子 1 · 策略 random · CPU 调度 fcfs · 1 核 · controlled');
		assert.match(z[1]!, /^\[ {3}0\.000s # {3}0\] MainProcess（pid \d+）被创建：main$/);
		assert.ok(z.includes('[   0.000s #   4] Process-1 | person 0 进来唱歌了'), 'what the lesson prints, as it printed it');
		assert.ok(z.includes('[   0.000s #  14] Process-5 阻塞在 sem#1'));
		assert.ok(z.includes('[   0.000s #  18] Process-2 阻塞在 sleep 直到 5s'));
		assert.ok(z.includes('[   1.000s #  23] Process-3 结束，退出码 0'));
		assert.ok(z.includes('[   5.000s #  44] ✓ 成立  不变式 at-most-four-inside：同时在KTV里的人不超过4个'));
		assert.ok(z.includes('[   5.000s #  44] 运行结束：completed，共 44 步，虚拟时间 5s'));
		assert.equal(z.at(-2), e.at(-2), 'the schedule line is the same');
		assert.equal(z.at(-1), e.at(-1), 'and the command that replays it');
	});

	it('bank:unsafe and deadlock:opposite: BROKEN and WHY kept, the invariant and the story in the lesson’s Chinese', async () => {
		const [bank, dead] = await Promise.all([runCli(['bank:unsafe', '--headless', '--lang', 'zh']), runCli(['deadlock:opposite', '--headless', '--lang', 'zh'])]);
		const b = bank.stdout.split('\n');
		assert.ok(b.includes('[   1.000s #1207] BROKEN 不变式 balance-100：结束时余额是100（这个变体会打破它）'), bank.stdout.slice(-2000));
		assert.ok(
			b.includes('[   1.000s #1207] WHY balance-100（从 #1180 起）：Process-1 读到 num=94 @1180 · Process-2 读到 num=94 @1181 · Process-2 写入 num=95 @1182 · Process-1 写入 num=93 @1183: Process-2 写的值丢了（Process-1 用过期的读数写回）'),
		);
		const d = dead.stdout.split('\n');
		assert.ok(d.includes('[   0.100s #  12] 运行结束：deadlock，共 12 步，虚拟时间 0.1s'), dead.stdout);
		assert.ok(d.includes('    Process-1 永远在等 lock#2，它被 Process-2 持有'));
	});

	it('--json is data: the same whatever the language', async () => {
		const [en, zh] = await Promise.all([runCli(['ktv', '--json']), runCli(['ktv', '--json', '--lang', 'zh'])]);
		assert.equal(zh.stdout, en.stdout);
	});

	it('explore --lang zh words its report in Chinese, the same table and histograms; English unchanged', async () => {
		const args = ['explore', 'ticket:unsafe', '--clients', '2', '--runs', '20'];
		const [en, zh] = await Promise.all([runCli(args), runCli([...args, '--lang', 'zh'])]);
		assert.equal(en.code, 0, en.stderr);
		assert.equal(zh.code, 0, zh.stderr);
		const e = en.stdout.trimEnd().split('\n');
		const z = zh.stdout.trimEnd().split('\n');
		assert.equal(z.length, e.length, zh.stdout);
		assert.equal(e[0], 'explore ticket:unsafe · random: 20 schedules, seeds 1–20');
		assert.equal(z[0], 'explore ticket:unsafe · 随机：20 种调度，种子 1–20');
		assert.match(e[2]!, /^invariant +expected +broken in$/);
		assert.match(z[2]!, /^不变式 +预期 +被打破的次数$/);
		assert.match(z[3]!, /^not-oversold +breakable +20 种里 20 种（100%）$/);
		// The histograms are the same lines in both.
		assert.deepEqual(z.filter(l => l.includes('│')), e.filter(l => l.includes('│')));
		assert.ok(z.some(l => l.startsWith('最短的出错调度：')) && e.some(l => l.startsWith('shortest breaking schedule: ')));
		assert.equal(z.at(-1)!.replace('重放它：', ''), e.at(-1)!.replace('replay it: ', ''), 'the same replay command');
	});
});
