/**
 * Bad input from issue 11 that used to end in a stack trace, a hang or a
 * silent acceptance: each is one line on stderr and exit 2, and the run
 * leaves nothing in its TMPDIR.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {problems, runCli} from './helpers/cli-run.js';

const CASES: {args: string[]; says: RegExp}[] = [
	{args: ['ktv', '--seed', '1', '--seed', '2', '--json'], says: /--seed is given twice/},
	{args: ['ticket', '--clients', '3', '--clients', '4', '--json'], says: /--clients is given twice/},
	{args: ['kt\nv', '--json'], says: /control characters/},
	{args: ['ktv\n:unsafe', '--json'], says: /control characters/},
	{args: ['ktv:constructor', '--json'], says: /has no variant 'constructor'/},
	{args: ['ktv:__proto__', '--json'], says: /has no variant '__proto__'/},
	{args: ['ktv:toString', '--json'], says: /has no variant 'toString'/},
	{args: ['ticket', '--constructor', '5', '--json'], says: /unknown option '--constructor'/},
	{args: ['ticket', '--__proto__', '5', '--json'], says: /unknown option '--__proto__'/},
	{args: ['ticket', '--has-own-property', '5', '--json'], says: /unknown option/},
	{args: ['ktv', '--keys', 'constructor', '--record', 'x.cast'], says: /--keys: bad token 'constructor'/},
	{args: ['ktv', '--keys', '__proto__', '--record', 'x.cast'], says: /--keys: bad token '__proto__'/},
	{args: ['ktv', '--free=maybe', '--json'], says: /--free is a switch and takes no value/},
	{args: ['ktv', '--json=1'], says: /--json is a switch and takes no value/},
	{args: ['ktv', '--headless=false'], says: /--headless is a switch/},
	{args: ['round-robin', '--sched', 'rr:1e-300', '--max-steps', '10', '--json'], says: /a time slice is a whole number/},
	{args: ['compare', 'rr:1e-9', '--jobs', 'A@0:1'], says: /a time slice is a whole number/},
	{args: ['compare', 'fcfs', '--jobs', 'A@9007199254740992:1'], says: /past the clock's limit/},
	{args: ['compare', 'rr:0.0001', '--jobs', 'A@0:100000'], says: /a time slice is a whole number/},
	{args: ['compare', 'rr', '--jobs', 'A@0:1000000000'], says: /past the clock's limit/},
	{args: ['compare', 'rr:1', '--jobs', 'A@0:500000'], says: /time slices/},
	{args: ['compare', 'fcfs', '--jobs', 'A@0:0.0000000004'], says: /finer than the clock's resolution/},
];

describe('bad input is one line and exit 2', {concurrency: 4}, () => {
	for (const c of CASES) {
		it(JSON.stringify(c.args.join(' ')), async () => {
			const r = await runCli(c.args, {limitMs: 20_000});
			assert.deepEqual(problems(r), [], r.stderr);
			assert.equal(r.code, 2, r.stderr);
			assert.match(r.stderr, c.says);
		});
	}
});

describe('what looks like a flag but is a value', () => {
	it("--keys '- - q' presses minus twice: recorded, exit 0", async () => {
		const {mkdtempSync, rmSync} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const {join} = await import('node:path');
		const cwd = mkdtempSync(join(tmpdir(), 'conc-tui-keys-'));
		try {
			const r = await runCli(['ktv', '--keys', '- - q', '--record', 'x.cast'], {cwd, limitMs: 60_000});
			assert.deepEqual(problems(r), [], r.stderr);
			assert.equal(r.code, 0, r.stderr);
		} finally {
			rmSync(cwd, {recursive: true, force: true});
		}
	});
});
