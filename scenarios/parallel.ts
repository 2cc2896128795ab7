/**
 * parallel — seed 003, "进程的并行与并发": concurrency is taking turns on
 * limited resources (one lane: car A, then B, then A again); parallelism is
 * running at the same moment (two lanes, both cars moving), which needs
 * several processors. The same two tasks, each needing 4 units of CPU, run
 * on one core (they take turns: done at 8) and on two (side by side: done at
 * 4). Threads of one process never run in parallel, even on two cores: the
 * GIL lets one of them run at a time, so they take turns as on one core.
 *
 * 并发与并行 / Concurrency and parallelism
 *   zh: 并发：资源有限，两个任务交替轮流使用CPU（一条车道）；并行：同一时刻两个任务都在执行，需要多个CPU（两条车道）。
 *       同一进程的线程受GIL限制，即使有两个核也只能交替运行；进程才能真正并行。
 *   en: Concurrency: with limited resources two tasks take turns on the CPU (one lane); parallelism: both run at the same moment, on several CPUs (two lanes).
 *       Threads of one process are held by the GIL and take turns even on two cores; processes can truly run in parallel.
 *
 * Round robin with a slice of 1, so that tasks sharing a core visibly take turns.
 *
 * Variants
 *   one-core   two processes, one core: A, B, A, B… both done by 8 (A at 7, B at 8).
 *   two-cores  two processes, two cores: both run 0-4, side by side.
 *   threads    two threads of one process, two cores: the GIL makes them take turns; one core idles.
 * Invariants
 *   every-burst-served, cores-sane (no two threads of one process at once), clocks-agree (cpu-lessons.ts);
 *   never-side-by-side (one-core, threads: hold; two-cores: breakable, shown): never two tasks running at the same moment;
 *   textbook-averages (for each variant's machine).
 */
import {Process, Queue, Thread, defineScenario, print, sleep, time, tuple, work, type MainContext, type ViewState} from '../source/scenario/api.js';
import {cpuInvariants, cpuOf, doneLine, fmt, ioOf, textbookAverages, type Job} from '../source/scenario/cpu-lessons.js';

const JOBS: Job[] = [
	{name: 'A', arrival: 0, bursts: [4]},
	{name: 'B', arrival: 0, bursts: [4]},
];

/** The lesson's jobs, for the simulator and `compare` (as threads, they share one process). */
export function jobs(variant: string): Job[] {
	return variant === 'threads' ? JOBS.map(j => ({...j, process: 'MainProcess'})) : JOBS;
}

function sideBySide(s: ViewState): number {
	return s.sched?.running.filter(x => x !== undefined).length ?? 0;
}

export const meta = defineScenario({
	name: 'parallel',
	title: {zh: '并发与并行', en: 'Concurrency and parallelism'},
	summary: {
		zh: ['并发：资源有限，两个任务交替轮流使用CPU（一条车道）；并行：同一时刻两个任务都在执行，需要多个CPU（两条车道）。', '同一进程的线程受GIL限制，即使有两个核也只能交替运行；进程才能真正并行。'],
		en: [
			'Concurrency: with limited resources two tasks take turns on the CPU (one lane); parallelism: both run at the same moment, on several CPUs (two lanes).',
			'Threads of one process are held by the GIL and take turns even on two cores; processes can truly run in parallel.',
		],
	},
	sources: ['003 (进程的并行与并发: the two-lane road)'],
	group: 'scheduling',
	variants: {
		'one-core': {zh: '两个进程，一个核：轮流运行（并发）', en: 'two processes, one core: they take turns (concurrency)'},
		'two-cores': {zh: '两个进程，两个核：同时运行（并行）', en: 'two processes, two cores: side by side (parallelism)'},
		threads: {zh: '一个进程的两个线程，两个核：GIL让它们仍然轮流', en: 'two threads of one process, two cores: the GIL still makes them take turns'},
	},
	defaultVariant: 'one-core',
	cpu: variant => ({sched: 'rr', quantum: 1, cores: variant === 'one-core' ? 1 : 2}),
	invariants: [
		...cpuInvariants(),
		{
			name: 'never-side-by-side',
			text: {zh: '任何时刻最多只有一个任务在运行', en: 'at any moment at most one task is running'},
			check: s => sideBySide(s) <= 1,
			expect: {'one-core': 'hold', 'two-cores': 'breakable', threads: 'hold'},
			// Two tasks at the same moment is what two cores are for: the lesson's point, not a fault.
			shown: {'two-cores': {zh: '两个进程在两个核上同时运行', en: 'the two processes ran side by side'}},
		},
		textbookAverages({
			'one-core': {label: 'rr q=1', cores: 1, waiting: 3.5, turnaround: 7.5},
			'two-cores': {label: 'rr q=1', cores: 2, waiting: 0, turnaround: 4},
			threads: {label: 'rr q=1', cores: 2, waiting: 3.5, turnaround: 7.5},
		}),
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: (_options, variant) => (variant === 'threads' ? 1 : 3),
	notice: {
		zh: '一个核：甘特图上A、B交替，8才做完；两个核：两条线同时跑，4就做完；两个线程：明明有两个核，第二个核却一直空着。',
		en: 'One core: A and B alternate on the Gantt chart and finish by 8; two cores: two lanes at once, done by 4; two threads: there are two cores, yet the second stays idle.',
	},
	captions: [
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '总用时：并发（一个核，或GIL下的线程）8；并行（两个进程两个核）4', en: 'Total time: concurrent (one core, or threads under the GIL) 8; parallel (two processes on two cores) 4'},
		},
		{
			when: (e, s) => e.kind === 'state' && e.core !== undefined && sideBySide(s) > 1,
			text: {zh: '并行：同一时刻，两个核上各有一个任务在运行', en: 'Parallelism: at this moment each core runs a task'},
		},
		{
			when: (e, s) => e.kind === 'state' && e.core !== undefined && (s.sched?.cores ?? 1) > 1 && s.run?.variant === 'threads',
			text: {zh: 'GIL：同一进程的线程一次只能有一个在运行，另一个核空着', en: 'The GIL: one thread of a process runs at a time, and the other core idles'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'slice',
			text: {zh: '并发：时间片到了，换另一个任务用CPU——交替轮流', en: 'Concurrency: the slice is over, the other task gets the CPU: they take turns'},
			variants: ['one-core', 'threads'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'slice',
			text: {zh: '时间片到了，可每个任务都有自己的核：它接着运行', en: 'The slice is over, but each task has a core of its own: it goes on'},
			variants: ['two-cores'],
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '两个任务都要4个单位的CPU时间', en: 'Both tasks need 4 units of CPU time'},
		},
	],
});

/** One task: use the CPU for its burst, report how long it waited. */
export async function job(name: string, arrival: number, bursts: number[], results: Queue): Promise<void> {
	await sleep(arrival); // py:job.sleep
	await print(`${name} 开始 t=${fmt(time())}`); // py:job.print
	for (let k = 0; k < bursts.length; k++) {
		if (k % 2 === 0) await work(bursts[k]!); // py:job.work
		else await sleep(bursts[k]!);
	}
	const turnaround = time() - arrival;
	const waiting = turnaround - cpuOf(bursts) - ioOf(bursts);
	await print(doneLine(name, time(), waiting, turnaround)); // py:job.print2
	await results.put(tuple(waiting, turnaround)); // (waiting, turnaround): a tuple, drawn as Python writes it · py:job.put
}

export async function main({variant}: MainContext): Promise<void> {
	const results = new Queue();
	const tasks = JOBS.map(j => {
		const options = {target: job, args: [j.name, j.arrival, j.bursts, results], name: j.name};
		return variant === 'threads' ? new Thread(options) : new Process(options);
	});
	for (const t of tasks) await t.start(); // py:main.start
	for (const t of tasks) await t.join(); // py:main.join
	await print(`全部完成 t=${fmt(time())}`); // py:main.print
}
