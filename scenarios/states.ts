/**
 * states — seed 003, "进程的三状态": a running program moves between three
 * states. Ready (就绪): it has everything but the CPU. Running (运行): it is
 * on the CPU. Blocked (阻塞): it waits for something to happen, such as an
 * I/O to end, and cannot use the CPU even if it is free. Drawn as the
 * classic diagram, with the jobs moving through it:
 *
 *            调度 dispatch
 *   就绪 ready ─────────────▶ 运行 running ──▶ 结束 done
 *        ▲   ◀───────────────      │
 *        │    时间片到 timeout      │ 等待I/O (I/O wait)
 *        └──── 阻塞 blocked ◀──────┘
 *          I/O完成 (I/O done)
 *
 * 进程的三种状态 / The three states of a process
 *   zh: 就绪：除了CPU什么都有；运行：正在CPU上；阻塞：在等某件事（比如I/O）发生，CPU空着也用不了。
 *       运行→阻塞（发起I/O），阻塞→就绪（I/O完成），就绪→运行（被调度），运行→就绪（时间片用完）。
 *   en: Ready: it has everything but the CPU; running: it is on the CPU; blocked: it waits for something (an I/O) and cannot use a free CPU.
 *       Running → blocked (starts an I/O), blocked → ready (the I/O is done), ready → running (dispatched), running → ready (slice over).
 *
 * Jobs (one core, round robin, slice 2): editor (CPU 1, I/O 3, CPU 1, I/O 3,
 * CPU 1), compiler (CPU 6), download (arrives at 1: CPU 1, I/O 4, CPU 2).
 *
 * Variants
 *   rr    round robin, slice 2: every move of the diagram happens, running → ready included.
 *   fcfs  first come first served: no running → ready; the compiler keeps the CPU for 6.
 * Invariants
 *   every-burst-served, cores-sane, clocks-agree (cpu-lessons.ts); classic-moves: no job moves any
 *   other way than the diagram's arrows (never blocked → running, never ready → blocked).
 */
import {Process, Queue, defineScenario, print, sleep, time, tuple, work, type MainContext, type Tuple} from '../source/scenario/api.js';
import {cpuInvariants, cpuOf, doneLine, fmt, ioOf, textbookAverages, type Job} from '../source/scenario/cpu-lessons.js';
import {onlyClassicMoves} from '../source/view/scheduling.js';

const JOBS: Job[] = [
	{name: 'editor', arrival: 0, bursts: [1, 3, 1, 3, 1]},
	{name: 'compiler', arrival: 0, bursts: [6]},
	{name: 'download', arrival: 1, bursts: [1, 4, 2]},
];

/** The lesson's jobs, for the simulator and `compare`. */
export function jobs(_variant?: string): Job[] {
	return JOBS;
}

export const meta = defineScenario({
	name: 'states',
	title: {zh: '进程的三状态：就绪、运行、阻塞', en: 'The three states: ready, running, blocked'},
	summary: {
		zh: ['就绪：除了CPU什么都有；运行：正在CPU上；阻塞：在等某件事（比如I/O）发生，CPU空着也用不了。', '运行→阻塞（发起I/O），阻塞→就绪（I/O完成），就绪→运行（被调度），运行→就绪（时间片用完）。'],
		en: [
			'Ready: it has everything but the CPU; running: it is on the CPU; blocked: it waits for something (an I/O) and cannot use a free CPU.',
			'Running → blocked (starts an I/O), blocked → ready (the I/O is done), ready → running (dispatched), running → ready (slice over).',
		],
	},
	sources: ['003 (进程的三状态: 就绪 Ready, 运行 Running, 阻塞 Blocked; the state diagram)'],
	group: 'scheduling',
	variants: {
		rr: {zh: '时间片轮转（时间片2）：四种状态转换都会出现', en: 'round robin, slice 2: all four moves happen'},
		fcfs: {zh: '先来先服务：没有“时间片到”这条边', en: 'first come first served: no “slice over” move'},
	},
	defaultVariant: 'rr',
	cpu: variant => ({sched: variant, quantum: 2, cores: 1}),
	invariants: [
		...cpuInvariants(),
		{
			name: 'classic-moves',
			text: {zh: '作业只沿着状态图的箭头走（不会从阻塞直接到运行）', en: 'jobs move only along the diagram’s arrows (never from blocked straight to running)'},
			check: onlyClassicMoves,
		},
		textbookAverages({
			rr: {label: 'rr q=2', waiting: 3, turnaround: 31 / 3},
			fcfs: {label: 'fcfs', waiting: 4, turnaround: 34 / 3},
		}),
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => JOBS.length + 1,
	notice: {
		zh: '看状态图：editor 每用一下CPU就去做I/O（阻塞），I/O完成回到就绪；compiler 总是用满时间片，在就绪和运行之间来回。',
		en: 'Watch the diagram: editor uses the CPU briefly, then blocks for I/O and comes back ready; compiler always uses its whole slice and goes back and forth between ready and running.',
	},
	captions: [
		{
			when: e => e.kind === 'state' && e.state === 'done' && e.task === 'MainProcess',
			text: {zh: '每个作业都走了一圈：就绪 → 运行 → 阻塞 → 就绪 …… → 结束', en: 'Each job went round: ready → running → blocked → ready … → done'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'slice',
			text: {zh: '运行 → 就绪：时间片用完，作业还能跑，但要让给别人', en: 'Running → ready: the slice is over; the job could go on but must give way'},
		},
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'sleep',
			text: {zh: '运行 → 阻塞：作业发起I/O，在I/O完成之前用不了CPU', en: 'Running → blocked: the job starts an I/O and cannot use the CPU until it is done'},
		},
		{
			when: (e, s) => e.kind === 'state' && e.why === 'request' && (s.sched?.jobs[e.task]?.asked ?? 0) > 1,
			text: {zh: '阻塞 → 就绪：I/O完成，作业又需要CPU，排进就绪队列', en: 'Blocked → ready: the I/O is done and the job needs the CPU again: into the ready queue'},
		},
		{
			when: e => e.kind === 'state' && e.core !== undefined,
			text: {zh: '就绪 → 运行：调度程序把CPU交给就绪队列里的作业', en: 'Ready → running: the scheduler gives the CPU to a ready job'},
		},
		{
			when: e => e.kind === 'state' && e.why === 'request',
			text: {zh: '新作业：什么都准备好了，只差CPU，所以是就绪状态', en: 'A new job: it has all it needs but the CPU, so it is ready'},
		},
	],
});

/** One job: arrive, use the CPU and do I/O as its bursts say, report how long it waited. */
export async function job(name: string, arrival: number, bursts: number[], results: Queue): Promise<void> {
	await sleep(arrival); // py:job.sleep
	for (let k = 0; k < bursts.length; k++) {
		if (k % 2 === 0) {
			await work(bursts[k]!); // ready → running (→ ready when a slice runs out) · py:job.work
		} else {
			await print(`${name} 发起I/O，阻塞 ${bursts[k]}`); // py:job.print
			await sleep(bursts[k]!); // running → blocked → ready · py:job.sleep2
		}
	}
	const turnaround = time() - arrival;
	const waiting = turnaround - cpuOf(bursts) - ioOf(bursts);
	await print(doneLine(name, time(), waiting, turnaround)); // py:job.print2
	await results.put(tuple(waiting, turnaround)); // (waiting, turnaround): a tuple, drawn as Python writes it · py:job.put
}

export async function main(_context: MainContext): Promise<void> {
	const results = new Queue();
	const procs = JOBS.map(j => new Process({target: job, args: [j.name, j.arrival, j.bursts, results], name: j.name}));
	for (const p of procs) await p.start(); // py:main.start
	let waiting = 0;
	for (let i = 0; i < procs.length; i++) waiting += ((await results.get()) as Tuple<number>)[0]; // py:main.get
	for (const p of procs) await p.join(); // py:main.join
	await print(`平均等待时间 ${fmt(waiting / procs.length)}`); // py:main.print
}
