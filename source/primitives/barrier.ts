/**
 * The shared state of a Barrier: how many have arrived in this generation,
 * the generation, and whether it is broken. An arrival takes a short internal
 * mutex; waiters park on a sequence word bumped by every release or break.
 *
 * Contract: the `parties`-th arrival of a generation, and only it, releases
 * that generation's waiters; no waiter returns from a generation that broke
 * (abort, reset, a timeout) without knowing it broke; arrivals while the
 * last one runs the action wait for the next generation.
 */
import {lockSync, unlock} from './futex.js';

const MUTEX = 0;
const COUNT = 1; // arrivals in this generation (PARTIES while the last runs the action)
const GEN = 2;
const BROKEN = 3; // 1 while broken (abort, a timeout), until reset
const BROKEN_GEN = 4; // the last generation that ended broken
const SEQ = 5; // bumped by every release and break: what waiters park on
const PARTIES = 6;
const WORDS = 7;

/** What an arrival got: its index in the generation, or why it could not enter. */
export type Arrival = {index: number; gen: number} | 'broken' | 'busy';

export class BarrierCore {
	readonly words: Int32Array;

	constructor(readonly sab: SharedArrayBuffer) {
		this.words = new Int32Array(sab);
	}

	static create(parties: number): BarrierCore {
		const core = new BarrierCore(new SharedArrayBuffer(WORDS * 4));
		core.words[PARTIES] = parties;
		core.words[BROKEN_GEN] = -1;
		return core;
	}

	static readonly SEQ = SEQ;

	get parties(): number {
		return this.words[PARTIES]!;
	}

	get broken(): boolean {
		return Atomics.load(this.words, BROKEN) === 1;
	}

	/** How many wait in this generation. */
	get waiting(): number {
		const n = Atomics.load(this.words, COUNT);
		return n >= this.parties ? 0 : n;
	}

	/** One attempt to arrive: `busy` while the previous generation's last arrival runs the action. */
	arrive(): Arrival {
		lockSync(this.words, MUTEX);
		try {
			if (this.words[BROKEN] === 1) return 'broken';
			if (this.words[COUNT]! >= this.parties) return 'busy';
			const index = this.words[COUNT]!;
			this.words[COUNT] = index + 1;
			return {index, gen: this.words[GEN]!};
		} finally {
			unlock(this.words, MUTEX);
		}
	}

	/** The last arrival, its action done: the generation's waiters go. */
	release(gen: number): void {
		lockSync(this.words, MUTEX);
		if (this.words[GEN] === gen) {
			this.words[COUNT] = 0;
			this.words[GEN] = gen + 1;
		}
		unlock(this.words, MUTEX);
		this.bump();
	}

	/** How the generation `gen` stands for one of its waiters: still waiting, released, or broken. */
	outcome(gen: number): 'waiting' | 'released' | 'broken' {
		if (Atomics.load(this.words, BROKEN_GEN) === gen) return 'broken';
		if (Atomics.load(this.words, GEN) !== gen) return 'released';
		return Atomics.load(this.words, BROKEN) === 1 ? 'broken' : 'waiting';
	}

	/** abort(), a failed action or a timed-out wait: broken until reset. */
	abort(): void {
		lockSync(this.words, MUTEX);
		this.words[BROKEN] = 1;
		this.words[BROKEN_GEN] = this.words[GEN]!;
		unlock(this.words, MUTEX);
		this.bump();
	}

	/** reset(): whoever waits gets BrokenBarrierError; the barrier is empty and whole again. */
	reset(): void {
		lockSync(this.words, MUTEX);
		if (this.words[COUNT]! > 0 || this.words[BROKEN] === 1) this.words[BROKEN_GEN] = this.words[GEN]!;
		this.words[BROKEN] = 0;
		this.words[COUNT] = 0;
		this.words[GEN] = this.words[GEN]! + 1;
		unlock(this.words, MUTEX);
		this.bump();
	}

	private bump(): void {
		Atomics.add(this.words, SEQ, 1);
		Atomics.notify(this.words, SEQ);
	}
}
