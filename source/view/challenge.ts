/**
 * Challenge mode: a lesson's goal for a student playing the scheduler
 * (`challenges` in its meta, scenario/define.ts), and whether a run has met
 * it, worked out from the view state and the run's picks alone: the same
 * answer in the TUI (at the cursor) and headless (at the end).
 *
 * A pick is a choice point of the run (view/choices.ts): each grant of a
 * task, and each time move. A goal is reached at a step: the step an
 * invariant first broke at (the trace's verdict, or the lesson's check on
 * the view state now, since in manual mode the trace's verdict on a step
 * comes only with the next one), or the step a deadlock ended the run at.
 */
import type {TraceEvent} from '../engine/trace.js';
import type {Challenge, Invariant, ScenarioMeta} from '../scenario/define.js';
import {ChoiceLog} from './choices.js';
import type {ViewState} from './state.js';

export type ChallengeOutcome =
	/** Still going: `picks` made so far (of `within`, when the goal has a limit). */
	| {kind: 'playing'; picks: number; within?: number}
	/** The goal was reached at step `step`, in `picks` picks. */
	| {kind: 'won'; step: number; picks: number}
	/** Over the pick limit without the goal (`limit`), or the run ended without it (`ended`: how it ended). */
	| {kind: 'lost'; why: 'limit'; picks: number; within: number; late?: true}
	| {kind: 'lost'; why: 'ended'; picks: number; end: string}
	/** A safe variant's invariant held: the run ended (or the picks ran out) and it never broke. */
	| {kind: 'held'; picks: number};

/** The challenge the lesson declares for a variant, if any. */
export function challengeOf(meta: Pick<ScenarioMeta, 'challenges'>, variant: string): Challenge | undefined {
	return meta.challenges?.find(c => c.variant === variant);
}

/** The variants of a lesson that have a challenge, in the lesson's order. */
export function challengeVariants(meta: Pick<ScenarioMeta, 'challenges'>): string[] {
	return (meta.challenges ?? []).map(c => c.variant);
}

/** The step of each pick (choice point) among the first `end` events of a trace, in order. */
export function pickSteps(events: readonly TraceEvent[], end = events.length): number[] {
	const log = new ChoiceLog();
	const steps: number[] = [];
	for (let i = 0; i < end; i++) {
		const e = events[i]!;
		const before = log.points.length;
		log.see(e);
		if (log.points.length > before) steps.push(e.step);
	}
	return steps;
}

/** The step an invariant broke at, by the trace's verdict, else by the lesson's own check on the state now (an `always` one). */
function brokeAt(name: string, v: ViewState, invariants: readonly Invariant[]): number | undefined {
	const verdict = v.invariants[name];
	if (verdict && !verdict.ok) return verdict.brokeAt ?? v.step;
	const inv = invariants.find(i => i.name === name);
	if (!inv || (inv.when ?? 'always') !== 'always') return undefined;
	try {
		return inv.check(v) ? undefined : v.step;
	} catch {
		return undefined;
	}
}

/**
 * Where a run stands on a challenge: `v` is the view state (at the cursor,
 * or at the end), `picks` the steps of the picks made up to there (see
 * {@link pickSteps}), `invariants` the lesson's.
 */
export function challengeOutcome(c: Challenge, v: ViewState, picks: readonly number[], invariants: readonly Invariant[] = []): ChallengeOutcome {
	const win = c.win;
	const reached = 'deadlock' in win ? (v.end?.outcome === 'deadlock' ? v.end.step : undefined) : brokeAt('broken' in win ? win.broken : win.holds, v, invariants);
	const now = picks.length;
	if (reached !== undefined) {
		const used = picks.filter(s => s <= reached).length;
		if (c.within === undefined || used <= c.within) return {kind: 'won', step: reached, picks: used};
		if ('holds' in win) return {kind: 'held', picks: now};
		return {kind: 'lost', why: 'limit', picks: used, within: c.within, late: true};
	}
	if ('holds' in win) return v.end || (c.within !== undefined && now > c.within) ? {kind: 'held', picks: now} : {kind: 'playing', picks: now, ...(c.within !== undefined ? {within: c.within} : {})};
	if (c.within !== undefined && now > c.within) return {kind: 'lost', why: 'limit', picks: now, within: c.within};
	if (v.end) return {kind: 'lost', why: 'ended', picks: now, end: v.end.outcome};
	return {kind: 'playing', picks: now, ...(c.within !== undefined ? {within: c.within} : {})};
}

/** `picks 5/12`, or `picks 5` with no limit. */
export function picksText(o: ChallengeOutcome, lang: 'zh' | 'en' = 'en'): string {
	const within = o.kind === 'playing' ? o.within : o.kind === 'lost' && o.why === 'limit' ? o.within : undefined;
	return `${lang === 'zh' ? '选择' : 'picks'} ${o.picks}${within !== undefined ? `/${within}` : ''}`;
}

/** The headless transcript's last line: `challenge: won in 7 picks (step 20)`, `challenge: lost: …`, `challenge: held: …`. */
export function challengeLine(c: Challenge, o: ChallengeOutcome, invariants: readonly Invariant[] = []): string {
	switch (o.kind) {
		case 'won':
			return `challenge: won in ${o.picks} pick${o.picks === 1 ? '' : 's'} (at step ${o.step}): ${c.goal.en}`;
		case 'lost':
			return o.why === 'limit'
				? `challenge: lost: over the pick limit of ${o.within}: ${o.late ? `the goal took ${o.picks} picks` : `${o.picks} picks without the goal`}: ${c.goal.en}`
				: `challenge: lost: the run ended (${o.end}) after ${o.picks} picks without the goal: ${c.goal.en}`;
		case 'held': {
			const name = 'holds' in c.win ? c.win.holds : '';
			return `challenge: held: ${invariants.find(i => i.name === name)?.text.en ?? name}, in ${o.picks} picks`;
		}
		case 'playing':
			return `challenge: not over: the run stopped after ${o.picks} picks without the goal: ${c.goal.en}`;
	}
}

/** The outcome as the `--json` end event carries it. */
export function challengeJson(o: ChallengeOutcome): Record<string, string | number | boolean> {
	const {kind, ...rest} = o;
	return {outcome: kind, ...rest};
}
