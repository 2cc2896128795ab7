/**
 * Scheduling policies: pure oracles. Given the ready tasks (in the order they
 * became ready) and what ran last, a policy names the task to grant next. One
 * policy per function; `manual` defers to a chooser outside the engine (a
 * key press), `replay` follows a recorded list of choices and then hands over.
 */
import {Rng} from './rng.js';

export interface Candidate {
	/** The task's name in the trace. */
	name: string;
	/** When it last became ready, in the engine's own counter (lower = earlier). */
	readySince: number;
}

export interface Context {
	/** The task granted at the previous step, if any. */
	last: string | undefined;
	step: number;
	/**
	 * Offered to a policy that takes time moves (`timeMoves`): a sleep or a
	 * timeout could end now, at this instant, while tasks are ready. Choosing
	 * index `ready.length` runs the clock to it instead of granting a task.
	 */
	clock?: number;
}

/** The name a clock move has where tasks are named (a manual pick, a followed schedule). */
export const CLOCK = '⏱ clock';
/** A clock move in a schedule's choices (written `.` in its string). */
export const CLOCK_MOVE = -1;

export interface Policy {
	readonly name: string;
	/** Returns an index into `ready` (never empty). May be async (manual). */
	choose(ready: readonly Candidate[], context: Context): number | Promise<number>;
	/**
	 * Told of a choice made for it (while a replay leads), so its own state
	 * (a random stream, a quantum) stays as if it had chosen: a replayed prefix
	 * followed by the policy then gives the very run that was recorded.
	 */
	observe?(ready: readonly Candidate[], context: Context, chosen: number): void;
	/**
	 * Whether running the clock to the next timer is one of its choices
	 * (index `ready.length`, when the context offers `clock`). Policies
	 * without it never wait for a timer while a task is ready, so the default
	 * runs' traces are what they were.
	 */
	readonly timeMoves?: boolean;
}

export const POLICY_NAMES = ['random', 'fifo', 'rr', 'manual', 'replay'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/** Oldest ready task first; a task that keeps running stays at the front. */
export function fifo(): Policy {
	return {
		name: 'fifo',
		choose(ready) {
			let best = 0;
			for (let i = 1; i < ready.length; i++) if (ready[i]!.readySince < ready[best]!.readySince) best = i;
			return best;
		},
	};
}

/** A uniformly random ready task, from the run's seed. */
export function random(seed: number): Policy {
	const rng = new Rng(seed ^ 0x5bd1e995);
	return {name: 'random', choose: ready => rng.below(ready.length), observe: ready => void rng.below(ready.length)};
}

/**
 * Round robin: the last task keeps the grant for `quantum` steps while it is
 * ready, then goes to the back; the oldest ready task runs next.
 */
export function roundRobin(quantum = 3): Policy {
	let used = 0;
	const order = fifo();
	return {
		name: 'rr',
		observe(ready, {last}, chosen) {
			used = ready[chosen]?.name === last ? used + 1 : 1;
		},
		choose(ready, {last}) {
			const again = ready.findIndex(c => c.name === last);
			if (again >= 0 && used < quantum) {
				used++;
				return again;
			}
			used = 1;
			const others = ready.filter(c => c.name !== last);
			if (others.length === 0) return again;
			const pick = others[order.choose(others, {last, step: 0}) as number]!;
			return ready.indexOf(pick);
		},
	};
}

/** The choice comes from outside (a key press); `pick` is called with the ready list. */
export function manual(pick: (ready: readonly Candidate[]) => Promise<number>): Policy {
	// The clock is offered as one more row, after the tasks: picking it lets the next timer fire.
	return {name: 'manual', timeMoves: true, choose: (ready, {clock}) => pick(clock === undefined ? ready : [...ready, {name: CLOCK, readySince: Number.MAX_SAFE_INTEGER}])};
}

/**
 * Follows recorded choices (task names, one per step), then hands over to
 * `then`. A recorded name that is not ready is an error: the run diverged.
 */
export function replay(choices: readonly string[], then: Policy): Policy {
	let at = 0;
	return {
		name: `replay+${then.name}`,
		timeMoves: choices.includes(CLOCK) || then.timeMoves === true,
		choose(ready, context) {
			if (at >= choices.length) return then.choose(ready, context);
			const name = choices[at++]!;
			if (name === CLOCK && context.clock !== undefined) return ready.length;
			const i = ready.findIndex(c => c.name === name);
			if (i < 0) throw new Error(`replay diverged at step ${context.step}: ${name} is not ready (ready: ${ready.map(c => c.name).join(', ')})`);
			then.observe?.(ready, context, i);
			return i;
		},
	};
}

/** A step policy by its name, as the CLI takes it; `pick` answers for `manual`. */
export function namedPolicy(name: string, seed: number, quantum: number, pick?: (ready: readonly Candidate[]) => Promise<number>): Policy {
	const composed = policyExpression(name, seed, quantum, pick);
	if (composed) return composed;
	switch (name) {
		case 'random':
			return random(seed);
		case 'fifo':
			return fifo();
		case 'rr':
			return roundRobin(quantum);
		case 'manual':
			if (!pick) throw new Error('--policy manual needs the TUI: it asks you which task runs next');
			return manual(pick);
		default:
			throw new Error(`unknown policy '${name}'; policies: random, fifo, rr, manual`);
	}
}

// ---- schedules as values, and the policies a search over them needs --------

/**
 * A schedule: the choice made at each step, as an index into the ready list
 * (the ready tasks in the order they were created), written compactly so it
 * can be copied into a shell unquoted. Index 0–25 is `a`–`z`, 26–51 `A`–`Z`,
 * anything larger `_N_` in decimal, and `.` runs the clock to the next timer
 * (a time move); a decimal count after one repeats it (`a12` is twelve
 * `a`s). `a12ba3` = first ready ×12, second, first ×3.
 * Indices rather than names: they are short, and they mean the same thing
 * for every lesson, whatever its tasks are called.
 */
export function encodeSchedule(choices: readonly number[]): string {
	let out = '';
	for (let i = 0; i < choices.length; ) {
		const c = choices[i]!;
		let n = 1;
		while (choices[i + n] === c) n++;
		const token = c === CLOCK_MOVE ? '.' : c < 26 ? String.fromCharCode(97 + c) : c < 52 ? String.fromCharCode(65 + c - 26) : `_${c}_`;
		// Two of a kind are as short written out, and easier to read.
		out += n >= 3 ? `${token}${n}` : token.repeat(n);
		i += n;
	}
	return out;
}

/** The choices a schedule string stands for; a malformed one throws, saying where. */
export function decodeSchedule(text: string): number[] {
	const out: number[] = [];
	const re = /([a-zA-Z.]|_(\d+)_)(\d*)/y;
	let at = 0;
	while (at < text.length) {
		re.lastIndex = at;
		const m = re.exec(text);
		if (!m) throw new Error(`bad schedule at character ${at + 1} ('${text[at]}'): a schedule is letters (a = the first ready task, b = the second…) and dots (. = the clock runs to the next timer), each optionally followed by a count`);
		const letter = m[1]!;
		const index = letter === '.' ? CLOCK_MOVE : m[2] !== undefined ? Number(m[2]) : letter >= 'a' ? letter.charCodeAt(0) - 97 : letter.charCodeAt(0) - 65 + 26;
		const count = m[3] ? Number(m[3]) : 1;
		if (count < 1 || count > 10_000_000) throw new Error(`bad schedule at character ${at + 1}: a count must be from 1 to 10000000`);
		for (let k = 0; k < count; k++) out.push(index);
		at = re.lastIndex;
	}
	return out;
}

/** The message a replayed schedule's divergence starts with, so a caller can tell it from a failure of the engine. */
export const SCHEDULE_DIVERGED = 'the schedule diverged';

/**
 * Follows a schedule (indices into the ready list), then hands over to
 * `then`, which observes each followed choice so its own state is as if it
 * had chosen. It takes the name of `then`: a run's full schedule replayed
 * gives the very trace it came from, byte for byte.
 */
export function replaySchedule(choices: readonly number[], then: Policy): Policy {
	let at = 0;
	return {
		name: then.name,
		choose(ready, context) {
			if (at >= choices.length) return then.choose(ready, context);
			const i = choices[at++]!;
			if (i === CLOCK_MOVE) {
				if (context.clock !== undefined) return ready.length;
				throw new Error(`${SCHEDULE_DIVERGED} at step ${context.step + 1}: it runs the clock, but no sleep or timeout can end now`);
			}
			if (i >= ready.length) throw new Error(`${SCHEDULE_DIVERGED} at step ${context.step + 1}: it picks ready task ${i + 1}, but ${ready.length} ${ready.length === 1 ? 'is' : 'are'} ready`);
			then.observe?.(ready, context, i);
			return i;
		},
		observe: (ready, context, chosen) => then.observe?.(ready, context, chosen),
		// A schedule that moves the clock offers it for the whole run: whether it is offered is part of the run, not of a step.
		timeMoves: choices.includes(CLOCK_MOVE) || then.timeMoves === true,
	};
}

/**
 * Never preempts: the last task keeps the grant while it is ready, else the
 * oldest ready task runs. A bounded search's continuation: whatever it adds
 * to a schedule costs no preemption.
 */
export function nonPreemptive(): Policy {
	const order = fifo();
	return {
		name: 'np',
		// It never moves the clock itself, but the trace then says where the clock was a choice: a search enumerates it.
		timeMoves: true,
		choose(ready, context) {
			const again = ready.findIndex(c => c.name === context.last);
			return again >= 0 ? again : (order.choose(ready, context) as number);
		},
	};
}

/**
 * PCT, probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010):
 * each task gets a random priority above `depth` when first seen, the
 * highest-priority ready task runs, and at `depth - 1` steps drawn uniformly
 * from 1..`length` the task that just ran drops to priority 1, 2… (below
 * every initial one). A bug that needs `depth` ordering constraints is found
 * with probability at least 1/(n·length^(depth-1)) a run.
 */
export function pct(seed: number, depth: number, length: number): Policy {
	const rng = new Rng(seed ^ 0x2c1b3c6d);
	const changes = new Map<number, number>();
	for (let i = 1; i < depth; i++) changes.set(1 + rng.below(Math.max(1, length)), i);
	const priority = new Map<string, number>();
	return {
		name: `pct d=${depth}`,
		choose(ready, {last, step}) {
			const drop = changes.get(step);
			if (drop !== undefined && last !== undefined) priority.set(last, drop);
			let best = 0;
			let top = -1;
			for (let i = 0; i < ready.length; i++) {
				const name = ready[i]!.name;
				let p = priority.get(name);
				if (p === undefined) priority.set(name, (p = depth + rng.random()));
				if (p > top) {
					top = p;
					best = i;
				}
			}
			return best;
		},
	};
}

/**
 * Follows task names loosely, then hands over to `then`: a name that is not
 * ready is skipped rather than a divergence, so a schedule with one choice
 * changed can still be followed as far as it makes sense (minimizing a
 * schedule tries many such).
 */
export function followNames(names: readonly string[], then: Policy): Policy {
	let at = 0;
	return {
		name: then.name,
		timeMoves: true,
		choose(ready, context) {
			while (at < names.length) {
				const name = names[at++];
				if (name === CLOCK && context.clock !== undefined) return ready.length;
				const i = ready.findIndex(c => c.name === name);
				if (i >= 0) {
					then.observe?.(ready, context, i);
					return i;
				}
			}
			return then.choose(ready, context);
		},
	};
}

/**
 * What a bare name cannot carry to the engine host, written into the policy
 * name: `schedule:<schedule>:<policy>` (follow the schedule, then the
 * policy), `follow:{"names": […], "then": <policy>}` (task names, loosely),
 * `pct:<depth>:<length>`, and `np` (never preempt).
 */
function policyExpression(name: string, seed: number, quantum: number, pick?: (ready: readonly Candidate[]) => Promise<number>): Policy | undefined {
	if (name === 'np') return nonPreemptive();
	const followed = /^schedule:([^:]*):(.+)$/.exec(name);
	if (followed) return replaySchedule(decodeSchedule(followed[1]!), namedPolicy(followed[2]!, seed, quantum, pick));
	if (name.startsWith('follow:')) {
		const {names, then} = JSON.parse(name.slice('follow:'.length)) as {names: string[]; then: string};
		return followNames(names, namedPolicy(then, seed, quantum, pick));
	}
	const p = /^pct:(\d+):(\d+)$/.exec(name);
	if (p) return pct(seed, Math.max(1, Number(p[1])), Number(p[2]));
	return undefined;
}
