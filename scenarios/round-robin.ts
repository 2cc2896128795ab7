/**
 * round-robin — seed 003, "时间片轮转(Round Robin, RR)法": the CPU's time is
 * cut into slices. The first ready job runs for one slice; if its burst is
 * not over, it goes to the back of the ready queue and the next job runs. A
 * job that blocks for I/O before its slice is over gives the CPU up at once
 * and rejoins the queue when its I/O ends. A slice as long as the longest
 * burst turns RR into FCFS, as the seed says.
 *
 * 时间片轮转 / Round robin
 *   zh: 每个作业一次最多运行一个时间片；没做完就排回就绪队列末尾，让下一个作业运行。
 *       作业做I/O时让出CPU，I/O结束再回到就绪队列；时间片长到能装下最长的作业，RR就成了FCFS。
 *   en: A job runs for at most one time slice; if it is not done it goes to the back of the ready queue.
 *       A job doing I/O gives the CPU up and rejoins the queue when the I/O ends; a slice longer than any job is FCFS.
 *
 * Jobs: A (CPU-bound, 6) arrives at 0, B (4) at 1, C (interactive: CPU 1,
 * I/O 2, CPU 1, I/O 2, CPU 1) at 2. With a slice of 2: at 2 C arrives just as
 * A's slice ends, and goes in front of A (a job that arrives at the instant
 * a slice ends is queued before the job whose slice ended).
 *
 * Variants (the time slice)
 *   q2  A 0-2, B 2-4, C 4-5, A 5-7, B 7-9, C 9-10, A 10-12, C 12-13: average waiting 4.67, turnaround 10.33.
 *   q1  turns of 1: average waiting 5, turnaround 10.67.
 *   q6  a slice as long as the longest burst: the same schedule as FCFS, 4.33 and 10.
 * Invariants
 *   every-burst-served, cores-sane, clocks-agree (cpu-lessons.ts); textbook-averages (under rr with that slice, one core).
 */
import {Process, Queue, defineScenario, print, sleep, time, tuple, work, type MainContext} from '../source/scenario/api.js';
import {cpuInvariants, cpuOf, doneLine, fmt, ioOf, textbookAverages, type Job} from '../source/scenario/cpu-lessons.js';

const JOBS: Job[] = [
	{name: 'A', arrival: 0, bursts: [6]},
	{name: 'B', arrival: 1, bursts: [4]},
	{name: 'C', arrival: 2, bursts: [1, 2, 1, 2, 1]},
];

const QUANTUM: Record<string, number> = {q2: 2, q1: 1, q6: 6};

/** The lesson's jobs, for the simulator and `compare`. */
export function jobs(_variant?: string): Job[] {
	return JOBS;
}

export const meta = defineScenario({
	name: 'round-robin',
	title: {zh: '时间片轮转（RR）', en: 'Round robin (RR)'},
	summary: {
		zh: ['每个作业一次最多运行一个时间片；没做完就排回就绪队列末尾，让下一个作业运行。', '作业做I/O时让出CPU，I/O结束再回到就绪队列；时间片长到能装下最长的作业，RR就成了FCFS。'],
		en: ['A job runs for at most one time slice; if it is not done it goes to the back of the ready queue.', 'A job doing I/O gives the CPU up and rejoins the queue when the I/O ends; a slice longer than any job is FCFS.'],
	},
	sources: ['003 (进程调度: 时间片轮转法; the three ways a job joins the ready queue)'],
	group: 'scheduling',
	variants: {
		q2: {zh: '时间片2', en: 'a time slice of 2'},
		q1: {zh: '时间片1：切换更频繁，响应更快', en: 'a slice of 1: more switches, quicker responses'},
		q6: {zh: '时间片6：不短于最长的CPU区间，就是FCFS', en: 'a slice of 6, no shorter than the longest burst: FCFS'},
	},
	defaultVariant: 'q2',
	cpu: variant => ({sched: 'rr', quantum: QUANTUM[variant] ?? 2, cores: 1}),
	invariants: [
		...cpuInvariants(),
		textbookAverages({
			q2: {label: 'rr q=2', waiting: 14 / 3, turnaround: 31 / 3},
			q1: {label: 'rr q=1', waiting: 5, turnaround: 32 / 3},
			q6: {label: 'rr q=6', waiting: 13 / 3, turnaround: 10},
		}),
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => JOBS.length + 1,
	notice: {
		zh: 'A 用完时间片就排到队尾；C 每次只用1就去做I/O，I/O结束又回到队尾。t=2 时 C 刚到、A 的时间片刚用完：C 排在 A 前面。',
		en: 'A goes to the back each time its slice runs out; C uses 1 and leaves for I/O, then rejoins the back. At 2, C arrives as A’s slice ends: C is queued ahead of A.',
	},
	captions: [
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '时间片越短，作业越早第一次拿到CPU（响应时间），但切换次数越多', en: 'The shorter the slice, the sooner each job first runs (response time), but the more switches'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'slice',
			text: {zh: '时间片用完、作业还没做完：排到就绪队列末尾，等下一轮', en: 'The slice is used up and the job is not done: to the back of the ready queue, for the next round'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'sleep' && e.task === 'C',
			text: {zh: 'C 在时间片内就去做I/O：让出CPU，阻塞，I/O结束再回就绪队列', en: 'C leaves for I/O within its slice: it gives the CPU up and blocks until the I/O ends'},
		},
		{
			when: e => e.kind === 'state' && e.core !== undefined,
			text: {zh: '就绪队列的第一个作业拿到CPU，最多运行一个时间片', en: 'The first job of the ready queue gets the CPU for at most one slice'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '新作业（或I/O刚结束的作业）排到就绪队列末尾', en: 'A new job (or one back from I/O) joins the back of the ready queue'},
		},
	],
});

/** One job: arrive, use the CPU and do I/O as its bursts say, report how long it waited. */
export async function job(name: string, arrival: number, bursts: number[], results: Queue): Promise<void> {
	await sleep(arrival); // py:job.sleep
	await print(`${name} 到达 t=${fmt(time())}, 需要CPU ${cpuOf(bursts)}`); // py:job.print
	for (let k = 0; k < bursts.length; k++) {
		if (k % 2 === 0) {
			await work(bursts[k]!); // a CPU burst, cut into slices · py:job.work
		} else {
			await print(`${name} 做I/O ${bursts[k]}`); // py:job.print2
			await sleep(bursts[k]!); // I/O: blocked, the CPU goes to someone else · py:job.sleep2
		}
	}
	const turnaround = time() - arrival;
	const waiting = turnaround - cpuOf(bursts) - ioOf(bursts);
	await print(doneLine(name, time(), waiting, turnaround)); // py:job.print3
	await results.put(tuple(waiting, turnaround)); // (waiting, turnaround): a tuple, drawn as Python writes it · py:job.put
}

export async function main(_context: MainContext): Promise<void> {
	const results = new Queue();
	const procs = JOBS.map(j => new Process({target: job, args: [j.name, j.arrival, j.bursts, results], name: j.name}));
	for (const p of procs) await p.start(); // py:main.start
	let waiting = 0;
	let turnaround = 0;
	for (let i = 0; i < procs.length; i++) {
		const [w, t] = (await results.get()) as [number, number]; // py:main.get
		waiting += w;
		turnaround += t;
	}
	for (const p of procs) await p.join(); // py:main.join
	await print(`平均等待时间 ${fmt(waiting / procs.length)}, 平均周转时间 ${fmt(turnaround / procs.length)}`); // py:main.print
}
