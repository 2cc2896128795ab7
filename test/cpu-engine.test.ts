/**
 * The engine's CPU scheduling: real tasks calling work() are scheduled
 * exactly as the simulator schedules the same jobs, under every policy and
 * on several cores; the scheduling lessons run headless to their end with
 * their invariants; lessons without CPU work are not touched; the schedule
 * does not depend on the step policy or its seed.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {CPU_POLICY_NAMES, makeCpuPolicy, simulate, type Job, type Schedule} from '../source/engine/cpu/index.js';
import type {TraceEvent} from '../source/engine/trace.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';
import {scheduleOf} from '../source/view/scheduling.js';
import {runLesson as runLessonRaw, type Ran} from './helpers/run.js';

/** A run that a loaded machine cannot upset: no worker is reported or killed for being slow to boot. */
function runLesson(spec: string, request: Parameters<typeof runLessonRaw>[1] = {}): Promise<Ran> {
	return runLessonRaw(spec, {busyMs: 60_000, busyKillMs: 0, ...request});
}

const FIXTURES = fileURLToPath(new URL('./engine-lessons/cpu-fixtures.js', import.meta.url));

const LESSONS = ['fcfs', 'sjf', 'round-robin', 'mlfq', 'states', 'parallel', 'blocking'];

async function lessonModule(name: string): Promise<{meta: import('../source/scenario/define.js').ScenarioMeta; jobs?: (variant: string) => Job[]}> {
	const {module, label} = resolveScenario(name);
	const {meta} = await loadScenario(module, label);
	const mod = (await import(module)) as {jobs?: (variant: string) => Job[]};
	return {meta, jobs: mod.jobs};
}

/** A schedule with its jobs sorted by name, for comparing runs with simulations. */
function canon(s: Schedule): Pick<Schedule, 'gantt' | 'jobs' | 'average'> {
	return {gantt: s.gantt, jobs: [...s.jobs].sort((a, b) => a.job.localeCompare(b.job)), average: s.average};
}

function where(r: Ran, what: string): string {
	const stderr = r.events.flatMap(e => ((e.kind === 'print' && e.stream === 'stderr') || e.kind === 'busy' ? [JSON.stringify(e)] : []));
	return `${what}${stderr.length ? `\n${stderr.join('\n')}` : ''}`;
}

describe('the scheduling lessons', () => {
	it('run every variant headless to the end, invariants checked and holding, with the simulator’s schedule', async () => {
		for (const name of LESSONS) {
			const {meta, jobs} = await lessonModule(name);
			assert.equal(meta.group, 'scheduling', name);
			assert.ok(meta.title.zh && meta.title.en && meta.summary.zh.length === 2 && meta.summary.en.length === 2 && meta.sources.length > 0, name);
			assert.ok((meta.captions ?? []).length > 0, `${name} has captions`);
			for (const variant of Object.keys(meta.variants)) {
				const r = await runLesson(`${name}:${variant}`, {lines: false});
				const w = where(r, `${name}:${variant}`);
				assert.equal(r.result.outcome, 'completed', w);
				assert.deepEqual(r.result.broken, [], w);
				for (const inv of meta.invariants ?? []) {
					assert.ok(r.result.state.invariants[inv.name], `${w}: ${inv.name} was never checked`);
					if ((inv.expect?.[variant] ?? 'hold') === 'breakable') assert.equal(r.result.state.invariants[inv.name]!.ok, false, `${w}: ${inv.name} should break`);
				}
				if (!jobs) continue;
				const machine = meta.cpu!(variant, {});
				const sim = simulate(jobs(variant), makeCpuPolicy(machine.sched ?? 'fcfs', machine.quantum), machine.cores ?? 1);
				assert.deepEqual(canon(scheduleOf(r.result.state)), canon(sim), `${w}: the run differs from the simulator`);
			}
		}
	});

	it('show every caption at some moment of some variant', async () => {
		const {apply} = await import('../source/view/reducer.js');
		const {emptyState} = await import('../source/view/state.js');
		for (const name of LESSONS) {
			const {meta} = await lessonModule(name);
			const fired = new Set<number>();
			for (const variant of Object.keys(meta.variants)) {
				const state = emptyState();
				for (const e of (await runLesson(`${name}:${variant}`, {lines: false})).events) {
					apply(state, e);
					(meta.captions ?? []).forEach((c, i) => c.when(e, state) && fired.add(i));
				}
			}
			(meta.captions ?? []).forEach((c, i) => assert.ok(fired.has(i), `${name}: caption never shown: ${c.text.en}`));
		}
	});

	it('print the textbook averages (fcfs 16, sjf 7.75, srtf 6.5, mlfq 2)', async () => {
		for (const [spec, line] of [
			['fcfs', '平均等待时间 16, 平均周转时间 26'],
			['fcfs:short-first', '平均等待时间 2, 平均周转时间 12'],
			['sjf', '平均等待时间 7.75, 平均周转时间 14.25'],
			['sjf:srtf', '平均等待时间 6.5, 平均周转时间 13'],
			['round-robin', '平均等待时间 4.67, 平均周转时间 10.33'],
			['mlfq', '平均等待时间 2, 平均周转时间 9'],
		] as const) {
			const {prints} = await runLesson(spec, {lines: false});
			assert.equal(prints.at(-1), line, spec);
		}
	});
});

describe('every CPU policy on real tasks', () => {
	it('schedules the lessons with I/O exactly as the simulator does, on 1, 2 and 3 cores', async () => {
		for (const name of ['round-robin', 'mlfq', 'states', 'sjf']) {
			const {jobs} = await lessonModule(name);
			for (const sched of CPU_POLICY_NAMES) {
				for (const cores of [1, 2, 3]) {
					const r = await runLesson(name, {sched, cores, quantum: 2, lines: false});
					const w = where(r, `${name} --sched ${sched} --cores ${cores}`);
					assert.equal(r.result.outcome, 'completed', w);
					assert.deepEqual(r.result.broken, [], w);
					const sim = simulate(jobs!(''), makeCpuPolicy(sched, 2), cores);
					assert.deepEqual(canon(scheduleOf(r.result.state)), canon(sim), w);
				}
			}
		}
	});

	it('keeps the GIL under every policy: threads of one process take turns on any number of cores', async () => {
		const {jobs} = await lessonModule('parallel');
		for (const sched of CPU_POLICY_NAMES) {
			for (const cores of [2, 3]) {
				const r = await runLesson('parallel:threads', {sched, cores, quantum: 1, lines: false});
				const w = where(r, `parallel:threads --sched ${sched} --cores ${cores}`);
				assert.deepEqual(r.result.broken, [], w);
				assert.equal(r.result.time, 8, w);
				assert.deepEqual(canon(scheduleOf(r.result.state)), canon(simulate(jobs!('threads'), makeCpuPolicy(sched, 1), cores)), w);
			}
		}
	});

	it('runs the other lessons unchanged: only the run event names the CPU policy', async () => {
		const strip = (events: TraceEvent[]) => events.map(e => JSON.stringify(e.kind === 'run' ? {...e, sched: undefined} : e)).join('\n');
		for (const spec of ['ktv', 'bank:unsafe', 'deadlock']) {
			const base = await runLesson(spec, {lines: false});
			for (const sched of ['srtf', 'mlfq']) {
				const other = await runLesson(spec, {sched, cores: 2, lines: false});
				assert.equal(strip(other.events), strip(base.events).replace('"cores":1', '"cores":2'), `${spec} --sched ${sched}`);
			}
		}
	});

	it('gives the same CPU schedule whatever the step policy and its seed', async () => {
		const gantts = new Set<string>();
		for (const policy of ['random', 'fifo', 'rr']) {
			for (const seed of [1, 2, 3, 4, 5]) {
				const r = await runLesson('mlfq', {policy, seed, lines: false});
				gantts.add(JSON.stringify(scheduleOf(r.result.state).gantt));
			}
		}
		assert.equal(gantts.size, 1, [...gantts].join('\n'));
	});

	it('gives byte-identical traces for the same lesson, seed, policies and cores', async () => {
		for (const [spec, sched, cores] of [
			['round-robin', 'rr', 2],
			['mlfq', 'mlfq', 1],
			['parallel:threads', 'srtf', 3],
		] as const) {
			const a = await runLesson(spec, {sched, cores, seed: 3});
			const b = await runLesson(spec, {sched, cores, seed: 3});
			assert.equal(a.jsonl, b.jsonl, spec);
		}
	});

	it('traces a preempted task ready for a core with what it has left, and a running one with its core', async () => {
		const {events} = await runLesson('sjf:srtf', {lines: false});
		const p1 = events.filter(e => e.kind === 'state' && e.task === 'P1');
		assert.deepEqual(
			p1.map(e => e.kind === 'state' && {time: e.time, state: e.state, core: e.core, left: e.left, why: e.why}).filter(x => x && (x.core !== undefined || x.why !== undefined)),
			[
				{time: 0, state: 'ready', core: undefined, left: 8, why: 'request'},
				{time: 0, state: 'running', core: 0, left: 8, why: undefined},
				{time: 1, state: 'ready', core: undefined, left: 7, why: 'preempted'},
				{time: 10, state: 'running', core: 0, left: 7, why: undefined},
			],
		);
		const queues = events.filter(e => e.kind === 'cpu');
		assert.deepEqual(queues[0], {...queues[0], sched: 'srtf'});
	});
});

describe('the CPU and the rest of the engine', () => {
	it('gives the core of a process terminated while it works to the next task at once', async () => {
		const r = await runLesson(`${FIXTURES}:terminate`, {cores: 1, lines: false});
		assert.equal(r.result.outcome, 'completed');
		assert.deepEqual(scheduleOf(r.result.state).gantt, [[[0, 2, 'long'], [2, 5, 'short']]]);
	});

	it('orders jobs by nice() under the priority policies, preempting only under priority', async () => {
		const pre = await runLesson(`${FIXTURES}:nice`, {sched: 'priority', lines: false});
		assert.deepEqual(scheduleOf(pre.result.state).gantt, [[[0, 1, 'low'], [1, 3, 'high'], [3, 4, 'mid'], [4, 7, 'low']]]);
		const np = await runLesson(`${FIXTURES}:nice`, {sched: 'priority-np', lines: false});
		assert.deepEqual(scheduleOf(np.result.state).gantt, [[[0, 4, 'low'], [4, 6, 'high'], [6, 7, 'mid']]]);
	});

	it('lets a task hold a lock across its CPU burst', async () => {
		const r = await runLesson(`${FIXTURES}:lock`, {sched: 'rr', quantum: 1, cores: 2, lines: false});
		assert.equal(r.result.outcome, 'completed');
		assert.equal(r.result.time, 6, 'the second waits for the lock, not for a core');
	});

	it('refuses an unknown CPU policy with one line', async () => {
		await assert.rejects(runLesson('fcfs', {sched: 'lottery'}), /--sched: unknown CPU scheduling policy 'lottery'/);
	});
});
