/**
 * What the CPU scheduling lessons (fcfs, sjf, round-robin, mlfq, states,
 * parallel, blocking) share in their metadata: the invariants every one of
 * them checks, read from the view's scheduling state. Their tasks' code stays
 * in the lesson files, where the student reads it.
 */
import type {Job} from '../engine/cpu/index.js';
import type {ViewState} from '../view/state.js';
import {coresSane, everyBurstServed, scheduleOf} from '../view/scheduling.js';
import type {Invariant} from './define.js';

export type {Job};

/** A number as the lessons print it: `8`, `8.75`, `5.67`. */
export function fmt(x: number): string {
	return String(Math.round(x * 100) / 100);
}

/** CPU time of a job: its bursts (even places), not its I/O. */
export function cpuOf(bursts: readonly number[]): number {
	return bursts.reduce((sum, b, i) => (i % 2 === 0 ? sum + b : sum), 0);
}

/** I/O time of a job (odd places). */
export function ioOf(bursts: readonly number[]): number {
	return bursts.reduce((sum, b, i) => (i % 2 === 1 ? sum + b : sum), 0);
}

/** The line a job prints when it is over; `clocksAgree` reads it back. */
export function doneLine(name: string, finish: number, waiting: number, turnaround: number): string {
	return `${name} 完成 t=${fmt(finish)}: 等待 ${fmt(waiting)}, 周转 ${fmt(turnaround)}`;
}

const DONE = /^(\S+) 完成 t=[\d.]+: 等待 ([\d.]+), 周转 ([\d.]+)$/;

/**
 * What each job measured with its own clock (time()) is what the scheduler's
 * books say: its waiting (time ready but not running) and turnaround.
 */
export function clocksAgree(s: ViewState): boolean {
	const sched = s.sched;
	if (!sched) return true;
	for (const line of s.output) {
		const m = DONE.exec(line.text);
		if (!m) continue;
		const job = scheduleOf(s).jobs.find(j => j.job === m[1]);
		if (!job) return false;
		if (fmt(job.waiting) !== m[2] || fmt(job.turnaround) !== m[3]) return false;
	}
	return true;
}

/** True when the run used this CPU policy (its label, e.g. `rr q=2`) on this many cores. */
export function ranWith(s: ViewState, label: string, cores: number): boolean {
	return s.sched?.sched === label && s.sched.cores === cores;
}

/** The invariants every scheduling lesson checks. */
export function cpuInvariants(): Invariant[] {
	return [
		{
			name: 'every-burst-served',
			text: {zh: '每个作业得到的CPU时间正好等于它要的（被抢占的剩余部分不丢也不多）', en: 'every job gets exactly the CPU time it asked for (what a preempted job had left is neither lost nor doubled)'},
			check: everyBurstServed,
		},
		{
			name: 'cores-sane',
			text: {zh: '一个核一次只跑一个作业；同一进程的两个线程不会同时在跑（GIL）', en: 'one job per core at a time; never two threads of one process at once (the GIL)'},
			check: coresSane,
		},
		{
			name: 'clocks-agree',
			text: {zh: '每个作业用自己的时钟量出的等待和周转时间，和调度器的记录一致', en: "each job's own clock agrees with the scheduler's books on its waiting and turnaround time"},
			check: clocksAgree,
			when: 'end',
		},
	];
}

/**
 * A lesson's hand-computed averages for the CPU policy it runs by default:
 * checked at the end only when the run used that policy on that many cores
 * (a viewer who picks another with --sched gets other figures).
 */
export function textbookAverages(expect: Record<string, {label: string; cores?: number; waiting: number; turnaround: number}>): Invariant {
	return {
		name: 'textbook-averages',
		text: {zh: '平均等待时间和平均周转时间与手算的一致', en: 'the average waiting and turnaround times are the hand-computed ones'},
		when: 'end',
		check: s => {
			const want = expect[s.run?.variant ?? ''];
			if (!want || !ranWith(s, want.label, want.cores ?? 1)) return true;
			const got = scheduleOf(s).average;
			return Math.abs(got.waiting - want.waiting) < 1e-6 && Math.abs(got.turnaround - want.turnaround) < 1e-6;
		},
	};
}
