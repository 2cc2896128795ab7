/**
 * A sweep of bad (and a few good) inputs through the real CLI: lesson
 * names, variants, every flag with bad, huge, negative, fractional, empty,
 * repeated and prototype-name values, switches given values, compare's job
 * lists. The list is generated the same way every run (no randomness), and
 * each case runs under a time limit with a TMPDIR of its own. Each must end
 * with no stack trace, no hang, exit 0, 1 or 2 (2 with exactly one line on
 * stderr) and nothing left in TMPDIR.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {problems, runCli} from './helpers/cli-run.js';

/** Bounds every run that gets as far as running: the sweep is about input, not about long lessons. */
const RUN = ['--json', '--max-steps', '200'];

const BAD_NUMBERS = ['', ' ', '-1', '0', '1.5', '1e3', '0x10', '99999999999999999999', '1e308', 'NaN', 'Infinity', '-0', 'abc', 'constructor', '__proto__', '١', '2 3'];
const NUMERIC_FLAGS = ['--seed', '--quantum', '--cores', '--max-steps', '--speed'];
const STRING_FLAGS: Record<string, string[]> = {
	'--policy': ['', 'random', 'fifo', 'rr', 'manual', 'lottery', 'constructor', '__proto__', 'RANDOM'],
	'--sched': ['', 'fcfs', 'rr:0', 'rr:-1', 'rr:1.5', 'rr:1e-9', 'rr:2000', 'rr:1:2', 'mlfq:1:0', 'mlfq:1:9', 'mlfq:1:2.5', 'mlfq::', 'fcfs:1', 'sjf', 'priority', 'constructor', '__proto__', 'rr:constructor'],
	'--lang': ['', 'fr', 'zh', 'EN', 'constructor'],
	'--size': ['', '0x0', '10x3', '100x30', '100X30', '501x200', '100x', 'x30', '-100x30', '1e2x30', 'constructor'],
	'--keys': ['', ' ', 'q', 'n n q', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '2h', '99999s', '-1s', '1.5.5s', 'ctrl-z', 'SPACE q', 'é q'],
	'--record': ['', ' ', '/nonexistent/dir/x.cast', '.', 'out.cast'],
	'--jobs': ['sjf'],
};
const SWITCHES = ['--json', '--headless', '--free', '--paused', '--show-keys'];
const NAMES = ['', ':', 'ktvv', 'KTV', 'ktv:', 'ktv::unsafe', 'ktv:nope', 'ktv:constructor', 'ktv:__proto__', 'ktv:toString', 'constructor', '__proto__', 'toString', 'ktv\n', 'kt\tv', 'ktv:unsafe\n', './nope.mjs', '/etc/passwd', '../x.js', 'ktv:semaphore', 'list', 'compare', 'event', 'deadlock', 'bank:unsafe', 'ticket:lock', 'round-robin:q1', 'mlfq', '-', '--', '-x'];
const LESSON_OPTIONS: [string, string][] = [
	['ticket', '--clients'],
	['print-lock', '--procs'],
];
const JOB_LISTS = [
	'',
	',',
	'A',
	'A@',
	'A@0',
	'A@0:',
	'A@0:0',
	'A@-1:1',
	'A@0:-1',
	'A@0:1/',
	'A@0:1/2',
	'A@0:1/2/3',
	'A@0:1/-2/3',
	'A@0:1#',
	'A@0:1#1.5',
	'A@0:1#-99999999999999999999',
	'A@0:1,A@0:1',
	'A@0:1.2.3',
	'A@1e3:1',
	'A@0:1e3',
	'A@9007199254740992:1',
	'A@0:1000000000',
	'A@0:1000000',
	'A@0:0.0000000001',
	'A@0:0.000000001',
	'A@0.0000000001:1',
	'constructor@0:1',
	'__proto__@0:1',
	'A@0:100000',
	'A@0:8,B@1:4,C@2:9',
	'io@0:1/3/1#2,b@0:2',
	'é@0:1',
	'sjf',
	'round-robin:q1',
	'nope',
	'ktv',
];
const COMPARE_POLICIES = ['', 'fcfs', 'rr:1', 'rr:1e-300', 'rr:0.0001', 'mlfq:1:8', 'lottery', 'fcfs,,sjf', 'constructor', 'fcfs,sjf,srtf,rr,mlfq,priority,priority-np'];

/** The whole list, in a fixed order. */
function cases(): string[][] {
	const out: string[][] = [];
	for (const name of NAMES) out.push([name, ...RUN]);
	for (const flag of NUMERIC_FLAGS) for (const v of BAD_NUMBERS) out.push(['ktv', flag, v, ...RUN]);
	for (const flag of NUMERIC_FLAGS) out.push(['ktv', flag, '1', flag, '2', ...RUN], ['ktv', `${flag}=1`, ...RUN], ['ktv', flag, ...RUN]);
	for (const [flag, values] of Object.entries(STRING_FLAGS)) for (const v of values) out.push(['ktv', flag, v, ...(flag === '--keys' || flag === '--record' || flag === '--size' ? [] : RUN)]);
	for (const flag of Object.keys(STRING_FLAGS)) out.push(['ktv', flag, 'a', flag, 'b', ...RUN]);
	for (const s of SWITCHES) out.push(['ktv', `${s}=maybe`, ...RUN], ['ktv', `${s}=1`, ...RUN], ['ktv', `${s}=true`, ...RUN], ['ktv', s, s, ...RUN], ['ktv', `--no-${s.slice(2)}`, ...RUN]);
	for (const [lesson, flag] of LESSON_OPTIONS) for (const v of [...BAD_NUMBERS, '1', '3', '500', '501']) out.push([lesson, flag, v, ...RUN]);
	for (const flag of ['--constructor', '--__proto__', '--to-string', '--has-own-property', '--value-of', '--prototype', '--nope', '--Clients', '---x', '--']) out.push(['ticket', flag, '5', ...RUN]);
	for (const jobs of JOB_LISTS) out.push(['compare', '--jobs', jobs]);
	for (const p of COMPARE_POLICIES) out.push(['compare', p, '--jobs', 'A@0:8,B@1:4']);
	for (const p of ['rr:1', 'fcfs']) for (const q of ['0', '1', '1000', '1001', '1.5']) out.push(['compare', p, '--quantum', q, '--jobs', 'A@0:1000']);
	out.push(['compare', '--jobs', 'A@0:1', '--sched', 'rr'], ['compare', 'fcfs', 'sjf'], ['compare', '--jobs', 'A@0:1', '--cores', '65'], ['compare', '--jobs', 'A@0:1', '--json', '--json']);
	out.push(['list', '--json=1'], ['list', 'extra'], ['ktv', 'extra'], ['ktv', '--jobs', 'A@0:1'], ['ktv', '--keys', 'q', '--json']);
	// The screen flags without a terminal, and key scripts recorded to a file (cwd is a fresh folder).
	for (const keys of ['q', 'n n n q', '1s space 1s q', 'm 1 q', 'constructor']) out.push(['ktv', '--keys', keys, '--record', 'x.cast', '--size', '80x24']);
	return out;
}

const cwd = mkdtempSync(join(tmpdir(), 'conc-tui-sweep-'));
after(() => rmSync(cwd, {recursive: true, force: true}));

/** Runs `jobs` with at most `width` at once. */
async function pool<T, R>(items: readonly T[], width: number, job: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({length: width}, async () => {
			while (next < items.length) {
				const i = next++;
				results[i] = await job(items[i]!);
			}
		}),
	);
	return results;
}

describe('the bad-input sweep', {timeout: 900_000}, () => {
	it('every case: no stack trace, no hang, exit 0/1/2 (2: one line), nothing left behind', async () => {
		const all = cases();
		assert.ok(all.length >= 300, `${all.length} cases`);
		const found = await pool(all, 4, async args => {
			const r = await runCli(args, {cwd, limitMs: 45_000});
			const wrong = problems(r);
			return wrong.length ? `${JSON.stringify(args)}: ${wrong.join('; ')}: ${r.stderr.slice(0, 300)}` : undefined;
		});
		const failures = found.filter(f => f !== undefined);
		assert.deepEqual(failures, [], failures.join('\n'));
	});
});
