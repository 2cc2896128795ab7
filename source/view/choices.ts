/**
 * A run's schedule, read back from its trace: which task was granted at each
 * step (the `state: running` events that carry a `choice`), and for each
 * choice point whether the task that ran last could have gone on, which is
 * what makes a choice a preemption. The ready list is rebuilt the way the
 * engine orders it (ready tasks in the order they were created) and checked
 * against the `of` the engine reported.
 */
import {CLOCK, CLOCK_MOVE} from '../engine/policies.js';
import type {TaskState, TraceEvent} from '../engine/trace.js';

export interface ChoicePoint {
	/** The task granted (CLOCK: the clock ran to the next timer instead). */
	task: string;
	/** Its index in the ready list (CLOCK_MOVE for the clock), and how many were ready. */
	choice: number;
	of: number;
	/** Running the clock was a choice too (a run that takes time moves, with a timer that could end). */
	clock?: true;
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
			if (e.state === 'running' && e.choice !== undefined) this.chosen(e.task, e.choice, e.of ?? 0, e.clock !== undefined);
			this.states.set(e.task, e.state);
		} else if (e.kind === 'clock') {
			this.chosen(CLOCK, CLOCK_MOVE, e.of, true);
		}
	}

	private chosen(task: string, choice: number, of: number, clock: boolean): void {
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
		// A clock move delays every ready task: a preemption whether or not the last task could go on.
		if (choice === CLOCK_MOVE || (stay !== undefined && stay !== choice)) this.preemptions++;
		this.points.push({task, choice, of, ...(stay !== undefined ? {stay} : {}), ...(clock ? {clock: true as const} : {})});
		// After a clock move the task that ran last is still the one that did.
		if (task !== CLOCK) this.last = task;
	}
}
