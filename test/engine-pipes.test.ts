/**
 * A pipe's ends close as CPython's do (checked against CPython 3.11, spawn
 * and fork): close() closes this process's copy; recv() raises EOFError once
 * no live process holds the other end and nothing is left; a process's
 * copies close when it ends, even when terminated; a closed copy raises
 * `OSError: handle is closed`; send to an end closed everywhere raises
 * BrokenPipeError; Pipe(false) is a reader and a writer.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {runLesson} from './helpers/run.js';

const PIPES = fileURLToPath(new URL('./engine-lessons/pipes.js', import.meta.url));

async function run(variant: string, seed = 1, free = false) {
	return runLesson(`${PIPES}:${variant}`, free ? {free: true, msPerSecond: 20} : {seed});
}

describe('pipe ends closing (Connection.close, EOFError)', () => {
	it('the 包子 example: each side closes what it does not use, the reader gets every item then EOFError, on every seed', async () => {
		for (const seed of [1, 2, 3, 4, 5]) {
			const {prints, result} = await run('eof', seed);
			assert.equal(result.outcome, 'completed', `seed ${seed}`);
			assert.deepEqual(
				prints.filter(p => p !== 'main done'),
				['got 0', 'got 1', 'got 2', 'reader: EOFError'],
				`seed ${seed}`,
			);
		}
	});

	it('a reader that keeps its own copy of the writing end never sees EOF: it waits for ever (as in CPython)', async () => {
		const {prints, result} = await run('forgot');
		assert.deepEqual(prints, ['got 0', 'got 1', 'got 2']);
		assert.equal(result.outcome, 'deadlock');
		assert.ok(result.state.end?.waits?.some(w => w.task === 'Process-1' && /get \(empty\)/.test(w.on)));
	});

	it('a child that ends closes its copies: the parent, having closed its own, reads what was sent, then EOFError; poll() is then True', async () => {
		const {prints, result} = await run('child-exit');
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, ['got hi', 'main: EOFError', 'poll True']);
	});

	it('a child terminated while holding the writing end lets go of it: the reader gets EOFError', async () => {
		const {prints, result} = await run('terminated');
		assert.equal(result.outcome, 'completed');
		assert.deepEqual(prints, ['main: EOFError']);
	});

	it('a closed copy raises OSError: handle is closed (send, recv, poll); closing twice is fine; the other end sees EOF', async () => {
		const {prints} = await run('closed');
		assert.deepEqual(prints, ['closed True False', 'OSError: handle is closed', 'OSError: handle is closed', 'OSError: handle is closed', 'right: EOFError']);
	});

	it('send to an end closed everywhere raises BrokenPipeError', async () => {
		const {prints} = await run('broken');
		assert.deepEqual(prints, ['BrokenPipeError: [Errno 32] Broken pipe']);
	});

	it('Pipe(false) gives a reader and a writer, each refusing the other way', async () => {
		const {prints} = await run('oneway');
		assert.deepEqual(prints, ['reader True False writer False True', 'OSError: connection is read-only', 'OSError: connection is write-only', 'got one way']);
	});

	it('does the same in free mode (EOF after a close, and after a terminated holder)', async () => {
		const eof = await run('eof', 1, true);
		assert.deepEqual(eof.prints, ['got 0', 'got 1', 'got 2', 'reader: EOFError', 'main done']);
		const terminated = await run('terminated', 1, true);
		assert.deepEqual(terminated.prints, ['main: EOFError']);
	});
});
