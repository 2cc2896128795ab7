/**
 * mlfq — seed 003, "多级反馈队列调度算法": several ready queues, the first
 * the most urgent; the time slice doubles at each lower queue. A new job
 * joins the back of the first queue; a job that uses up its whole slice
 * without finishing drops to the next queue; the last queue is round robin.
 * A queue runs only when all those above it are empty, and a job that
 * becomes ready in a higher queue preempts the running job, which goes back
 * to the back of its own queue. Nobody needs to know the jobs' lengths in
 * advance: short and interactive jobs stay up, long CPU-bound ones sink.
 *
 * 多级反馈队列 / Multilevel feedback queue
 *   zh: 多个就绪队列，越往下优先级越低、时间片越长（每级翻倍）；新作业进第一队列，用完时间片没做完就降一级。
 *       高优先级队列来了作业会抢占正在运行的低级作业；短作业和交互作业留在上面，长作业沉到下面。
 *   en: Several ready queues: the lower, the less urgent and the longer the slice (doubled each level); new jobs start at the top, and drop a level when they use a whole slice.
 *       A job arriving in a higher queue preempts a lower one; short and interactive jobs stay up, long ones sink.
 *
 * Jobs: A (CPU-bound, 12) arrives at 0; B (interactive: CPU 1, I/O 2, CPU 1,
 * I/O 2, CPU 1) at 1; C (2) at 6. Slices 1, 2, 4.
 *   A 0-1 in Q0, drops to Q1; B 1-2 (Q0); A 2-4 in Q1, drops to Q2; B back
 *   from I/O at 4, runs 4-5 (Q0); A 5-6 in Q2 until C arrives in Q0 at 6 and
 *   preempts it; C 6-7 uses its slice and drops to Q1; B 7-8 (Q0); C 8-9 (Q1);
 *   A 9-17.
 *
 * Where the seed is silent (see source/engine/cpu/mlfq.ts): a job that blocks
 * for I/O before its slice is over keeps its queue; a preempted job keeps its
 * queue and gets a whole new slice next time.
 *
 * Variants (the CPU policy; the jobs are the same)
 *   mlfq  slices 1, 2, 4: average waiting 2, turnaround 9 (B never waits).
 *   rr    round robin with a slice of 1: 2.67 and 9.67.
 *   fcfs  B and C wait behind A: 6 and 13.
 * Invariants
 *   every-burst-served, cores-sane, clocks-agree (cpu-lessons.ts); textbook-averages (for each variant's policy, one core).
 */
import {Process, Queue, defineScenario, print, sleep, time, tuple, work, type MainContext} from '../source/scenario/api.js';
import {cpuInvariants, cpuOf, doneLine, fmt, ioOf, textbookAverages, type Job} from '../source/scenario/cpu-lessons.js';

const JOBS: Job[] = [
	{name: 'A', arrival: 0, bursts: [12]},
	{name: 'B', arrival: 1, bursts: [1, 2, 1, 2, 1]},
	{name: 'C', arrival: 6, bursts: [2]},
];

/** The lesson's jobs, for the simulator and `compare`. */
export function jobs(_variant?: string): Job[] {
	return JOBS;
}

export const meta = defineScenario({
	name: 'mlfq',
	title: {zh: '多级反馈队列（MLFQ）', en: 'Multilevel feedback queue (MLFQ)'},
	summary: {
		zh: ['多个就绪队列，越往下优先级越低、时间片越长（每级翻倍）；新作业进第一队列，用完时间片没做完就降一级。', '高优先级队列来了作业会抢占正在运行的低级作业；短作业和交互作业留在上面，长作业沉到下面。'],
		en: [
			'Several ready queues: the lower, the less urgent and the longer the slice (doubled each level); new jobs start at the top and drop a level when they use a whole slice.',
			'A job arriving in a higher queue preempts a lower one; short and interactive jobs stay up, long ones sink.',
		],
	},
	sources: ['003 (进程调度: 多级反馈队列调度算法, rules (1)–(3))'],
	group: 'scheduling',
	variants: {
		mlfq: {zh: '三级队列，时间片1、2、4', en: 'three queues, slices 1, 2, 4'},
		rr: {zh: '同样的作业用时间片1的RR', en: 'the same jobs under round robin, slice 1'},
		fcfs: {zh: '同样的作业用FCFS', en: 'the same jobs under FCFS'},
	},
	defaultVariant: 'mlfq',
	cpu: variant => ({sched: variant === 'mlfq' ? 'mlfq:1:3' : variant, quantum: 1, cores: 1}),
	invariants: [
		...cpuInvariants(),
		textbookAverages({
			mlfq: {label: 'mlfq q=1,2,4', waiting: 2, turnaround: 9},
			rr: {label: 'rr q=1', waiting: 8 / 3, turnaround: 29 / 3},
			fcfs: {label: 'fcfs', waiting: 6, turnaround: 13},
		}),
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => JOBS.length + 1,
	notice: {
		zh: '看A一级一级往下沉；B每次只用1就去做I/O，一直留在第一队列，从不等待；C在t=6到达第一队列，抢占了第三队列里的A。',
		en: 'Watch A sink a queue at a time; B uses 1 and leaves for I/O, stays in the top queue and never waits; C arrives in the top queue at 6 and preempts A, in the third.',
	},
	captions: [
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '不用预先知道作业多长：用完时间片的作业自己沉下去，短作业和交互作业留在上面', en: 'No need to know job lengths in advance: jobs that use whole slices sink, short and interactive ones stay up'},
			variants: ['mlfq'],
		},
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '时间片1的RR：每个作业轮流用同样长的时间片，不管它以前用了多少', en: 'Round robin, slice 1: every job gets the same slice in turn, whatever it used before'},
			variants: ['rr'],
		},
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: 'FCFS：按到达的顺序，每个作业一直运行到结束或去做I/O；长作业挡住后面所有的', en: 'FCFS: in order of arrival, each job runs until it ends or leaves for I/O; a long one holds up all behind it'},
			variants: ['fcfs'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'preempted',
			text: {zh: '更高一级的队列来了作业：抢占！被抢的作业回到它那一级队列的末尾', en: 'A job arrived in a higher queue: preemption! The preempted job goes back to the end of its own queue'},
			variants: ['mlfq'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'slice',
			text: {zh: '时间片用完还没做完：降到下一级队列（时间片翻倍）', en: 'The slice is used up and the job is not done: down one queue (where the slice is twice as long)'},
			variants: ['mlfq'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'slice',
			text: {zh: '时间片用完还没做完：回到就绪队列的末尾', en: 'The slice is used up and the job is not done: back to the end of the ready queue'},
			variants: ['rr'],
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'sleep' && e.task === 'B',
			text: {zh: 'B 没用完时间片就去做I/O：它留在原来的队列', en: 'B leaves for I/O before its slice is over: it keeps its queue'},
			variants: ['mlfq'],
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'sleep' && e.task === 'B',
			text: {zh: 'B 去做I/O：CPU交给下一个就绪的作业', en: 'B leaves for I/O: the CPU goes to the next ready job'},
			variants: ['rr', 'fcfs'],
		},
		{
			when: e => e.kind === 'state' && e.core !== undefined,
			text: {zh: '只有上面的队列都空了，下面的队列才能运行', en: 'A queue runs only when every queue above it is empty'},
			variants: ['mlfq'],
		},
		{
			when: e => e.kind === 'state' && e.core !== undefined,
			text: {zh: '就绪队列最前面的作业拿到CPU', en: 'The job at the head of the ready queue gets the CPU'},
			variants: ['rr', 'fcfs'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '新作业进入第一队列（最高优先级，时间片最短）', en: 'A new job joins the first queue (the most urgent, with the shortest slice)'},
			variants: ['mlfq'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '新作业排到就绪队列的末尾', en: 'A new job joins the end of the ready queue'},
			variants: ['rr', 'fcfs'],
		},
	],
});

/** One job: arrive, use the CPU and do I/O as its bursts say, report how long it waited. */
export async function job(name: string, arrival: number, bursts: number[], results: Queue): Promise<void> {
	await sleep(arrival); // py:job.sleep
	await print(`${name} 到达 t=${fmt(time())}, 需要CPU ${cpuOf(bursts)}`); // py:job.print
	for (let k = 0; k < bursts.length; k++) {
		if (k % 2 === 0) {
			await work(bursts[k]!); // a CPU burst · py:job.work
		} else {
			await print(`${name} 做I/O ${bursts[k]}`); // py:job.print2
			await sleep(bursts[k]!); // I/O · py:job.sleep2
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
