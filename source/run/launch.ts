/**
 * From what a user asked for to a running engine: fills defaults from the
 * lesson, checks the options it declares, and runs it on a warm engine host
 * (run/run-client.ts), its trace passed through the verdicts on the way.
 */
import {accessSync, constants, mkdtempSync, statfsSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {decodeSchedule, namedPolicy, SCHEDULE_DIVERGED, type Policy, type Candidate} from '../engine/policies.js';
import {DEFAULT_QUANTUM, makeCpuPolicy, type CpuPolicy} from '../engine/cpu/index.js';
import type {RunSpec} from '../engine/host-protocol.js';
import type {TraceEvent} from '../engine/trace.js';
import type {LoadedScenario} from '../scenario/load.js';
import {InputError} from '../scenario/load.js';
import {RunClient, type RunHandle, type RunResult} from './run-client.js';

export type {RunHandle, RunResult} from './run-client.js';

export interface RunRequest {
	scenario: LoadedScenario;
	variant?: string;
	seed?: number;
	policy?: string;
	/** Steps per turn for the `rr` step policy, and the time slice of the `rr` and `mlfq` CPU policies. */
	quantum?: number;
	/** The CPU scheduling policy of `work()`: `fcfs` (default), `sjf`, `srtf`, `rr`, `mlfq`, `priority`, `priority-np`. */
	sched?: string;
	cores?: number;
	free?: boolean;
	options?: Record<string, number>;
	maxSteps?: number;
	lines?: boolean;
	record?: boolean;
	busyMs?: number;
	busyKillMs?: number;
	/** See RunConfig.turnMs (4 ms: keys and frames wait no longer for a run being recorded). */
	turnMs?: number;
	msPerSecond?: number;
	/** Choices to follow first (task names), then the policy. */
	replay?: readonly string[];
	/** A schedule string (engine/policies.ts, encodeSchedule) to follow exactly, then the policy. */
	schedule?: string;
	/** For `manual`: picks among the ready tasks. */
	pick?: (ready: readonly Candidate[]) => Promise<number>;
}

export interface Resolved {
	variant: string;
	seed: number;
	options: Record<string, number>;
	/** The CPU: cores and policy, from the request, else the lesson's machine, else 1 core, fcfs. */
	cores: number;
	cpu: CpuPolicy;
	/** The CPU policy's name and time slice, as given (the engine host rebuilds the policy from them). */
	sched: string;
	schedQuantum: number;
}

/** Fills in the lesson's defaults and refuses what it does not declare. */
export function resolveRequest(r: RunRequest): Resolved {
	const meta = r.scenario.meta;
	const variant = r.variant ?? meta.defaultVariant;
	if (!Object.hasOwn(meta.variants, variant)) {
		throw new InputError(`lesson ${meta.name} has no variant '${variant}'; its variants: ${Object.keys(meta.variants).join(', ')}`);
	}
	const options: Record<string, number> = {};
	for (const [name, spec] of Object.entries(meta.options ?? {})) options[name] = spec.default;
	for (const [name, value] of Object.entries(r.options ?? {})) {
		// Own options only: `--constructor` names no option of any lesson.
		const spec = meta.options && Object.hasOwn(meta.options, name) ? meta.options[name] : undefined;
		if (!spec) throw new InputError(`lesson ${meta.name} has no option --${name}${meta.options ? ` (it has: ${Object.keys(meta.options).map(o => `--${o}`).join(', ')})` : ''}`);
		if (!Number.isInteger(value) || value < spec.min || value > spec.max) throw new InputError(`--${name} must be a whole number from ${spec.min} to ${spec.max}, e.g. --${name} ${spec.default}`);
		options[name] = value;
	}
	const machine = lessonCall(meta.name, 'cpu', () => meta.cpu?.(variant, options)) ?? {};
	// The engine calls files() again when it starts; called here first so a lesson whose files()
	// throws is one line before anything runs, not an error from inside the engine.
	const files = lessonCall(meta.name, 'files', () => meta.files?.(options, variant));
	if (files !== undefined && (typeof files !== 'object' || files === null || Object.values(files).some(v => typeof v !== 'string'))) {
		throw new InputError(`lesson ${meta.name}: meta.files() must return an object of file names to strings`);
	}
	// The engine writes each into the run's own folder: a path would write outside it.
	const stray = Object.keys(files ?? {}).find(name => !/^[^/\\\0]+$/.test(name) || name === '.' || name === '..');
	if (stray !== undefined) throw new InputError(`lesson ${meta.name}: meta.files() names '${stray}', not a plain file name`);
	const sched = r.sched ?? machine.sched ?? 'fcfs';
	let cpu: CpuPolicy;
	try {
		cpu = makeCpuPolicy(sched, r.quantum ?? machine.quantum ?? DEFAULT_QUANTUM);
	} catch (error) {
		throw new InputError(`--sched: ${(error as Error).message}`);
	}
	return {variant, seed: r.seed ?? meta.defaultSeed ?? 1, options, cores: r.cores ?? machine.cores ?? 1, cpu, sched, schedQuantum: r.quantum ?? machine.quantum ?? DEFAULT_QUANTUM};
}

/** A lesson's own hook, whose failure is the lesson's fault: one line naming the lesson and the hook. */
function lessonCall<T>(lesson: string, hook: 'cpu' | 'files', call: () => T): T {
	try {
		return call();
	} catch (error) {
		throw new InputError(`lesson ${lesson}: meta.${hook}() threw: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
	}
}

export function makePolicy(name: string, seed: number, quantum: number, pick?: RunRequest['pick']): Policy {
	try {
		return namedPolicy(name, seed, quantum, pick);
	} catch (error) {
		throw new InputError((error as Error).message);
	}
}

/** Runs a lesson to its end, sending every trace event (verdicts included) to `onEvent`. */
export function createRun(r: RunRequest, onEvent: (e: TraceEvent) => void): {engine: RunHandle; done: Promise<RunResult>; resolved: Resolved} {
	const resolved = resolveRequest(r);
	const policy = r.policy ?? 'random';
	makePolicy(policy, resolved.seed, r.quantum ?? 3, r.pick);
	const scheduled = r.schedule === undefined ? undefined : scheduleOf(r.schedule);
	const meta = r.scenario.meta;
	const files = meta.files?.(resolved.options, resolved.variant) ?? {};
	const workdir = mkdtempSync(join(runFolders(), 'conc-tui-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(workdir, name), content);
	const spec: RunSpec = {
		module: r.scenario.module,
		scenario: meta.name,
		variant: resolved.variant,
		seed: resolved.seed,
		// The host builds its policy from a name; a schedule travels inside it (engine/policies.ts).
		policy: r.schedule === undefined ? policy : `schedule:${r.schedule}:${policy}`,
		quantum: r.quantum ?? 3,
		replay: r.replay ?? [],
		sched: resolved.sched,
		schedQuantum: resolved.schedQuantum,
		cores: resolved.cores,
		free: r.free ?? false,
		options: resolved.options,
		lines: r.lines ?? true,
		record: r.record ?? true,
		maxSteps: r.maxSteps ?? 1_000_000,
		busyMs: r.busyMs ?? 1000,
		busyKillMs: r.busyKillMs ?? 3000,
		turnMs: r.turnMs ?? 4,
		msPerSecond: r.msPerSecond ?? 100,
		idleMs: 2000,
		workdir,
		files,
		processes: meta.processes?.(resolved.options, resolved.variant) ?? 1,
	};
	if (!scheduled) {
		const client = new RunClient(spec, meta.invariants ?? [], r.pick, onEvent);
		return {engine: client, done: client.done, resolved};
	}
	// A schedule is followed exactly: one the run does not use up diverged as surely as one that picks past the ready list.
	let followed = 0;
	const client = new RunClient(spec, meta.invariants ?? [], r.pick, e => {
		if ((e.kind === 'state' && e.choice !== undefined) || e.kind === 'clock') followed++;
		onEvent(e);
	});
	const done = client.done.then(
		result => {
			if (followed < scheduled.length) throw new InputError(`${SCHEDULE_DIVERGED}: the run ended after ${followed} steps, and the schedule has ${scheduled.length}`);
			return result;
		},
		(error: Error) => {
			throw error.message.startsWith(SCHEDULE_DIVERGED) ? new InputError(error.message) : error;
		},
	);
	done.catch(() => {});
	return {engine: client, done, resolved};
}

/** tmpfs's magic number, as statfs gives it. */
const TMPFS = 0x01021994;
let folders: string | undefined;

/**
 * Where runs make their folders: TMPDIR when the user set it; else the
 * memory-backed /dev/shm where there is one, as a lesson's file writes there
 * cost a third of what they do on disk (a search runs thousands of them);
 * else the system's temporary folder.
 */
export function runFolders(): string {
	if (folders !== undefined) return folders;
	folders = tmpdir();
	if (process.env.TMPDIR) return folders;
	try {
		accessSync('/dev/shm', constants.W_OK);
		if (statfsSync('/dev/shm').type === TMPFS) folders = '/dev/shm';
	} catch {
		// No /dev/shm here (not Linux), or not ours to write: the temporary folder.
	}
	return folders;
}

/** A schedule string's choices; a malformed one is the user's error (an InputError: one line, exit 2). */
export function scheduleOf(text: string): number[] {
	let choices: number[];
	try {
		choices = decodeSchedule(text);
	} catch (error) {
		throw new InputError(`--schedule: ${(error as Error).message}`);
	}
	if (choices.length === 0) throw new InputError(`--schedule needs at least one choice, e.g. --schedule a3ba`);
	return choices;
}
