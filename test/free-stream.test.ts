/**
 * `--json --free` streams the trace as the run makes it: a line printed
 * before a half-second wait (free mode's real time) reaches stdout in an
 * earlier write than a line printed after it, not all at the end.
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {testLesson} from './helpers/free-run.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));

describe('free mode as JSON Lines', () => {
	it('writes each line as the run makes it, not only at the end', async () => {
		const chunks: string[] = [];
		const child = spawn(process.execPath, [CLI, `${testLesson('free-stress')}:lock-timeout`, '--free', '--json'], {stdio: ['ignore', 'pipe', 'pipe']});
		child.stdout.setEncoding('utf8').on('data', (d: string) => chunks.push(d));
		const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
		assert.equal(code, 0);
		const first = chunks.findIndex(c => c.includes('got false'));
		const second = chunks.findIndex(c => c.includes('got true'));
		assert.ok(first >= 0 && second >= 0, `${chunks.length} writes`);
		assert.ok(first < second, `both lines came in write ${first} of ${chunks.length}`);
		for (const line of chunks.join('').trim().split('\n')) JSON.parse(line);
	});
});
