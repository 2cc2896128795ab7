/**
 * sjf — seed 003, "短作业(进程)优先调度算法(SJ/PF)": when the CPU is free,
 * the ready job with the shortest next CPU burst gets it. On the same jobs
 * its average waiting time is below FCFS's; its preemptive form, shortest
 * remaining time first (SRTF), goes lower still. The price: long jobs wait,
 * and the burst lengths must be known (really, estimated) in advance.
 *
 * 短作业优先 / Shortest job first
 *   zh: CPU空出来时，就绪队列里下一个CPU区间最短的作业先运行（不抢占）。
 *       同样的四个作业，平均等待时间比FCFS短；可抢占的SRTF更短，但长作业要一直等。
 *   en: When the CPU is free, the ready job with the shortest next burst runs first (no preemption).
 *       On the same four jobs it waits less than FCFS on average; preemptive SRTF less still, but long jobs wait.
 *
 * The jobs are the textbook four: P1 (8) at 0, P2 (4) at 1, P3 (9) at 2,
 * P4 (5) at 3, each a process that sleeps until it arrives and then asks for
 * the CPU with work(burst).
 *
 * Variants (the CPU policy; the jobs are the same)
 *   sjf   P1 0-8, P2 8-12, P4 12-17, P3 17-26: average waiting 7.75, turnaround 14.25.
 *   fcfs  P1, P2, P3, P4 in arrival order: 8.75 and 15.25.
 *   srtf  P2 preempts P1 at 1: P1 0-1, P2 1-5, P4 5-10, P1 10-17, P3 17-26: 6.5 and 13.
 * Invariants
 *   every-burst-served, cores-sane, clocks-agree (cpu-lessons.ts); textbook-averages (for each variant's policy, one core).
 */
import {Process, Queue, defineScenario, print, sleep, time, tuple, work} from '../source/scenario/api.js';
import {cpuInvariants, cpuOf, doneLine, fmt, ioOf, textbookAverages, type Job} from '../source/scenario/cpu-lessons.js';

const JOBS: Job[] = [
	{name: 'P1', arrival: 0, bursts: [8]},
	{name: 'P2', arrival: 1, bursts: [4]},
	{name: 'P3', arrival: 2, bursts: [9]},
	{name: 'P4', arrival: 3, bursts: [5]},
];

/** The lesson's jobs, for the simulator and `compare`. */
export function jobs(_variant?: string): Job[] {
	return JOBS;
}

export const meta = defineScenario({
	name: 'sjf',
	title: {zh: '短作业优先（SJF）', en: 'Shortest job first (SJF)'},
	summary: {
		zh: ['CPU空出来时，就绪队列里下一个CPU区间最短的作业先运行（不抢占）。', '同样的四个作业，平均等待时间比FCFS短；可抢占的SRTF更短，但长作业要一直等。'],
		en: ['When the CPU is free, the ready job with the shortest next burst runs first (no preemption).', 'On the same four jobs it waits less than FCFS on average; preemptive SRTF less still, but long jobs wait.'],
	},
	sources: ['003 (进程调度: 短作业优先 SJ/PF; the four jobs are the textbook ones)'],
	group: 'scheduling',
	variants: {
		sjf: {zh: 'SJF：不抢占，平均等待7.75', en: 'SJF, no preemption: average waiting 7.75'},
		fcfs: {zh: '同样的作业用FCFS：平均等待8.75', en: 'the same jobs under FCFS: average waiting 8.75'},
		srtf: {zh: 'SRTF（最短剩余时间优先，可抢占）：平均等待6.5', en: 'SRTF (shortest remaining time first, preemptive): average waiting 6.5'},
	},
	defaultVariant: 'sjf',
	cpu: variant => ({sched: variant, cores: 1}),
	invariants: [
		...cpuInvariants(),
		textbookAverages({
			sjf: {label: 'sjf', waiting: 7.75, turnaround: 14.25},
			fcfs: {label: 'fcfs', waiting: 8.75, turnaround: 15.25},
			srtf: {label: 'srtf', waiting: 6.5, turnaround: 13},
		}),
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => JOBS.length + 1,
	notice: {
		zh: 'P1结束时P2、P3、P4都在等：SJF先挑最短的P2(4)，再挑P4(5)，最长的P3(9)最后。SRTF里P2一到就抢走了P1的CPU。',
		en: 'When P1 is done, P2, P3 and P4 all wait: SJF takes the shortest, P2 (4), then P4 (5), and the longest, P3 (9), last. Under SRTF, P2 takes the CPU from P1 the moment it arrives.',
	},
	captions: [
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '比一比三个变体的平均等待时间：FCFS 8.75，SJF 7.75，SRTF 6.5', en: 'Compare the variants’ average waiting: FCFS 8.75, SJF 7.75, SRTF 6.5'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'preempted',
			text: {zh: '抢占：新到的作业比正在运行的剩下的还短，它拿走了CPU', en: 'Preemption: the new job is shorter than what the running one has left, so it takes the CPU'},
		},
		{
			when: (e, s) => e.kind === 'state' && e.core !== undefined && (s.sched?.queues[0]?.tasks.length ?? 0) > 0,
			text: {zh: 'CPU空出来：挑就绪队列里CPU区间最短的作业', en: 'The CPU is free: the ready job with the shortest burst goes next'},
			variants: ['sjf'],
		},
		{
			when: (e, s) => e.kind === 'state' && e.core !== undefined && (s.sched?.queues[0]?.tasks.length ?? 0) > 0,
			text: {zh: 'CPU空出来：就绪作业里剩下时间最短的先运行', en: 'The CPU is free: the ready job with the least time left goes next'},
			variants: ['srtf'],
		},
		{
			when: (e, s) => e.kind === 'state' && e.core !== undefined && (s.sched?.queues[0]?.tasks.length ?? 0) > 0,
			text: {zh: 'CPU空出来：就绪队列里最先到的作业先运行，不管它多长', en: 'The CPU is free: the job that arrived first goes next, however long it is'},
			variants: ['fcfs'],
		},
		{
			when: e => e.kind === 'state' && e.core !== undefined,
			text: {zh: '作业拿到CPU', en: 'A job gets the CPU'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '作业到达：进入就绪队列；队列按CPU区间长短排', en: 'A job arrives and is ready; the ready queue is ordered by burst length'},
			variants: ['sjf', 'srtf'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '作业到达：排到就绪队列的末尾', en: 'A job arrives and joins the end of the ready queue'},
			variants: ['fcfs'],
		},
	],
});

/** One job: arrive, use the CPU as its bursts say, report how long it waited. */
export async function job(name: string, arrival: number, bursts: number[], results: Queue): Promise<void> {
	await sleep(arrival); // py:job.sleep
	await print(`${name} 到达 t=${fmt(time())}, 需要CPU ${cpuOf(bursts)}`); // py:job.print
	for (let k = 0; k < bursts.length; k++) {
		if (k % 2 === 0) await work(bursts[k]!); // a CPU burst · py:job.work
		else await sleep(bursts[k]!); // I/O
	}
	const turnaround = time() - arrival;
	const waiting = turnaround - cpuOf(bursts) - ioOf(bursts);
	await print(doneLine(name, time(), waiting, turnaround)); // py:job.print2
	await results.put(tuple(waiting, turnaround)); // (waiting, turnaround): a tuple, drawn as Python writes it · py:job.put
}

export async function main(): Promise<void> {
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
