/**
 * Condition and Barrier, as threading and multiprocessing have them, over
 * their shared cores (source/primitives/condition.ts, barrier.ts) and, for a
 * Condition, the Lock it is made with.
 */
import {BarrierCore} from '../primitives/barrier.js';
import {ConditionCore} from '../primitives/condition.js';
import {BLOCKED, TIMED_OUT} from '../engine/runtime.js';
import {rt} from './context.js';
import {AssertionError, BrokenBarrierError, RuntimeError} from './errors.js';
import {type Handle, registerReviver, unmarshal} from './handles.js';
import {announce, Lock, type PyModule, RLock, seconds, ThreadingRLock} from './sync.js';

/** What each module raises for a wait or notify without the lock, in CPython 3.11's words. */
const UNOWNED: Record<PyModule, Record<'wait' | 'notify', () => Error>> = {
	threading: {
		wait: () => new RuntimeError('cannot wait on un-acquired lock'),
		notify: () => new RuntimeError('cannot notify on un-acquired lock'),
	},
	multiprocessing: {
		wait: () => new AssertionError('must acquire() condition before using wait()'),
		notify: () => new AssertionError('lock is not owned'),
	},
};

/** multiprocessing.Condition(lock=None) (an RLock by default); see ThreadingCondition for threading's. */
export class Condition {
	readonly lock: Lock;
	readonly core: ConditionCore;
	readonly id: string;

	constructor(lock: Lock | null = null, revived?: {core: ConditionCore; id: string}) {
		this.lock = lock ?? (this.module === 'threading' ? new ThreadingRLock() : new RLock());
		this.core = revived?.core ?? new ConditionCore();
		this.id = revived?.id ?? announce('cond', 'Condition', undefined, {lock: this.lock.id});
	}

	get module(): PyModule {
		return 'multiprocessing';
	}

	acquire(block = true, timeout: number | null = null): Promise<boolean> {
		return this.lock.acquire(block, timeout);
	}

	release(): Promise<void> {
		return this.lock.release();
	}

	/** `with cond:` */
	with<T>(body: () => Promise<T>): Promise<T> {
		return this.lock.with(body);
	}

	/** Whether the calling task holds the lock (a plain Lock keeps no holder: held by someone counts). */
	private owned(): boolean {
		const core = this.lock.core;
		return core.reentrant ? core.owner === rt().current.gid : core.locked;
	}

	/**
	 * Releases the lock (every level of an RLock), waits for a notify or the
	 * timeout, takes the lock again as deep as before. True unless it timed out.
	 */
	async wait(timeout: number | null = null): Promise<boolean> {
		if (!this.owned()) throw UNOWNED[this.module].wait();
		const r = rt();
		const me = r.current;
		const ticket = this.core.enter();
		if (ticket === null) throw new RuntimeError('too many waiters on one Condition');
		const depth = Math.max(1, this.lock.core.depth);
		for (let i = 0; i < depth; i++) await this.lock.release();
		const result = await r.block({op: 'wait', obj: this.id}, () => (this.core.notified(ticket) ? true : BLOCKED), {
			key: `${this.id}.${ticket}`,
			on: this.id,
			timeout: seconds(timeout),
			word: this.core.words,
			index: this.core.slotIndex(ticket),
		});
		for (let i = 0; i < depth; i++) await this.lock.acquire();
		// Notified while it timed out: it counts as notified (the notify is not lost to no one).
		const notified = this.core.leave(ticket) || result === true;
		r.emit({k: 'op', t: me.t, op: result === TIMED_OUT && !notified ? 'wait-timeout' : 'wait', obj: this.id, data: {}});
		return notified;
	}

	/** Waits until `predicate()` is truthy (or the timeout passes); returns its last value. */
	async wait_for<T>(predicate: () => T | Promise<T>, timeout: number | null = null): Promise<T> {
		const r = rt();
		const end = timeout === null ? undefined : r.now() + timeout;
		let result = await predicate();
		while (!result) {
			let wait: number | null = null;
			if (end !== undefined) {
				wait = end - r.now();
				if (wait <= 0) break;
			}
			await this.wait(wait);
			result = await predicate();
		}
		return result;
	}

	/** Wakes up to `n` of the oldest waiters (they run once they get the lock back). */
	async notify(n = 1): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'notify', obj: this.id});
		if (!this.owned()) throw UNOWNED[this.module].notify();
		const woken = r.publish(() => this.core.notify(n));
		r.emit({k: 'op', t: me.t, op: 'notify', obj: this.id, data: {woken: woken.length}});
		for (const ticket of woken) r.emit({k: 'wake', key: `${this.id}.${ticket}`, n: 1});
	}

	notify_all(): Promise<void> {
		return this.notify(Number.MAX_SAFE_INTEGER);
	}

	toHandle(): Handle {
		return {__prim: 'Condition', module: this.module, id: this.id, sab: this.core.sab, lock: this.lock.toHandle()};
	}
}

/** threading.Condition: threading's RLock by default, threading's exceptions. */
export class ThreadingCondition extends Condition {
	override get module(): PyModule {
		return 'threading';
	}
}

registerReviver('Condition', h => {
	const Kind = h.module === 'threading' ? ThreadingCondition : Condition;
	return new Kind(unmarshal(h.lock) as Lock, {core: new ConditionCore(h.sab as SharedArrayBuffer), id: h.id as string});
});

type Action = () => unknown;

/**
 * threading.Barrier / multiprocessing.Barrier(parties, action, timeout).
 * The last of `parties` to arrive runs `action` (if any) and lets them all
 * go. A Barrier sent to another process takes its action by export name,
 * as pickling would.
 */
export class Barrier {
	readonly core: BarrierCore;
	readonly id: string;
	private readonly action: Action | null;
	private readonly timeout: number | null;

	constructor(parties: number, action: Action | null = null, timeout: number | null = null, revived?: {core: BarrierCore; id: string}) {
		if (!revived && !(parties >= 1)) throw new (this.module === 'threading' ? (RuntimeError as new (m: string) => Error) : AssertionError)('parties must be >= 1');
		this.core = revived?.core ?? BarrierCore.create(parties);
		this.id = revived?.id ?? announce('barrier', 'Barrier', undefined, {parties});
		this.action = action;
		this.timeout = timeout;
	}

	get module(): PyModule {
		return 'multiprocessing';
	}

	get parties(): number {
		return this.core.parties;
	}

	get n_waiting(): number {
		return this.core.waiting;
	}

	get broken(): boolean {
		return this.core.broken;
	}

	/** Arrives and waits for the others; returns this arrival's index (0 first, parties-1 last). */
	async wait(timeout: number | null = null): Promise<number> {
		const r = rt();
		const me = r.current;
		const wait = {key: this.id, on: this.id, word: this.core.words, index: BarrierCore.SEQ};
		const arrival = await r.block({op: 'wait', obj: this.id}, () => {
			const a = this.core.arrive();
			return a === 'busy' ? BLOCKED : a;
		}, wait);
		if (arrival === 'broken' || arrival === TIMED_OUT) throw new BrokenBarrierError();
		const {index, gen} = arrival;
		r.emit({k: 'op', t: me.t, op: 'arrive', obj: this.id, data: {index, waiting: index + 1}});
		if (index === this.parties - 1) {
			try {
				await this.action?.();
			} catch (error) {
				await this.abort();
				throw error;
			}
			this.core.release(gen);
			r.emit({k: 'op', t: me.t, op: 'release', obj: this.id, data: {waiting: 0}});
			r.emit({k: 'wake', key: this.id, n: -1});
			return index;
		}
		const outcome = await r.block({op: 'wait', obj: this.id}, () => {
			const o = this.core.outcome(gen);
			return o === 'waiting' ? BLOCKED : o;
		}, {...wait, timeout: seconds(timeout ?? this.timeout)});
		if (outcome === TIMED_OUT) {
			// A wait that times out breaks the barrier for everyone, as CPython's does.
			this.core.abort();
			r.emit({k: 'wake', key: this.id, n: -1});
			throw new BrokenBarrierError();
		}
		if (outcome === 'broken') throw new BrokenBarrierError();
		return index;
	}

	/** Breaks the barrier: waiters and later arrivals get BrokenBarrierError, until reset(). */
	async abort(): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'abort', obj: this.id});
		this.core.abort();
		r.emit({k: 'op', t: me.t, op: 'abort', obj: this.id, data: {}});
		r.emit({k: 'wake', key: this.id, n: -1});
	}

	async reset(): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'reset', obj: this.id});
		this.core.reset();
		r.emit({k: 'op', t: me.t, op: 'reset', obj: this.id, data: {}});
		r.emit({k: 'wake', key: this.id, n: -1});
	}

	toHandle(): Handle {
		let action: string | null = null;
		if (this.action) {
			action = Object.entries(rt().exports).find(([, v]) => v === this.action)?.[0] ?? null;
			if (action === null) throw new TypeError(`Can't pickle the Barrier's action: it must be exported by the scenario module`);
		}
		return {__prim: 'Barrier', module: this.module, id: this.id, sab: this.core.sab, action, timeout: this.timeout};
	}
}

export class ThreadingBarrier extends Barrier {
	override get module(): PyModule {
		return 'threading';
	}
}

registerReviver('Barrier', h => {
	const Kind = h.module === 'threading' ? ThreadingBarrier : Barrier;
	const action = typeof h.action === 'string' ? (rt().exports[h.action] as Action) : null;
	return new Kind(0, action, h.timeout as number | null, {core: new BarrierCore(h.sab as SharedArrayBuffer), id: h.id as string});
});
