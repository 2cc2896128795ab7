/**
 * Every lesson of the tutorials (the rows of SCENARIOS.md but the scheduling
 * ones): each variant runs headless to the end its header promises across 20
 * seeds, with its invariants checked by the engine; each variant that may
 * break an invariant breaks it on its default seed; every caption is tied to
 * a moment that happens; and the behaviours of CPython the lessons copy
 * (queue.Full and queue.Empty, the daemon AssertionError, exit codes, FIFO
 * order, daemons dying with the main program's code, is_alive() just after
 * terminate()) are asserted from the trace.
 *
 * Each (lesson, variant, seed) runs once; every check reads those runs.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {before, describe, it} from 'node:test';
import type {TraceEvent} from '../source/engine/trace.js';
import {expectedEndOf, type ScenarioMeta} from '../source/scenario/define.js';
import {builtInNames, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {apply} from '../source/view/reducer.js';
import {emptyState} from '../source/view/state.js';
import {runLesson, type Ran} from './helpers/run.js';

/** The scheduling rows belong to their own issue and tests. */
const SCHEDULING = ['fcfs', 'sjf', 'round-robin', 'mlfq', 'states', 'parallel', 'blocking'];

/**
 * The non-scheduling rows of SCENARIOS.md, copied here because that file lives
 * outside the repository (../shared) and may be missing on a clean checkout;
 * when it is there, the test below checks this list against it.
 */
const ROWS = [
	'ticket',
	'print-lock',
	'queue-basics',
	'ipc',
	'producer-consumer',
	'pipe',
	'threads',
	'thread-lock',
	'ktv',
	'event',
	'traffic-light',
	'bank',
	'start',
	'join',
	'terminate',
	'attributes',
	'daemon',
	'children',
	'isolation',
	'zombie',
];

/** ktv, ticket, bank and event have their own tests (lessons-core); these are this file's. */
const LESSONS = ROWS.filter(name => !['ktv', 'ticket', 'bank', 'event'].includes(name));

const SEEDS = Array.from({length: 20}, (_, i) => i + 1);
/** How many runs go at once: the engine mostly waits on its workers. */
const PARALLEL = 3;

const SCENARIOS_MD = new URL('../../../shared/SCENARIOS.md', import.meta.url);

interface Lesson {
	meta: ScenarioMeta;
	/** variant → seed → run */
	runs: Map<string, Map<number, Ran>>;
}

const lessons = new Map<string, Lesson>();

function ran(name: string, variant: string, seed: number): Ran {
	const r = lessons.get(name)?.runs.get(variant)?.get(seed);
	if (!r) throw new Error(`no run of ${name}:${variant} seed ${seed}`);
	return r;
}

function defaultRun(name: string, variant: string): Ran {
	const meta = lessons.get(name)!.meta;
	return ran(name, variant, meta.defaultSeed ?? 1);
}

function all(name: string, variant: string): [number, Ran][] {
	return [...lessons.get(name)!.runs.get(variant)!.entries()];
}

function exitcodes(events: TraceEvent[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const e of events) if (e.kind === 'state' && e.state === 'done' && e.exitcode !== undefined) out[e.task] = e.exitcode;
	return out;
}

/** Lines printed, with who printed them and the index of the event. */
function printsOf(events: TraceEvent[]): {task: string; text: string; stream?: string; at: number; step: number}[] {
	return events.flatMap((e, at) => (e.kind === 'print' ? [{task: e.task, text: e.text, stream: e.stream, at, step: e.step}] : []));
}

function doneAt(events: TraceEvent[], task: string): number {
	return events.findIndex(e => e.kind === 'state' && e.state === 'done' && e.task === task);
}

async function runAll(): Promise<void> {
	const jobs: {name: string; variant: string; seed: number}[] = [];
	for (const name of LESSONS) {
		const {module, label} = resolveScenario(name);
		const {meta} = await loadScenario(module, label);
		const runs = new Map<string, Map<number, Ran>>();
		for (const variant of Object.keys(meta.variants)) {
			runs.set(variant, new Map());
			const seeds = new Set([...SEEDS, meta.defaultSeed ?? 1]);
			for (const seed of seeds) jobs.push({name, variant, seed});
		}
		lessons.set(name, {meta, runs});
	}
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) {
			const job = jobs[next++]!;
			// No lesson busy-loops, but on a loaded machine a worker may take seconds to boot: report a
			// process silent for 10 s, and end it (failing the run, with a `busy` event saying so) only after 30 s.
			const r = await runLesson(`${job.name}:${job.variant}`, {seed: job.seed, lines: false, busyMs: 10_000, busyKillMs: 30_000});
			lessons.get(job.name)!.runs.get(job.variant)!.set(job.seed, r);
		}
	};
	await Promise.all(Array.from({length: PARALLEL}, worker));
}

describe('the lessons of the tutorials', () => {
	before(runAll);

	it('has a lesson for every row of SCENARIOS.md but the scheduling ones', () => {
		if (existsSync(SCENARIOS_MD)) {
			const rows = readFileSync(SCENARIOS_MD, 'utf8')
				.split('\n')
				.flatMap(line => {
					const m = /^\|\s*`([\w-]+)`\s*\|/.exec(line);
					return m ? [m[1]!] : [];
				})
				.filter(name => !SCHEDULING.includes(name));
			assert.deepEqual([...rows].sort(), [...ROWS].sort(), 'the copy of the rows in this test is out of date');
		}
		const names = builtInNames();
		const missing = ROWS.filter(name => !names.includes(name));
		assert.deepEqual(missing, [], `rows of SCENARIOS.md with no lesson: ${missing.join(', ')}`);
	});

	it('runs every variant to its expected end over 20 seeds with no invariant broken that should hold', () => {
		for (const [name, {meta, runs}] of lessons) {
			for (const [variant, bySeed] of runs) {
				for (const [seed, {result, events}] of bySeed) {
					const stderr = events.flatMap(e => (e.kind === 'print' && e.stream === 'stderr') || e.kind === 'busy' ? [JSON.stringify(e)] : []);
					const where = `${name}:${variant} seed ${seed}${stderr.length ? `\n${stderr.join('\n')}` : ''}`;
					assert.equal(result.outcome, expectedEndOf(meta, variant), where);
					assert.deepEqual(result.broken, [], where);
					for (const inv of meta.invariants ?? []) assert.ok(result.state.invariants[inv.name], `${where}: ${inv.name} was never checked`);
				}
			}
		}
	});

	it('breaks every breakable invariant on the default seed of its variant', () => {
		for (const [name, {meta}] of lessons) {
			for (const variant of Object.keys(meta.variants)) {
				for (const inv of meta.invariants ?? []) {
					if (inv.expect?.[variant] !== 'breakable') continue;
					const {result} = defaultRun(name, variant);
					assert.equal(result.state.invariants[inv.name]?.ok, false, `${name}:${variant} seed ${meta.defaultSeed ?? 1}: ${inv.name} should break`);
				}
			}
		}
	});

	it('ties every caption to a moment of some variant’s default run', () => {
		for (const [name, {meta}] of lessons) {
			assert.ok((meta.captions ?? []).length > 0, `${name} has no captions`);
			const fired = new Set<number>();
			for (const variant of Object.keys(meta.variants)) {
				const state = emptyState();
				for (const e of defaultRun(name, variant).events) {
					apply(state, e);
					(meta.captions ?? []).forEach((c, i) => {
						if ((!c.variants || c.variants.includes(variant)) && c.when(e, state)) fired.add(i);
					});
				}
			}
			(meta.captions ?? []).forEach((c, i) => assert.ok(fired.has(i), `${name}: caption never shown: ${c.text.en}`));
		}
	});

	it('has a title, two-line summaries and a source for each lesson', () => {
		for (const [name, {meta}] of lessons) {
			assert.equal(meta.name, name);
			assert.ok(meta.title.zh && meta.title.en, name);
			assert.equal(meta.summary.zh.length, 2, name);
			assert.equal(meta.summary.en.length, 2, name);
			assert.ok(meta.sources.length > 0, name);
		}
	});
});

describe('what CPython shows, the lessons show', () => {
	before(async () => {
		if (lessons.size === 0) await runAll();
	});

	it('queue-basics: Full on a full queue, FIFO, Empty on an empty one', () => {
		for (const [seed, {prints, events}] of all('queue-basics', 'caught')) {
			assert.deepEqual(
				prints,
				['进入数据1', '进入数据2', '进入数据3', '进入数据4', '进入数据5', 'True', 'queue.Full', '1', '2', '3', '4', '5', 'queue.Empty', 'True', '进入数据6'],
				`seed ${seed}`,
			);
			assert.ok(events.some(e => e.kind === 'op' && e.op === 'put-full'));
			assert.ok(events.some(e => e.kind === 'op' && e.op === 'get-empty'));
		}
		for (const [seed, {prints, events}] of all('queue-basics', 'as-written')) {
			const err = printsOf(events).find(p => p.stream === 'stderr');
			assert.match(err?.text ?? '', /queue\.Full/, `seed ${seed}`);
			assert.equal(exitcodes(events).MainProcess, 1, 'an uncaught exception ends the program with exit code 1');
			assert.deepEqual(prints.slice(-2, -1), ['True'], 'nothing runs after the uncaught queue.Full');
		}
	});

	it('ipc: the message crosses by the queue; the main process does not wait', () => {
		for (const [seed, {prints, events}] of all('ipc', 'queue')) {
			assert.equal(printsOf(events).find(p => p.text === 'hello 你好')?.task, 'Process-2', `seed ${seed}`);
			assert.ok(!events.some(e => e.kind === 'gate' && e.task === 'MainProcess' && e.op === 'join'), 'no join in the main code');
			assert.ok(prints.includes('主进程'));
		}
		assert.equal(defaultRun('ipc', 'queue').prints[0], '主进程', 'on the default seed, as nearly always in CPython, 主进程 comes first');
	});

	it('producer-consumer: FIFO; daemon consumers die with the main code while producers go on', () => {
		for (const variant of ['daemon', 'sentinel', 'joinable', 'many']) {
			for (const [seed, {events}] of all('producer-consumer', variant)) {
				const where = `${variant} seed ${seed}`;
				const puts = events.flatMap(e => (e.kind === 'op' && e.op === 'put' ? [e.item] : []));
				const gets = events.flatMap(e => (e.kind === 'op' && e.op === 'get' ? [e.item] : []));
				assert.deepEqual(gets, puts.slice(0, gets.length), `${where}: items leave in the order they entered`);
				const codes = exitcodes(events);
				const consumers = Object.keys(codes).filter(t => events.some(e => e.kind === 'task' && e.task === t && e.target === 'consumer'));
				const producers = Object.keys(codes).filter(t => events.some(e => e.kind === 'task' && e.task === t && e.target === 'producer'));
				assert.ok(producers.every(p => codes[p] === 0), where);
				if (variant === 'sentinel') assert.ok(consumers.every(c => codes[c] === 0), `${where}: a None ends each consumer`);
				else assert.ok(consumers.every(c => codes[c] === -15), `${where}: the daemon consumers are terminated`);
			}
		}
		for (const [seed, {events}] of all('producer-consumer', 'daemon')) {
			const main = printsOf(events).find(p => p.text === '主')!;
			const killed = events.findIndex(e => e.kind === 'state' && e.state === 'done' && e.exitcode === -15);
			assert.ok(killed > main.at, `seed ${seed}: killed after 主`);
			assert.equal(events[killed]!.step, main.step, `seed ${seed}: the daemons die in the very step the main code ends`);
			assert.ok(
				printsOf(events).some(p => p.at > killed && p.text.includes('开始制作')),
				`seed ${seed}: the producers are still making food after the consumers died`,
			);
			assert.ok(!printsOf(events).some(p => p.at > killed && p.text.includes('开始吃')), `seed ${seed}`);
		}
		for (const variant of ['sentinel', 'joinable']) {
			for (const [seed, {prints}] of all('producer-consumer', variant)) assert.equal(prints.filter(p => p.includes('开始吃')).length, 20, `${variant} seed ${seed}`);
		}
		for (const [seed, {prints}] of all('producer-consumer', 'many')) assert.equal(prints.filter(p => p.includes('开始吃')).length, 30, `many seed ${seed}`);
	});

	it('pipe: duplex both ways; two readers split the messages differently by seed', () => {
		for (const [seed, {prints}] of all('pipe', 'duplex')) {
			assert.ok(prints.includes('子进程收到: 你好'), `seed ${seed}`);
			assert.ok(prints.includes('主进程收到: 你好, 我收到了'), `seed ${seed}`);
		}
		const splits = new Set<string>();
		for (const [seed, {prints}] of all('pipe', 'two-readers')) {
			const buns = prints.flatMap(p => /收到包子:(\d)/.exec(p)?.[1] ?? []).sort();
			assert.deepEqual(buns, ['0', '1', '2', '3', '4', '5'], `seed ${seed}`);
			splits.add(prints.filter(p => p.startsWith('c1')).join());
		}
		assert.ok(splits.size > 1, 'who reads what changes with the seed');
	});

	it('pipe:eof: each side closes what it does not use; the consumer gets every bun in order, then EOFError (no sentinel)', () => {
		for (const [seed, {prints, events}] of all('pipe', 'eof')) {
			assert.deepEqual(prints, [...[0, 1, 2, 3, 4, 5].map(i => `c1 收到包子:${i}`), 'c1 收到 EOFError: 没有包子了', '主进程'], `seed ${seed}`);
			const eof = events.findIndex(e => e.kind === 'op' && e.op === 'get-eof' && e.task === 'Process-1');
			// left (the first end) sends into q#2 and receives from q#1.
			const lastClose = events.findIndex(e => e.kind === 'op' && e.op === 'close' && e.task === 'MainProcess' && e.obj === 'q#2|q#1');
			const childClose = events.findIndex(e => e.kind === 'op' && e.op === 'close' && e.task === 'Process-1' && e.obj === 'q#2|q#1');
			assert.ok(childClose >= 0 && lastClose >= 0 && eof > Math.max(childClose, lastClose), `seed ${seed}: EOF only once every copy of left is closed`);
		}
	});

	it('print-lock: with the lock the run is serial, and slower', () => {
		for (const seed of SEEDS) {
			const unsafe = ran('print-lock', 'unsafe', seed).result.time;
			const locked = ran('print-lock', 'lock', seed).result.time;
			assert.ok(locked > unsafe, `seed ${seed}: ${locked} > ${unsafe}`);
		}
	});

	it('thread-lock: threads share n; 99 without the lock, 0 with it', () => {
		for (const [seed, {prints}] of all('thread-lock', 'unsafe')) assert.equal(prints.at(-1), '99', `seed ${seed}`);
		for (const [seed, {prints, events}] of all('thread-lock', 'lock')) {
			assert.equal(prints.at(-1), '0', `seed ${seed}`);
			assert.equal(events.filter(e => e.kind === 'task' && e.thread).length, 100);
			assert.ok(events.every(e => e.kind !== 'task' || e.pid === (events[1] as {pid: number}).pid), 'one process');
		}
	});

	it('threads: is_alive False before start, True after; a daemon thread dies with the process', () => {
		for (const [seed, {prints}] of all('threads', 'function')) assert.deepEqual(prints, ['线程开启', '线程结束'], `seed ${seed}`);
		for (const [seed, {prints}] of all('threads', 'subclass')) assert.deepEqual(prints, ['线程开启...', '线程结束...'], `seed ${seed}`);
		for (const [seed, {events}] of all('threads', 'methods')) {
			const main = printsOf(events).filter(p => p.task === 'MainProcess').map(p => p.text);
			assert.deepEqual(main, ['False', 'True'], `seed ${seed}`);
			// CPython 3.10+ names a thread after its target.
			const thread = printsOf(events).filter(p => p.task === 'Thread-1 (task_named)').map(p => p.text);
			assert.deepEqual(thread, ['线程开启Thread-1 (task_named)', '线程结束Thread-1 (task_named)'], `seed ${seed}: current_thread().name`);
		}
		for (const [seed, {prints, events}] of all('threads', 'daemon')) {
			assert.ok(!prints.some(p => p.startsWith('线程结束')), `seed ${seed}`);
			assert.equal(doneAt(events, 'Thread-1 (task_named)') > doneAt(events, 'MainProcess'), true, `seed ${seed}: the daemon thread ends with its process`);
		}
	});

	it('traffic-light: cars wait at red and go at green; the light, a daemon, ends with the main code', () => {
		let waited = 0;
		for (const [seed, {prints, events}] of all('traffic-light', 'lights')) {
			assert.equal(prints.filter(p => p.endsWith('通过')).length, 4, `seed ${seed}`);
			assert.equal(exitcodes(events)['Process-1'], -15, `seed ${seed}`);
			waited += prints.filter(p => p.endsWith('在等待')).length;
		}
		assert.ok(waited > 0, 'some car waits at red');
	});

	it('start: pids and parent pids; a Process subclass runs its run() and is named after its class', () => {
		for (const [seed, {events}] of all('start', 'function')) {
			const pid = (events.find(e => e.kind === 'task' && e.task === 'MainProcess') as {pid: number}).pid;
			const child = printsOf(events).find(p => p.task === 'Process-1')!;
			assert.match(child.text, new RegExp(`儿子的父进程的pid是${pid}$`), `seed ${seed}`);
			assert.ok(printsOf(events).find(p => p.task === 'MainProcess')!.at < child.at, 'start() does not wait: the parent prints first');
		}
		for (const [seed, {prints, events}] of all('start', 'subclass')) {
			assert.ok(events.some(e => e.kind === 'task' && e.task === 'MyProcess-1' && e.target === 'MyProcess'), `seed ${seed}`);
			assert.deepEqual(prints, ['这是以继承类的方式开启的子进程,他的名字是MyProcess-1'], `seed ${seed}`);
		}
	});

	it('attributes: name, pid, daemon, exitcode None then 0', () => {
		for (const [seed, {events}] of all('attributes', 'attributes')) {
			const main = printsOf(events).filter(p => p.task === 'MainProcess').map(p => p.text);
			const pid = (events.find(e => e.kind === 'task' && e.task === 'Process-1') as {pid: number}).pid;
			assert.deepEqual(main, ['p.exitcode = None', '儿子的名字是alex', `儿子的pid是${pid}`, '儿子是不是守护进程? False', 'p.exitcode = 0'], `seed ${seed}`);
		}
	});

	it('terminate: is_alive() True just after terminate(), False a moment later, exit code -15', () => {
		for (const [seed, {prints, events}] of all('terminate', 'terminate')) {
			assert.deepEqual(prints, ['子进程是否还活着? True', '子进程是否还活着? False', 'p.exitcode = -15'], `seed ${seed}`);
			assert.equal(exitcodes(events)['Process-1'], -15);
		}
	});

	it('join: the parent blocks on join, then prints; without join the lines interleave', () => {
		for (const [seed, {prints, events}] of all('join', 'join')) {
			assert.deepEqual(prints, [...Array(10).fill('儿子在这里'), ...Array(5).fill('爸爸在这里')], `seed ${seed}`);
			assert.ok(events.some(e => e.kind === 'gate' && e.task === 'MainProcess' && e.state === 'blocked' && e.on === 'join Process-1'));
		}
	});

	it('daemon: the daemon dies when the parent’s code ends; a daemon may not have children', () => {
		for (const [seed, {prints, events}] of all('daemon', 'daemon')) {
			const clock = prints.filter(p => /^\d\d:\d\d:\d\d$/.test(p));
			assert.ok(clock.length === 4 || clock.length === 5, `seed ${seed}: ${clock.length} lines`);
			assert.deepEqual(clock, ['00:00:01', '00:00:02', '00:00:03', '00:00:04', '00:00:05'].slice(0, clock.length));
			assert.equal(exitcodes(events)['Process-1'], -15, `seed ${seed}`);
			assert.equal(events[doneAt(events, 'Process-1')]!.time, 5);
		}
		// CPython's child starts a little after start() returns: its fifth tick loses to 这是爸爸; the default seed shows that.
		assert.equal(defaultRun('daemon', 'daemon').prints.filter(p => /^\d\d:\d\d:\d\d$/.test(p)).length, 4, 'the default seed prints four times, as CPython does');
		for (const [seed, {events}] of all('daemon', 'children')) {
			const err = printsOf(events).find(p => p.stream === 'stderr');
			assert.match(err?.text ?? '', /AssertionError: daemonic processes are not allowed to have children$/, `seed ${seed}`);
			assert.equal(exitcodes(events)['Process-1'], 1);
			assert.ok(!events.some(e => e.kind === 'task' && e.task.startsWith('Process-1:')), 'the grandchild never starts');
			assert.deepEqual(printsOf(events).filter(p => p.stream !== 'stderr').map(p => p.text), ['这是爸爸']);
		}
	});

	it('children: four children in no fixed order, all joined before the choice', () => {
		const orders = new Set<string>();
		for (const [seed, {prints}] of all('children', 'join-all')) {
			assert.equal(prints.length, 5, `seed ${seed}`);
			assert.match(prints[4]!, /^我选(河南的|山东的|辽宁的|湖南的)$/);
			orders.add(prints.slice(0, 4).join());
		}
		assert.ok(orders.size > 1, 'the order changes with the seed');
	});

	it('isolation: processes see their own n, threads share the parent’s', () => {
		for (const [seed, {prints}] of all('isolation', 'processes')) assert.deepEqual(prints.filter(p => /^\d+$/.test(p)), ['0', '0', '0', '0'], `seed ${seed}`);
		for (const [seed, {prints}] of all('isolation', 'threads')) assert.deepEqual(prints.filter(p => /^\d+$/.test(p)), ['100', '100', '100', '100'], `seed ${seed}`);
	});

	it('zombie: the child is a zombie of MainProcess for the 3 s before its parent reaps it (join, or is_alive() in poll)', () => {
		for (const [variant, via] of [['zombie', 'join'], ['poll', 'is_alive']] as const) {
			for (const [seed, {events}] of all('zombie', variant)) {
				const where = `zombie:${variant} seed ${seed}`;
				const done = events[doneAt(events, 'Process-1')]!;
				assert.ok(done.kind === 'state' && done.zombie === 'MainProcess', `${where}: the child's end makes it a zombie`);
				const reaps = events.filter(e => e.kind === 'reap');
				assert.equal(reaps.length, 1, where);
				const reap = reaps[0]!;
				assert.ok(reap.kind === 'reap' && reap.task === 'Process-1' && reap.by === 'MainProcess' && reap.via === via, `${where}: ${JSON.stringify(reap)}`);
				assert.equal(reap.time - done.time, 3, where);
				assert.equal(exitcodes(events)['Process-1'], 0);
				// The view: a zombie from the child's end to the reap (the parent's 3 s of sleep), then no more.
				const state = emptyState();
				const from = doneAt(events, 'Process-1');
				const to = events.indexOf(reap);
				events.forEach((e, i) => {
					apply(state, e);
					if (i >= from) assert.equal(state.tasks['Process-1']!.zombie, i < to ? 'MainProcess' : undefined, `${where}, event ${i}`);
				});
				assert.equal(state.tasks['Process-1']!.reapedBy, 'MainProcess', where);
			}
		}
	});
});
