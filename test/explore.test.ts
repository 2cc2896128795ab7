/**
 * Schedules as values and `conc-tui explore`: the schedule string round
 * trips, a run's printed schedule replays to the very same trace, the
 * exhaustive search counts what a brute-force walk of every schedule counts,
 * a found breaking schedule replays to the same break, a seeded report is
 * the same twice, and bad flags are one line and exit 2.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {decodeSchedule, encodeSchedule, nonPreemptive, pct} from '../source/engine/policies.js';
import type {TraceEvent} from '../source/engine/trace.js';
import {explore} from '../source/explore/search.js';
import {runSchedule, type Target} from '../source/explore/runner.js';
import {createRun} from '../source/run/launch.js';
import {InputError, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {ChoiceLog} from '../source/view/choices.js';
import {testLesson} from './helpers/free-run.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const TINY = testLesson('tiny');

function cli(...args: string[]): {code: number | null; stdout: string; stderr: string} {
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, LANG: 'C', NO_COLOR: '1'}});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

async function target(spec: string): Promise<Target> {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	return {scenario, variant: variant ?? scenario.meta.defaultVariant, options: {}};
}

/** A run's trace as the JSON lines --json writes, and its schedule. */
async function traced(t: Target, seed: number, schedule?: string): Promise<{lines: string[]; schedule: string}> {
	const lines: string[] = [];
	const log = new ChoiceLog();
	const {done} = createRun({scenario: t.scenario, variant: t.variant, seed, schedule}, (e: TraceEvent) => {
		lines.push(JSON.stringify(e));
		log.see(e);
	});
	await done;
	return {lines, schedule: encodeSchedule(log.choices)};
}

describe('a schedule as a string', () => {
	it('writes indices as letters, counts runs, and reads back what it wrote', () => {
		assert.equal(encodeSchedule([0, 0, 0, 0, 1, 0, 0, 2, 25, 26, 51, 52, 52, 52]), 'a4baaczAZ_52_3');
		for (const choices of [[], [0], [1, 1], [3, 3, 3, 0, 60, 60, 1], Array.from({length: 500}, (_, i) => (i * 7) % 13)]) {
			assert.deepEqual(decodeSchedule(encodeSchedule(choices)), choices);
		}
		assert.deepEqual(decodeSchedule('a12b'), [...Array<number>(12).fill(0), 1]);
	});

	it('refuses a malformed string, saying where', () => {
		assert.throws(() => decodeSchedule('ab!c'), /character 3/);
		assert.throws(() => decodeSchedule('a0'), /count/);
		assert.throws(() => decodeSchedule('_12'), /character 1/);
	});

	it('replays a run byte for byte, for several lessons and seeds', async () => {
		for (const spec of ['ticket:unsafe', 'bank:unsafe', 'ktv', 'deadlock', 'producer-consumer', `${TINY}:three`]) {
			const t = await target(spec);
			for (const seed of [1, 7, 42]) {
				const first = await traced(t, seed);
				const again = await traced(t, seed, first.schedule);
				assert.ok(first.lines.length > 0);
				assert.deepEqual(again.lines, first.lines, `${spec} seed ${seed}`);
				assert.equal(again.schedule, first.schedule);
			}
		}
	});

	it('hands over to the policy where the schedule ends', async () => {
		const t = await target('ticket:unsafe');
		const whole = await traced(t, 5);
		const head = encodeSchedule(decodeSchedule(whole.schedule).slice(0, 20));
		// The policy observed the followed choices, so its random stream is where it would have been.
		assert.deepEqual((await traced(t, 5, head)).lines, whole.lines);
	});

	it('tells a diverging schedule as the user’s error', async () => {
		const t = await target('ticket:unsafe');
		await assert.rejects(traced(t, 1, 'z'), (e: Error) => e instanceof InputError && /diverged at step 1/.test(e.message));
		const whole = await traced(t, 1);
		await assert.rejects(traced(t, 1, `${whole.schedule}a`), (e: Error) => e instanceof InputError && /ended after/.test(e.message));
	});
});

describe('step policies for a search', () => {
	const ready = [
		{name: 'A', readySince: 3},
		{name: 'B', readySince: 1},
		{name: 'C', readySince: 2},
	];

	it('np never preempts, and otherwise takes the oldest ready task', () => {
		const np = nonPreemptive();
		assert.equal(np.choose(ready, {last: 'C', step: 4}), 2);
		assert.equal(np.choose(ready, {last: 'D', step: 4}), 1);
	});

	it('pct is the same for the same seed, and switches task only at its change points while all stay ready', () => {
		const picks = (seed: number) => {
			const p = pct(seed, 3, 10);
			const out: number[] = [];
			let last: string | undefined;
			for (let step = 0; step < 12; step++) {
				const i = p.choose(ready, {last, step}) as number;
				last = ready[i]!.name;
				out.push(i);
			}
			return out;
		};
		for (const seed of [1, 2, 3, 9]) {
			assert.deepEqual(picks(seed), picks(seed));
			const switches = picks(seed).filter((c, i, all) => i > 0 && c !== all[i - 1]).length;
			assert.ok(switches <= 2, `at most d-1 switches, got ${switches}`);
		}
	});
});

describe('conc-tui explore', () => {
	/** Every complete schedule of the lesson, by walking the whole tree of choices: no bound, no pruning. */
	async function everySchedule(t: Target): Promise<number[]> {
		const preemptions: number[] = [];
		const walk = async (prefix: number[]): Promise<void> => {
			const r = await runSchedule(t, {seed: 1, policy: 'np', prefix});
			if (prefix.length === r.points.length) {
				preemptions.push(r.preemptions);
				return;
			}
			for (let a = 0; a < r.points[prefix.length]!.of; a++) await walk([...prefix, a]);
		};
		await walk([]);
		return preemptions;
	}

	it('exhaustive: as many schedules within each bound as a brute-force walk counts, and says it is complete', async () => {
		for (const variant of ['two', 'three']) {
			const t = await target(`${TINY}:${variant}`);
			const all = await everySchedule(t);
			assert.ok(all.length > 10, `${variant}: ${all.length} schedules in all`);
			for (const depth of [0, 1, 2, 3]) {
				const x = await explore(t, {strategy: 'exhaustive', runs: 10_000, depth, seed: 1});
				assert.equal(x.complete, true);
				assert.equal(x.runs, all.filter(p => p <= depth).length, `${variant}, at most ${depth} preemptions`);
			}
			const cut = await explore(t, {strategy: 'exhaustive', runs: 5, depth: 3, seed: 1});
			assert.equal(cut.complete, false);
			assert.equal(cut.runs, 5);
		}
	});

	it('a found breaking schedule replays to the same break, and is no longer than what was found', async () => {
		for (const [spec, strategy] of [['ticket:unsafe', 'random'], [`${TINY}:two`, 'exhaustive'], ['bank:unsafe', 'random']] as const) {
			const t = await target(spec);
			const x = await explore(t, {strategy, runs: strategy === 'random' ? 8 : 1000, depth: 2, seed: 3});
			const s = x.shortest;
			assert.ok(s, `${spec}: something broke`);
			assert.ok(s.run.steps < s.from.steps || (s.run.steps === s.from.steps && s.run.preemptions <= s.from.preemptions));
			const again = await runSchedule(t, {seed: s.run.seed, policy: 'random', prefix: decodeSchedule(encodeSchedule(s.run.choices))});
			assert.deepEqual(again.broke, s.run.broke, spec);
			assert.deepEqual(again.choices, s.run.choices);
			assert.deepEqual(again.values, s.run.values);
		}
	});

	it('the printed replay command gives the break it promises', () => {
		const r = cli('explore', 'ticket:unsafe', '--runs', '5', '--clients', '3');
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /not-oversold +breakable +\d+ of 5/);
		assert.match(r.stdout, /^sold:$/m);
		const command = /replay it: conc-tui (.+)$/m.exec(r.stdout)?.[1];
		assert.ok(command, r.stdout);
		const replay = cli(...command.split(' '));
		assert.equal(replay.code, 0, replay.stderr);
		assert.match(replay.stdout, /BROKEN invariant not-oversold/);
		assert.match(replay.stdout, /clients 3/);
	});

	it('runs the machine the flags give, and its replay command says so', () => {
		const r = cli('explore', 'bank:unsafe', '--runs', '2', '--cores', '2', '--json');
		assert.equal(r.code, 0, r.stderr);
		const command = (JSON.parse(r.stdout) as {shortest: {command: string}}).shortest.command;
		assert.match(command, /--cores 2 --schedule/);
		const replay = cli(...command.split(' ').slice(1));
		assert.equal(replay.code, 0, replay.stderr);
		assert.match(replay.stdout, /· 2 cores ·/);
	});

	it('random with a fixed seed gives the same report twice, as text and as JSON', () => {
		const a = cli('explore', 'bank:unsafe', '--runs', '6', '--seed', '11');
		const b = cli('explore', 'bank:unsafe', '--runs', '6', '--seed', '11');
		assert.equal(a.code, 0, a.stderr);
		assert.equal(a.stdout, b.stdout);
		assert.match(a.stdout, /^balance:$/m);
		const j = cli('explore', 'bank:unsafe', '--runs', '6', '--seed', '11', '--json');
		assert.equal(j.stdout, cli('explore', 'bank:unsafe', '--runs', '6', '--seed', '11', '--json').stdout);
		const report = JSON.parse(j.stdout) as {runs: number; outcomes: {balance: Record<string, number>}; shortest: {schedule: string; command: string}};
		assert.equal(report.runs, 6);
		assert.equal(Object.values(report.outcomes.balance).reduce((x, y) => x + y, 0), 6);
		assert.match(report.shortest.command, /--seed \d+ --schedule [a-zA-Z0-9_]+$/);
	});

	it('exhaustive states that an invariant holds in every schedule within the bound', () => {
		const r = cli('explore', `${TINY}:two`, '--strategy', 'exhaustive', '--depth', '0');
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /3 schedules, all of them within the bound/);
		assert.match(r.stdout, /0 of 3 \(0%\): holds in every schedule within the bound/);
	});

	it('bad flags and bad schedules: one line, exit 2', () => {
		for (const [args, message] of [
			[['explore'], /name a lesson to explore/],
			[['explore', 'bank', '--strategy', 'dfs'], /--strategy must be one of random, pct, exhaustive/],
			[['explore', 'bank', '--runs', '0'], /--runs must be a whole number from 1/],
			[['explore', 'bank', '--runs', 'many'], /--runs must be a whole number/],
			[['explore', 'bank', '--depth', '2'], /--depth goes with --strategy pct/],
			[['explore', 'bank', '--policy', 'fifo'], /--policy does not go with explore/],
			[['explore', 'bank:nope'], /no variant 'nope'/],
			[['explore', 'bank', 'ticket'], /unexpected argument 'ticket'/],
			[['bank', '--runs', '5'], /go with 'conc-tui explore'/],
			[['bank', '--schedule', 'ab!'], /--schedule: bad schedule at character 3/],
			[['bank', '--schedule', 'z'], /the schedule diverged at step 1/],
		] as const) {
			const r = cli(...args);
			assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
			const lines = r.stderr.trim().split('\n');
			assert.equal(lines.length, 1, `one line, got:\n${r.stderr}`);
			assert.match(lines[0]!, message);
			assert.doesNotMatch(r.stderr, /\n\s+at /);
		}
	});
});
