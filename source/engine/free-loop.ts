/**
 * Free mode's loop, as the engine runs it: the processes run on the cores
 * with their gates open, and the engine only follows them. Their events
 * arrive stamped, in batches, from every core; they are applied in stamp
 * order (free-merge.ts), each as a one-event report (reports.ts). The loop
 * applies terminate() requests, and says when the run is over: `completed`
 * once every task and process is done; `deadlock` once nothing has been
 * heard for `idleMs` while every live task is blocked on something other
 * than a timer (and no process is still starting); `limit` at `maxSteps`
 * events or a stop.
 */
import type {Cores} from './engine.js';
import {FreeMerge} from './free-merge.js';
import {WAKE, type StampedEvent, type WorkerEvent} from './protocol.js';
import type {ProcRec, TaskRec} from './records.js';
import type {Outcome} from './trace.js';

/** What the loop needs of the engine (engine.ts). */
export interface FreeSide {
	readonly config: {readonly idleMs: number; readonly maxSteps: number; readonly msPerSecond: number};
	readonly procs: readonly ProcRec[];
	readonly byPid: ReadonlyMap<number, ProcRec>;
	readonly taskOrder: readonly TaskRec[];
	/** Events applied so far (free mode's steps). */
	step: number;
	/** The run's clock, in seconds: the latest stamp seen. */
	time: number;
	readonly stopped: boolean;
	/** The end event is out: later reports add nothing. */
	readonly over: boolean;
	/** When the run started (performance.timeOrigin-based ms), which stamps are measured from. */
	readonly startAbs: number;
	applyTerminations(): Promise<void>;
	applyReport(p: ProcRec, events: WorkerEvent[]): Promise<void> | undefined;
}

export class FreeLoop {
	private readonly run: FreeSide;
	private readonly merge = new FreeMerge<{p: ProcRec; e: StampedEvent}>();
	private lastEventAt = 0;
	private wakeUp: (() => void) | undefined;

	constructor(run: FreeSide) {
		this.run = run;
	}

	/** The loop takes every report of these cores from here on. */
	listen(cores: Cores): void {
		cores.listen((pid, events) => this.onEvents(pid, events));
	}

	/** Looks again now, instead of at the next poll (a stop, a terminate()). */
	wake(): void {
		this.wakeUp?.();
	}

	async loop(): Promise<Outcome> {
		const run = this.run;
		this.lastEventAt = performance.now();
		for (;;) {
			if (run.stopped) return 'limit';
			this.applyMerged(this.merge.drain());
			await run.applyTerminations();
			if (run.taskOrder.length > 0 && run.taskOrder.every(t => t.state === 'done') && run.procs.every(p => p.done)) return 'completed';
			const idle = performance.now() - this.lastEventAt;
			if (idle > run.config.idleMs && this.merge.waiting === 0) {
				// A process that has not reported yet may be about to do anything: not a deadlock.
				const live = run.taskOrder.filter(t => t.state !== 'done');
				const starting = run.procs.some(p => !p.done && p.tasks.length === 0);
				if (live.length > 0 && !starting && live.every(t => t.state === 'blocked' && t.blocked?.key !== WAKE.timer)) return 'deadlock';
			}
			if (run.step >= run.config.maxSteps) return 'limit';
			await new Promise<void>(resolve => {
				this.wakeUp = resolve;
				setTimeout(resolve, 50);
			});
			this.wakeUp = undefined;
		}
	}

	private onEvents(pid: number, events: StampedEvent[]): void {
		if (this.run.over) return;
		const p = this.run.byPid.get(pid);
		if (!p) return;
		this.lastEventAt = performance.now();
		const ready: {p: ProcRec; e: StampedEvent}[] = [];
		for (const e of events) {
			if (e.seq === undefined) ready.push({p, e});
			else this.merge.add(e.seq, {p, e}, ready);
		}
		this.applyMerged(ready);
		this.wakeUp?.();
	}

	private applyMerged(items: {p: ProcRec; e: StampedEvent}[]): void {
		const run = this.run;
		for (const {p, e} of items) {
			if (e.k === 'skip') continue;
			if (e.at !== undefined) run.time = Math.max(run.time, (e.at - run.startAbs) / run.config.msPerSecond);
			run.step++;
			run.applyReport(p, [e]);
		}
	}
}
