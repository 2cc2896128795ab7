/**
 * CPython's end of a process as pure decisions (engine/process-exit.ts),
 * with no worker and no engine: the order threads → reap → terminate daemons
 * → join the rest, and who is a zombie.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {endsAsZombie, exitStep, exitWait, type ExitProcess} from '../source/engine/process-exit.js';

const proc = (over: Partial<ExitProcess> = {}): ExitProcess => ({name: 'P', daemon: false, done: false, mainEnded: true, zombie: false, exiting: false, threads: [], children: [], ...over});
const thread = (name: string, daemon = false, done = false) => ({name, thread: true, daemon, done});

describe('the end of a process (CPython)', () => {
	it('goes on while its code runs, whatever its children do', () => {
		assert.deepEqual(exitStep(proc({mainEnded: false, children: [proc({name: 'C', daemon: true})]})), {kind: 'running'});
	});

	it('waits for its non-daemon threads first, not for daemon threads', () => {
		const p = proc({threads: [thread('T1'), thread('T2', true), thread('T3', false, true)], children: [proc({name: 'C', daemon: true, mainEnded: false})]});
		assert.deepEqual(exitStep(p), {kind: 'threads', waitFor: ['T1']});
	});

	it('then reaps its zombies, terminates its live daemons and joins the other children', () => {
		const p = proc({
			threads: [thread('T2', true)],
			children: [proc({name: 'Z', done: true, zombie: true}), proc({name: 'D', daemon: true, mainEnded: false}), proc({name: 'C', mainEnded: false}), proc({name: 'E', done: true})],
		});
		assert.deepEqual(exitStep(p), {kind: 'children', reap: ['Z'], terminate: ['D'], waitFor: ['C']});
	});

	it('is done when nothing is left to wait for', () => {
		assert.deepEqual(exitStep(proc({children: [proc({name: 'E', done: true})]})), {kind: 'done'});
		assert.deepEqual(exitStep(proc({done: true})), {kind: 'done'});
	});

	it('makes a child that ends a zombie only while its parent lives and is not in its exit', () => {
		assert.equal(endsAsZombie(undefined), false, 'MainProcess: the shell reaps it');
		assert.equal(endsAsZombie({done: false, exiting: false}), true);
		assert.equal(endsAsZombie({done: false, exiting: true}), false, 'joined by the exit handler at once');
		assert.equal(endsAsZombie({done: true, exiting: true}), false, 'an orphan: init reaps it');
	});

	it('names what the main task waits on in its exit', () => {
		assert.equal(exitWait(['Process-1', 'Process-2']), 'exit: join Process-1, Process-2');
	});
});
