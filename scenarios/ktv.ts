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

/** Someone has left already (the counter has gone up again at least once). */
function someoneLeft(s: ViewState): boolean {
	return s.output.some(line => line.text.endsWith('从ktv出去了'));
}

function waitingOn(s: ViewState, obj: string | undefined): boolean {
	return Object.values(s.tasks).some(t => t.state === 'blocked' && t.on === obj);
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
	captions: [
		{
			when: (e, s) => e.kind === 'end' && s.run?.variant === 'unsafe',
			text: {zh: '都唱完了。可中途里面一度挤进了6个人：没有信号量，4个房间拦不住人', en: 'All have sung. But at one point six were inside: with no semaphore, four booths stop no one'},
		},
		{
			when: e => e.kind === 'end',
			text: {zh: '都唱完了：里面从来没超过4个人，第5、6个人是等有人出来才进去的', en: 'All have sung: never more than four inside; the fifth and sixth went in only when someone came out'},
		},
		{
			when: (e, s) => e.kind === 'print' && e.text.endsWith('进来唱歌了') && inside(s) === PEOPLE && s.run?.variant === 'unsafe',
			text: {zh: '6个人全进去了：4个房间挤了6个人', en: 'All six are in: six people in four booths'},
		},
		{
			when: (e, s) => e.kind === 'print' && e.text.endsWith('进来唱歌了') && inside(s) > ROOMS,
			text: {zh: '第5个人也进去了：没有信号量，谁也拦不住，里面超过了4个人', en: 'A fifth person walks in: with no semaphore nothing stops them, and more than four are inside'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'acquire',
			text: {zh: '4个房间都满了（计数器是0）：这个人阻塞在 acquire，在门口等', en: 'All four booths are taken (the counter is 0): this person blocks in acquire and waits at the door'},
		},
		{
			when: (e, s) => e.kind === 'op' && e.op === 'release' && waitingOn(s, e.obj),
			text: {zh: '有人出来了，release 把计数器加1：门口等着的人里可以进去一个了', en: 'Someone leaves: release adds one to the counter, and one of those waiting can go in'},
		},
		{
			when: (e, s) => e.kind === 'op' && e.op === 'acquire' && e.value === 0 && someoneLeft(s),
			text: {zh: '等着的人拿到了空出来的房间，计数器又回到0：里面始终不超过4个人', en: 'A waiting person gets the free booth and the counter is back to 0: never more than four inside'},
		},
		{
			// The first acquires have no caption of their own: early on, the caption row shows what each step did.
			when: e => e.kind === 'op' && e.op === 'acquire' && e.value === 0,
			text: {
				zh: '第4个人进去了：每次 acquire 把计数器减1，现在减到0，房间满了，后来的人 acquire 就会阻塞',
				en: 'The fourth person is in: each acquire took one off the counter, now down to 0; the booths are full, and the next acquire blocks',
			},
		},
		{
			when: (e, s) => e.kind === 'print' && e.text.endsWith('进来唱歌了') && s.run?.variant === 'unsafe',
			text: {zh: '没有信号量：来了就进去，谁也不用等', en: 'No semaphore: whoever comes walks straight in, and nobody waits'},
		},
	],
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
