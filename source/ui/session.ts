/**
 * The viewer's side of a run, with no React in it: it starts the engine,
 * records the trace (a Recording), and keeps the viewer's cursor on it.
 *
 * The engine runs ahead and records; the cursor walks the recording, one
 * position per step, at the playback pace or by key. Back re-reduces a
 * shorter prefix: no thread reruns. In manual mode the engine itself waits
 * for the pick. Choosing a different task at a past step reruns the lesson
 * with the recorded choices up to that step, then the new one (a branch).
 * Every rerun (restart, variant, seed, policy, cores, free, manual, branch)
 * keeps the old screen until the new run has reached the position the
 * viewer should land on.
 *
 * The view state is folded up to the cursor only when a frame is taken
 * (`frame()`), which the hook does at most about 30 times a second.
 */
import {nextPanel, paged, type Panel, type Scrolls} from './scroll.js';
import {CLOCK, encodeSchedule} from '../engine/policies.js';
import {replayCommand} from '../cli/schedule.js';
import {compareLoaded, variantsText} from '../cli/compare-variants.js';
import {textReport} from '../explore/report.js';
import type {Target} from '../explore/runner.js';
import {explore} from '../explore/search.js';
import {createRun} from '../run/launch.js';
import type {EventOf, TaskState, TraceEvent} from '../engine/trace.js';
import type {Bilingual, Challenge} from '../scenario/define.js';
import type {LoadedScenario} from '../scenario/load.js';
import {ChoiceLog} from '../view/choices.js';
import {challengeOf, challengeOutcome, challengeVariants, type ChallengeOutcome} from '../view/challenge.js';
import {apply, reduce} from '../view/reducer.js';
import {emptyState, type ViewState} from '../view/state.js';
import {changesIn, describeStep, type Changes} from './format.js';
import type {CodeMode} from './code-view.js';
import type {Command} from './keys.js';
import {Recording} from './recording.js';
import {typeDigit} from './task-numbers.js';
import {otherLang, words, type Lang} from '../view/words.js';

export type AutoPolicy = 'random' | 'fifo' | 'rr';
export const AUTO_POLICIES: readonly AutoPolicy[] = ['random', 'fifo', 'rr'];
export const CORE_CHOICES: readonly number[] = [1, 2, 4];

/** Steps a second at speed 1. */
export const BASE_RATE = 4;
export const MIN_SPEED = 1 / 16;
export const MAX_SPEED = 256;

export interface Settings {
	variant: string;
	seed: number;
	policy: AutoPolicy | 'manual';
	/** Unset: the lesson's own machine decides (1 core by default). */
	cores?: number;
	free: boolean;
	options: Record<string, number>;
	quantum?: number;
	/** The CPU policy of work(); unset: the lesson's own (fcfs by default). */
	sched?: string;
	maxSteps?: number;
	/** A schedule string to follow exactly, then the policy (`--schedule`); kept by restart, dropped by the reruns that change the run. */
	schedule?: string;
}

export interface SessionInit {
	scenario: LoadedScenario;
	variant?: string;
	seed?: number;
	policy?: string;
	cores?: number;
	free?: boolean;
	options?: Record<string, number>;
	quantum?: number;
	sched?: string;
	maxSteps?: number;
	/** Follow this schedule (engine/policies.ts, encodeSchedule), then the policy. */
	schedule?: string;
	/** Start at step 0 instead of playing. */
	paused?: boolean;
	/** Playback speed factor (1: four steps a second). */
	speed?: number;
	/** Start paused at step 0 under the lesson's intro card (IntroCard.tsx): space or n dismisses it, i brings it back. */
	card?: boolean;
	lang: 'zh' | 'en';
	/** Playback's timers; a key script passes a virtual clock so playback does not follow the wall clock. */
	timers?: Timers;
	/** Open in manual mode with the variant's challenge on (`--challenge`; view/challenge.ts). */
	challenge?: boolean;
}

/** A word for the viewer about the key just pressed, until the next key (ChallengeBar.tsx words it). */
export type Hint =
	/** Enter (or n) with a task selected that cannot run now. */
	| {kind: 'not-ready'; task: string; state: TaskState}
	/** `g` on a variant with no challenge: the variants that have one. */
	| {kind: 'no-challenge'; lesson: string; variant: string; have: string[]};

export interface Timers {
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};

/** How many schedules `e` explores (random strategy, seeds from the run's own). */
export const EXPLORE_RUNS = 100;

/** The `S` overlay: the run's schedule up to the cursor and the command that replays it. */
export interface ScheduleShown {
	kind: 'schedule';
	/** The position the schedule runs to. */
	pos: number;
	/** Undefined when there is none: free mode (the OS chose), or no step yet. */
	schedule?: string;
	command?: string;
	/** Why there is no schedule. */
	none?: string;
}

/** The `e` overlay: an exploration under way, or its report. */
export interface ExploreShown {
	kind: 'explore';
	/** `bank:unsafe`, and the first seed. */
	label: string;
	seed: number;
	done: number;
	total: number;
	/** The report (explore/report.ts, textReport), once the search and its minimizing are over. */
	lines?: string[];
	/** The shortest breaking schedule, which Enter opens. */
	shortest?: {schedule: string; seed: number; steps: number};
	error?: string;
}

/** The `V` overlay: every variant of the lesson on this seed, side by side (compare-variants), or the runs under way. */
export interface VariantsShown {
	kind: 'variants';
	/** `ticket`, and the seed. */
	label: string;
	seed: number;
	/** The table (cli/compare-variants.ts, variantsText), once every variant has run. */
	lines?: string[];
	error?: string;
}

export type Overlay = ScheduleShown | ExploreShown | VariantsShown;

export type Status = 'starting' | 'playing' | 'paused' | 'pick' | 'ended' | 'deadlock' | 'error';

/** Everything a frame draws, taken at most ~30 times a second. Treat as read-only. */
export interface Frame {
	lang: 'zh' | 'en';
	scenario: LoadedScenario;
	settings: Settings;
	/** The view state at the cursor. */
	view: ViewState;
	/** The cursor (a position: step k closes position k) and the last recorded position. */
	pos: number;
	last: number;
	/** The run is fully recorded. */
	recorded: boolean;
	/** Steps in the whole run, once it is recorded. */
	steps?: number;
	status: Status;
	speed: number;
	/** What the last step changed (highlighted until the next one). */
	changes: Changes;
	/** The task granted at the step that led here. */
	ran?: string;
	/** The ready tasks, in the order they are numbered (manual); CLOCK last when running the clock to a timer is a choice too. */
	ready: string[];
	/** Manual: the instant the clock would run to, when that is one of the choices. */
	clock?: number;
	manual: boolean;
	selected?: string;
	/** What happened at the last step, in words. */
	happened: string;
	/** The lesson's caption for this moment, if one matched. */
	caption?: Bilingual;
	/** Timeline columns of the run (per position), read up to `pos`. */
	columns: readonly string[];
	/** A rerun is on its way (the screen shows the old run until it arrives). */
	busy: boolean;
	error?: string;
	help: boolean;
	/** The lesson's intro card is shown over the screen. */
	card?: boolean;
	/** The `S` or `e` overlay, over the panels. */
	overlay?: Overlay;
	/** Challenge mode is on and the variant has one: its goal, and where the run stands at the cursor. */
	challenge?: {goal: Challenge; outcome: ChallengeOutcome};
	/** A word about the key just pressed (a task that is not ready, no challenge here), until the next key. */
	hint?: Hint;
	/** What the Code pane shows: the lesson's Python view (when it has one) or its own file. */
	code: CodeMode;
	/**
	 * The explanation of the break on screen: the view's own, or, after `w`
	 * went back to where its story began, that one while the cursor walks
	 * from there to the break.
	 */
	why?: EventOf<'explain'>;
	/** The panel Tab has focused (PgUp/PgDn scroll it); its title is marked. None: the tasks. */
	panel?: Panel;
	/** Where the viewer scrolled the panels to (none: each follows). */
	scroll?: Scrolls;
}

/** The explanation of the break the view shows: a deadlock's at a deadlocked end, else the first broken invariant's, else the latest. */
export function whyOf(v: ViewState): EventOf<'explain'> | undefined {
	if (v.end?.outcome === 'deadlock' && v.explanations.deadlock) return v.explanations.deadlock;
	const broken = Object.entries(v.invariants).find(([, inv]) => !inv.ok)?.[0];
	return (broken !== undefined ? v.explanations[broken] : undefined) ?? Object.values(v.explanations).at(-1);
}

export class RunSession {
	private settings: Settings;
	private autoPolicy: AutoPolicy;
	private rec: Recording;
	private next?: {rec: Recording; target: number};
	private pos = 0;
	/** Where the cursor goes once that far is recorded (a step asked for before the engine got there). */
	private want = 0;
	private playing: boolean;
	private speed: number;
	private help = false;
	private card: boolean;
	private code: CodeMode = 'python';
	/** The panel Tab focused; none before the first Tab (PgUp/PgDn then scroll the tasks, and no title is marked). */
	private panel?: Panel;
	private scroll: Scrolls = {tops: {}};
	private selected?: string;
	/** The position at which a digit selected a task that was not ready: it stays selected there (and the Code pane on it). */
	private pinned?: number;
	/** The digits typed so far (task-numbers.ts); any other key starts a new number. */
	private typed = '';
	/** Challenge mode (`--challenge`, `g`). */
	private challengeOn = false;
	private hint?: Hint;
	/** The picks (choice points) in the recording's first `length` events, and the step of each, kept as the cursor walks on. */
	private picksMade?: {rec: Recording; length: number; log: ChoiceLog; steps: number[]};
	/** The explanation `w` went back from, on the recording it belongs to. */
	private whyJump?: {rec: Recording; why: EventOf<'explain'>};
	/**
	 * Manual picks made while the one before was still running (`null`: the
	 * task selected when its turn comes). "n n n" at the live end is three
	 * steps, as it is in the other modes; each waits for the engine's next ask.
	 */
	private picks: (string | null)[] = [];
	/**
	 * The viewer's language: `L` switches it at any moment. Nothing the run
	 * does depends on it (a lesson prints the tutorial's own words, and the
	 * trace is words-free data: the screen words it), so a switch is only a
	 * new frame: same run, same cursor, same play or pause, picks and overlays.
	 */
	private lang: Lang;
	private readonly scenario: LoadedScenario;
	private view: ViewState = emptyState();
	private viewRec?: Recording;
	private viewLength = 0;
	private timer?: unknown;
	private readonly timers: Timers;
	private disposed = false;
	private overlay?: 'schedule' | 'explore' | 'variants';
	/** The last `V` comparison: its settings' key, and the table in either language once done. */
	private comparison?: {key: string; seed: number; lines?: (lang: Lang) => string[]; error?: string};
	private exploration?: Exploration;
	/** The runs of explorations under way, stopped on dispose. */
	private readonly exploreRuns = new Set<ReturnType<typeof createRun>>();

	constructor(
		init: SessionInit,
		/** Called when something changed that a frame should show. */
		private readonly onChange: () => void,
	) {
		this.scenario = init.scenario;
		this.lang = init.lang;
		const meta = init.scenario.meta;
		this.challengeOn = init.challenge === true;
		// A challenge is played as the scheduler.
		const policy = this.challengeOn ? 'manual' : (init.policy ?? 'random');
		this.autoPolicy = AUTO_POLICIES.includes(policy as AutoPolicy) ? (policy as AutoPolicy) : 'random';
		this.settings = {
			variant: init.variant ?? meta.defaultVariant,
			seed: init.seed ?? meta.defaultSeed ?? 1,
			policy: policy === 'manual' ? 'manual' : this.autoPolicy,
			cores: init.cores,
			free: init.free ?? false,
			options: init.options ?? {},
			quantum: init.quantum,
			sched: init.sched,
			maxSteps: init.maxSteps,
			...(init.schedule !== undefined ? {schedule: init.schedule} : {}),
		};
		this.card = init.card ?? false;
		this.playing = !init.paused && !this.card;
		this.speed = clampSpeed(init.speed ?? 1);
		this.timers = init.timers ?? REAL_TIMERS;
		this.rec = this.start(this.settings, []);
	}

	/** The viewer's language now. */
	get language(): Lang {
		return this.lang;
	}

	/** The run on screen: its recorded trace and choices (read it, never change it). */
	get recording(): Recording {
		return this.rec;
	}

	// ---- commands ---------------------------------------------------------

	/** Applies a command from the key table. `quit` is the caller's. */
	command(c: Command): void {
		if (this.disposed) return;
		if (c.name === 'language') {
			// Whatever is on screen (an overlay, the help, the card) stays, in the other language.
			this.lang = otherLang(this.lang);
			this.onChange();
			return;
		}
		this.hint = undefined;
		if (c.name !== 'pick') this.typed = '';
		if (this.overlay && c.name !== 'quit') {
			this.overlayKey(c);
			this.onChange();
			return;
		}
		if (this.help && c.name !== 'help' && c.name !== 'close' && c.name !== 'quit') {
			this.help = false;
			this.onChange();
			return;
		}
		// The card: i shows or hides it; a key that plays or steps puts it away and plays or steps.
		if (c.name === 'info' || (this.card && ['play', 'step', 'close'].includes(c.name))) {
			this.card = c.name === 'info' && !this.card;
			// Read with the run held still.
			if (this.card) this.playing = false;
			if (c.name === 'info' || c.name === 'close') {
				this.onChange();
				return;
			}
		}
		switch (c.name) {
			case 'play':
				if (!this.playing && this.rec.ended && this.pos >= this.rec.last) this.moveTo(0);
				this.playing = !this.playing;
				this.want = this.pos;
				break;
			case 'step':
				this.playing = false;
				if (this.pickingLive()) {
					if (!this.notReady()) this.pickLive(null);
				} else this.forward(1);
				break;
			case 'back':
				this.playing = false;
				this.picks = [];
				this.moveTo(Math.max(0, this.pos - 1));
				break;
			case 'why': {
				// The story of the break on screen begins at step `from`: position `from` is the state just after it.
				const why = this.frameWhy();
				if (!why) break;
				this.playing = false;
				this.picks = [];
				this.whyJump = {rec: this.rec, why};
				this.moveTo(why.from);
				break;
			}
			case 'faster':
				this.speed = clampSpeed(this.speed * 2);
				break;
			case 'slower':
				this.speed = clampSpeed(this.speed / 2);
				break;
			case 'restart':
				this.rerun({...this.settings}, [], 0);
				break;
			case 'variant': {
				const names = Object.keys(this.scenario.meta.variants);
				// A new variant is a new story: it starts at the lesson's pace (×1), not the one the last was sped up to.
				this.speed = 1;
				this.rerun({...this.unscheduled(), variant: names[(names.indexOf(this.settings.variant) + 1) % names.length]!}, [], 0);
				break;
			}
			case 'seed':
				this.rerun({...this.unscheduled(), seed: (this.settings.seed + 1) >>> 0}, [], 0);
				break;
			case 'policy': {
				const from = this.settings.policy === 'manual' ? this.autoPolicy : this.settings.policy;
				this.autoPolicy = AUTO_POLICIES[(AUTO_POLICIES.indexOf(from) + 1) % AUTO_POLICIES.length]!;
				this.challengeOn = false;
				this.rerun({...this.unscheduled(), policy: this.autoPolicy, free: false}, [], 0);
				break;
			}
			case 'cores': {
				const now = this.settings.cores ?? this.rec.events.find(e => e.kind === 'run')?.cores ?? 1;
				const at = CORE_CHOICES.indexOf(now);
				this.rerun({...this.unscheduled(), cores: at < 0 ? CORE_CHOICES[0]! : CORE_CHOICES[(at + 1) % CORE_CHOICES.length]!}, [], 0);
				break;
			}
			case 'free':
				if (!this.settings.free) this.challengeOn = false;
				this.rerun({...this.unscheduled(), free: !this.settings.free, policy: this.settings.free ? this.settings.policy : this.autoPolicy}, [], 0);
				break;
			case 'manual': {
				// Take (or give back) the scheduler's place from here on: the recorded choices so far are kept.
				const manual = this.settings.policy !== 'manual' || this.settings.free;
				const keep = this.settings.free ? 0 : this.pos;
				this.playing = false;
				// A challenge is played as the scheduler: handing the choice back ends it.
				if (!manual) this.challengeOn = false;
				this.rerun({...this.unscheduled(), free: false, policy: manual ? 'manual' : this.autoPolicy}, this.rec.choices.slice(0, keep), keep);
				break;
			}
			case 'pick': {
				// A digit types a task's number (its place in creation order; 0 the clock) and selects it, ready or not.
				if (this.settings.policy !== 'manual' || this.settings.free || this.rec.last < 0) break;
				const order = this.viewAt().order;
				const typed = typeDigit(this.typed, c.digit ?? 0, order.length, this.readyAt().includes(CLOCK));
				this.typed = typed.typed;
				if (typed.number === undefined) break;
				this.selected = typed.number === 0 ? CLOCK : order[typed.number - 1];
				this.pinned = Math.min(this.pos, this.rec.last);
				break;
			}
			case 'up':
			case 'down': {
				const ready = this.readyAt();
				if (ready.length === 0) break;
				const sel = this.selected;
				const order = this.viewAt().order;
				if (sel !== undefined && !ready.includes(sel) && order.includes(sel)) {
					// From a task that is not ready: the nearest ready one below (or above) it.
					const place = (n: string) => (n === CLOCK ? Infinity : order.indexOf(n));
					const at = order.indexOf(sel);
					this.selected = c.name === 'down' ? (ready.find(n => place(n) > at) ?? ready[0]) : (ready.findLast(n => place(n) < at) ?? ready.at(-1));
				} else {
					const at = Math.max(0, ready.indexOf(this.selectedName() ?? ''));
					this.selected = ready[(at + (c.name === 'up' ? ready.length - 1 : 1)) % ready.length];
				}
				this.pinned = undefined;
				break;
			}
			case 'choose':
				if (this.notReady()) break;
				if (this.pickingLive()) this.pickLive(null);
				else this.pick(this.selectedName());
				break;
			case 'goal': {
				const meta = this.scenario.meta;
				if (!challengeOf(meta, this.settings.variant)) {
					this.hint = {kind: 'no-challenge', lesson: meta.name, variant: this.settings.variant, have: challengeVariants(meta)};
					break;
				}
				this.challengeOn = !this.challengeOn;
				if (this.challengeOn) {
					// A challenge starts over, with the viewer as the scheduler.
					this.playing = false;
					this.card = false;
					this.rerun({...this.unscheduled(), free: false, policy: 'manual'}, [], 0);
				}
				break;
			}
			case 'help':
				this.help = !this.help;
				break;
			case 'close':
				this.help = false;
				break;
			case 'schedule':
				this.playing = false;
				this.card = false;
				this.overlay = 'schedule';
				break;
			case 'explore':
				this.card = false;
				this.overlay = 'explore';
				this.explore();
				break;
			case 'variants':
				this.card = false;
				this.overlay = 'variants';
				this.compare();
				break;
			case 'code':
				this.code = this.code === 'python' ? 'lesson' : 'python';
				this.unscroll('code');
				break;
			case 'focus':
				// The first Tab marks the tasks, which had the focus unmarked; the next ones move on.
				this.panel = this.panel === undefined ? 'tasks' : nextPanel(this.panel, c.windows ? (Object.keys(c.windows) as Panel[]) : undefined);
				break;
			case 'pageup':
			case 'pagedown': {
				// A page of the focused panel as it was last drawn; the output at its end follows its tail again.
				const panel = this.panel ?? 'tasks';
				const w = c.windows?.[panel];
				if (!w) break;
				const top = paged(w, c.name === 'pageup' ? -1 : 1);
				if (panel === 'output' && top >= w.total - w.rows) this.unscroll('output');
				else this.scroll = {...this.scroll, tops: {...this.scroll.tops, [panel]: top}, ...(panel === 'tasks' ? {tasksAt: this.pos} : {})};
				break;
			}
			case 'quit':
				break;
		}
		this.schedule();
		this.onChange();
	}

	// ---- a key script's directions (record/key-script.ts) ------------------

	/** Plays from here, or pauses here (no replay from step 0, unlike the space key). */
	setPlaying(on: boolean): void {
		if (this.disposed) return;
		this.playing = on;
		this.want = this.pos;
		this.schedule();
		this.onChange();
	}

	setSpeed(speed: number): void {
		if (this.disposed) return;
		this.speed = clampSpeed(speed);
		this.schedule();
		this.onChange();
	}

	/** Pauses at step `pos` (or as far as the run has got, walking on as it records). */
	goto(pos: number): void {
		if (this.disposed) return;
		this.playing = false;
		this.picks = [];
		this.want = Math.max(0, pos);
		this.pos = Math.min(this.want, Math.max(this.rec.last, 0));
		this.schedule();
		this.onChange();
	}

	/** Stops the timers and every worker of the runs still going. */
	async dispose(): Promise<void> {
		this.disposed = true;
		this.timers.clearTimeout(this.timer);
		const runs = [this.rec, this.next?.rec].filter((r): r is Recording => r !== undefined);
		for (const r of runs) r.stopped = true;
		const explored = [...this.exploreRuns];
		await Promise.all([...runs.map(r => r.engine?.stop().catch(() => {})), ...explored.map(r => r.engine.stop().catch(() => {}))]);
		await Promise.all(explored.map(r => r.done.catch(() => {})));
		// The run's own end removes its temporary folder: wait for it too.
		await Promise.all(runs.map(r => r.done?.catch(() => {})));
	}

	/**
	 * Nothing more will change without a key or a playback tick: the run on
	 * screen is fully recorded (or waits for the viewer's pick) and no rerun is
	 * on its way. A key script waits for this before each key, so what it
	 * draws does not depend on how fast the workers ran.
	 */
	get idle(): boolean {
		const rec = this.rec;
		return !this.next && (rec.ended || rec.error !== undefined || rec.pending !== undefined);
	}

	// ---- the frame ---------------------------------------------------------

	frame(): Frame {
		const rec = this.rec;
		const last = rec.last;
		const pos = Math.min(this.pos, Math.max(last, 0));
		const prefix = last < 0 ? rec.events.length : rec.ends[pos]!;
		const view = this.fold(rec, prefix);
		const from = last < 0 || pos === 0 ? 0 : rec.ends[pos - 1]!;
		const manual = this.settings.policy === 'manual' && !this.settings.free;
		const clock = manual && last >= 0 ? this.clockAt(pos) : undefined;
		const ready = view.order.filter(n => view.tasks[n]!.state === 'ready');
		if (clock !== undefined) ready.push(CLOCK);
		// A task a digit selected stays selected at that position, ready or not; else the selection is a ready one.
		const pinned = this.pinned === pos && this.selected !== undefined && (this.selected === CLOCK ? clock !== undefined : view.tasks[this.selected] !== undefined);
		if (!pinned) this.pinned = undefined;
		if (!this.selected || (!pinned && !ready.includes(this.selected))) this.selected = ready[0];
		const captionIndex = rec.captionBefore(prefix);
		return {
			lang: this.lang,
			scenario: this.scenario,
			settings: this.settings,
			view,
			pos,
			last,
			recorded: rec.ended,
			steps: endSteps(rec),
			status: this.status(),
			speed: this.speed,
			changes: changesIn(rec.events, from, prefix),
			ran: last < 0 ? undefined : rec.ran[pos],
			ready,
			...(clock !== undefined ? {clock} : {}),
			manual,
			selected: manual ? this.selected : undefined,
			happened: pos === 0 ? '' : describeStep(rec.events, from, prefix, view, this.lang),
			caption: this.captionFor(captionIndex, pos, rec.ended && pos >= last),
			columns: rec.columns,
			busy: this.next !== undefined,
			error: rec.error,
			help: this.help,
			card: this.card,
			code: this.code,
			why: this.whyAt(view, pos),
			...(this.panel !== undefined ? {panel: this.panel} : {}),
			// The tasks' scroll is for the step it was made at: a new step follows its task again.
			scroll: this.scroll.tasksAt !== undefined && this.scroll.tasksAt !== pos ? this.unscrolled('tasks') : this.scroll,
			...this.challengeAt(view, prefix),
			...(this.hint ? {hint: this.hint} : {}),
			...(this.overlay ? {overlay: this.overlay === 'schedule' ? this.scheduleShown(pos) : this.overlay === 'variants' ? this.variantsShown() : this.exploreShown()} : {}),
		};
	}

	/** The challenge on screen: its goal and where the run stands at the cursor (`prefix` events folded into `view`). */
	private challengeAt(view: ViewState, prefix: number): {challenge?: {goal: Challenge; outcome: ChallengeOutcome}} {
		const goal = this.challengeOn ? challengeOf(this.scenario.meta, this.settings.variant) : undefined;
		if (!goal) return {};
		const rec = this.rec;
		let made = this.picksMade;
		if (!made || made.rec !== rec || made.length > prefix) made = {rec, length: 0, log: new ChoiceLog(), steps: []};
		for (; made.length < prefix; made.length++) {
			const e = rec.events[made.length]!;
			const before = made.log.points.length;
			made.log.see(e);
			if (made.log.points.length > before) made.steps.push(e.step);
		}
		this.picksMade = made;
		return {challenge: {goal, outcome: challengeOutcome(goal, view, made.steps, this.scenario.meta.invariants)}};
	}

	/** Enter or n with a task selected that cannot run now: nothing runs, and the screen says why (true). */
	private notReady(): boolean {
		const sel = this.selected;
		// Only a selection a digit made here: one left over from a step before falls back to a ready task, as it always did.
		if (sel === undefined || this.pinned !== Math.min(this.pos, this.rec.last) || this.settings.policy !== 'manual' || this.settings.free) return false;
		if (this.readyAt().includes(sel)) return false;
		const t = this.viewAt().tasks[sel];
		if (!t) return false;
		this.hint = {kind: 'not-ready', task: sel, state: t.state};
		return true;
	}

	/** The view state at the cursor. */
	private viewAt(): ViewState {
		const last = this.rec.last;
		if (last < 0) return emptyState();
		return this.fold(this.rec, this.rec.ends[Math.min(this.pos, last)]!);
	}

	// ---- overlays (S, e) ---------------------------------------------------

	/** A key while an overlay is up: in the exploration's, Enter opens its shortest breaking schedule; any other key closes it. */
	private overlayKey(c: Command): void {
		const x = this.exploration;
		if (this.overlay === 'explore' && c.name === 'choose' && x?.report?.shortest) {
			const s = x.report.shortest;
			this.overlay = undefined;
			this.help = false;
			this.card = false;
			this.playing = false;
			this.autoPolicy = 'random';
			this.challengeOn = false;
			// The schedule is the whole run: followed to its end, whatever policy comes after.
			this.rerun({...x.settings, seed: s.seed, policy: 'random', free: false, schedule: s.schedule}, [], 0);
			return;
		}
		this.overlay = undefined;
	}

	/** The run's schedule up to position `pos`: the index of each grant in its ready list, as the trace's choices say. */
	scheduleTo(pos: number): number[] {
		const rec = this.rec;
		const log = new ChoiceLog();
		const end = rec.last < 0 ? 0 : rec.ends[Math.min(pos, rec.last)]!;
		for (let i = 0; i < end; i++) log.see(rec.events[i]!);
		return log.choices;
	}

	private scheduleShown(pos: number): ScheduleShown {
		const s = this.settings;
		if (s.free) return {kind: 'schedule', pos, none: words(this.lang).overlay.noneFree};
		const choices = this.scheduleTo(pos);
		if (choices.length === 0) return {kind: 'schedule', pos, none: words(this.lang).overlay.noneYet};
		const schedule = encodeSchedule(choices);
		const flags = {spec: this.scenario.meta.name, policy: s.policy === 'random' ? undefined : s.policy, sched: s.sched, quantum: s.quantum, cores: s.cores, maxSteps: s.maxSteps, options: s.options};
		return {kind: 'schedule', pos, schedule, command: replayCommand(flags, {variant: s.variant, seed: s.seed}, schedule)};
	}

	private exploreShown(): ExploreShown {
		const x = this.exploration!;
		return {
			kind: 'explore',
			label: `${this.scenario.meta.name}:${x.settings.variant}`,
			seed: x.settings.seed,
			done: x.done,
			total: EXPLORE_RUNS,
			...(x.report ? {lines: x.report.lines(this.lang), ...(x.report.shortest ? {shortest: x.report.shortest} : {})} : {}),
			...(x.error !== undefined ? {error: x.error} : {}),
		};
	}

	private variantsShown(): VariantsShown {
		const c = this.comparison!;
		return {
			kind: 'variants',
			label: this.scenario.meta.name,
			seed: c.seed,
			...(c.lines ? {lines: c.lines(this.lang)} : {}),
			...(c.error !== undefined ? {error: c.error} : {}),
		};
	}

	/**
	 * `V`: every variant of the lesson with this run's options, seed and
	 * machine (compare-variants), in the background on the shared hosts. The
	 * same settings show the table again rather than run again; a manual or
	 * free run is compared under the random policy, as the CLI would.
	 */
	private compare(): void {
		const s = this.settings;
		const policy = s.policy === 'fifo' || s.policy === 'rr' ? s.policy : undefined;
		const key = JSON.stringify([s.seed, s.options, s.sched, s.quantum, s.cores, s.maxSteps, policy]);
		const old = this.comparison;
		if (old && (old.key === key || (!old.lines && old.error === undefined))) return;
		const c: NonNullable<RunSession['comparison']> = {key, seed: s.seed};
		this.comparison = c;
		const meta = this.scenario.meta;
		compareLoaded(this.scenario, meta.name, {
			seeds: {from: s.seed, to: s.seed},
			...(policy ? {policy} : {}),
			sched: s.sched,
			quantum: s.quantum,
			cores: s.cores,
			maxSteps: s.maxSteps,
			options: s.options,
			track: run => {
				this.exploreRuns.add(run);
				const forget = () => this.exploreRuns.delete(run);
				run.done.then(forget, forget);
				return run;
			},
			leaving: () => this.disposed || this.comparison !== c,
		}).then(
			result => {
				c.lines = lang => variantsText(result, false, lang, true).split('\n');
				if (!this.disposed) this.onChange();
			},
			(error: unknown) => {
				c.error = error instanceof Error ? error.message : String(error);
				if (!this.disposed) this.onChange();
			},
		);
	}

	/** What an exploration depends on: the same key, the same report. */
	private exploreKey(s: Settings): string {
		return JSON.stringify([s.variant, s.seed, s.options, s.sched, s.quantum, s.cores, s.maxSteps]);
	}

	/**
	 * `e`: the random search over this lesson, variant and options, seeds
	 * from the run's own, in the background (on the shared hosts, two runs at
	 * a time, alongside the run on screen). One under way, or done for the
	 * same settings, is shown again rather than run again.
	 */
	private explore(): void {
		const key = this.exploreKey(this.settings);
		const old = this.exploration;
		if (old && (old.key === key || (!old.report && old.error === undefined))) return;
		const settings = {...this.settings};
		const x: Exploration = {key, settings, done: 0};
		this.exploration = x;
		const meta = this.scenario.meta;
		const target: Target = {
			scenario: this.scenario,
			variant: settings.variant,
			options: settings.options,
			maxSteps: settings.maxSteps,
			sched: settings.sched,
			quantum: settings.quantum,
			cores: settings.cores,
			watch: {
				track: run => {
					this.exploreRuns.add(run);
					run.done.then(
						() => this.exploreRuns.delete(run),
						() => this.exploreRuns.delete(run),
					);
					return run;
				},
				leaving: () => this.disposed || this.exploration !== x,
			},
		};
		const plan = {strategy: 'random' as const, runs: EXPLORE_RUNS, depth: 0, seed: settings.seed};
		explore(target, plan, done => {
			x.done = done;
			if (this.exploration === x && !this.disposed) this.onChange();
		}).then(
			result => {
				const titled = {label: `${meta.name}:${settings.variant}`, variant: settings.variant, flags: {spec: meta.name, maxSteps: settings.maxSteps, sched: settings.sched, quantum: settings.quantum, cores: settings.cores, options: settings.options}};
				const s = result.shortest;
				x.report = {
					lines: (lang: Lang) => textReport(result, titled, false, lang).split('\n'),
					...(s ? {shortest: {schedule: encodeSchedule(s.run.choices), seed: s.run.seed, steps: s.run.steps}} : {}),
				};
				if (!this.disposed) this.onChange();
			},
			(error: unknown) => {
				x.error = error instanceof Error ? error.message : String(error);
				if (!this.disposed) this.onChange();
			},
		);
	}

	/** The settings of a rerun that changes the run: a schedule given is the old run's, and is dropped. */
	private unscheduled(): Settings {
		const {schedule: _schedule, ...rest} = this.settings;
		return rest;
	}

	/** The explanation at the cursor: the view's, or the one `w` went back from while the cursor is between its start and its break. */
	private whyAt(view: ViewState, pos: number): EventOf<'explain'> | undefined {
		const own = whyOf(view);
		if (own) return own;
		const jump = this.whyJump;
		if (jump && jump.rec === this.rec && pos >= jump.why.from && pos <= jump.why.step) return jump.why;
		return undefined;
	}

	private frameWhy(): EventOf<'explain'> | undefined {
		const last = this.rec.last;
		if (last < 0) return undefined;
		const pos = Math.min(this.pos, last);
		return this.whyAt(this.fold(this.rec, this.rec.ends[pos]!), pos);
	}

	/** The lesson's caption that matched last; else its summary at step 0, its point at the end. */
	private captionFor(index: number | undefined, pos: number, atEnd: boolean): Bilingual | undefined {
		const meta = this.scenario.meta;
		const matched = index === undefined ? undefined : meta.captions?.[index]?.text;
		if (matched) return matched;
		if (pos === 0) return {zh: meta.summary.zh.join(' '), en: meta.summary.en.join(' ')};
		return atEnd ? meta.notice : undefined;
	}

	private status(): Status {
		const rec = this.rec;
		if (rec.error) return 'error';
		if (rec.last < 0) return 'starting';
		if (this.pos >= rec.last) {
			if (rec.ended) return this.view.end?.outcome === 'deadlock' ? 'deadlock' : 'ended';
			if (rec.pending && this.settings.policy === 'manual') return 'pick';
		}
		return this.playing ? 'playing' : 'paused';
	}

	/** The view state for a prefix: forward by applying, backward by reducing again. */
	private fold(rec: Recording, prefix: number): ViewState {
		if (this.viewRec !== rec || prefix < this.viewLength) {
			this.view = reduce(rec.events, prefix);
			this.viewRec = rec;
		} else {
			for (let i = this.viewLength; i < prefix; i++) apply(this.view, rec.events[i]!);
		}
		this.viewLength = prefix;
		return this.view;
	}

	// ---- cursor ------------------------------------------------------------

	private moveTo(pos: number): void {
		this.pos = Math.max(0, Math.min(pos, Math.max(this.rec.last, 0)));
		this.want = this.pos;
	}

	private forward(n: number): void {
		// Steps asked for faster than the run records them add up: "nn" at the live end is two steps.
		this.want = Math.max(this.want, this.pos) + n;
		this.pos = Math.min(this.want, Math.max(this.rec.last, 0));
	}

	private atPick(): boolean {
		return this.rec.pending !== undefined && this.pos >= this.rec.last && !this.next;
	}

	/** The ready tasks at the cursor, in the order they are numbered (and the clock last, where it is a choice). */
	private readyAt(): string[] {
		const last = this.rec.last;
		if (last < 0) return [];
		const pos = Math.min(this.pos, last);
		const view = this.fold(this.rec, this.rec.ends[pos]!);
		const ready = view.order.filter(n => view.tasks[n]!.state === 'ready');
		if (this.settings.policy === 'manual' && !this.settings.free && this.clockAt(pos) !== undefined) ready.push(CLOCK);
		return ready;
	}

	/**
	 * Where the clock could run to a timer instead of a task running (a time
	 * move), at position `pos`: the engine's live question says so, and at a
	 * past position the next step's grant does (its `clock`, or the clock move itself).
	 */
	private clockAt(pos: number): number | undefined {
		const rec = this.rec;
		if (pos >= rec.last) {
			if (!rec.pending?.ready.some(c => c.name === CLOCK)) return undefined;
			// The instant: the earliest timer of a blocked task, as the view at the live end has it.
			const view = this.fold(rec, rec.events.length);
			const untils = view.order.map(n => view.tasks[n]!).filter(t => t.state === 'blocked' && t.until !== undefined).map(t => t.until!);
			return untils.length > 0 ? Math.min(...untils) : undefined;
		}
		for (let i = rec.ends[pos]!; i < rec.ends[pos + 1]!; i++) {
			const e = rec.events[i]!;
			if (e.kind === 'clock') return e.until;
			if (e.kind === 'state' && e.choice !== undefined) return e.clock;
		}
		return undefined;
	}

	private selectedName(): string | undefined {
		const ready = this.readyAt();
		return this.selected && ready.includes(this.selected) ? this.selected : ready[0];
	}

	/** Manual, at the live end of a run that goes on: a pick answers the engine's ask, now or when it comes. */
	private pickingLive(): boolean {
		return this.settings.policy === 'manual' && !this.settings.free && !this.next && !this.rec.ended && this.pos >= this.rec.last;
	}

	private pickLive(name: string | null): void {
		this.playing = false;
		this.picks.push(name);
		this.nextPick();
	}

	/** Answers the engine's ask with the first queued pick that is ready (one no longer ready is dropped). */
	private nextPick(): void {
		while (this.picks.length > 0 && this.atPick()) {
			const name = this.picks.shift() ?? this.selectedName();
			if (name && this.rec.answer(name)) {
				this.want = this.pos + 1;
				return;
			}
		}
	}

	/** Manual: run `name` next. At the live end it answers the engine; at a past step it walks on or branches. */
	private pick(name: string | undefined): void {
		if (!name || this.settings.policy !== 'manual' || this.settings.free || this.next) return;
		this.playing = false;
		if (this.atPick()) {
			if (this.rec.answer(name)) this.want = this.pos + 1;
			return;
		}
		if (this.pos >= this.rec.last) return;
		if (this.rec.choices[this.pos] === name) {
			this.forward(1);
			return;
		}
		// A branch: the same choices up to here, then this one.
		this.rerun(this.unscheduled(), [...this.rec.choices.slice(0, this.pos), name], this.pos + 1);
	}

	// ---- runs --------------------------------------------------------------

	/**
	 * A new recording, its run started on the next turn of the event loop: a
	 * run's start (its folder, an engine host to boot when none is warm) should
	 * not hold up the screen's first frame or the key that asked for the rerun.
	 */
	private start(settings: Settings, replay: readonly string[]): Recording {
		const rec = new Recording(this.scenario.meta.captions ?? [], () => this.recorded(rec));
		setImmediate(() => {
			if (rec.stopped || this.disposed) return;
			try {
				const {engine, done} = createRun(
					{
						scenario: this.scenario,
						variant: settings.variant,
						seed: settings.seed,
						policy: settings.free ? this.autoPolicy : settings.policy,
						quantum: settings.quantum,
						sched: settings.sched,
						cores: settings.cores,
						free: settings.free,
						options: settings.options,
						maxSteps: settings.maxSteps,
						...(settings.schedule !== undefined ? {schedule: settings.schedule} : {}),
						replay,
						pick: ready => rec.ask(ready),
					},
					(e: TraceEvent) => rec.push(e),
				);
				rec.engine = engine;
				rec.done = done;
				if (rec.stopped) void engine.stop().catch(() => {});
				done.catch((error: unknown) => rec.fail(error instanceof Error ? error.message : String(error)));
			} catch (error) {
				rec.fail(error instanceof Error ? error.message : String(error));
			}
		});
		return rec;
	}

	/** The scrolls without one panel's: it follows again. */
	private unscrolled(panel: Panel): Scrolls {
		const {[panel]: _gone, ...tops} = this.scroll.tops;
		return {tops, ...(panel === 'tasks' ? {} : this.scroll.tasksAt !== undefined ? {tasksAt: this.scroll.tasksAt} : {})};
	}

	private unscroll(panel: Panel): void {
		this.scroll = this.unscrolled(panel);
	}

	/** Starts a new run; the screen keeps the old one until the new one reaches `target`. */
	private rerun(settings: Settings, replay: readonly string[], target: number): void {
		// Another run: another output and other rows; every panel follows again.
		this.scroll = {tops: {}};
		if (this.next) {
			this.next.rec.stopped = true;
			void this.next.rec.engine?.stop().catch(() => {});
		}
		const old = this.rec;
		old.stopped = true;
		void old.engine?.stop().catch(() => {});
		this.picks = [];
		this.settings = settings;
		this.next = {rec: this.start(settings, replay), target};
		this.recorded(this.next.rec);
	}

	/** A recording changed: swap in a rerun that has arrived, move a waiting cursor, ask for a frame. */
	private recorded(rec: Recording): void {
		if (this.disposed) return;
		const next = this.next;
		if (next && rec === next.rec && (rec.last >= next.target || rec.ended)) {
			this.next = undefined;
			this.rec = rec;
			this.pos = Math.min(next.target, Math.max(rec.last, 0));
			this.want = this.pos;
			this.selected = undefined;
		}
		if (rec !== this.rec) return;
		if (this.want > this.pos && rec.last > this.pos) this.pos = Math.min(this.want, rec.last);
		this.nextPick();
		this.schedule();
		this.onChange();
	}

	// ---- playback ----------------------------------------------------------

	/** Keeps the playback timer going while playing and there is somewhere to go. */
	private schedule(): void {
		if (this.timer || !this.playing || this.disposed || this.next) return;
		const rec = this.rec;
		if (this.pos >= rec.last) {
			if (rec.ended) this.playing = false;
			return;
		}
		const rate = BASE_RATE * this.speed;
		// A jump of the virtual clock (a sleep) takes a little longer, so time is seen to pass.
		const now = rec.events[rec.ends[this.pos]! - 1]?.time ?? 0;
		const then = rec.events[rec.ends[this.pos + 1]! - 1]?.time ?? now;
		const pause = Math.min(1000, Math.max(0, then - now) * 250) / this.speed;
		const delay = Math.max(1000 / 30, 1000 / rate + pause);
		const steps = Math.max(1, Math.floor((rate * delay) / 1000));
		this.timer = this.timers.setTimeout(() => {
			this.timer = undefined;
			if (!this.playing || this.disposed) return;
			this.forward(steps);
			this.want = this.pos;
			this.schedule();
			this.onChange();
		}, delay);
	}
}

interface Exploration {
	key: string;
	settings: Settings;
	done: number;
	/** The report in either language: L redraws it in the other. */
	report?: {lines: (lang: Lang) => string[]; shortest?: {schedule: string; seed: number; steps: number}};
	error?: string;
}

function endSteps(rec: Recording): number | undefined {
	const e = rec.events.at(-1);
	return e?.kind === 'end' ? e.steps : undefined;
}

function clampSpeed(s: number): number {
	return Math.min(MAX_SPEED, Math.max(MIN_SPEED, s));
}
