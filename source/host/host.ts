/**
 * The entry point of an engine host: the worker thread a run executes in.
 * A host is booted once and runs one run after another (run/pool.ts). In
 * controlled mode the run's processes live here too, beside the step loop;
 * in free mode they live on this host's cores (host/cores.ts), other worker
 * threads that run in parallel. The trace goes to the main thread in
 * batches, in order. A host never imports React or Ink.
 */
import {parentPort} from 'node:worker_threads';
import {makeCpuPolicy} from '../engine/cpu/index.js';
import {resetCurrent} from '../engine/current.js';
import {Engine} from '../engine/engine.js';
import type {FromHost, RunSpec, ToHost} from '../engine/host-protocol.js';
import {namedPolicy, replay, type Candidate} from '../engine/policies.js';
import type {TraceEvent} from '../engine/trace.js';
import {CoreSet} from './cores.js';
import {containLessonIo} from './lesson-io.js';
import {startLesson} from './lesson-process.js';
// Registers how each primitive is rebuilt from a handle.
import '../scenario/api.js';

const port = parentPort!;
process.setSourceMapsEnabled(true);
containLessonIo();

/** Free-mode cores, booted at the first free run and kept for the next. */
let cores: CoreSet | undefined;

interface Live {
	engine: Engine;
	/** The manual policy's question, while it waits for the answer (one at a time: the loop awaits it). */
	answer?: (index: number) => void;
}

const runs = new Map<number, Live>();

function send(m: FromHost): void {
	port.postMessage(m);
}

port.on('message', (m: ToHost) => {
	if (m.type === 'run') void execute(m.id, m.spec, new Int32Array(m.beats));
	else if (m.type === 'picked') {
		const live = runs.get(m.id);
		const answer = live?.answer;
		if (live) live.answer = undefined;
		answer?.(m.index);
	} else if (m.type === 'stop') void runs.get(m.id)?.engine.stop();
});

async function execute(id: number, spec: RunSpec, beats: Int32Array): Promise<void> {
	let buffer: TraceEvent[] = [];
	let scheduled = false;
	const flush = () => {
		scheduled = false;
		if (buffer.length === 0) return;
		send({type: 'events', id, json: JSON.stringify(buffer)});
		buffer = [];
	};
	const onEvent = (e: TraceEvent) => {
		buffer.push(e);
		if (buffer.length >= 512) flush();
		else if (!scheduled) {
			scheduled = true;
			setImmediate(flush);
		}
	};
	const live: Live = {engine: undefined!};
	const pick = (ready: readonly Candidate[]): Promise<number> => {
		flush();
		return new Promise<number>(resolve => {
			live.answer = resolve;
			send({type: 'pick', id, ready: ready.map(c => ({name: c.name, readySince: c.readySince}))});
		});
	};
	try {
		let policy = namedPolicy(spec.policy, spec.seed, spec.quantum, pick);
		if (spec.replay.length > 0) policy = replay(spec.replay, policy);
		resetCurrent();
		if (spec.free) {
			cores ??= new CoreSet();
			// At least two threads (or --cores); up to eight, one per process the lesson expects: a thread
			// with one task needs no context per task, and one with several pays for it on every promise.
			await cores.prepare(Math.max(2, spec.cores, Math.min(spec.processes, 8)));
		}
		live.engine = new Engine({
			...spec,
			policy,
			cpu: makeCpuPolicy(spec.sched, spec.schedQuantum),
			startProcess: startLesson,
			coreThreads: spec.free ? cores : undefined,
			beats,
			onEvent,
		});
		runs.set(id, live);
		const result = await live.engine.run();
		flush();
		send({type: 'done', id, ...result});
	} catch (error) {
		flush();
		send({type: 'failed', id, message: error instanceof Error ? error.message : String(error)});
	} finally {
		runs.delete(id);
		if (spec.free) cores?.reset();
		else resetCurrent();
	}
}
