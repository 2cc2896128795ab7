/**
 * CPU scheduling, the part every operating-systems course draws as a Gantt
 * chart: which job runs on which core, from when to when. Pure: no clock, no
 * threads. The same dispatcher (dispatcher.ts) drives the engine's real tasks
 * (a task's `work(units)` is a CPU burst) and the discrete-event simulator
 * (simulate.ts), so the two cannot disagree.
 *
 * A policy only says how the ready queue is ordered, how long a dispatched
 * job may keep its core, and whether a ready job may take a core from a
 * running one. Everything about time, cores and the GIL is the dispatcher's.
 */

/** Why a job joins the ready queue. */
export type EnterWhy =
	/** A new CPU burst: the job arrived, or came back from I/O. */
	| 'request'
	/** It used up its whole time slice and its burst is not over. */
	| 'slice'
	/** A more urgent job took its core. */
	| 'preempted';

/** What the dispatcher knows about a job; policies read it and may keep their own marks on it (`level`). */
export interface JobState {
	readonly id: string;
	/** Canonical order (input order, task creation order): breaks ties between jobs that enter the ready queue at the same instant. */
	readonly order: number;
	/** Jobs of one group never run at the same time (the threads of one process: the GIL). */
	readonly group: string | undefined;
	/** Lower is more urgent (like nice). */
	priority: number;
	/** Units of the current burst still to run (for a running job: as of its last dispatch). */
	left: number;
	/** The current burst's full length. */
	burst: number;
	/** When it entered the ready queue, in the dispatcher's own counter (lower = earlier). */
	seq: number;
	/** MLFQ: its queue (0 = the top, most urgent). Other policies leave it at 0. */
	level: number;
}

export interface CpuPolicy {
	/** Short name: `fcfs`, `sjf`, `srtf`, `rr`, `mlfq`, `priority`, `priority-np`. */
	readonly name: string;
	/** The name with its parameters, for people: `rr q=2`, `mlfq q=2,4,8`. */
	readonly label: string;
	/** A ready job whose key is strictly smaller than a running job's takes its core. */
	readonly preemptive: boolean;
	/** The base time slice (rr, mlfq), if the policy has one. */
	readonly quantum?: number;
	/** How many ready queues it keeps (MLFQ: several; the others: one). */
	readonly levels: number;
	/** Called as a job joins the ready queue (the MLFQ drops a job that used up its slice here). */
	enter(job: JobState, why: EnterWhy): void;
	/** Its place in the ready queue: smaller runs first; ties go to whoever entered first. */
	key(job: JobState): number;
	/** How long a dispatched job may keep its core (Infinity: until its burst ends, or it is preempted). */
	slice(job: JobState): number;
	/** The time slice of a ready queue (MLFQ levels), if any. */
	quantumOf(level: number): number | undefined;
}

/** A job of the simulator: when it arrives, its CPU bursts and the I/O between them. */
export interface Job {
	name: string;
	arrival: number;
	/** CPU, I/O, CPU, I/O, …, CPU: starts and ends with a CPU burst. */
	bursts: number[];
	/** Lower is more urgent (the `priority` policies); 0 when absent. */
	priority?: number;
	/** Jobs naming the same process never run at the same time (threads under the GIL). */
	process?: string;
}

/** One stretch of one job on one core: [start, end, job]. */
export type Segment = [start: number, end: number, job: string];

export interface JobMetrics {
	job: string;
	/** When it first asked for the CPU. */
	arrival: number;
	/** CPU time it asked for (and got), all bursts together. */
	burst: number;
	/** Time it spent in I/O (blocked), between its bursts. */
	io: number;
	/** When it first ran. */
	start: number;
	/** When its last burst ended. */
	finish: number;
	/** Time spent in the ready queue: turnaround − burst − io. */
	waiting: number;
	/** finish − arrival. */
	turnaround: number;
	/** start − arrival. */
	response: number;
}

export interface Averages {
	waiting: number;
	turnaround: number;
	response: number;
}

/** A finished schedule: the Gantt chart per core and each job's figures. */
export interface Schedule {
	policy: string;
	label: string;
	cores: number;
	/** Per core, its segments in time order; gaps are idle time. */
	gantt: Segment[][];
	/** In the jobs' order. */
	jobs: JobMetrics[];
	average: Averages;
	/** When the last job finished. */
	makespan: number;
}
