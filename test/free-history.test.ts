/**
 * Free mode's trace is a history that could have happened: events of
 * different processes, recorded on different threads, come out in an order
 * the primitives themselves allow. A lock is acquired only while it is free,
 * a semaphore never has more holders than its count, a queue never gives out
 * more than was put in, an event's wait returns True only after a set, and a
 * task records nothing once it is done. Several runs of each lesson, since
 * the OS schedules free mode differently every time.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {TraceEvent} from '../source/engine/trace.js';
import {runWatched} from './helpers/free-run.js';

function impossible(events: TraceEvent[]): string[] {
	const found: string[] = [];
	const holder = new Map<string, string | null>();
	const inside = new Map<string, number>();
	const capacity = new Map<string, number>();
	const items = new Map<string, number>();
	const flags = new Map<string, boolean>();
	const done = new Set<string>();
	for (const e of events) {
		const where = `step ${e.step} (${e.kind}${'op' in e ? ` ${e.op}` : ''}${'obj' in e && e.obj ? ` ${e.obj}` : ''} by ${'task' in e ? e.task : '?'})`;
		if ('task' in e && done.has(e.task) && e.kind !== 'reap') found.push(`${where}: ${e.task} is done`);
		if (e.kind === 'state' && e.state === 'done') done.add(e.task);
		if (e.kind === 'prim') {
			if (e.type === 'Lock' || e.type === 'RLock') holder.set(e.obj, null);
			if (e.type === 'Semaphore' || e.type === 'BoundedSemaphore') {
				capacity.set(e.obj, Number(e.value));
				inside.set(e.obj, 0);
			}
			if (e.type === 'Event') flags.set(e.obj, Boolean(e.flag));
			if (/Queue|Pipe/.test(e.type)) items.set(e.obj, 0);
		}
		if (e.kind !== 'op' || !e.obj) continue;
		const obj = e.obj;
		if (holder.has(obj)) {
			if (e.op === 'acquire' && e.depth === 1) {
				if (holder.get(obj)) found.push(`${where}: ${obj} is still held by ${holder.get(obj)}`);
				holder.set(obj, e.task);
			}
			if (e.op === 'release' && e.depth === 0) holder.set(obj, null);
		}
		if (capacity.has(obj)) {
			if (e.op === 'acquire') {
				inside.set(obj, inside.get(obj)! + 1);
				if (inside.get(obj)! > capacity.get(obj)!) found.push(`${where}: ${inside.get(obj)} inside ${obj} of ${capacity.get(obj)}`);
			}
			if (e.op === 'release') inside.set(obj, inside.get(obj)! - 1);
		}
		if (flags.has(obj)) {
			if (e.op === 'set') flags.set(obj, true);
			if (e.op === 'clear') flags.set(obj, false);
			if (e.op === 'wait' && e.flag === true && !flags.get(obj)) found.push(`${where}: ${obj} was not set`);
		}
		if (items.has(obj)) {
			if (e.op === 'put') items.set(obj, items.get(obj)! + 1);
			if (e.op === 'get') {
				items.set(obj, items.get(obj)! - 1);
				if (items.get(obj)! < 0) found.push(`${where}: nothing was put into ${obj}`);
			}
		}
	}
	return found;
}

describe('free mode: the trace is a possible history', () => {
	for (const spec of ['print-lock:lock', 'ktv:semaphore', 'producer-consumer:joinable', 'traffic-light']) {
		it(`${spec}: every run's order is one the primitives allow`, async () => {
			for (let run = 0; run < 6; run++) {
				const ran = await runWatched(spec, {free: true, seed: 4, msPerSecond: 20}, 30);
				const bad = impossible(ran.events);
				assert.deepEqual(bad.slice(0, 5), [], `run ${run}: ${bad.length} impossible orders`);
				assert.ok(ran.result.outcome === 'completed' || ran.result.outcome === 'deadlock' || ran.result.outcome === 'limit', ran.result.outcome);
			}
		});
	}
});

describe('free mode: the verdicts follow the trace', () => {
	it('ktv:unsafe: when the trace has more than four inside, the break is reported as it happens and the end says so', async () => {
		for (let run = 0; run < 3; run++) {
			const ran = await runWatched('ktv:unsafe', {free: true, seed: 3}, 30);
			// Who is inside, from the trace alone: each person prints as they come in and as they leave.
			let inside = 0;
			let most = 0;
			let over = -1;
			ran.events.forEach((e, i) => {
				if (e.kind !== 'print') return;
				if (e.text.endsWith('进来唱歌了')) inside++;
				if (e.text.endsWith('出去了')) inside--;
				if (inside > most) most = inside;
				if (inside > 4 && over < 0) over = i;
			});
			const broken = ran.events.findIndex(e => e.kind === 'invariant' && !e.ok);
			const last = ran.events.filter(e => e.kind === 'invariant').at(-1);
			assert.equal(last?.kind === 'invariant' && last.ok, most <= 4, `run ${run}: at most ${most} inside, end verdict ${last?.kind === 'invariant' && last.ok}`);
			if (most > 4) assert.ok(broken > over && ran.events.slice(over, broken).every(e => e.kind !== 'print' || !e.text.endsWith('出去了')), `run ${run}: ${most} inside at event ${over}, reported at ${broken}`);
		}
	});
});
