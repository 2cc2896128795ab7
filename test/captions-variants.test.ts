/**
 * Captions that belong to some variants only: the CPU lessons' variants run
 * other schedulers (sjf:fcfs, mlfq:rr, mlfq:fcfs), parallel:two-cores gives
 * each task a core, and producer-consumer's JoinableQueue variants kill
 * their daemon consumers after everything is eaten. On each variant's
 * default run, the captions the Recording picks (as the screen shows them)
 * say what that variant does, never what another one does.
 */
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {Recording} from '../source/ui/recording.js';
import {runLesson} from './helpers/run.js';

const SPECS = ['sjf:sjf', 'sjf:fcfs', 'sjf:srtf', 'mlfq:mlfq', 'mlfq:rr', 'mlfq:fcfs', 'parallel:one-core', 'parallel:two-cores', 'producer-consumer:daemon', 'producer-consumer:joinable', 'producer-consumer:many'];

const seen = new Map<string, string[]>();

before(async () => {
	for (const spec of SPECS) {
		const {module, label} = resolveScenario(spec);
		const {meta} = await loadScenario(module, label);
		const {events} = await runLesson(spec, {seed: meta.defaultSeed ?? 1, lines: false, busyMs: 60_000, busyKillMs: 0});
		const rec = new Recording(meta.captions ?? []);
		for (const e of events) rec.push(e);
		seen.set(spec, [...new Set(rec.captionAt.map(([, i]) => meta.captions![i]!.text.en))]);
	}
});

function says(spec: string, yes: RegExp[], no: RegExp[]): void {
	const texts = seen.get(spec)!;
	for (const y of yes) assert.ok(texts.some(t => y.test(t)), `${spec} should say ${y}, says:\n${texts.join('\n')}`);
	for (const n of no) assert.ok(!texts.some(t => n.test(t)), `${spec} should not say ${n}, says:\n${texts.join('\n')}`);
}

describe('captions worded for their own variant', {timeout: 300_000}, () => {
	it('sjf: the shortest burst under SJF, the least time left under SRTF, arrival order under FCFS', () => {
		says('sjf:sjf', [/shortest burst goes next/, /ordered by burst length/], [/arrived first/, /least time left/]);
		says('sjf:srtf', [/least time left/, /^Preemption/], [/arrived first/]);
		says('sjf:fcfs', [/arrived first goes next/, /joins the end of the ready queue/], [/shortest burst/, /burst length/, /^Preemption/]);
	});

	it('mlfq: queues sink under MLFQ; round robin and FCFS have one ready queue', () => {
		says('mlfq:mlfq', [/down one queue/, /sink/], [/head of the ready queue/]);
		for (const spec of ['mlfq:rr', 'mlfq:fcfs']) says(spec, [/head of the ready queue|end of the ready queue/], [/down one queue/, /first queue/, /every queue above/, /sink/]);
		says('mlfq:rr', [/^Round robin, slice 1/, /back to the end of the ready queue/], []);
		says('mlfq:fcfs', [/^FCFS: in order of arrival/], [/slice is used up/]);
	});

	it('parallel: on two cores a slice ends without the other task taking over', () => {
		says('parallel:one-core', [/the other task gets the CPU: they take turns/], [/a core of its own/]);
		says('parallel:two-cores', [/a core of its own/, /each core runs a task/], [/they take turns/]);
	});

	it('producer-consumer: daemon consumers killed while producers cook (daemon), after all is eaten (JoinableQueue)', () => {
		says('producer-consumer:daemon', [/keep cooking for nobody/], [/everything made was eaten/]);
		for (const spec of ['producer-consumer:joinable', 'producer-consumer:many']) says(spec, [/everything made was eaten/, /q\.join\(\) returns/], [/cooking for nobody/]);
	});
});
