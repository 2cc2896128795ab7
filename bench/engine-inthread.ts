/**
 * Bench-only: the controlled engine on the two-process lock ping-pong, run
 * in this thread (no engine host, no batches, no main-thread fold), so that
 * `--cpu-prof` sees the step loop and the lesson's processes. With `--fold`
 * every event also goes through the verdicts as the run client does; with
 * `--json` each is also JSON-stringified, as `--json` does.
 *
 *   node --experimental-vm-modules --cpu-prof dist/bench/engine-inthread.js [--rounds N] [--lines] [--fold] [--json] [--batch]
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {makeCpuPolicy} from '../source/engine/cpu/index.js';
import {resetCurrent} from '../source/engine/current.js';
import {Engine} from '../source/engine/engine.js';
import {namedPolicy} from '../source/engine/policies.js';
import type {TraceEvent} from '../source/engine/trace.js';
import {startLesson} from '../source/host/lesson-process.js';
import {Verdicts} from '../source/view/verdicts.js';
import {lesson} from './lib/lesson.js';
import '../source/scenario/api.js';

const {values} = parseArgs({options: {rounds: {type: 'string', default: '20000'}, reps: {type: 'string', default: '3'}, lines: {type: 'boolean', default: false}, fold: {type: 'boolean', default: false}, json: {type: 'boolean', default: false}, batch: {type: 'boolean', default: false}}});
const {scenario} = await lesson('bench/pingpong');

for (let rep = 0; rep < Number(values.reps); rep++) {
	const workdir = mkdtempSync(join(tmpdir(), 'conc-tui-bench-'));
	const verdicts = new Verdicts(scenario.meta.invariants ?? [], 'lock');
	let events = 0;
	let bytes = 0;
	const out = (e: TraceEvent) => {
		events++;
		if (values.json) bytes += JSON.stringify(e).length;
	};
	const batches: string[] = [];
	let buffer: TraceEvent[] = [];
	const batch = (e: TraceEvent) => {
		buffer.push(e);
		if (buffer.length >= 512) {
			batches.push(JSON.stringify(buffer));
			buffer = [];
		}
	};
	resetCurrent();
	const engine = new Engine({
		module: scenario.module,
		scenario: 'bench-pingpong',
		variant: 'lock',
		seed: 1,
		cores: 1,
		free: false,
		options: {rounds: Number(values.rounds)},
		lines: values.lines!,
		record: true,
		maxSteps: 100_000_000,
		busyMs: 1000,
		busyKillMs: 3000,
		turnMs: 4,
		msPerSecond: 100,
		idleMs: 2000,
		workdir,
		files: {},
		policy: namedPolicy('random', 1, 3),
		cpu: makeCpuPolicy('fcfs', 2),
		startProcess: startLesson,
		onEvent: values.batch ? batch : values.fold ? e => verdicts.push(e, out) : out,
	});
	const started = performance.now();
	const cpuAt = process.cpuUsage();
	const result = await engine.run();
	const ms = performance.now() - started;
	// CPU time too: the machine is shared, and a run that waited for a core says so in ms, not in this.
	const cpu = process.cpuUsage(cpuAt);
	const cpuUs = (cpu.user + cpu.system) / result.steps;
	rmSync(workdir, {recursive: true, force: true});
	if (values.batch) {
		batches.push(JSON.stringify(buffer));
		const at = performance.now();
		for (const json of batches) for (const e of JSON.parse(json) as TraceEvent[]) verdicts.push(e, out);
		const mainMs = performance.now() - at;
		console.log(`  main thread's share: ${mainMs.toFixed(0)} ms, ${((result.steps / mainMs) * 1000 / 1000).toFixed(0)}k steps/s`);
	}
	console.log(`${result.outcome}: ${result.steps} steps in ${ms.toFixed(0)} ms, ${((result.steps / ms) * 1000 / 1000).toFixed(0)}k steps/s, ${cpuUs.toFixed(2)} µs CPU/step, ${(events / result.steps).toFixed(2)} events/step${values.json ? `, ${bytes} bytes` : ''}`);
}
