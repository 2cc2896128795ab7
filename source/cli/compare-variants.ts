/**
 * `conc-tui compare-variants LESSON [--seed N | --seeds A..B] [--json]`
 *
 * Every variant of one lesson, with the same options, under the same seed
 * (or each seed of a range), side by side in one table: how each run ended,
 * each invariant's verdict against what the variant expects of it, the
 * lesson's outcome figures, steps and virtual time. The tutorials' "the lock
 * makes it serial: slower, but safe", in numbers. Each run is one createRun
 * on a warm engine host, two at a time, counted in order: the report is the
 * same however they interleave. Exit 0, or 1 when an invariant a variant
 * expects to hold broke in some run, 2 for bad input.
 */
import {availableParallelism} from 'node:os';
import type {Outcome} from '../engine/trace.js';
import {outcomeValues, type OutcomeValues} from '../explore/outcome.js';
import {createRun, resolveRequest, type RunRequest} from '../run/launch.js';
import {expectedEndOf} from '../scenario/define.js';
import {InputError, loadScenario, resolveScenario, type LoadedScenario} from '../scenario/load.js';
import {cellWidth} from '../ui/cells.js';
import {words, type Lang} from '../view/words.js';
import type {Args} from './args.js';
import {onLeave, track} from './shutdown.js';

/** The most seeds one sweep takes: each is one run of every variant (1000 × 7 runs of ticket, 10 clients, take about 40 s on two cores). */
export const MAX_SEEDS = 1000;
const SEED_MAX = 2 ** 32 - 1;
/** The step policies that make sense unattended; `manual` needs someone to choose. */
const POLICIES = ['random', 'fifo', 'rr'];

type Expect = 'hold' | 'breakable';

/** One run of one variant under one seed. */
export interface VariantRun {
	seed: number;
	end: Outcome;
	steps: number;
	/** Virtual seconds. */
	time: number;
	/** The invariants whose end verdict was "broken". */
	broken: string[];
	values: OutcomeValues;
}

export interface Spread {
	min: number;
	/** The lower of the two middle values when the count is even: always a value some run had. */
	median: number;
	max: number;
}

export interface VariantSummary {
	variant: string;
	/** How the lesson says this variant ends (`deadlock:opposite` deadlocks). */
	expectedEnd: Outcome;
	runs: VariantRun[];
	/** Per invariant: what this variant expects of it, and in how many runs it broke. */
	invariants: {name: string; expected: Expect; broken: number}[];
	ends: [Outcome, number][];
	/** Per outcome figure, how many runs ended with each value, in order of the values. */
	outcomes: Record<string, [number | string, number][]>;
	steps: Spread;
	time: Spread;
}

export interface VariantComparison {
	lesson: string;
	seeds: {from: number; to: number};
	/** The lesson's options, defaults filled in. */
	options: Record<string, number>;
	/** The flags that shaped every run, as given. */
	flags: {policy?: string; sched?: string; quantum?: number; cores?: number; maxSteps?: number; options: Record<string, number>};
	invariants: string[];
	variants: VariantSummary[];
}

/** `--seeds A..B` (or `--seed N`, or the lesson's default seed), checked. */
export function seedRange(args: Pick<Args, 'seed' | 'seeds'>, defaultSeed: number): {from: number; to: number} {
	if (args.seeds === undefined) return {from: args.seed ?? defaultSeed, to: args.seed ?? defaultSeed};
	if (args.seed !== undefined) throw new InputError(`give --seed N (one seed) or --seeds A..B (a sweep), not both`);
	const m = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(args.seeds);
	if (!m) throw new InputError(`--seeds must be A..B, whole numbers, e.g. --seeds 1..50, not '${args.seeds}'`);
	const from = Number(m[1]);
	const to = Number(m[2]);
	if (from > SEED_MAX || to > SEED_MAX) throw new InputError(`--seeds: a seed is from 0 to ${SEED_MAX}, not ${Math.max(from, to)}`);
	if (from > to) throw new InputError(`--seeds ${args.seeds}: the first seed is above the last; write it ${to}..${from}`);
	if (to - from + 1 > MAX_SEEDS) throw new InputError(`--seeds ${args.seeds} is ${to - from + 1} seeds; a sweep takes at most ${MAX_SEEDS}, e.g. --seeds ${from}..${from + MAX_SEEDS - 1}`);
	return {from, to};
}

function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	return {min: sorted[0]!, median: sorted[(sorted.length - 1) >> 1]!, max: sorted.at(-1)!};
}

function byValue([a]: [number | string, number], [b]: [number | string, number]): number {
	return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** Runs `n` jobs two at a time (the host pool keeps two warm), and hands back their results in order. */
async function inOrder<T>(n: number, run: (i: number) => Promise<T>): Promise<T[]> {
	const atOnce = Math.min(2, availableParallelism());
	const pending: Promise<T>[] = [];
	const out: T[] = [];
	let next = 0;
	const start = () => {
		const p = run(next++);
		// Awaited in its turn; a failure while an earlier run is awaited must not go unhandled meanwhile.
		p.catch(() => {});
		pending.push(p);
	};
	while (next < Math.min(n, atOnce)) start();
	for (let i = 0; i < n; i++) {
		out.push(await pending.shift()!);
		if (next < n) start();
	}
	return out;
}

/**
 * Set when a signal ends the program: the runs going are ended then, and a
 * run that ends because of it must not start the next (its folder would be
 * made after the cleanup, and left behind).
 */
let leaving = false;

async function runOne(scenario: LoadedScenario, request: Omit<RunRequest, 'scenario'>, watch: RunWatch): Promise<VariantRun> {
	// The program is about to exit (or the screen that asked has gone): nothing more is started.
	if (leaving || watch.leaving?.()) return new Promise<never>(() => {});
	const {done} = (watch.track ?? track)(createRun({scenario, ...request, lines: false, record: false}, () => {}));
	const result = await done;
	const broken = Object.entries(result.state.invariants)
		.filter(([, verdict]) => !verdict.ok)
		.map(([name]) => name);
	// The clock's nine decimals: 1.0000000000000007 is a sum of floats, and 1 s.
	return {seed: request.seed!, end: result.outcome, steps: result.steps, time: Number(result.time.toFixed(9)), broken, values: outcomeValues(scenario.meta, result.state)};
}

export function summarize(scenario: LoadedScenario, variant: string, runs: VariantRun[]): VariantSummary {
	const meta = scenario.meta;
	const invariants = (meta.invariants ?? []).map(inv => ({name: inv.name, expected: (inv.expect?.[variant] ?? 'hold') as Expect, broken: runs.filter(r => r.broken.includes(inv.name)).length}));
	const ends = new Map<Outcome, number>();
	const histograms = new Map<string, Map<number | string, number>>();
	for (const r of runs) {
		ends.set(r.end, (ends.get(r.end) ?? 0) + 1);
		for (const [name, value] of Object.entries(r.values)) {
			let h = histograms.get(name);
			if (!h) histograms.set(name, (h = new Map()));
			h.set(value, (h.get(value) ?? 0) + 1);
		}
	}
	const order: Outcome[] = ['completed', 'deadlock', 'limit'];
	return {
		variant,
		expectedEnd: expectedEndOf(meta, variant),
		runs,
		invariants,
		ends: [...ends].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)),
		outcomes: Object.fromEntries([...histograms].map(([name, h]) => [name, [...h].sort(byValue)])),
		steps: spread(runs.map(r => r.steps)),
		time: spread(runs.map(r => r.time)),
	};
}

/** Checks everything first (the lesson, every variant with these options, the flags), then runs. */
export async function compareVariants(args: Args): Promise<VariantComparison> {
	const {module, variant, label} = resolveScenario(args.spec!);
	if (variant !== undefined) throw new InputError(`compare-variants runs every variant of a lesson: name the lesson alone, 'conc-tui compare-variants ${label}'`);
	for (const [flag, given] of [['free', args.free || undefined], ['schedule', args.schedule]] as const) {
		if (given !== undefined) throw new InputError(`--${flag} does not go with compare-variants: ${flag === 'free' ? 'a free run is not the same twice, so the variants would not be compared alike' : "a schedule is one variant's"}`);
	}
	if (args.policy !== undefined && !POLICIES.includes(args.policy)) throw new InputError(`compare-variants takes --policy ${POLICIES.join(', ')}, not '${args.policy}'`);
	const scenario = await loadScenario(module, label);
	const seeds = seedRange(args, scenario.meta.defaultSeed ?? 1);
	// Registered before any run, so it is the first cleanup called on a signal.
	const forget = onLeave(async () => {
		leaving = true;
	});
	return compareLoaded(scenario, label, {seeds, policy: args.policy, sched: args.sched, quantum: args.quantum, cores: args.cores, maxSteps: args.maxSteps, options: args.options}).finally(forget);
}

/** Who keeps the runs, to end them early: the CLI's signal handling by default, or a TUI session. */
export interface RunWatch {
	track?: <T extends ReturnType<typeof createRun>>(run: T) => T;
	leaving?: () => boolean;
}

/** What a comparison runs: the seeds, and the flags every variant's runs share. */
export interface CompareRequest extends RunWatch {
	seeds: {from: number; to: number};
	policy?: string;
	sched?: string;
	quantum?: number;
	cores?: number;
	maxSteps?: number;
	options: Record<string, number>;
}

/** Every variant of a loaded lesson under the same seeds and flags (the CLI's and the TUI's `V`). */
export async function compareLoaded(scenario: LoadedScenario, label: string, r: CompareRequest): Promise<VariantComparison> {
	const meta = scenario.meta;
	const {seeds} = r;
	const machine = {sched: r.sched, quantum: r.quantum, cores: r.cores};
	const names = Object.keys(meta.variants);
	let options: Record<string, number> = {};
	for (const name of names) options = resolveRequest({scenario, variant: name, options: r.options, ...machine}).options;
	const count = seeds.to - seeds.from + 1;
	const all = await inOrder(names.length * count, i =>
		runOne(scenario, {variant: names[Math.floor(i / count)], seed: seeds.from + (i % count), policy: r.policy, options: r.options, maxSteps: r.maxSteps, ...machine}, r),
	);
	return {
		lesson: label,
		seeds,
		options,
		flags: {policy: r.policy, ...machine, maxSteps: r.maxSteps, options: r.options},
		invariants: (meta.invariants ?? []).map(inv => inv.name),
		variants: names.map((name, v) => summarize(scenario, name, all.slice(v * count, (v + 1) * count))),
	};
}

/** Whether a variant broke an invariant it expects to hold, in some run. */
export function unexpected(c: VariantComparison): boolean {
	return c.variants.some(v => v.invariants.some(i => i.expected === 'hold' && i.broken > 0));
}

// ---- plain text ------------------------------------------------------------

/** Virtual seconds to the millisecond, as short as they can be: `0.3s`, `1.75s`. */
function seconds(t: number): string {
	return `${Number(t.toFixed(3))}s`;
}

function paint(colour: boolean, code: number, text: string): string {
	return colour ? `\u001B[${code}m${text}\u001B[0m` : text;
}

/** A cell of the table: its text, and the colour it is painted in on a terminal. */
interface Cell {
	text: string;
	colour?: number;
	right?: boolean;
}

function table(rows: Cell[][], colour: boolean): string[] {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map(r => cellWidth(r[c]?.text ?? ''))));
	return rows.map(r =>
		r
			.map((cell, c) => {
				const pad = ' '.repeat(widths[c]! - cellWidth(cell.text));
				const text = cell.colour === undefined ? cell.text : paint(colour, cell.colour, cell.text);
				return cell.right ? pad + text : text + pad;
			})
			.join('  ')
			.trimEnd(),
	);
}

function verdictCell(inv: VariantSummary['invariants'][number], runs: number, lang: Lang, compact: boolean): Cell {
	const w = words(lang).compare;
	const tag = inv.expected === 'breakable' ? (compact ? '*' : w.breakableTag) : '';
	if (runs === 1) {
		if (inv.broken === 0) return {text: `${w.held}${tag}`, colour: 32};
		return inv.expected === 'hold' ? {text: w.brokenBad(''), colour: 31} : {text: `${w.broken('')}${tag}`, colour: 33};
	}
	if (inv.broken === 0) return {text: `${w.neverBroken}${tag}`, colour: 32};
	const counted = `${inv.broken}/${runs}`;
	return inv.expected === 'hold' ? {text: w.brokenBad(counted), colour: 31} : {text: `${w.broken(counted)}${tag}`, colour: 33};
}

/** The figures a run ended with: `sold 3, left 0`. */
function figures(values: OutcomeValues): string {
	const parts = Object.entries(values).map(([name, value]) => `${name} ${value}`);
	return parts.length > 0 ? parts.join(', ') : '—';
}

/** How often each value came up, compactly: `balance 97 ×2, 100 ×3`, or a range when there are many. */
function distribution(outcomes: VariantSummary['outcomes'], lang: Lang): string {
	const w = words(lang).compare;
	const parts = Object.entries(outcomes).map(([name, entries]) => {
		if (entries.length === 1) return `${name} ${entries[0]![0]}`;
		if (entries.length <= 3) return `${name} ${entries.map(([v, n]) => `${v} ×${n}`).join(', ')}`;
		if (entries.every(([v]) => typeof v === 'number')) {
			const values = entries.flatMap(([v, n]) => Array<number>(n).fill(v as number));
			const s = spread(values);
			return `${name} ${s.min}–${s.max}${w.spread(s.median, entries.length)}`;
		}
		const common = [...entries].sort(([, a], [, b]) => b - a).slice(0, 2);
		return `${name} ${common.map(([v, n]) => `${v} ×${n}`).join(', ')}${w.more(entries.length - 2)}`;
	});
	// `sold 1, left 0` when every run ended alike; a semicolon between distributions.
	return parts.length === 0 ? '—' : parts.join(Object.values(outcomes).every(e => e.length === 1) ? ', ' : '; ');
}

/** `completed`, `10 deadlock`, `7 completed, 3 limit`; an end the lesson does not expect of the variant says so. */
function endsCell(v: VariantSummary, runs: number, lang: Lang): Cell {
	const text = runs === 1 ? v.ends[0]![0] : v.ends.map(([end, n]) => `${n} ${end}`).join(', ');
	const odd = v.ends.some(([end]) => end !== v.expectedEnd);
	return odd ? {text: `${text}${words(lang).compare.expectedEnd(v.expectedEnd)}`, colour: 33} : {text};
}

function flagText(c: VariantComparison): string {
	const parts: string[] = [];
	const f = c.flags;
	if (f.policy !== undefined) parts.push(`--policy ${f.policy}`);
	if (f.sched !== undefined) parts.push(`--sched ${f.sched}`);
	if (f.quantum !== undefined) parts.push(`--quantum ${f.quantum}`);
	if (f.cores !== undefined) parts.push(`--cores ${f.cores}`);
	if (f.maxSteps !== undefined) parts.push(`--max-steps ${f.maxSteps}`);
	for (const [name, value] of Object.entries(f.options)) parts.push(`--${name} ${value}`);
	return parts.join(' ');
}

/** `compact`: the narrow form for a screen (a `*` for "breakable"), so the time column fits 100 columns. */
export function variantsText(c: VariantComparison, colour = false, lang: Lang = 'en', compact = false): string {
	const w = words(lang).compare;
	const runs = c.seeds.to - c.seeds.from + 1;
	const sweep = runs > 1;
	const flags = flagText(c);
	const seeds = w.seeds(c.seeds.from, c.seeds.to);
	const each = w.each(c.variants.length, runs);
	// A lesson that declares no outcome and shares no Value or file has no figures to show.
	const figured = c.variants.some(v => Object.keys(v.outcomes).length > 0);
	const lines = [`compare-variants ${c.lesson} · ${seeds}${flags ? ` · ${flags}` : ''} · ${each}`, ''];
	const head: Cell[] = [{text: w.variant}, {text: w.end}, ...c.invariants.map(text => ({text})), ...(figured ? [{text: w.outcome}] : []), {text: w.steps(sweep), right: true}, {text: compact && !sweep ? w.timeShort : w.time(sweep), right: true}];
	const rows: Cell[][] = [head];
	for (const v of c.variants) {
		const time = sweep ? `${seconds(v.time.min)} / ${seconds(v.time.median)} / ${seconds(v.time.max)}` : seconds(v.time.min);
		const steps = sweep ? `${v.steps.min} / ${v.steps.median} / ${v.steps.max}` : String(v.steps.min);
		rows.push([
			{text: v.variant},
			endsCell(v, runs, lang),
			...v.invariants.map(inv => verdictCell(inv, runs, lang, compact)),
			...(figured ? [{text: sweep ? distribution(v.outcomes, lang) : figures(v.runs[0]!.values)}] : []),
			{text: steps, right: true},
			{text: time, right: true},
		]);
	}
	lines.push(...table(rows, colour), '');
	if (c.invariants.length === 0) lines.push(w.noInvariants);
	else lines.push(w.legend(sweep), compact ? w.starLegend : w.breakableLegend);
	const again = `conc-tui ${c.lesson}:${c.variants[0]!.variant} --seed ${c.seeds.from}${flags ? ` ${flags}` : ''}`;
	lines.push(`${w.again}${again}`);
	return lines.join('\n');
}

export function variantsJson(c: VariantComparison): Record<string, unknown> {
	return {
		lesson: c.lesson,
		seeds: c.seeds,
		runs: c.seeds.to - c.seeds.from + 1,
		options: c.options,
		...Object.fromEntries(Object.entries(c.flags).filter(([k, v]) => k !== 'options' && v !== undefined)),
		variants: c.variants.map(v => ({
			variant: v.variant,
			expectedEnd: v.expectedEnd,
			invariants: Object.fromEntries(v.invariants.map(i => [i.name, {expected: i.expected, broken: i.broken}])),
			ends: Object.fromEntries(v.ends),
			outcomes: Object.fromEntries(Object.entries(v.outcomes).map(([name, entries]) => [name, Object.fromEntries(entries.map(([value, n]) => [String(value), n]))])),
			steps: v.steps,
			time: v.time,
			results: v.runs,
		})),
	};
}

export async function runCompareVariants(args: Args): Promise<number> {
	const c = await compareVariants(args);
	const colour = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
	process.stdout.write(`${args.json ? JSON.stringify(variantsJson(c)) : variantsText(c, colour, args.lang ?? 'en')}\n`);
	return unexpected(c) ? 1 : 0;
}
