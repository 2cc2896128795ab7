/**
 * ktv — seed 002, "信号量 —— multiprocess.Semaphore": a mini KTV with four
 * rooms; six people come to sing for 1–5 seconds each. With Semaphore(4)
 * never more than four are inside; the fifth and sixth wait, blocked on the
 * semaphore, until someone leaves. Without it (`unsafe`) all six walk in.
 */
import {Process, Semaphore, defineScenario, print, randint, sleep, type MainContext, type ViewState} from '../source/scenario/api.js';

const PEOPLE = 6;
const ROOMS = 4;

/** Who is inside now, from what they printed: in after 进来, out after 出去. */
function inside(s: ViewState): number {
	let n = 0;
	for (const line of s.output) {
		if (line.text.endsWith('进来唱歌了')) n++;
		else if (line.text.endsWith('从ktv出去了')) n--;
	}
	return n;
}

/** Who is inside now and since which step (the step of their 进来 line). */
function insiders(s: ViewState): {task: string; since: number}[] {
	const inside = new Map<string, number>();
	for (const line of s.output) {
		if (line.text.endsWith('进来唱歌了')) inside.set(line.task, line.step);
		else if (line.text.endsWith('从ktv出去了')) inside.delete(line.task);
	}
	return [...inside].map(([task, since]) => ({task, since}));
}

export const meta = defineScenario({
	name: 'ktv',
	title: {zh: 'KTV：信号量', en: 'KTV: a semaphore'},
	summary: {
		zh: ['商场里的迷你KTV只有4个房间，同时最多4个人进去唱歌。', 'Semaphore(4) 是锁加计数器：第5个人 acquire 时阻塞，直到有人 release。'],
		en: ['The mall KTV has four booths: at most four people can sing at once.', 'Semaphore(4) is a lock with a counter: the fifth acquire blocks until someone releases.'],
	},
	sources: ['002 (Semaphore, KTV example)'],
	group: 'semaphores-events',
	variants: {
		semaphore: {zh: 'Semaphore(4)：最多4人同时在里面', en: 'Semaphore(4): never more than four inside'},
		unsafe: {zh: '不用信号量：6个人全进去了', en: 'no semaphore: all six walk in'},
	},
	defaultVariant: 'semaphore',
	invariants: [
		{
			name: 'at-most-four-inside',
			text: {zh: '同时在KTV里的人不超过4个', en: 'never more than four people inside'},
			check: s => inside(s) <= ROOMS,
			inside: {limit: ROOMS, who: insiders},
			expect: {semaphore: 'hold', unsafe: 'breakable'},
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => PEOPLE + 1,
});

export async function ktv(i: number, sem: Semaphore | null): Promise<void> {
	if (sem) await sem.acquire(); // py:ktv.acquire
	await print(`person ${i} 进来唱歌了`); // py:ktv.print
	await sleep(randint(1, 5)); // py:ktv.sleep
	await print(`person ${i} 从ktv出去了`); // py:ktv.print2
	if (sem) await sem.release(); // py:ktv.release
}

export async function main({variant}: MainContext): Promise<void> {
	const sem = variant === 'unsafe' ? null : new Semaphore(ROOMS);
	for (let i = 0; i < PEOPLE; i++) await new Process({target: ktv, args: [i, sem]}).start(); // py:main.start
}
