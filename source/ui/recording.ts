/**
 * One run of a lesson as the viewer sees it: the trace as the engine records
 * it, cut into steps. Position k is the prefix that ends with step k (all of
 * its events, including the wake-ups and clock jumps that close it); position
 * 0 is the prefix before the first grant. A step is known to be complete when
 * an event of a later step arrives, when the engine asks the viewer to pick
 * (manual), or when the run ends.
 *
 * Alongside, as events arrive, it keeps what is cheaper to build once than
 * on every frame: the timeline's column for each position (a state code per
 * task) and where the lesson's captions match.
 */
import type {RunHandle} from '../run/launch.js';
import {CLOCK, type Candidate} from '../engine/policies.js';
import type {TaskState, TraceEvent} from '../engine/trace.js';
import type {Caption} from '../scenario/define.js';
import {apply} from '../view/reducer.js';
import {emptyState} from '../view/state.js';
import {signaled} from './theme.js';

/** Timeline codes: one character per task per position. */
export const CODE: Record<TaskState, string> = {new: 'n', ready: 'r', running: 'R', blocked: 'b', done: 'd'};
export const STATE_OF_CODE: Record<string, TaskState> = {n: 'new', r: 'ready', R: 'running', b: 'blocked', d: 'done', z: 'done', k: 'done'};
/** A done process not yet reaped (a zombie) has a code of its own, so its lane shows how long it stayed one. */
export const ZOMBIE_CODE = 'z';
/** A child killed by a signal and not reaped yet: alive, as its parent sees it (theme.ts, SIGNALED_LOOK). */
export const SIGNALED_CODE = 'k';

export interface PendingPick {
	ready: readonly Candidate[];
	resolve: (index: number) => void;
}

export class Recording {
	readonly events: TraceEvent[] = [];
	/** ends[k]: the length of the prefix that closes position k. */
	readonly ends: number[] = [];
	/** The task granted at each step, in order: choices[k] ran at step k + 1. */
	readonly choices: string[] = [];
	/** ran[k]: the task granted at the step that position k closes. */
	readonly ran: (string | undefined)[] = [];
	/** columns[k]: the state code of each task (in creation order) at position k; the granted task is `R`. */
	readonly columns: string[] = [];
	/** [event index, caption index] for each event where a lesson caption matched. */
	readonly captionAt: [number, number][] = [];
	ended = false;
	/** Set once the viewer has left this run: its events are ignored, and a pick it waits for is refused. */
	get stopped(): boolean {
		return this.left;
	}
	set stopped(value: boolean) {
		this.left = value;
		// The engine awaits the pick: refused, its run ends (and removes its folder) instead of waiting for ever.
		if (value) this.refusePick?.(new Error('the viewer left the run'));
		this.refusePick = undefined;
	}
	private left = false;
	private refusePick: ((error: Error) => void) | undefined;
	error?: string;
	pending?: PendingPick;
	engine?: RunHandle;
	/** The engine's run: settled once it has ended and cleaned up. */
	done?: Promise<unknown>;
	private readonly live = emptyState();
	private granted: string | undefined;

	constructor(
		private readonly captions: readonly Caption[] = [],
		private readonly changed: () => void = () => {},
	) {}

	/** The last complete position, or -1. */
	get last(): number {
		return this.ends.length - 1;
	}

	/** Feeds one trace event. */
	push(e: TraceEvent): void {
		if (this.stopped) return;
		const prev = this.events.at(-1);
		// Manual: the engine asked for the pick once the step was complete (which closed its position), and the
		// trace's verdicts on that step come only with the next one (view/verdicts.ts): they belong to the step, not
		// to a position of their own that a viewer would have to step through after each such pick.
		const late = prev !== undefined && e.step === prev.step && this.ends.at(-1) === this.events.length;
		if (prev && e.step !== prev.step) this.close();
		this.events.push(e);
		if (late) this.ends[this.ends.length - 1] = this.events.length;
		apply(this.live, e);
		if (e.kind === 'state' && e.choice !== undefined) {
			this.granted = e.task;
			this.choices.push(e.task);
		} else if (e.kind === 'clock') {
			// A time move is a step of its own: no task was granted it.
			this.granted = undefined;
			this.choices.push(CLOCK);
		}
		const variant = this.live.run?.variant;
		for (let i = 0; i < this.captions.length; i++) {
			const caption = this.captions[i]!;
			// A caption that belongs to other variants is not looked for (the run event names the variant).
			if (caption.variants && (variant === undefined || !caption.variants.includes(variant))) continue;
			let hit: boolean;
			try {
				hit = caption.when(e, this.live);
			} catch {
				hit = false;
			}
			if (hit) {
				this.captionAt.push([this.events.length - 1, i]);
				break;
			}
		}
		if (e.kind === 'end') {
			this.close();
			this.ended = true;
		}
		this.changed();
	}

	/** The engine asks which task runs next (manual): the step before is complete. */
	ask(ready: readonly Candidate[]): Promise<number> {
		return new Promise((resolve, reject) => {
			if (this.stopped) return reject(new Error('the viewer left the run'));
			this.close();
			this.pending = {ready, resolve};
			this.refusePick = reject;
			this.changed();
		});
	}

	/** Answers a pending pick by task name; false if there is none or that task is not ready. */
	answer(name: string): boolean {
		const p = this.pending;
		if (!p) return false;
		const i = p.ready.findIndex(c => c.name === name);
		if (i < 0) return false;
		this.pending = undefined;
		p.resolve(i);
		return true;
	}

	fail(message: string): void {
		if (this.stopped) return;
		this.error = message;
		this.close();
		this.ended = true;
		this.changed();
	}

	/** The caption index shown at a prefix: the last match before it. */
	captionBefore(prefix: number): number | undefined {
		let lo = 0;
		let hi = this.captionAt.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.captionAt[mid]![0] < prefix) lo = mid + 1;
			else hi = mid;
		}
		return lo > 0 ? this.captionAt[lo - 1]![1] : undefined;
	}

	private close(): void {
		if (this.ends.at(-1) === this.events.length) return;
		this.ends.push(this.events.length);
		let column = '';
		for (const name of this.live.order) {
			const t = this.live.tasks[name]!;
			column += name === this.granted ? 'R' : signaled(t) ? SIGNALED_CODE : t.zombie !== undefined ? ZOMBIE_CODE : CODE[t.state];
		}
		this.columns.push(column);
		this.ran.push(this.granted);
		this.granted = undefined;
	}
}
