/**
 * What a run's trace means, worked out on the consumer side: the engine
 * only reports what happened; here the lesson's invariants are checked and
 * the end is explained (who waits on whom in a deadlock, which invariants
 * that should hold broke). Every consumer (the TUI, the transcript, the
 * JSON trace, the tests) sees the same verdicts, because they are inserted
 * into the one stream they all read.
 *
 * `always` invariants are checked at every point the run's state can be
 * seen at (each new step or instant) and announced once, when they first
 * break; at the end, every invariant's verdict is given, and an `always` one
 * that broke at any point stays broken.
 */
import type {EventOf, TraceEvent, Wait} from '../engine/trace.js';
import type {Invariant} from '../scenario/define.js';
import {explain, waitCycle, storyText, type Explanation} from './explain.js';
import {apply} from './reducer.js';
import {emptyState, type ViewState} from './state.js';

/**
 * How a verdict reads, the same in the header, the alert line and the
 * transcript: `broken`, an invariant expected to hold broke (an error);
 * `exposed`, a breakable one broke (the unsafe variant shows its fault);
 * `shown`, one whose break is the variant's point broke (the demonstration
 * happened); `held`, it held to the end (verdicts that hold are given only
 * at the end); `unshown`, a demonstration that did not happen in this run.
 */
export type Standing = 'broken' | 'exposed' | 'shown' | 'held' | 'unshown';

export function standingOf(v: {ok: boolean; expected: 'hold' | 'breakable'; shown?: string}): Standing {
	if (!v.ok) return v.expected === 'hold' ? 'broken' : v.shown !== undefined ? 'shown' : 'exposed';
	return v.shown !== undefined ? 'unshown' : 'held';
}

export class Verdicts {
	readonly state: ViewState = emptyState();
	private readonly broken = new Set<string>();
	private step = -1;
	private time = -1;

	constructor(
		private readonly invariants: readonly Invariant[],
		private readonly variant: string,
	) {}

	/** The invariants expected to hold that broke. */
	get brokenNames(): string[] {
		return [...this.broken];
	}

	/** Folds one event of the engine's in and passes it on (`out`), with the verdicts it leads to before it. */
	push(event: TraceEvent, out: (e: TraceEvent) => void): void {
		if (this.step >= 0 && (event.step !== this.step || event.time !== this.time) && this.invariants.length > 0) this.check('always', out);
		this.step = event.step;
		this.time = event.time;
		if (event.kind === 'end') {
			this.check('always', out);
			this.check('end', out);
			event = this.explained(event);
			if (event.outcome === 'deadlock') this.tell('deadlock', waitCycle(this.state, event.waits ?? []), out);
		}
		apply(this.state, event);
		out(event);
	}

	private check(when: 'always' | 'end', out: (e: TraceEvent) => void): void {
		for (const inv of this.invariants) {
			const kind = inv.when ?? 'always';
			if (when === 'always' && kind === 'end') continue;
			const expected = inv.expect?.[this.variant] ?? 'hold';
			let ok: boolean;
			try {
				ok = inv.check(this.state);
			} catch {
				ok = false;
			}
			const before = this.state.invariants[inv.name];
			if (when === 'end' && kind === 'always' && before?.ok === false) ok = false;
			if (!ok && expected === 'hold') this.broken.add(inv.name);
			if (when === 'end' || (!ok && before?.ok !== false)) {
				const shown = expected === 'breakable' ? inv.shown?.[this.variant]?.en : undefined;
				const e = {step: this.state.step, time: this.state.time, kind: 'invariant', name: inv.name, ok, expected, text: inv.text.en, ...(shown !== undefined ? {shown} : {})} as TraceEvent;
				apply(this.state, e);
				out(e);
				if (!ok && !this.state.explanations[inv.name]) this.tell(inv.name, explain(inv, this.state), out);
			}
		}
	}

	/** Adds the explanation of a break to the stream, when the trace holds one. */
	private tell(name: string, x: Explanation | undefined, out: (e: TraceEvent) => void): void {
		if (!x) return;
		const e: TraceEvent = {step: this.state.step, time: this.state.time, kind: 'explain', name, from: x.from, story: x.story, text: storyText(x.story)};
		apply(this.state, e);
		out(e);
	}

	/** The end as the engine said it, with who holds what each blocked task waits on, and the broken invariants. */
	private explained(end: EventOf<'end'>): EventOf<'end'> {
		let waits: Wait[] | undefined;
		if (end.outcome === 'deadlock') {
			waits = this.state.order
				.map(name => this.state.tasks[name]!)
				.filter(t => t.state === 'blocked')
				.map(t => ({task: t.name, on: t.on ?? '?', heldBy: this.holdersOf(t.obj, t.on)}));
		}
		return {
			step: end.step,
			time: end.time,
			kind: 'end',
			outcome: end.outcome,
			steps: end.steps,
			...(waits ? {waits} : {}),
			...(this.broken.size > 0 ? {broken: [...this.broken]} : {}),
			...(end.text !== undefined ? {text: end.text} : {}),
		};
	}

	/** Who holds what a blocked task waits on, as far as the trace tells. */
	private holdersOf(obj: string | undefined, on: string | undefined): string[] {
		const id = obj ?? on?.split('.')[0] ?? '';
		const prim = this.state.prims[id] ?? this.state.prims[(on ?? '').split('.')[0]!];
		if (prim?.holder) return [prim.holder];
		if (prim?.holders) return [...prim.holders];
		const joined = /^join (.+)$/.exec(on ?? '')?.[1];
		if (joined) return this.state.order.filter(name => this.state.tasks[name]!.process === joined && this.state.tasks[name]!.state !== 'done');
		return [];
	}
}
