/**
 * The command line: flags parsed by meow, then checked, into a request. Bad
 * input becomes an InputError with one clear line (the CLI exits 2).
 */
import meow from 'meow';
import {InputError} from '../scenario/load.js';
import {KeyScriptError, parseKeyScript, type ScriptStep} from '../record/key-script.js';

export const HELP = `
  Usage
    $ conc-tui                (in a terminal: the menu of lessons)
    $ conc-tui <lesson>[:variant] [options]
    $ conc-tui list
    $ conc-tui explore <lesson>[:variant] [--runs N] [--strategy random|pct|exhaustive] [--depth D] [--json]
    $ conc-tui compare [fcfs,sjf,srtf,rr,mlfq] [--jobs <lesson> | --jobs 'A@0:5,B@1:3/2/1'] [--quantum N]
    $ conc-tui compare-variants <lesson> [--seed N | --seeds A..B] [--json] [--<option> N]

  Options
    --json             write the trace as JSON Lines to stdout
    --headless         write a plain transcript (the default when stdout is not a terminal)
    --seed N           the run's seed (each lesson has a default that shows its point)
    --policy P         random (default), fifo, rr, manual (TUI only)
    --sched P          CPU scheduling of work(): fcfs (default), sjf, srtf, rr, mlfq,
                       priority, priority-np (a lesson may choose its own)
    --quantum N        time slice for --sched rr and mlfq (default 2; mlfq doubles it
                       at each lower queue); steps per turn for --policy rr (default 3)
    --cores N          how many processes may run at once (default 1)
    --free             open the gates: real parallel threads, the OS schedules
    --max-steps N      stop after N steps (the run ends as 'limit')
    --schedule S       follow a schedule a run printed (then the policy), e.g. --schedule a3ba
    --challenge        play the lesson's challenge: you schedule (manual), to reach its goal;
                       headless, the last line says whether the run (--schedule) met it
    --seeds A..B       compare-variants: every variant under each seed from A to B
                       (at most 1000 seeds), counted per variant
    --lang zh|en       language of the lesson, the TUI and the transcript (L switches the TUI)
    --record FILE      record what the TUI draws as an asciicast v2 file (FILE.cast)
    --keys "SCRIPT"    drive the lesson by a key script, e.g. "2s n n n space 5s b q";
                       with --record it needs no terminal and gives the same bytes each time;
                       also n*44, title "…", say "…" (or say zh:"…" en:"…"), goto N,
                       until broken, until end, speed N
    --pause-at-beats S with --keys: hold the screen S seconds at each beat (a caption,
                       a broken invariant, the end)
    --size COLSxROWS   a fixed frame size, e.g. 100x30
    --show-keys        draw each key pressed on screen for a moment
    --<option> N       a lesson's own option, e.g. --clients 100 for ticket

  Examples
    $ npx conc-tui ktv
    $ npx conc-tui ticket:unsafe --headless
    $ npx conc-tui bank:lock --json --seed 7
    $ npx conc-tui round-robin --sched mlfq --cores 2
    $ npx conc-tui compare fcfs,sjf,srtf,rr,mlfq --jobs sjf --quantum 3
    $ npx conc-tui compare-variants ticket --clients 3 --seed 2
    $ npx conc-tui compare-variants bank --seeds 1..50
    $ npx conc-tui ktv --seed 1 --keys "1s n n n 2s space 3s q" --size 100x30 --record ktv.cast
`;

export interface Args {
	command: 'list' | 'run' | 'compare' | 'explore' | 'compare-variants' | 'menu';
	spec?: string;
	/** CPU scheduling policy of work(). */
	sched?: string;
	/** compare: the policies (comma-separated) and the job set (a lesson, or a job list). */
	policies?: string;
	jobs?: string;
	json: boolean;
	headless: boolean;
	seed?: number;
	policy?: string;
	quantum?: number;
	cores?: number;
	free: boolean;
	maxSteps?: number;
	lang?: 'zh' | 'en';
	paused: boolean;
	speed?: number;
	/** Lesson options (`--clients 100`). */
	options: Record<string, number>;
	/** Where to write the asciicast. */
	record?: string;
	/** The key script, parsed. */
	keys?: ScriptStep[];
	size?: {columns: number; rows: number};
	showKeys: boolean;
	/** Seconds a key script's recording holds still at each beat. */
	pauseAtBeats?: number;
	/** A schedule to follow; explore's flags, checked by cli/explore.ts. */
	schedule?: string;
	/** Play the variant's challenge (view/challenge.ts): the TUI in manual mode with its goal; headless, its outcome. */
	challenge: boolean;
	explore?: {runs?: string; strategy?: string; depth?: string};
	/** compare-variants: the seeds as given (`1..50`), checked by cli/compare-variants.ts. */
	seeds?: string;
}

/** How a lesson is to be run, as the flags say: the same for a headless run, the TUI and a recording. */
export function runSettings(args: Args) {
	return {
		seed: args.seed,
		policy: args.policy,
		quantum: args.quantum,
		sched: args.sched,
		cores: args.cores,
		free: args.free,
		options: args.options,
		maxSteps: args.maxSteps,
	};
}

const KNOWN = new Set(['sched', 'jobs', 'json', 'headless', 'seed', 'policy', 'quantum', 'cores', 'free', 'maxSteps', 'lang', 'paused', 'speed', 'record', 'keys', 'size', 'showKeys', 'pauseAtBeats', 'help', 'version', 'schedule', 'challenge', 'runs', 'strategy', 'depth', 'seeds']);

const BOOLEAN = ['json', 'headless', 'free', 'paused', 'show-keys', 'challenge'];
const VALUED = ['seed', 'policy', 'sched', 'jobs', 'quantum', 'cores', 'max-steps', 'lang', 'speed', 'record', 'keys', 'size', 'pause-at-beats', 'schedule', 'runs', 'strategy', 'depth', 'seeds'];

/**
 * What meow would take silently or turn into a stack trace, refused first:
 * a flag given twice (its value would be an array), a value given to a
 * switch (`--free=maybe`), and names of Object.prototype (`--constructor`,
 * `--__proto__`), which the parser would read as properties every object has.
 */
function checkArgv(argv: readonly string[]): void {
	const seen = new Set<string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') break;
		const m = /^--?([^=]*)(=.*)?$/s.exec(arg);
		if (!m || /^-\d/.test(arg)) continue;
		const name = m[1]!.replace(/^no-/, '');
		const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
		if (!/^[A-Za-z][\w-]*$/.test(name) || name in Object.prototype || camel in Object.prototype || name.startsWith('__')) {
			throw new InputError(`unknown option '${arg.split('=')[0]}'`);
		}
		const kebab = camel.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
		if (seen.has(kebab)) throw new InputError(`--${kebab} is given twice; give it once`);
		seen.add(kebab);
		if (m[2] !== undefined && BOOLEAN.includes(kebab)) throw new InputError(`--${kebab} is a switch and takes no value, not '${arg}'`);
		// The next word is this flag's value, whatever it looks like: `--keys "- - q"` presses minus.
		if (m[2] === undefined && VALUED.includes(kebab)) i++;
	}
}

/**
 * `--keys "- q"` as `--keys=- q`: the parser would take a value that starts
 * with a dash for a flag of its own and leave the flag empty.
 */
function joinValues(argv: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') {
			out.push(...argv.slice(i));
			break;
		}
		const m = /^--([a-z][\w-]*)$/i.exec(arg);
		const kebab = m?.[1]!.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
		if (kebab !== undefined && VALUED.includes(kebab) && i + 1 < argv.length) out.push(`${arg}=${argv[++i]}`);
		else out.push(arg);
	}
	return out;
}

/** `menu`: no lesson named is the lesson menu (the CLI says so when both ends are a terminal), not an error. */
export function parseArgs(argv: string[], {menu = false}: {menu?: boolean} = {}): Args {
	checkArgv(argv);
	const cli = parsed(joinValues(argv));
	const [first, ...rest] = cli.input;
	if (!first && menu && !cli.flags.json && !cli.flags.headless) return menuArgs(cli.flags);
	if (!first) throw new InputError(`name a lesson, e.g. 'conc-tui ktv'; 'conc-tui list' shows them all`);
	const compare = first === 'compare';
	const explore = first === 'explore';
	const variants = first === 'compare-variants';
	if (explore && !rest[0]) throw new InputError(`name a lesson to explore, e.g. 'conc-tui explore bank:unsafe'`);
	if (variants && !rest[0]) throw new InputError(`name a lesson whose variants to compare, e.g. 'conc-tui compare-variants ticket'`);
	if (!variants && cli.flags.seeds !== undefined) throw new InputError(`--seeds goes with 'conc-tui compare-variants'; one run takes --seed N`);
	if (!explore && (cli.flags.runs ?? cli.flags.strategy ?? cli.flags.depth) !== undefined) throw new InputError(`--runs, --strategy and --depth go with 'conc-tui explore'`);
	if (rest.length > (compare || explore || variants ? 1 : 0)) throw new InputError(`unexpected argument '${rest[compare || explore || variants ? 1 : 0]}'`);
	const f = cli.flags;
	if (f.jobs !== undefined && !compare) throw new InputError(`--jobs goes with 'conc-tui compare'`);
	if (f.sched !== undefined && compare) throw new InputError(`compare takes its policies as its argument: 'conc-tui compare ${f.sched}'`);
	const options: Record<string, number> = {};
	for (const [key, value] of Object.entries(f)) {
		if (KNOWN.has(key)) continue;
		const flag = key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
		// Judged against the lesson's own options once it is loaded (resolveRequest): a misspelt
		// flag is told as one the lesson does not have, whatever value it was given.
		options[flag] = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
	}
	if (f.lang !== undefined && f.lang !== 'zh' && f.lang !== 'en') throw new InputError(`--lang must be zh or en, not '${f.lang}'`);
	const screenFlag = ([['record', f.record], ['keys', f.keys], ['size', f.size], ['show-keys', f.showKeys || undefined]] as const).find(([, v]) => v !== undefined)?.[0];
	if (screenFlag && (compare || variants || first === 'list' || f.json || f.headless)) throw new InputError(`--${screenFlag} goes with the TUI of a lesson, not with ${compare ? 'compare' : variants ? 'compare-variants' : first === 'list' ? 'list' : f.json ? '--json' : '--headless'}`);
	if (f.pauseAtBeats !== undefined && f.keys === undefined) throw new InputError(`--pause-at-beats goes with a key script (--keys)`);
	if (f.record !== undefined && !f.record.trim()) throw new InputError(`--record needs a file name, e.g. --record ktv.cast`);
	if (f.challenge && (compare || explore || variants || first === 'list')) throw new InputError(`--challenge goes with a lesson, e.g. 'conc-tui ticket:unsafe --challenge'`);
	if (f.challenge && f.free) throw new InputError(`--challenge is played by choosing who runs next: not with --free, where the OS chooses`);
	return {
		command: first === 'list' ? 'list' : compare ? 'compare' : explore ? 'explore' : variants ? 'compare-variants' : 'run',
		spec: explore || variants ? rest[0] : first,
		sched: f.sched,
		policies: compare ? rest[0] : undefined,
		jobs: f.jobs,
		json: f.json,
		headless: f.headless,
		seed: optional('seed', f.seed, 0, 2 ** 32 - 1),
		policy: f.policy,
		quantum: optional('quantum', f.quantum, 1, 1000),
		cores: optional('cores', f.cores, 1, 64),
		free: f.free,
		maxSteps: optional('max-steps', f.maxSteps, 1, 1e9),
		lang: f.lang as Args['lang'],
		paused: f.paused,
		speed: f.speed === undefined ? undefined : positive('speed', f.speed),
		options,
		record: f.record,
		keys: f.keys === undefined ? undefined : keyScript(f.keys),
		size: f.size === undefined ? undefined : size(f.size),
		showKeys: f.showKeys,
		pauseAtBeats: f.pauseAtBeats === undefined ? undefined : positive('pause-at-beats', f.pauseAtBeats),
		schedule: f.schedule,
		challenge: f.challenge,
		explore: explore ? {runs: f.runs, strategy: f.strategy, depth: f.depth} : undefined,
		seeds: f.seeds,
	};
}

/** The menu's flags: the language, the speed and the screen's; a lesson's own are refused (which lesson would they go to?). */
function menuArgs(f: ReturnType<typeof parsed>['flags']): Args {
	const lessonFlag = Object.entries(f).find(([key, value]) => value !== undefined && value !== false && !['lang', 'speed', 'record', 'size', 'showKeys', 'json', 'headless', 'paused'].includes(key))?.[0];
	if (lessonFlag) throw new InputError(`--${lessonFlag.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)} goes with a lesson, e.g. 'conc-tui ktv --${lessonFlag.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)} …'; 'conc-tui' alone opens the menu`);
	if (f.lang !== undefined && f.lang !== 'zh' && f.lang !== 'en') throw new InputError(`--lang must be zh or en, not '${f.lang}'`);
	if (f.record !== undefined && !f.record.trim()) throw new InputError(`--record needs a file name, e.g. --record menu.cast`);
	return {
		command: 'menu',
		json: false,
		headless: false,
		free: false,
		paused: f.paused,
		lang: f.lang as Args['lang'],
		speed: f.speed === undefined ? undefined : positive('speed', f.speed),
		options: {},
		record: f.record,
		size: f.size === undefined ? undefined : size(f.size),
		showKeys: f.showKeys,
		challenge: false,
	};
}

/** meow's reading of the command line; what it refuses (a flag set twice) is bad input. */
function parsed(argv: string[]) {
	try {
		return meow(HELP, {
			importMeta: import.meta,
			argv,
			autoHelp: true,
			autoVersion: true,
			allowUnknownFlags: true,
			flags: {
				json: {type: 'boolean', default: false},
				headless: {type: 'boolean', default: false},
				seed: {type: 'string'},
				policy: {type: 'string'},
				sched: {type: 'string'},
				jobs: {type: 'string'},
				quantum: {type: 'string'},
				cores: {type: 'string'},
				free: {type: 'boolean', default: false},
				maxSteps: {type: 'string'},
				lang: {type: 'string'},
				paused: {type: 'boolean', default: false},
				speed: {type: 'string'},
				record: {type: 'string'},
				keys: {type: 'string'},
				size: {type: 'string'},
				showKeys: {type: 'boolean', default: false},
				pauseAtBeats: {type: 'string'},
				schedule: {type: 'string'},
				challenge: {type: 'boolean', default: false},
				runs: {type: 'string'},
				strategy: {type: 'string'},
				depth: {type: 'string'},
				seeds: {type: 'string'},
			},
		});
	} catch (error) {
		throw new InputError((error as Error).message.replace(/^The flag/, 'the flag'));
	}
}

function keyScript(script: string): ScriptStep[] {
	try {
		const steps = parseKeyScript(script);
		if (steps.length === 0) throw new InputError(`--keys needs a script, e.g. --keys "2s n n n space 5s q"`);
		return steps;
	} catch (error) {
		if (error instanceof KeyScriptError) throw new InputError(`--keys: ${error.message.replace(/^key script: /, '')}`);
		throw error;
	}
}

function size(value: string): {columns: number; rows: number} {
	const m = /^(\d+)x(\d+)$/i.exec(value.trim());
	const columns = Number(m?.[1]);
	const rows = Number(m?.[2]);
	if (!m || columns < 20 || columns > 500 || rows < 5 || rows > 200) {
		throw new InputError(`--size must be COLSxROWS, from 20x5 to 500x200, e.g. 100x30, not '${value}'`);
	}
	return {columns, rows};
}

function wholeNumber(flag: string, value: unknown): number {
	const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : typeof value === 'number' && Number.isInteger(value) ? value : NaN;
	if (!Number.isFinite(n)) throw new InputError(`--${flag} needs a whole number, not '${String(value)}'`);
	return n;
}

function optional(flag: string, value: string | undefined, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	const n = wholeNumber(flag, value);
	if (n < min || n > max) throw new InputError(`--${flag} must be from ${min} to ${max}, not ${n}`);
	return n;
}

function positive(flag: string, value: string): number {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) throw new InputError(`--${flag} needs a positive number, not '${value}'`);
	return n;
}
