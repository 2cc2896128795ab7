/**
 * The fold from trace events to view state. `apply` mutates the state it is
 * given (the engine keeps one live state to check invariants after every
 * step); `reduce` folds a prefix from scratch, which is how stepping back
 * works: no thread reruns, the shorter prefix is folded again.
 */
import type {EventOf, TraceEvent} from '../engine/trace.js';
import {emptyState, type PrimView, type ViewState} from './state.js';
import {foldScheduling} from './scheduling.js';
import {foldShared} from './shared-state.js';

export function reduce(events: readonly TraceEvent[], upto = events.length): ViewState {
	const state = emptyState();
	for (let i = 0; i < upto; i++) apply(state, events[i]!);
	return state;
}

export function apply(s: ViewState, e: TraceEvent): ViewState {
	s.step = e.step;
	s.time = e.time;
	s.events++;
	s.last = e;
	switch (e.kind) {
		case 'run':
			s.run = e;
			break;
		case 'task':
			s.tasks[e.task] = {
				name: e.task,
				pid: e.pid,
				ppid: e.ppid,
				process: e.process,
				thread: e.thread,
				daemon: e.daemon,
				target: e.target,
				state: 'new',
				steps: 0,
			};
			s.order.push(e.task);
			break;
		case 'state': {
			const t = s.tasks[e.task];
			if (!t) break;
			t.state = e.state;
			t.on = e.on;
			t.until = e.until;
			if (e.exitcode !== undefined) t.exitcode = e.exitcode;
			if (e.state === 'running' && e.choice !== undefined) t.steps++;
			if (e.state === 'done') {
				t.op = undefined;
				t.obj = undefined;
				t.arg = undefined;
				if (e.zombie !== undefined) t.zombie = e.zombie;
			}
			break;
		}
		case 'reap': {
			const t = s.tasks[e.task];
			if (!t) break;
			t.zombie = undefined;
			t.reapedBy = e.by;
			t.reapedVia = e.via;
			break;
		}
		case 'gate': {
			const t = s.tasks[e.task];
			if (!t) break;
			t.state = e.state;
			t.on = e.on;
			t.until = e.until;
			t.op = e.op;
			t.obj = e.obj;
			t.arg = e.arg;
			if (e.line !== undefined) {
				t.line = e.line;
				// A task arrives at a gate ready; blocking there (or again) is the same arrival.
				if (e.state === 'ready') (t.arrivals ??= {})[e.line] = (t.arrivals?.[e.line] ?? 0) + 1;
			}
			break;
		}
		case 'prim':
			if (!s.prims[e.obj]) {
				s.prims[e.obj] = primFrom(e);
				s.primOrder.push(e.obj);
				// A pipe's rings are drawn as the pipe.
				for (const ring of s.prims[e.obj]!.rings ?? []) if (ring && s.prims[ring]) s.prims[ring]!.of = e.obj;
			}
			break;
		case 'op':
			applyOp(s, e);
			break;
		case 'print':
			s.output.push({task: e.task, text: e.text, stream: e.stream, step: e.step});
			break;
		case 'invariant': {
			const before = s.invariants[e.name];
			s.invariants[e.name] = {ok: e.ok, expected: e.expected, text: e.text, brokeAt: before?.brokeAt ?? (e.ok ? undefined : e.step), ...(e.shown !== undefined ? {shown: e.shown} : {})};
			break;
		}
		case 'explain':
			s.explanations[e.name] = e;
			break;
		case 'busy':
			s.busy = e;
			break;
		case 'end':
			s.end = e;
			break;
	}
	foldScheduling(s, e);
	foldShared(s, e);
	return s;
}

function primFrom(e: EventOf<'prim'>): PrimView {
	const p: PrimView = {obj: e.obj, type: e.type, name: e.name};
	switch (e.type) {
		case 'Lock':
		case 'RLock':
			p.holder = null;
			p.depth = 0;
			if (typeof e.of === 'string') p.of = e.of;
			break;
		case 'Semaphore':
		case 'BoundedSemaphore':
			p.value = e.value as number;
			p.initial = e.initial as number;
			p.holders = [];
			break;
		case 'Event':
			p.flag = false;
			break;
		case 'Queue':
		case 'JoinableQueue':
			p.items = [];
			p.maxsize = e.maxsize as number;
			p.unfinished = 0;
			break;
		case 'Value':
			p.value = e.value as number;
			p.typecode = e.typecode as string;
			break;
		case 'File':
			p.content = e.content as string;
			break;
		case 'Pipe':
			p.duplex = e.duplex as boolean;
			p.ends = e.ends as string[];
			p.rings = e.rings as (string | null)[];
			p.closed = [[], []];
			break;
	}
	return p;
}

/** The pipe a connection (one end's id) belongs to, and which end it is. */
export function pipeEnd(s: ViewState, connection: string): {pipe: PrimView; end: number} | undefined {
	for (const obj of s.primOrder) {
		const p = s.prims[obj]!;
		const end = p.type === 'Pipe' ? (p.ends ?? []).indexOf(connection) : -1;
		if (end >= 0) return {pipe: p, end};
	}
	return undefined;
}

function applyOp(s: ViewState, e: EventOf<'op'>): void {
	if (!e.obj) return;
	if (e.op === 'close' && !s.prims[e.obj]) {
		const at = pipeEnd(s, e.obj);
		const process = s.tasks[e.task]?.process ?? e.task;
		if (at) at.pipe.closed = at.pipe.closed!.map((list, end) => (end === at.end && !list.includes(process) ? [...list, process] : list));
		return;
	}
	let p = s.prims[e.obj];
	if (!p && e.obj.startsWith('file:')) {
		p = s.prims[e.obj] = {obj: e.obj, type: 'File', name: e.obj.slice(5)};
		s.primOrder.push(e.obj);
	}
	if (!p) return;
	switch (p.type) {
		case 'Lock':
		case 'RLock':
			if ('holder' in e) p.holder = e.holder as string | null;
			if ('depth' in e) p.depth = e.depth as number;
			if (p.holder) p.used = true;
			break;
		case 'Semaphore':
		case 'BoundedSemaphore':
			if ('value' in e) p.value = e.value as number;
			if (e.op === 'acquire') p.holders = [...(p.holders ?? []), e.task];
			if (e.op === 'release') {
				const holders = [...(p.holders ?? [])];
				const at = holders.indexOf(e.task);
				holders.splice(at >= 0 ? at : 0, 1);
				p.holders = holders;
			}
			break;
		case 'Event':
			if ('flag' in e) p.flag = e.flag as boolean;
			break;
		case 'Queue':
		case 'JoinableQueue':
			if (e.op === 'put') p.items = [...(p.items ?? []), e.item as string];
			if (e.op === 'get') p.items = (p.items ?? []).slice(1);
			if (e.op === 'put') p.unfinished = (p.unfinished ?? 0) + 1;
			if ('unfinished' in e) p.unfinished = e.unfinished as number;
			break;
		case 'Value':
			if ('value' in e) p.value = e.value as number;
			break;
		case 'File':
			if ('content' in e) p.content = e.content as string;
			break;
	}
}
