/**
 * A run's schedule, read back from its trace: which task was granted at each
 * step (the `state: running` events that carry a `choice`), and for each
 * choice point whether the task that ran last could have gone on, which is
 * what makes a choice a preemption. The ready list is rebuilt the way the
 * engine orders it (ready tasks in the order they were created) and checked
 * against the `of` the engine reported.
 */
import type {TaskState, TraceEvent} from '../engine/trace.js';

export interface ChoicePoint {
	/** The task granted. */
	task: string;
	/** Its index in the ready list, and how many were ready. */
	choice: number;
	of: number;
	/** The index of the task that ran last, when it was ready and could have gone on. */
	stay?: number;
}

export class ChoiceLog {
	readonly points: ChoicePoint[] = [];
	preemptions = 0;
	/** False when a ready list rebuilt from the trace disagreed with the engine's (CPU work is queued apart). */
	exact = true;
	private readonly order: string[] = [];
	private readonly states = new Map<string, TaskState>();
	private last: string | undefined;

	get choices(): number[] {
		return this.points.map(p => p.choice);
	}

	see(e: TraceEvent): void {
		if (e.kind === 'task') {
			this.order.push(e.task);
			this.states.set(e.task, 'new');
		} else if (e.kind === 'gate') {
			this.states.set(e.task, e.state);
		} else if (e.kind === 'state') {
			if (e.state === 'running' && e.choice !== undefined) this.chosen(e.task, e.choice, e.of ?? 0);
			this.states.set(e.task, e.state);
		}
	}

	private chosen(task: string, choice: number, of: number): void {
		let stay: number | undefined;
		let ready = 0;
		for (const name of this.order) {
			if (this.states.get(name) !== 'ready') continue;
			if (name === this.last) stay = ready;
			ready++;
		}
		if (ready !== of) {
			this.exact = false;
			stay = undefined;
		}
		if (stay !== undefined && stay !== choice) this.preemptions++;
		this.points.push({task, choice, of, ...(stay !== undefined ? {stay} : {})});
		this.last = task;
	}
}
