/**
 * Every line of a transcript says something new: the engine does not emit
 * the same state twice (a process in its exit ending its daemons used to
 * say "blocks on exit: join …" once per daemon, plus once), and a task that
 * was woken and blocks again on the same thing says so.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {transcriptLine} from '../source/cli/transcript.js';
import type {TraceEvent} from '../source/engine/trace.js';
import {runLesson} from './helpers/run.js';

function transcript(events: TraceEvent[]): string[] {
	return events.flatMap(e => transcriptLine(e)?.split('\n') ?? []);
}

/** No line twice, and no state event that repeats the task's state (and what it waits on) unchanged. */
function noRepeats(spec: string, seed: number, events: TraceEvent[]): void {
	const lines = transcript(events);
	const seen = new Set<string>();
	for (const line of lines) {
		assert.ok(!seen.has(line), `${spec} seed ${seed}: said twice: ${line}`);
		seen.add(line);
	}
	const last = new Map<string, string>();
	for (const e of events) {
		if (e.kind !== 'state' && e.kind !== 'gate') continue;
		const now = JSON.stringify([e.state, e.on ?? null, e.kind === 'state' ? (e.core ?? null) : null, e.kind === 'state' ? (e.left ?? null) : null]);
		if (e.kind === 'state' && e.state !== 'running') assert.notEqual(last.get(e.task), `${e.step}:${now}`, `${spec} seed ${seed}: ${e.task} told ${now} twice at step ${e.step}`);
		last.set(e.task, `${e.step}:${now}`);
	}
}

describe('transcript lines say something new', () => {
	it('producer-consumer:daemon: the main process says once that, in its exit, it joins the producers', async () => {
		for (const seed of [1, 2, 3]) {
			const {events} = await runLesson('producer-consumer:daemon', {seed});
			noRepeats('producer-consumer:daemon', seed, events);
			const exits = transcript(events).filter(l => /MainProcess blocks on exit: join Process-1, Process-2$/.test(l));
			assert.equal(exits.length, 1, `seed ${seed}:\n${exits.join('\n')}`);
		}
	});

	it('a task woken that finds the item taken says it blocks again (pipe:two-readers seed 4)', async () => {
		const {events} = await runLesson('pipe:two-readers', {seed: 4});
		noRepeats('pipe:two-readers', 4, events);
		const blocks = transcript(events)
			.filter(l => l.includes('Process-2') && l.includes('q#2.get (empty)'))
			.map(l => l.replace(/^\[[^\]]*\] /, ''));
		assert.deepEqual(blocks.slice(0, 2), ['Process-2 blocks on q#2.get (empty)', 'Process-2 was woken, tried again, and blocks again on q#2.get (empty)']);
		const again = events.filter(e => e.kind === 'gate' && e.again);
		assert.ok(again.length > 0 && again.every(e => e.kind === 'gate' && e.state === 'blocked'));
	});

	it('other lessons: no line twice', async () => {
		for (const spec of ['daemon', 'daemon:children', 'threads:daemon', 'producer-consumer:sentinel', 'ktv', 'ipc', 'terminate', 'children']) {
			for (const seed of [1, 2]) noRepeats(spec, seed, (await runLesson(spec, {seed})).events);
		}
	});
});
