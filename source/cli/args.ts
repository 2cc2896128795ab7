/**
 * The command line: flags parsed by meow, then checked, into a request. Bad
 * input becomes an InputError with one clear line (the CLI exits 2).
 */
import meow from 'meow';
import {InputError} from '../scenario/load.js';

export const HELP = `
  Usage
    $ conc-tui <lesson>[:variant] [options]
    $ conc-tui list
    $ conc-tui compare [fcfs,sjf,srtf,rr,mlfq] [--jobs <lesson> | --jobs 'A@0:5,B@1:3/2/1'] [--quantum N]

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
    --lang zh|en       language of titles and captions
    --<option> N       a lesson's own option, e.g. --clients 100 for ticket

  Examples
    $ npx conc-tui ktv
    $ npx conc-tui ticket:unsafe --headless
    $ npx conc-tui bank:lock --json --seed 7
    $ npx conc-tui round-robin --sched mlfq --cores 2
    $ npx conc-tui compare fcfs,sjf,srtf,rr,mlfq --jobs sjf --quantum 3
`;

export interface Args {
	command: 'list' | 'run' | 'compare';
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
}

const KNOWN = new Set(['sched', 'jobs', 'json', 'headless', 'seed', 'policy', 'quantum', 'cores', 'free', 'maxSteps', 'lang', 'paused', 'speed', 'help', 'version']);

export function parseArgs(argv: string[]): Args {
	const cli = meow(HELP, {
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
		},
	});
	const [first, ...rest] = cli.input;
	if (!first) throw new InputError(`name a lesson, e.g. 'conc-tui ktv'; 'conc-tui list' shows them all`);
	const compare = first === 'compare';
	if (rest.length > (compare ? 1 : 0)) throw new InputError(`unexpected argument '${rest[compare ? 1 : 0]}'`);
	const f = cli.flags;
	if (f.jobs !== undefined && !compare) throw new InputError(`--jobs goes with 'conc-tui compare'`);
	if (f.sched !== undefined && compare) throw new InputError(`compare takes its policies as its argument: 'conc-tui compare ${f.sched}'`);
	const options: Record<string, number> = {};
	for (const [key, value] of Object.entries(f)) {
		if (KNOWN.has(key)) continue;
		const flag = key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
		options[flag] = wholeNumber(flag, value);
	}
	if (f.lang !== undefined && f.lang !== 'zh' && f.lang !== 'en') throw new InputError(`--lang must be zh or en, not '${f.lang}'`);
	return {
		command: first === 'list' ? 'list' : compare ? 'compare' : 'run',
		spec: first,
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
	};
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
