/**
 * join — seed 003 ("join") and 001 ("p.join:父进程等p执行完了才运行主进程"): the
 * parent waits, blocked on join, until the child is over.
 *
 * join：父进程等子进程 / join: the parent waits for the child
 *   zh: p.join() 让父进程阻塞在原地，等子进程执行完，再打印自己的内容：父子变成同步。
 *       不 join，父子是异步的，两边的打印交错在一起。
 *   en: p.join() blocks the parent where it stands until the child is done, then it prints its own lines.
 *       Without join the two run asynchronously and their lines interleave.
 *
 * Variants
 *   join     the child prints 儿子在这里 10 times (0.01 s apart); the parent, blocked on
 *            join, prints 爸爸在这里 5 times only after (the tutorial: 500 and 100).
 *   no-join  the same without p.join(): the lines interleave.
 * Invariants
 *   father-after-son (join: hold; no-join: breakable, shown): no 爸爸在这里 before the child's last line.
 */
import {Process, defineScenario, print, sleep, type MainContext, type ViewState} from '../source/scenario/api.js';

const SON = 10;
const FATHER = 5;

function fatherAfterSon(s: ViewState): boolean {
	let father = false;
	for (const line of s.output) {
		if (line.text === '爸爸在这里') father = true;
		else if (line.text === '儿子在这里' && father) return false;
	}
	return true;
}

export const meta = defineScenario({
	name: 'join',
	title: {zh: 'join：父进程等子进程结束', en: 'join: the parent waits for the child'},
	summary: {
		zh: ['p.join() 让父进程阻塞在原地，等子进程执行完，再打印自己的内容：父子变成同步。', '不 join，父子是异步的，两边的打印交错在一起。'],
		en: ['p.join() blocks the parent where it stands until the child is done; only then does it print its own lines.', 'Without join the two run asynchronously and their lines interleave.'],
	},
	sources: ['003 (join: 500 × 儿子在这里, 100 × 爸爸在这里; here 10 and 5)', '001 (p.join)'],
	group: 'process-life',
	variants: {
		join: {zh: '先 join：儿子的10行全部打完，爸爸才打印', en: "join first: all ten of the son's lines, then the father's"},
		'no-join': {zh: '不 join：两边交错打印', en: 'no join: the lines interleave'},
	},
	defaultVariant: 'join',
	invariants: [
		{
			name: 'father-after-son',
			text: {zh: '爸爸的行都在儿子的最后一行之后', en: "every 爸爸在这里 comes after the son's last line"},
			check: fatherAfterSon,
			expect: {join: 'hold', 'no-join': 'breakable'},
			// Without join the lines interleave: that is what no-join is there to show.
			shown: {'no-join': {zh: '爸爸和儿子的打印交错在一起', en: "the father's and the son's lines interleaved"}},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => 2,
	captions: [
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'join',
			text: {zh: '父进程执行到 join，阻塞在原地，等子进程执行完', en: 'The parent reached join: it is blocked there until the child is done'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'join',
			text: {zh: '子进程结束，join 返回：父进程接着打印', en: 'The child is over and join returns: now the parent prints'},
		},
		{
			when: (e, s) => e.kind === 'print' && !fatherAfterSon(s),
			text: {zh: '没有 join：爸爸和儿子的打印交错了', en: "No join: the father's and the son's lines interleave"},
		},
	],
});

export async function func(): Promise<void> {
	for (let i = 0; i < SON; i++) {
		await sleep(0.01); // py:func.sleep
		await print('儿子在这里'); // py:func.print
	}
}

export async function main({variant}: MainContext): Promise<void> {
	const p = new Process({target: func});
	await p.start(); // py:main.start
	if (variant === 'join') await p.join(); // 主进程执行到这句话，主进程阻塞住，等待子进程执行 · py:main.join
	for (let i = 0; i < FATHER; i++) {
		await sleep(0.01); // py:main.sleep
		await print('爸爸在这里'); // py:main.print
	}
}
