/**
 * The engine host: runs reuse warm threads and leave nothing behind for the
 * next; a process is a module instance (its own module variables) in the
 * host's thread; a lesson's faults stay its process's (a call not awaited,
 * process.exit, console output, a huge print); task ids never collide.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {runLesson} from './helpers/run.js';
import {testLesson} from './helpers/free-run.js';

const LESSON = testLesson('host-faults');
const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const stderr = (events: {kind: string; stream?: string; text?: string}[]) => events.filter(e => e.kind === 'print' && e.stream === 'stderr').map(e => e.text!);

describe('the engine host', () => {
	it('reuses its thread for the next run, and the next run starts fresh: module state, primitive ids, pids', async () => {
		const a = await runLesson(`${LESSON}:state`);
		// Another lesson in between, in the same host: it must leave nothing behind either.
		await runLesson('isolation:threads');
		const b = await runLesson(`${LESSON}:state`);
		assert.deepEqual(a.prints.map(p => p.replace(/thread \d+/, 'thread T')), ['counter 1 lock#2 thread T', 'counter 1 lock#3 thread T']);
		const threads = (r: typeof a) => r.prints.map(p => /thread (\d+)/.exec(p)![1]);
		// Both processes of a run in one thread, and the next run in the same thread.
		assert.equal(new Set([...threads(a), ...threads(b)]).size, 1, `threads: ${threads(a)} then ${threads(b)}`);
		assert.equal(a.jsonl.replace(/thread \d+/g, ''), b.jsonl.replace(/thread \d+/g, ''));
	});

	it('spreads free-mode processes over two or more threads, which run them in parallel', async () => {
		const r = await runLesson(`${LESSON}:state`, {free: true});
		const threads = new Set(r.prints.map(p => /thread (\d+)/.exec(p)![1]));
		assert.equal(r.prints.length, 2);
		assert.equal(threads.size, 2, r.prints.join(' | '));
	});

	it('free mode: a child terminated right after it signalled ends the run; everything it and a daemon printed comes before their ends', async () => {
		for (let run = 0; run < 5; run++) {
			const r = await runLesson(`${LESSON}:signals`, {free: true});
			assert.equal(r.result.outcome, 'completed');
			const at = (pred: (e: (typeof r.events)[number]) => boolean) => r.events.findIndex(pred);
			const before = at(e => e.kind === 'print' && e.text === 'child before set');
			const set = at(e => e.kind === 'op' && e.op === 'set');
			const woken = at(e => e.kind === 'print' && e.text === 'parent woken');
			assert.ok(before >= 0 && before < set && set < woken, `run ${run}: before ${before}, set ${set}, woken ${woken}`);
			assert.ok(r.prints.includes('child exitcode -15'), r.prints.slice(-3).join(' | '));
			for (const task of ['Process-1', 'Process-2']) {
				const done = at(e => e.kind === 'state' && e.task === task && e.state === 'done');
				assert.ok(done > 0, `${task} ends`);
				assert.equal(r.events.slice(done + 1).filter(e => e.kind === 'print' && e.task === task).length, 0, `run ${run}: ${task} prints after its end`);
			}
		}
	});

	it('ends a main program that loops without a gate; the CLI exits 128 + 15, as a shell reports SIGTERM', () => {
		const r = spawnSync(process.execPath, [CLI, `${LESSON}:busy-main`, '--headless'], {encoding: 'utf8', timeout: 60_000});
		assert.equal(r.status, 143, r.stderr);
		assert.match(r.stdout, /MainProcess has not reached a gate for 3000 ms \(a busy loop\?\): its process is terminated/);
		assert.match(r.stdout, /MainProcess ends, exit code -15/);
	});

	it('bounds a run by --max-steps even when only the clock moves (CPU slices)', async () => {
		const r = await runLesson(`${LESSON}:cpu-forever`, {sched: 'rr:1', maxSteps: 10, lines: false});
		assert.equal(r.result.outcome, 'limit');
		assert.ok(r.events.length < 200, `${r.events.length} events`);
	});

	it('names a call that was not awaited, ends its process with exit code 1, and lets the others go on', async () => {
		const r = await runLesson(`${LESSON}:unawaited`);
		const err = stderr(r.events).join('\n');
		assert.match(err, /Process-1 made a call while its call acquire lock#\d+ \(line \d+\) was still pending: every call that can block must be awaited/);
		assert.doesNotMatch(err, /internal error|SyntaxError/);
		assert.ok(!r.prints.includes('not reached'));
		assert.ok(r.prints.some(p => p.startsWith('counter 1')), 'the other process ran');
		assert.ok(r.prints.includes('exitcode 1'), r.prints.join(' | '));
		assert.equal(r.result.outcome, 'completed');
	});

	it('names a call still pending when its task ended', async () => {
		const r = await runLesson(`${LESSON}:ends-pending`);
		assert.match(stderr(r.events).join('\n'), /Process-1 ended while its call acquire lock#\d+ \(line \d+\) was still pending/);
		assert.ok(r.prints.includes('exitcode 1'), r.prints.join(' | '));
	});

	it('gives process.exit(n) in a task exit code n, and ends only that process', async () => {
		const r = await runLesson(`${LESSON}:exit`);
		assert.ok(r.prints.includes('bye'));
		assert.ok(r.prints.includes('exitcode 3'), r.prints.join(' | '));
		assert.ok(r.prints.some(p => p.startsWith('counter 1')));
	});

	it("routes a task's console output into the trace as its prints, control sequences and all shown, not obeyed", async () => {
		const r = await runLesson(`${LESSON}:console`);
		const lines = r.events.filter(e => e.kind === 'print' && e.task === 'Process-1').map(e => (e as {text: string; stream?: string}));
		assert.deepEqual(
			lines.map(l => [l.text, l.stream ?? 'stdout']),
			[
				['to stdout 1 { a: 1 }', 'stdout'],
				['\x1b[2Jto stderr', 'stderr'],
				['after console', 'stdout'],
			],
		);
	});

	it('prints 2 MiB in one line, as CPython would', async () => {
		const r = await runLesson(`${LESSON}:huge`);
		assert.ok(r.prints.some(p => p.length === 2 * 1024 * 1024));
		assert.ok(r.prints.includes('exitcode 0'), r.prints.slice(-3).map(p => p.slice(0, 40)).join(' | '));
	});

	it("never gives two tasks one id: a process's 4097th task is not another process's holder of an RLock", async () => {
		const r = await runLesson(`${LESSON}:many-threads`, {lines: false});
		assert.ok(r.prints.includes('taken while held elsewhere: 0'), r.prints.join(' | '));
	});
});
