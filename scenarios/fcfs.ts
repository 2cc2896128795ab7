/**
 * fcfs — seed 003, "进程调度 / 先来先服务(FCFS)调度算法": the simplest policy.
 * Jobs are served in the order they arrive; each keeps the one core until
 * its CPU burst is over. A long job that came first makes every short job
 * behind it wait (the convoy effect): FCFS favours long, CPU-bound jobs.
 *
 * 先来先服务 / First come, first served
 *   zh: 作业按到达的先后排队，先到的先用CPU，一直用到它的CPU区间结束。
 *       长作业排在前面时，后面的短作业都要等它：FCFS有利于长作业，不利于短作业。
 *   en: Jobs line up in the order they arrive; the first gets the CPU and keeps it until its burst is over.
 *       A long job in front makes every short job behind it wait: FCFS favours long jobs, not short ones.
 *
 * Each job is a process (a real worker): it sleeps until its arrival time,
 * then asks for the CPU with work(burst), on the engine's virtual clock. It
 * measures its own waiting and turnaround time with time() and reports them
 * to the main process, which prints the averages.
 *
 * Variants
 *   convoy       P1 (24) arrives at 0, P2 (3) at 1, P3 (3) at 2: average waiting 16, turnaround 26.
 *   short-first  the same jobs, the short ones first: average waiting 2, turnaround 12.
 *   four         the four jobs of the sjf lesson (8, 4, 9, 5 at 0, 1, 2, 3): waiting 8.75, turnaround 15.25.
 * Invariants
 *   every-burst-served, cores-sane, clocks-agree (cpu-lessons.ts); textbook-averages (under fcfs, one core).
 */
import {Process, Queue, defineScenario, print, sleep, time, tuple, work, type MainContext} from '../source/scenario/api.js';
import {cpuInvariants, cpuOf, doneLine, fmt, ioOf, textbookAverages, type Job} from '../source/scenario/cpu-lessons.js';

const JOBS: Record<string, Job[]> = {
	convoy: [
		{name: 'P1', arrival: 0, bursts: [24]},
		{name: 'P2', arrival: 1, bursts: [3]},
		{name: 'P3', arrival: 2, bursts: [3]},
	],
	'short-first': [
		{name: 'P2', arrival: 0, bursts: [3]},
		{name: 'P3', arrival: 1, bursts: [3]},
		{name: 'P1', arrival: 2, bursts: [24]},
	],
	four: [
		{name: 'P1', arrival: 0, bursts: [8]},
		{name: 'P2', arrival: 1, bursts: [4]},
		{name: 'P3', arrival: 2, bursts: [9]},
		{name: 'P4', arrival: 3, bursts: [5]},
	],
};

/** The lesson's jobs, for the simulator and `compare`. */
export function jobs(variant: string): Job[] {
	return JOBS[variant] ?? JOBS.convoy!;
}

export const meta = defineScenario({
	name: 'fcfs',
	title: {zh: '先来先服务（FCFS）', en: 'First come, first served (FCFS)'},
	summary: {
		zh: ['作业按到达的先后排队，先到的先用CPU，一直用到它的CPU区间结束。', '长作业排在前面时，后面的短作业都要等它：FCFS有利于长作业，不利于短作业。'],
		en: ['Jobs line up in the order they arrive; the first gets the CPU and keeps it until its burst is over.', 'A long job in front makes every short job behind it wait: FCFS favours long jobs, not short ones.'],
	},
	sources: ['003 (进程调度: 先来先服务 FCFS; the job figures are the textbook ones)'],
	group: 'scheduling',
	variants: {
		convoy: {zh: '长作业先到：P1(24) P2(3) P3(3)，平均等待16', en: 'the long job first: P1 (24), P2 (3), P3 (3); average waiting 16'},
		'short-first': {zh: '短作业先到：同样的作业，平均等待只有2', en: 'the short jobs first: the same jobs, average waiting only 2'},
		four: {zh: 'sjf 课的四个作业，用 FCFS', en: 'the four jobs of the sjf lesson, under FCFS'},
	},
	defaultVariant: 'convoy',
	cpu: () => ({sched: 'fcfs', cores: 1}),
	invariants: [
		...cpuInvariants(),
		textbookAverages({
			convoy: {label: 'fcfs', waiting: 16, turnaround: 26},
			'short-first': {label: 'fcfs', waiting: 2, turnaround: 12},
			four: {label: 'fcfs', waiting: 8.75, turnaround: 15.25},
		}),
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: (_options, variant) => jobs(variant).length + 1,
	notice: {
		zh: '甘特图上P1一口气跑完24；P2、P3虽然只要3，却要等到P1结束。换成短作业先到，平均等待从16降到2。',
		en: 'On the Gantt chart P1 runs its 24 in one go; P2 and P3 need only 3 each but wait for it. Short jobs first: the average wait drops from 16 to 2.',
	},
	captions: [
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '平均等待时间 = 各作业在就绪队列里等的时间之和 ÷ 作业数', en: 'Average waiting time = the time jobs spent in the ready queue, summed, ÷ the number of jobs'},
		},
		{
			when: e => e.kind === 'state' && e.core !== undefined,
			text: {zh: '队首的作业拿到CPU，一直运行到它的CPU区间结束：FCFS不抢占', en: 'The job at the head of the line gets the CPU and keeps it until its burst is over: FCFS never preempts'},
		},
		{
			when: e => e.kind === 'cpu' && e.queues.some(q => q.tasks.length > 0),
			text: {zh: 'CPU忙着，新到的作业排到就绪队列末尾', en: 'The CPU is busy: a job that arrives joins the back of the ready queue'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '作业到达：它要用CPU，进入就绪状态', en: 'A job arrives: it needs the CPU, so it is ready'},
		},
	],
});

/** One job: arrive, use the CPU (and do I/O) as its bursts say, report how long it waited. */
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

export async function main({variant}: MainContext): Promise<void> {
	const results = new Queue();
	const procs = jobs(variant).map(j => new Process({target: job, args: [j.name, j.arrival, j.bursts, results], name: j.name}));
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
