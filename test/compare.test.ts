/**
 * `conc-tui compare`: the metrics side by side and a Gantt chart per policy,
 * as plain text (no TTY) and as JSON, for a fixed job set (the textbook four,
 * answers worked out by hand); a lesson's jobs run for real give the same
 * figures as the same jobs simulated; bad input gets one line and exit 2.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {compare, parseJobList} from '../source/cli/compare.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const FOUR = 'P1@0:8,P2@1:4,P3@2:9,P4@3:5';

function cli(...args: string[]): {code: number | null; stdout: string; stderr: string} {
	const env = {...process.env};
	delete env.FORCE_COLOR;
	const r = spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

const EXPECTED = [
		'Jobs: a job list, simulated · 1 core · quantum 2',
		'  P1 (arrives 0, CPU 8), P2 (arrives 1, CPU 4), P3 (arrives 2, CPU 9), P4 (arrives 3, CPU 5)',
		'',
		'Averages         fcfs     sjf   srtf   rr q=2',
		'  waiting        8.75    7.75    6.5    12.75',
		'  turnaround    15.25   14.25     13    19.25',
		'  response       8.75    7.75   4.25        2',
		'  all done at      26      26     26       26',
		'',
		'Waiting   fcfs   sjf   srtf   rr q=2',
		'  P1         0     0      9       14',
		'  P2         7     7      0        7',
		'  P3        10    15     15       15',
		'  P4        18     9      2       15',
		'',
		'Turnaround   fcfs   sjf   srtf   rr q=2',
		'  P1            8     8     17       22',
		'  P2           11    11      4       11',
		'  P3           19    24     24       24',
		'  P4           23    14      7       20',
		'',
		'Response   fcfs   sjf   srtf   rr q=2',
		'  P1          0     0      0        0',
		'  P2          7     7      0        1',
		'  P3         10    15     15        2',
		'  P4         18     9      2        5',
		'',
		'Finish   fcfs   sjf   srtf   rr q=2',
		'  P1        8     8     17       22',
		'  P2       12    12      5       12',
		'  P3       21    26     26       26',
		'  P4       26    17     10       23',
		'',
		'Gantt: fcfs',
		'  core 0 |P1                     |P2         |P3                        |P4            |',
		'         0                       8           12                         21             26',
		'',
		'Gantt: sjf',
		'  core 0 |P1                     |P2         |P4            |P3                        |',
		'         0                       8           12             17                         26',
		'',
		'Gantt: srtf',
		'  core 0 |P1|P2         |P4            |P1                  |P3                        |',
		'         0  1           5              10                   17                         26',
		'',
		'Gantt: rr q=2',
		'  core 0 |P1   |P2   |P3   |P1   |P4   |P2   |P3   |P1   |P4   |P3   |P1   |P4|P3      |',
		'         0     2     4     6     8     10    12    14    16    18    20    22 23       26',
].join('\n');

describe('conc-tui compare', () => {
	it('prints the textbook four under fcfs, sjf, srtf and rr side by side, with a Gantt chart each', () => {
		const r = cli('compare', 'fcfs,sjf,srtf,rr', '--jobs', FOUR, '--quantum', '2');
		assert.equal(r.code, 0, r.stderr);
		assert.equal(r.stdout, `${EXPECTED}\n`);
		assert.doesNotMatch(r.stdout, /\u001B\[/, 'no escape codes when stdout is not a terminal');
	});

	it('writes one JSON document with --json', () => {
		const r = cli('compare', 'fcfs,srtf,mlfq:1', '--jobs', FOUR, '--json');
		assert.equal(r.code, 0, r.stderr);
		const c = JSON.parse(r.stdout) as {how: string; schedules: {label: string; average: {waiting: number}; gantt: unknown}[]};
		assert.equal(c.how, 'simulated');
		assert.deepEqual(
			c.schedules.map(s => [s.label, s.average.waiting]),
			[
				['fcfs', 8.75],
				['srtf', 6.5],
				['mlfq q=1,2,4', 14.5],
			],
		);
		assert.deepEqual(c.schedules[1]!.gantt, [[[0, 1, 'P1'], [1, 5, 'P2'], [5, 10, 'P4'], [10, 17, 'P1'], [17, 26, 'P3']]]);
	});

	it('runs a lesson’s jobs for real and gets what the simulator gets for the same jobs', async () => {
		const run = await compare({policies: 'fcfs,sjf,srtf,rr,mlfq,priority', jobs: 'sjf', quantum: 2});
		const sim = await compare({policies: 'fcfs,sjf,srtf,rr,mlfq,priority', jobs: FOUR, quantum: 2});
		assert.equal(run.how, 'run');
		assert.deepEqual(run.schedules, sim.schedules);
		const io = await compare({policies: 'rr,mlfq', jobs: 'round-robin', cores: 2});
		const ioSim = await compare({policies: 'rr,mlfq', jobs: 'A@0:6,B@1:4,C@2:1/2/1/2/1', cores: 2, quantum: 2});
		assert.deepEqual(io.schedules, ioSim.schedules);
	});

	it('defaults to fcfs,sjf,srtf,rr,mlfq on the sjf lesson', () => {
		const r = cli('compare');
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /^Jobs: lesson sjf, run for real under each policy · 1 core · quantum 2$/m);
		assert.match(r.stdout, /^Averages +fcfs +sjf +srtf +rr q=2 +mlfq q=2,4,8$/m);
		assert.match(r.stdout, /^ {2}waiting +8\.75 +7\.75 +6\.5 +12\.75 +13$/m);
	});

	it('reads job lists with I/O and priorities', () => {
		assert.deepEqual(parseJobList('io@0:1/3/1#2, cpu@1.5:4'), [
			{name: 'io', arrival: 0, bursts: [1, 3, 1], priority: 2},
			{name: 'cpu', arrival: 1.5, bursts: [4]},
		]);
	});

	it('refuses bad input with one line and exit 2', () => {
		for (const [args, message] of [
			[['compare', 'fcfs,lottery'], /unknown CPU scheduling policy 'lottery'/],
			[['compare', 'fcfs', '--jobs', 'P1@0'], /--jobs: 'P1@0' is not NAME@ARRIVAL:CPU/],
			[['compare', 'fcfs', '--jobs', 'A@0:1/2'], /odd count/],
			[['compare', 'fcfs', '--jobs', 'ktv'], /lesson ktv does no CPU work/],
			[['compare', 'fcfs', '--jobs', 'nosuch'], /unknown lesson 'nosuch'/],
			[['compare', 'fcfs', 'sjf'], /unexpected argument 'sjf'/],
			[['ktv', '--jobs', 'sjf'], /--jobs goes with 'conc-tui compare'/],
			[['ktv', '--sched', 'nope'], /--sched: unknown CPU scheduling policy 'nope'/],
		] as const) {
			const r = cli(...args);
			assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
			const lines = r.stderr.trim().split('\n');
			assert.equal(lines.length, 1, r.stderr);
			assert.match(lines[0]!, message);
		}
	});
});
