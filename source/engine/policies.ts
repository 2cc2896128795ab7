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
}

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
	return {name: 'manual', choose: ready => pick(ready)};
}

/**
 * Follows recorded choices (task names, one per step), then hands over to
 * `then`. A recorded name that is not ready is an error: the run diverged.
 */
export function replay(choices: readonly string[], then: Policy): Policy {
	let at = 0;
	return {
		name: `replay+${then.name}`,
		choose(ready, context) {
			if (at >= choices.length) return then.choose(ready, context);
			const name = choices[at++]!;
			const i = ready.findIndex(c => c.name === name);
			if (i < 0) throw new Error(`replay diverged at step ${context.step}: ${name} is not ready (ready: ${ready.map(c => c.name).join(', ')})`);
			then.observe?.(ready, context, i);
			return i;
		},
	};
}

/** A step policy by its name, as the CLI takes it; `pick` answers for `manual`. */
export function namedPolicy(name: string, seed: number, quantum: number, pick?: (ready: readonly Candidate[]) => Promise<number>): Policy {
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
