/**
 * One run, as the main thread sees it: a warm engine host executes it
 * (host/host.ts) and sends the trace in batches, which go through the
 * verdicts (view/verdicts.ts) to the caller, in order.
 *
 * The watchdog: lesson code that never reaches a gate (a busy loop) holds
 * the host's thread, and the host cannot report it. The host marks in shared
 * words when lesson code has control and how many times control has been
 * handed to it; a mark that stands still for `busyKillMs` is a busy loop.
 * The host is then ended, and the run is executed again on a fresh one up to
 * that very hand-over (runs are deterministic; manual picks are answered
 * from what was picked), where the looping process is ended instead. The
 * events the caller has already had are not sent again, so the caller sees
 * one trace: the run up to the loop, the loop reported and its process
 * terminated, and the rest of the run.
 *
 * Whatever ends the run (its end, a stop, a failure), its folder is removed.
 */
import {rmSync} from 'node:fs';
import {BEAT_ENTRIES, BEAT_IN_LESSON, BEAT_WORDS, type FromHost, type PickCandidate, type RunSpec} from '../engine/host-protocol.js';
import type {Candidate} from '../engine/policies.js';
import type {Outcome, TraceEvent} from '../engine/trace.js';
import type {Invariant} from '../scenario/define.js';
import type {ViewState} from '../view/state.js';
import {Verdicts} from '../view/verdicts.js';
import {hosts, type Host} from './pool.js';

export interface RunResult {
	outcome: Outcome;
	steps: number;
	time: number;
	/** Invariants expected to hold that broke. */
	broken: string[];
	state: ViewState;
}

/** What a caller can do to a run in progress. */
export interface RunHandle {
	/** Ends the run now (its host stops it, or is ended if it will not); its folder is removed. */
	stop(): Promise<void>;
}

let nextId = 0;
/** How often the watchdog looks, in ms. */
const WATCH_MS = 50;
/** How long a stopped run's host may take to answer before it is ended. */
const STOP_GRACE_MS = 1000;

export class RunClient implements RunHandle {
	readonly done: Promise<RunResult>;
	private resolve!: (r: RunResult) => void;
	private reject!: (e: Error) => void;
	private host: Host | undefined;
	private id = 0;
	/** The watchdog words of the current host's run (new for each launch). */
	private beats!: Int32Array;
	private readonly verdicts: Verdicts;
	/** Events passed to the caller so far; a re-executed run skips as many. */
	private delivered = 0;
	private skip = 0;
	/** Manual picks made so far, in order: a re-executed run is given them again. */
	private readonly picks: number[] = [];
	private pickAt = 0;
	private watch: NodeJS.Timeout | undefined;
	private over = false;
	private stopping = false;

	constructor(
		private spec: RunSpec,
		invariants: readonly Invariant[],
		private readonly pick: ((ready: readonly Candidate[]) => Promise<number>) | undefined,
		private readonly onEvent: (e: TraceEvent) => void,
	) {
		this.verdicts = new Verdicts(invariants, spec.variant);
		this.done = new Promise<RunResult>((resolve, reject) => {
			this.resolve = resolve;
			this.reject = reject;
		});
		// The caller may attach its handlers after this returns.
		this.done.catch(() => {});
		this.launch();
	}

	async stop(): Promise<void> {
		if (this.over) return;
		this.stopping = true;
		const host = this.host;
		if (!host) return this.finish();
		host.worker.postMessage({type: 'stop', id: this.id});
		const answered = await Promise.race([this.done.then(() => true, () => true), new Promise<false>(resolve => setTimeout(() => resolve(false), STOP_GRACE_MS).unref())]);
		if (!answered) {
			await hosts.discard(host);
			this.finish();
		}
	}

	private launch(): void {
		const host = hosts.take();
		this.host = host;
		this.id = ++nextId;
		const id = this.id;
		this.beats = new Int32Array(new SharedArrayBuffer(BEAT_WORDS * 4));
		this.pickAt = 0;
		host.worker.on('message', (m: FromHost) => {
			if (m.id === id) this.onMessage(m);
		});
		void host.exited.then(() => {
			if (this.host === host && !this.over) this.fail(new Error('the engine stopped unexpectedly'));
		});
		host.worker.postMessage({type: 'run', id, spec: this.spec, beats: this.beats.buffer as SharedArrayBuffer});
		this.watchdog();
	}

	private onMessage(m: FromHost): void {
		switch (m.type) {
			case 'events':
				for (const e of JSON.parse(m.json) as TraceEvent[]) {
					if (this.skip > 0) {
						this.skip--;
						continue;
					}
					this.delivered++;
					this.verdicts.push(e, this.onEvent);
				}
				break;
			case 'pick':
				// A pick that is refused (the viewer left) ends the run: nobody is left to choose.
				this.answer(m.ready).catch(() => void this.stop());
				break;
			case 'done':
				this.finish({outcome: m.outcome, steps: m.steps, time: m.time});
				break;
			case 'failed':
				this.fail(new Error(m.message));
				break;
		}
	}

	private async answer(ready: PickCandidate[]): Promise<void> {
		const id = this.id;
		const at = this.pickAt++;
		let index = this.picks[at];
		if (index === undefined) {
			if (!this.pick) return;
			index = await this.pick(ready);
			this.picks[at] = index;
		}
		if (this.id === id) this.host?.worker.postMessage({type: 'picked', id, index});
	}

	/** Looks for lesson code that holds the host and never lets go. */
	private watchdog(): void {
		clearInterval(this.watch);
		let entries = -1;
		let since = performance.now();
		this.watch = setInterval(() => {
			const inLesson = Atomics.load(this.beats, BEAT_IN_LESSON) === 1;
			const now = Atomics.load(this.beats, BEAT_ENTRIES);
			if (!inLesson || now !== entries) {
				entries = now;
				since = performance.now();
				return;
			}
			if (this.spec.busyKillMs > 0 && performance.now() - since >= this.spec.busyKillMs && !this.stopping) this.reexecute(entries);
		}, WATCH_MS);
		this.watch.unref();
	}

	/** The host is held by a busy loop at hand-over `entry`: end it, and run again with that process ended there. */
	private reexecute(entry: number): void {
		const host = this.host!;
		this.host = undefined;
		void hosts.discard(host);
		this.skip = this.delivered;
		this.spec = {...this.spec, killAt: entry};
		this.launch();
	}

	private finish(engine?: {outcome: Outcome; steps: number; time: number}): void {
		if (this.over) return;
		this.over = true;
		clearInterval(this.watch);
		if (this.host && engine) hosts.give(this.host);
		this.host = undefined;
		rmSync(this.spec.workdir, {recursive: true, force: true});
		const state = this.verdicts.state;
		this.resolve({outcome: engine?.outcome ?? 'limit', steps: engine?.steps ?? state.step, time: engine?.time ?? state.time, broken: this.verdicts.brokenNames, state});
	}

	private fail(error: Error): void {
		if (this.over) return;
		this.over = true;
		clearInterval(this.watch);
		if (this.host) void hosts.discard(this.host);
		this.host = undefined;
		rmSync(this.spec.workdir, {recursive: true, force: true});
		this.reject(error);
	}
}
