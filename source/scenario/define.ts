/**
 * What a lesson declares about itself: titles and explanations in both
 * languages, where it comes from, its variants, options and invariants.
 * Invariants are pure functions of the view state, checked by the trace's consumers (view/verdicts.ts)
 * after every step, so a break is caught at the step where it happens.
 */
import type {TraceEvent} from '../engine/trace.js';
import type {ViewState} from '../view/state.js';

export interface Bilingual {
	zh: string;
	en: string;
}

export interface Invariant {
	name: string;
	text: Bilingual;
	/** True while the invariant holds. */
	check: (state: ViewState) => boolean;
	/** `end`: checked once the run is over (a final balance); `always`: after every step. */
	when?: 'always' | 'end';
	/**
	 * Per variant: expected to hold (a break is an error) or breakable (the
	 * variant can break it: an unsafe variant exposes the fault it guards
	 * against). Default: hold.
	 */
	expect?: Record<string, 'hold' | 'breakable'>;
	/**
	 * A limit on how many are inside at once (four people in the KTV): who is
	 * inside now and since which step, so that a break is explained as who
	 * entered past the limit. Without it, a break is explained from the shared
	 * variables' reads and writes.
	 */
	inside?: {limit: number; who: (state: ViewState) => {task: string; since: number}[]};
	/**
	 * Per breakable variant whose break is the lesson's point, not a fault (a
	 * demonstration: `parallel:two-cores` running side by side): what the break
	 * shows, worded as something seen ("the two processes ran side by side").
	 * Its verdicts are worded as shown (`● shown: …`), not as broken. Only a
	 * variant whose `expect` is `breakable` may have one; it is ignored elsewhere.
	 */
	shown?: Record<string, Bilingual>;
}

/** How a lesson's run ends when nothing goes wrong. */
export type RunEnd = 'completed' | 'deadlock';

export interface OptionSpec {
	default: number;
	min: number;
	max: number;
	help: string;
}

export interface ScenarioMeta {
	name: string;
	title: Bilingual;
	/** Two lines each. */
	summary: {zh: [string, string]; en: [string, string]};
	/** Files of shared/seeds the lesson comes from (`002`…), and notes on how it follows them. */
	sources: string[];
	group: 'locks' | 'semaphores-events' | 'queues-pipes' | 'process-life' | 'threads' | 'scheduling' | 'extra';
	variants: Record<string, Bilingual>;
	defaultVariant: string;
	options?: Record<string, OptionSpec>;
	invariants?: Invariant[];
	/** The seed a run uses when none is given; for an unsafe variant it shows the race. */
	defaultSeed?: number;
	/** How the lesson is expected to end. */
	expectedEnd?: RunEnd | Record<string, RunEnd>;
	/** How many processes a run starts (main included), so the engine can warm that many workers early. */
	processes?: (options: Record<string, number>, variant: string) => number;
	/** Files the lesson works on, with their contents at the start. */
	files?: (options: Record<string, number>, variant: string) => Record<string, string>;
	/**
	 * The machine the lesson runs on by default, per variant: how many cores,
	 * which CPU scheduling policy for `work()` (`fcfs`, `sjf`, `srtf`, `rr`,
	 * `mlfq`, `priority`…) and its time slice. `--cores`, `--sched` and
	 * `--quantum` override it.
	 */
	cpu?: (variant: string, options: Record<string, number>) => {cores?: number; sched?: string; quantum?: number};
	/**
	 * The values a run ends with that matter to the lesson (`{sold: 3}`,
	 * `{balance: 97}`), for `conc-tui explore`'s histograms. Without it, the
	 * last value of each shared Value and file is taken.
	 */
	outcome?: (state: ViewState) => Record<string, number | string | undefined>;
	/** What the viewer should notice, in a sentence. */
	notice?: Bilingual;
	/**
	 * Captions tied to moments of the run: the first caption whose `when`
	 * matches an event (with the state just after it) is shown until the next.
	 * A caption with `variants` is only looked for in those variants.
	 */
	captions?: Caption[];
	/**
	 * Goals for a student playing the scheduler (challenge mode, `--challenge`
	 * and the `g` key; view/challenge.ts recognizes them): at most one per variant.
	 */
	challenges?: Challenge[];
}

/**
 * What a challenge asks, as data: break an invariant (by name), reach a
 * deadlock, or, for a safe variant, try to break an invariant that holds
 * (the run ending with it held is "it held", not a loss).
 */
export type ChallengeGoal = {broken: string} | {deadlock: true} | {holds: string};

export interface Challenge {
	variant: string;
	/** The goal in words, as the goal bar shows it. */
	goal: Bilingual;
	/** What happened, for the win banner (`two clients got the one ticket`); without it, the goal. */
	won?: Bilingual;
	/** At most this many picks (the run's choice points) to reach it. */
	within?: number;
	win: ChallengeGoal;
}

export interface Caption {
	when: (event: TraceEvent, state: ViewState) => boolean;
	text: Bilingual;
	/** The variants the caption belongs to (by name); without it, every variant. */
	variants?: string[];
}

/** The argument the main program gets. */
export interface MainContext {
	variant: string;
	options: Record<string, number>;
}

export function defineScenario(meta: ScenarioMeta): ScenarioMeta {
	return meta;
}

/** The end a variant of a lesson is expected to reach (per variant where the lesson says so; `completed` by default). */
export function expectedEndOf(meta: Pick<ScenarioMeta, 'expectedEnd'>, variant: string): RunEnd {
	const e = meta.expectedEnd;
	if (e === undefined) return 'completed';
	return typeof e === 'string' ? e : (e[variant] ?? 'completed');
}
