/**
 * The command line as a user meets it: exit codes, the JSON Lines trace, the
 * transcript, and one clear line (no stack trace) for each kind of bad input.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {builtInNames, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {metaProblem} from '../source/scenario/meta-schema.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const BEHAVIOURS = fileURLToPath(new URL('./engine-lessons/behaviours.js', import.meta.url));

function run(...args: string[]): {code: number | null; stdout: string; stderr: string} {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, LANG: 'C'}});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

function badInput(args: string[], message: RegExp): void {
	const r = run(...args);
	assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
	assert.equal(r.stdout, '');
	const lines = r.stderr.trim().split('\n');
	assert.equal(lines.length, 1, `one line, got:\n${r.stderr}`);
	assert.match(lines[0]!, message);
	assert.doesNotMatch(r.stderr, /\n\s+at /);
}

describe('conc-tui on the command line', () => {
	it('writes the trace as JSON Lines with stable fields, ending with the end event', () => {
		const r = run('ktv', '--json', '--seed', '4');
		assert.equal(r.code, 0, r.stderr);
		const events = r.stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
		let step = 0;
		for (const e of events) {
			assert.equal(typeof e.step, 'number');
			assert.ok((e.step as number) >= step, 'steps never go back');
			step = e.step as number;
			assert.equal(typeof e.time, 'number');
			assert.equal(typeof e.kind, 'string');
		}
		assert.deepEqual(events.at(-1), {...events.at(-1), kind: 'end', outcome: 'completed'});
		const prints = events.filter(e => e.kind === 'print');
		assert.equal(prints.length, 12);
		assert.ok(prints.every(e => typeof e.task === 'string' && typeof e.text === 'string'));
		assert.ok(events.some(e => e.kind === 'gate' && e.state === 'blocked' && e.on === 'sem#1'), 'someone waits on the semaphore');
	});

	it('writes a readable transcript when stdout is not a terminal', () => {
		const r = run('event');
		assert.equal(r.code, 0);
		assert.match(r.stdout, /MainProcess \| False/);
		assert.match(r.stdout, /run ends: deadlock/);
		assert.match(r.stdout, /MainProcess waits on event#1 for ever/);
	});

	it('exits 1 when an invariant expected to hold breaks', () => {
		assert.equal(run(`${BEHAVIOURS}:broken`).code, 1);
		assert.equal(run('ticket:unsafe').code, 0, 'a breakable invariant breaking is the lesson, not an error');
	});

	it('lists the lessons', () => {
		const r = run('list');
		assert.equal(r.code, 0);
		for (const name of ['ticket', 'ktv', 'event', 'bank']) assert.match(r.stdout, new RegExp(`^  ${name} `, 'm'));
	});

	it('runs a bigger ticket rush with --clients 100', () => {
		const r = run('ticket:lock', '--clients', '100', '--headless');
		assert.equal(r.code, 0, r.stderr);
		assert.equal((r.stdout.match(/抢票成功!/g) ?? []).length, 1);
		assert.equal((r.stdout.match(/抢票失败/g) ?? []).length, 99);
	});

	it('refuses bad input with one clear line and exit 2', () => {
		badInput(['ktvv'], /unknown lesson 'ktvv' \(did you mean ktv\?\)/);
		badInput(['nosuch'], /unknown lesson 'nosuch'/);
		badInput(['ktv:nope'], /lesson ktv has no variant 'nope'; its variants: semaphore, unsafe/);
		badInput(['ktv', '--seed', 'abc'], /--seed needs a whole number, not 'abc'/);
		badInput(['ktv', '--cores', '0'], /--cores must be from 1 to 64/);
		badInput(['ticket', '--clients', '0'], /--clients must be a whole number from 1 to 1000/);
		badInput(['ktv', '--bogus', '3'], /lesson ktv has no option --bogus/);
		badInput(['ktv', '--bogus'], /lesson ktv has no option --bogus/);
		badInput(['ticket', '--client', 'ten'], /lesson ticket has no option --client \(it has: --clients\)/);
		badInput(['ticket', '--clients'], /--clients must be a whole number from 1 to 1000, e\.g\. --clients 10/);
		badInput(['ticket', '--clients', 'ten'], /--clients must be a whole number from 1 to 1000/);
		badInput(['ktv', '--policy', 'foo'], /unknown policy 'foo'/);
		badInput([], /name a lesson/);
		const dir = mkdtempSync(join(tmpdir(), 'conc-tui-test-'));
		writeFileSync(join(dir, 'broken.mjs'), 'export const x = ;\n');
		badInput([join(dir, 'broken.mjs')], /cannot load lesson .*broken\.mjs/);
		writeFileSync(join(dir, 'nometa.mjs'), 'export async function main() {}\n');
		badInput([join(dir, 'nometa.mjs')], /has no valid 'meta' export/);
		badInput([join(dir, 'missing.mjs')], /no such lesson file/);
	});

	it("runs a lesson of one's own that imports the API as 'conc-tui'", () => {
		const dir = mkdtempSync(join(tmpdir(), 'conc-tui-test-'));
		// As in a project that has conc-tui installed (or a file inside this one: the package refers to itself).
		mkdirSync(join(dir, 'node_modules'));
		symlinkSync(fileURLToPath(new URL('../..', import.meta.url)), join(dir, 'node_modules', 'conc-tui'), 'dir');
		writeFileSync(
			join(dir, 'mine.mjs'),
			`import {Lock, Process, defineScenario, print, sleep} from 'conc-tui';
export const meta = defineScenario({name: 'mine', title: {zh: '我的', en: 'Mine'}, summary: {zh: ['一', '二'], en: ['One.', 'Two.']}, sources: [], group: 'extra', variants: {only: {zh: '唯一', en: 'only'}}, defaultVariant: 'only'});
export async function worker(lock, i) {
  await lock.acquire();
  await print('worker ' + i + ' 拿到锁');
  await sleep(0.5);
  await lock.release();
}
export async function main() {
  const lock = new Lock();
  const ps = [0, 1].map(i => new Process({target: worker, args: [lock, i]}));
  for (const p of ps) await p.start();
  for (const p of ps) await p.join();
}
`,
		);
		const r = run(join(dir, 'mine.mjs'));
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /worker 0 拿到锁/);
		assert.match(r.stdout, /worker 1 拿到锁/);
		assert.match(r.stdout, /run ends: completed/);
	});

	it("fails a process whose target is not an export, as pickling would, and goes on", () => {
		const dir = mkdtempSync(join(tmpdir(), 'conc-tui-test-'));
		const api = new URL('../source/scenario/api.js', import.meta.url).href;
		writeFileSync(
			join(dir, 'hidden.mjs'),
			`import {Process, defineScenario, print} from '${api}';
export const meta = defineScenario({name: 'hidden', title: {zh: '', en: ''}, summary: {zh: ['', ''], en: ['', '']}, sources: [], group: 'extra', variants: {only: {zh: '', en: ''}}, defaultVariant: 'only'});
async function secret() {}
export async function main() {
  await new Process({target: secret}).start();
}
`,
		);
		const r = run(join(dir, 'hidden.mjs'));
		// The main program ended with a traceback: the CLI exits 1, as python3 does.
		assert.equal(r.code, 1, r.stderr);
		assert.match(r.stdout, /TypeError: Can't pickle secret: a process's target must be exported by the scenario module/);
		assert.match(r.stdout, /MainProcess ends, exit code 1/);
	});
});

describe('the built-in lessons', () => {
	it("hold to the schema a user's lesson file is checked against (they load without it)", async () => {
		const names = builtInNames();
		assert.ok(names.length >= 25, `${names.length} lessons`);
		for (const name of names) {
			const {module, label} = resolveScenario(name);
			assert.equal(metaProblem((await loadScenario(module, label)).meta), undefined, name);
		}
		assert.match(metaProblem({name: 'x'}) ?? '', /^title: /, 'and the schema does refuse a bad meta');
	});
});
