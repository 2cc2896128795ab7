/**
 * Lock, RLock, Semaphore, BoundedSemaphore and Event, as Python names them.
 * Each is a thin facade over its shared core (source/primitives): the facade
 * passes the task's gate, tries the core, and reports what happened; the
 * core alone decides who gets in, under real contention or none.
 */
import {LockCore} from '../primitives/lock.js';
import {SemaphoreCore} from '../primitives/semaphore.js';
import {EventCore} from '../primitives/event.js';
import {BLOCKED, TIMED_OUT, type Runtime, type Task} from '../engine/runtime.js';
import {RUN_PRIM_COUNTERS} from '../engine/protocol.js';
import {rt} from './context.js';
import {type Handle, registerReviver} from './handles.js';
import {AssertionError, OSError, RuntimeError, ValueError} from './errors.js';
import {LockError} from '../primitives/lock.js';

/**
 * Which of Python's modules a primitive is from: threading's and
 * multiprocessing's raise different exceptions for the same mistake. A plain
 * `Lock` is multiprocessing's (lessons are about processes first).
 */
export type PyModule = 'threading' | 'multiprocessing';

/** What each module raises where the shared cores refuse (LockError), in CPython 3.11's words. */
const REFUSALS: Record<PyModule, Record<'lock' | 'rlock' | 'bounded' | 'negative', () => Error>> = {
	threading: {
		lock: () => new RuntimeError('release unlocked lock'),
		rlock: () => new RuntimeError('cannot release un-acquired lock'),
		bounded: () => new ValueError('Semaphore released too many times'),
		negative: () => new ValueError('semaphore initial value must be >= 0'),
	},
	multiprocessing: {
		lock: () => new ValueError('semaphore or lock released too many times'),
		rlock: () => new AssertionError('attempt to release recursive lock not owned by thread'),
		bounded: () => new ValueError('semaphore or lock released too many times'),
		// sem_open's EINVAL, as CPython on Linux reports it.
		negative: () => new OSError('[Errno 22] Invalid argument'),
	},
};

/** Runs a core's release, raising the module's own exception if the core refuses. */
function releasing<T>(module: PyModule, what: 'lock' | 'rlock' | 'bounded', release: () => T): T {
	try {
		return release();
	} catch (error) {
		throw error instanceof LockError ? REFUSALS[module][what]() : error;
	}
}

/** Allocates a run-wide id such as `lock#1` and announces the primitive. */
export function announce(kind: string, type: string, name: string | undefined, data: Record<string, unknown>): string {
	const r = rt();
	const id = `${kind}#${Atomics.add(r.runWords, RUN_PRIM_COUNTERS[kind]!, 1) + 1}`;
	r.emit({k: 'prim', t: r.current.t, obj: id, type, name, data});
	return id;
}

/** `timeout` as Python takes it: None means for ever; a negative one has passed already (0). */
export function seconds(timeout: number | null | undefined): number | undefined {
	return timeout === null || timeout === undefined ? undefined : Math.max(0, timeout);
}

/**
 * A lock's acquire timeout: multiprocessing's default is None and a
 * negative one is 0; threading's default is -1 (for ever) and any other
 * negative one is refused.
 */
function lockTimeout(module: PyModule, block: boolean, timeout: number | null): number | undefined {
	if (module === 'multiprocessing') return seconds(timeout);
	if (timeout === -1 || timeout === null) return undefined;
	if (!block) throw new ValueError("can't specify a timeout for a non-blocking call");
	if (timeout < 0) throw new ValueError('timeout value must be positive');
	return timeout;
}

/** Settled results shared by every free-mode fast path (awaiting a settled promise costs one tick). */
const ACQUIRED: Promise<boolean> = Promise.resolve(true);
const RELEASED: Promise<void> = Promise.resolve();

/** multiprocessing.Lock / threading.Lock. */
export class Lock {
	readonly core: LockCore;
	readonly id: string;
	readonly name: string | undefined;

	/** `of`: the object this lock comes with (a Value's or an Array's own lock), for the screen. */
	constructor(options: {name?: string; of?: string} = {}, revived?: {core: LockCore; id: string}) {
		this.name = options.name;
		this.core = revived?.core ?? new LockCore(undefined, this.reentrant());
		this.id = revived?.id ?? announce(this.kind(), this.reentrant() ? 'RLock' : 'Lock', this.name, options.of ? {of: options.of} : {});
	}

	/** The module this lock is from (see {@link PyModule}). */
	get module(): PyModule {
		return 'multiprocessing';
	}

	protected reentrant(): boolean {
		return false;
	}

	protected kind(): string {
		return 'lock';
	}

	/** Waits (if `block`) until the lock is free, then holds it. Returns whether it got it. */
	acquire(block = true, timeout: number | null = null): Promise<boolean> {
		try {
			const wait = lockTimeout(this.module, block, timeout);
			const r = rt();
			const me = r.current;
			// Free mode: taken at the first compare-and-swap, or within a short spin
			// while another process holds it, without building a promise chain; the
			// hot loop of a free-mode run is mostly this and release().
			if (!r.controlled && (this.core.tryAcquire(me.gid) || (block && this.core.spinAcquire(me.gid)))) {
				this.acquired(r, me, true);
				return ACQUIRED;
			}
			return this.acquireWaiting(r, me, block, wait);
		} catch (error) {
			return Promise.reject(error);
		}
	}

	private async acquireWaiting(r: Runtime, me: Task, block: boolean, timeout: number | undefined): Promise<boolean> {
		const result = await r.block(
			{op: 'acquire', obj: this.id},
			() => (this.core.tryAcquire(me.gid) ? true : block ? BLOCKED : false),
			{
				key: this.id,
				on: this.id,
				timeout: block ? timeout : undefined,
				// Not blocking: one try in free mode too (the free wait loop has no word to watch for a lock).
				free: block ? async (ms, park) => ((await this.core.acquireFree(me.gid, ms, park, r.alone)) ? true : TIMED_OUT) : async () => this.core.tryAcquire(me.gid),
			},
		);
		const ok = result === true;
		this.acquired(r, me, ok);
		return ok;
	}

	private acquired(r: Runtime, me: Task, ok: boolean): void {
		if (r.recording) r.emit({k: 'op', t: me.t, op: ok ? 'acquire' : 'acquire-failed', obj: this.id, data: ok ? {holder: me.name, depth: this.core.depth} : {}});
	}

	/** Lets the lock go; wakes one waiter. */
	release(): Promise<void> {
		try {
			const r = rt();
			// Free mode: the gate is open, so the release happens now, with no promise chain.
			if (!r.controlled) {
				this.released(r, r.current);
				return RELEASED;
			}
			return this.releaseGated(r);
		} catch (error) {
			return Promise.reject(error);
		}
	}

	private async releaseGated(r: Runtime): Promise<void> {
		const me = await r.step({op: 'release', obj: this.id});
		this.released(r, me);
	}

	private released(r: Runtime, me: Task): void {
		const freed = r.publish(() => releasing(this.module, this.reentrant() ? 'rlock' : 'lock', () => this.core.release(me.gid)));
		if (!r.recording) return;
		// Freed: 0, not the shared word read back, which another process may already have taken in free mode.
		r.emit({k: 'op', t: me.t, op: 'release', obj: this.id, data: {holder: freed ? null : me.name, depth: freed ? 0 : this.core.depth}});
		if (freed) r.emit({k: 'wake', key: this.id, n: 1});
	}

	/** Python's `with lock:`: acquire, run, release even if it throws. */
	async with<T>(body: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await body();
		} finally {
			await this.release();
		}
	}

	locked(): boolean {
		return this.core.locked;
	}

	toHandle(): Handle {
		return {__prim: this.reentrant() ? 'RLock' : 'Lock', module: this.module, id: this.id, name: this.name, sab: this.core.sab};
	}
}

/** multiprocessing.RLock: the holder may take it again; each acquire needs a release. */
export class RLock extends Lock {
	protected override reentrant(): boolean {
		return true;
	}

	protected override kind(): string {
		return 'rlock';
	}
}

/** multiprocessing.Semaphore: a counter; acquire waits while it is zero. */
export class Semaphore {
	readonly core: SemaphoreCore;
	readonly id: string;
	readonly name: string | undefined;

	constructor(value = 1, options: {name?: string} = {}, revived?: {core: SemaphoreCore; id: string}) {
		if (value < 0) throw REFUSALS[this.module].negative();
		this.name = options.name;
		this.core = revived?.core ?? SemaphoreCore.create(value, this.bounded());
		this.id = revived?.id ?? announce('sem', this.bounded() ? 'BoundedSemaphore' : 'Semaphore', this.name, {value, initial: value});
	}

	/** The module this semaphore is from (see {@link PyModule}). */
	get module(): PyModule {
		return 'multiprocessing';
	}

	protected bounded(): boolean {
		return false;
	}

	async acquire(block = true, timeout: number | null = null): Promise<boolean> {
		const r = rt();
		const me = r.current;
		const result = await r.block({op: 'acquire', obj: this.id}, () => (this.core.tryAcquire() ? true : block ? BLOCKED : false), {
			key: this.id,
			on: this.id,
			timeout: block ? seconds(timeout) : undefined,
			word: this.core.words,
			index: this.core.seqIndex,
		});
		const ok = result === true;
		r.emit({k: 'op', t: me.t, op: ok ? 'acquire' : 'acquire-failed', obj: this.id, data: {value: this.core.value}});
		return ok;
	}

	async release(n = 1): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'release', obj: this.id});
		r.publish(() => releasing(this.module, 'bounded', () => this.core.release(n)));
		r.emit({k: 'op', t: me.t, op: 'release', obj: this.id, data: {value: this.core.value}});
		r.emit({k: 'wake', key: this.id, n});
	}

	async with<T>(body: () => Promise<T>): Promise<T> {
		await this.acquire();
		try {
			return await body();
		} finally {
			await this.release();
		}
	}

	get_value(): number {
		return this.core.value;
	}

	toHandle(): Handle {
		return {__prim: this.bounded() ? 'BoundedSemaphore' : 'Semaphore', module: this.module, id: this.id, name: this.name, sab: this.core.sab};
	}
}

/** multiprocessing.BoundedSemaphore: releasing above the initial value raises ValueError. */
export class BoundedSemaphore extends Semaphore {
	protected override bounded(): boolean {
		return true;
	}
}

/** multiprocessing.Event: a flag; wait blocks while it is false. */
export class Event {
	readonly core: EventCore;
	readonly id: string;
	readonly name: string | undefined;

	constructor(options: {name?: string} = {}, revived?: {core: EventCore; id: string}) {
		this.name = options.name;
		this.core = revived?.core ?? new EventCore();
		this.id = revived?.id ?? announce('event', 'Event', this.name, {flag: false});
	}

	is_set(): boolean {
		return this.core.isSet();
	}

	async set(): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'set', obj: this.id});
		r.publish(() => this.core.set());
		r.emit({k: 'op', t: me.t, op: 'set', obj: this.id, data: {flag: true}});
		r.emit({k: 'wake', key: this.id, n: -1});
	}

	async clear(): Promise<void> {
		const r = rt();
		const me = await r.step({op: 'clear', obj: this.id});
		r.publish(() => this.core.clear());
		r.emit({k: 'op', t: me.t, op: 'clear', obj: this.id, data: {flag: false}});
	}

	/** Blocks until the flag is true; returns the flag (false after a timeout), as CPython does. */
	async wait(timeout: number | null = null): Promise<boolean> {
		const r = rt();
		const me = r.current;
		const result = await r.block({op: 'wait', obj: this.id}, () => (this.core.isSet() ? true : BLOCKED), {
			key: this.id,
			on: this.id,
			timeout: seconds(timeout),
			word: this.core.words,
			index: this.core.seqIndex,
		});
		const ok = result === true;
		r.emit({k: 'op', t: me.t, op: ok ? 'wait' : 'wait-timeout', obj: this.id, data: {flag: this.core.isSet()}});
		return ok;
	}

	toHandle(): Handle {
		return {__prim: 'Event', id: this.id, name: this.name, sab: this.core.sab};
	}
}

/** threading's Lock: the same core, threading's exceptions. */
export class ThreadingLock extends Lock {
	override get module(): PyModule {
		return 'threading';
	}
}

export class ThreadingRLock extends RLock {
	override get module(): PyModule {
		return 'threading';
	}
}

export class ThreadingSemaphore extends Semaphore {
	override get module(): PyModule {
		return 'threading';
	}
}

export class ThreadingBoundedSemaphore extends BoundedSemaphore {
	override get module(): PyModule {
		return 'threading';
	}
}

/** Which class rebuilds a handle, by kind and module. */
const CLASSES = {
	Lock: {threading: ThreadingLock, multiprocessing: Lock},
	RLock: {threading: ThreadingRLock, multiprocessing: RLock},
	Semaphore: {threading: ThreadingSemaphore, multiprocessing: Semaphore},
	BoundedSemaphore: {threading: ThreadingBoundedSemaphore, multiprocessing: BoundedSemaphore},
} as const;

const moduleOf = (h: Handle): PyModule => (h.module === 'threading' ? 'threading' : 'multiprocessing');
for (const kind of ['Lock', 'RLock'] as const) {
	registerReviver(kind, h => new CLASSES[kind][moduleOf(h)]({name: h.name as string | undefined}, {core: new LockCore(h.sab as SharedArrayBuffer, kind === 'RLock'), id: h.id as string}));
}
for (const kind of ['Semaphore', 'BoundedSemaphore'] as const) {
	registerReviver(kind, h => new CLASSES[kind][moduleOf(h)](0, {name: h.name as string | undefined}, {core: new SemaphoreCore(h.sab as SharedArrayBuffer), id: h.id as string}));
}
registerReviver('Event', h => new Event({name: h.name as string | undefined}, {core: new EventCore(h.sab as SharedArrayBuffer), id: h.id as string}));
