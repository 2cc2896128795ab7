/**
 * Words for what the view state holds: what a task waits on, what it is
 * about to do, what a primitive holds, what happened at a step. Pure
 * functions of view state and trace events, shared by the panels.
 */
import {signalName} from '../view/signals.js';
import type {TraceEvent} from '../engine/trace.js';
import {pipeEnd} from '../view/reducer.js';
import type {PrimView, TaskView, ViewState} from '../view/state.js';
import {visible} from '../view/visible.js';
import {signaled} from './theme.js';
import {words, type Lang} from '../view/words.js';

/** Seconds as short as they can be: `3`, `0.1`, `3.25`. */
export function seconds(t: number): string {
	return String(Math.round(t * 1000) / 1000);
}

/** One line of text: control characters shown, newlines as ⏎, tabs as spaces. */
export function oneLine(text: string): string {
	return visible(text.replace(/\t/g, '  ').replace(/\r?\n/g, '⏎'));
}

/** A number with more than three decimals, for people: `0.9139031558297575` → `0.914` (the trace keeps it whole). */
export function rounded(text: string): string {
	return /^-?\d+\.\d{4,}$/.test(text) ? String(Math.round(Number(text) * 1000) / 1000) : text;
}

/**
 * An object as the screen names it: a Value's own lock is `value#1.lock`,
 * an end of a pipe `pipe#1[0]` (Pipe() returns the pair), a file its name.
 */
export function objName(obj: string, s?: ViewState): string {
	if (obj.startsWith('file:')) return obj.slice(5);
	const p = s?.prims[obj];
	if (p?.of && (p.type === 'Lock' || p.type === 'RLock')) return `${p.of}.lock`;
	if (!p && s) {
		const at = pipeEnd(s, obj);
		if (at) return `${at.pipe.obj}[${at.end}]`;
	}
	return obj;
}

/** A pipe's ring: the pipe, the end that receives from it and the end that sends into it. */
function ringOf(obj: string, s?: ViewState): {pipe: string; recv: number; send: number} | undefined {
	const p = s?.prims[obj];
	const pipe = p?.of !== undefined ? s!.prims[p.of] : undefined;
	if (pipe?.type !== 'Pipe') return undefined;
	const recv = (pipe.rings ?? []).indexOf(obj);
	return recv < 0 ? undefined : {pipe: pipe.obj, recv, send: 1 - recv};
}

const PIPE_OPS: Record<string, {op: string; by: 'send' | 'recv'; after?: string}> = {
	put: {op: 'send', by: 'send'},
	get: {op: 'recv', by: 'recv'},
	'get-eof': {op: 'recv', by: 'recv', after: ': EOFError'},
	poll: {op: 'poll', by: 'recv'},
};

/** An operation on an object as the screen says it: a pipe's ring's `put`/`get` are `send`/`recv` on an end of the pipe. */
export function opOn(op: string, obj: string | undefined, s?: ViewState): {op: string; obj?: string; after?: string} {
	if (obj === undefined) return {op};
	const ring = ringOf(obj, s);
	const as = ring && PIPE_OPS[op];
	if (ring && as) return {op: as.op, obj: `${ring.pipe}[${as.by === 'send' ? ring.send : ring.recv}]`, after: as.after};
	return {op, obj: objName(obj, s)};
}

/** What a blocked task's wait says, with the objects named as the screen names them: `pipe#1[0].recv (empty)`, `value#1.lock`. */
export function onText(on: string, s?: ViewState, lang: Lang = 'en'): string {
	const obj = objOf(on);
	if (!obj || !s) return on;
	const rest = on.slice(obj.length);
	const ring = ringOf(obj, s);
	if (ring) {
		const m = /^\.(\w+)(.*)$/.exec(rest);
		const as = m && PIPE_OPS[m[1]!];
		if (m && as) return `${ring.pipe}[${as.by === 'send' ? ring.send : ring.recv}].${as.op}${m[2] === ' (empty)' ? words(lang).wait.nothingSent : m[2]}`;
	}
	return `${objName(obj, s)}${lang === 'en' ? rest : rest.replace(/ \(empty\)$/, words(lang).wait.empty).replace(/ \(full\)$/, words(lang).wait.full)}`;
}

/** The primitive a wait names: `sem#1` for `sem#1`, `q#2` for `q#2.get (empty)`. */
export function objOf(on: string | undefined): string | undefined {
	if (!on) return undefined;
	return /^([^\s.(]+)/.exec(on)?.[1];
}

/** What a blocked task waits on, for people: `sem#1 (4/4 taken)`, `sleep → 3s`, `join Process-2`. */
export function waitText(t: TaskView, prims: ViewState['prims'], s?: ViewState, lang: Lang = 'en'): string {
	const w = words(lang).wait;
	const raw = t.on ?? '';
	if (raw === 'sleep' || raw === 'cpu') return `${raw}${t.until !== undefined ? ` → ${seconds(t.until)}s` : ''}`;
	const p = prims[objOf(raw) ?? ''];
	const until = t.until !== undefined ? w.until(seconds(t.until)) : '';
	if (!p) return `${raw}${until}`;
	const on = s ? onText(raw, s, lang) : raw;
	switch (p.type) {
		case 'Semaphore':
		case 'BoundedSemaphore':
			return `${on}${w.taken((p.initial ?? 0) - (p.value ?? 0), p.initial ?? 0)}${until}`;
		case 'Lock':
		case 'RLock':
			return `${on}${p.holder ? w.heldBy(p.holder) : ''}${until}`;
		case 'Event':
			return `${on}${p.flag ? w.set : w.notSet}${until}`;
		default:
			return `${on}${until}`;
	}
}

/** Operations whose argument is data, not a time or a count. */
const CARRIES_DATA = new Set(['put', 'store', 'setitem', 'write', 'send', 'set']);

/** What a task is at: `acquire sem#1`, `print "person 0 …"`, `sleep 3`, `send pipe#1[0] '你好'`. */
export function opText(t: Pick<TaskView, 'op' | 'obj' | 'arg'>, s?: ViewState): string {
	if (!t.op) return '';
	const shown = opOn(t.op, t.obj, s);
	const parts = [shown.op];
	if (shown.obj) parts.push(shown.obj);
	// A time (sleep 0.9139031558297575) is rounded; the data an operation carries is shown as it is.
	if (t.arg !== undefined) parts.push(t.op === 'print' ? `"${oneLine(t.arg)}"` : CARRIES_DATA.has(t.op) ? oneLine(t.arg) : rounded(oneLine(t.arg)));
	return parts.join(' ');
}

/** The objects a task holds right now (a lock it owns, a semaphore it is inside). */
export function holdings(name: string, s: ViewState): string[] {
	const held: string[] = [];
	for (const obj of s.primOrder) {
		const p = s.prims[obj]!;
		if (p.holder === name || p.holders?.includes(name)) held.push(objName(obj, s));
	}
	return held;
}

/** The signal a negative exit code names: -15 SIGTERM, -9 SIGKILL. */
/** What the task row says after the badge. */
export function detailText(t: TaskView, s: ViewState, lang: Lang = 'en'): string {
	const w = words(lang).task;
	if (signaled(t)) return w.signalled(signalName(t.exitcode!), t.zombie!);
	if (t.state === 'done') {
		const ended = t.exitcode !== undefined ? w.exit(t.exitcode) : w.ended;
		if (t.zombie !== undefined) return w.notReaped(ended, t.zombie);
		if (t.reapedBy !== undefined) return w.reaped(ended, t.reapedBy, t.reapedVia);
		return ended;
	}
	if (t.state === 'blocked') return w.on(waitText(t, s.prims, s, lang));
	const held = holdings(t.name, s);
	const op = opText(t, s);
	// Its burst is over but it has not blocked or asked again: the CPU panel has it on its core still, taking zero-time steps.
	const job = s.sched?.jobs[t.name];
	const between = job && job.status === 'off' && job.os === 'running' && job.lastCore !== undefined ? w.between(job.lastCore) : '';
	return [op && w.at(op), held.length > 0 && w.holds(held.join(', ')), between].filter(Boolean).join(' · ');
}

/** Tasks blocked on a primitive, in the order they were created. */
export function waitersOf(obj: string, s: ViewState): string[] {
	const p = s.prims[obj];
	// A pipe is waited on at its rings.
	const on = new Set(p?.type === 'Pipe' ? (p.rings ?? []).filter((r): r is string => r !== null) : [obj]);
	return s.order.filter(name => {
		const t = s.tasks[name]!;
		return t.state === 'blocked' && on.has(objOf(t.on) ?? '');
	});
}

/** Whether the primitives panel draws it: a pipe's rings are drawn as the pipe; a Value's own lock once it has been used. */
export function shownPrim(p: PrimView, s: ViewState): boolean {
	if (p.of === undefined) return true;
	if (p.type === 'Lock' || p.type === 'RLock') return p.used === true || waitersOf(p.obj, s).length > 0;
	return false;
}

/** A primitive in words: its name, what it holds, who is inside it (they will release it), who waits for it. */
export interface PrimLine {
	name: string;
	state: string;
	has: string;
	waits: string;
}

/** A primitive's id, with the name the lesson gave it (`Lock(name='A')`): `lock#1 'A'`. */
function idOf(p: PrimView): string {
	const id = p.of && (p.type === 'Lock' || p.type === 'RLock') ? `${p.of}.lock` : p.obj;
	return p.name ? `${id} '${p.name}'` : id;
}

/** A queue's items in slots: `['a'|'b'| ]`, at most 8 shown. */
function slotsOf(items: string[], size: number): string {
	const shown = items.length > 8 ? [...items.slice(0, 7), `+${items.length - 7}`] : items;
	const free = size > 0 ? Math.max(0, Math.min(size, 8) - shown.length) : 0;
	return `[${[...shown, ...Array.from({length: free}, () => ' ')].join('|')}]`;
}

export function primText(p: PrimView, s: ViewState, lang: Lang = 'en'): PrimLine {
	const w = words(lang).prim;
	const waiting = waitersOf(p.obj, s);
	const waits = waiting.length > 0 ? w.waiting(waiting.join(' ')) : '';
	switch (p.type) {
		case 'Lock':
		case 'RLock':
			return {
				name: `${idOf(p)} ${p.type}`,
				state: p.holder ? `${w.heldBy(p.holder)}${p.type === 'RLock' && (p.depth ?? 0) > 1 ? ` ×${p.depth}` : ''}` : w.free,
				has: '',
				waits,
			};
		case 'Semaphore':
		case 'BoundedSemaphore': {
			const initial = p.initial ?? 0;
			const taken = Math.max(0, initial - (p.value ?? 0));
			const bar = initial <= 12 ? ` ${'■'.repeat(Math.min(taken, initial))}${'□'.repeat(Math.max(0, initial - taken))}` : '';
			const holders = p.holders ?? [];
			return {name: `${idOf(p)} ${p.type}(${initial})`, state: `${w.taken(taken, initial)}${bar}`, has: holders.length > 0 ? w.inside(holders.join(' ')) : '', waits};
		}
		case 'Event':
			return {name: `${idOf(p)} Event`, state: p.flag ? w.set : w.notSet, has: '', waits};
		case 'Queue':
		case 'JoinableQueue': {
			const items = (p.items ?? []).map(oneLine);
			const size = p.maxsize ?? 0;
			const slots = slotsOf(items, size);
			const unfinished = p.type === 'JoinableQueue' ? w.unfinished(p.unfinished ?? 0) : '';
			return {name: `${idOf(p)} ${p.type}(${size || '∞'})`, state: `${slots} ${items.length}${size ? `/${size}` : ''}${unfinished}`, has: '', waits};
		}
		case 'Value':
			return {name: `${idOf(p)} Value('${p.typecode ?? '?'}')`, state: `= ${p.value ?? '?'}`, has: '', waits};
		case 'File':
			return {name: `file ${p.name ?? p.obj.replace(/^file:/, '')}`, state: oneLine(p.content ?? ''), has: '', waits};
		case 'Pipe': {
			// Each way the pipe carries: from the end that sends to the end that receives, with what is in it.
			const ways = (p.rings ?? []).flatMap((ring, recv) => {
				if (!ring) return [];
				const items = (s.prims[ring]?.items ?? []).map(oneLine);
				return [`[${1 - recv}]→[${recv}] ${slotsOf(items, 0)}`];
			});
			const closed = (p.closed ?? []).flatMap((by, end) => (by.length > 0 ? [w.closedIn(end, by.join(' '))] : []));
			return {name: `${idOf(p)} Pipe(${p.duplex === false ? 'duplex=False' : ''})`, state: ways.join(' · '), has: closed.length > 0 ? w.closed(closed.join(' · ')) : '', waits};
		}
		default:
			return {name: `${idOf(p)} ${p.type}`, state: '', has: '', waits};
	}
}

/** A process that runs threads shows its GIL like a lock. */
export interface Gil {
	process: string;
	holder?: string;
	waiting: string[];
}

/** The GIL of each process with more than one task: held by its running task, waited for by its ready ones. */
export function gils(s: ViewState, ran?: string): Gil[] {
	const byProcess = new Map<string, string[]>();
	for (const name of s.order) {
		const t = s.tasks[name]!;
		const list = byProcess.get(t.process) ?? [];
		list.push(name);
		byProcess.set(t.process, list);
	}
	const out: Gil[] = [];
	for (const [process, names] of byProcess) {
		if (names.length < 2 || !names.some(n => s.tasks[n]!.thread)) continue;
		const live = names.filter(n => s.tasks[n]!.state !== 'done');
		const holder = live.find(n => s.tasks[n]!.state === 'running') ?? (ran && live.includes(ran) ? ran : undefined);
		out.push({process, holder, waiting: live.filter(n => n !== holder && s.tasks[n]!.state === 'ready')});
	}
	return out;
}

/** What changed over a range of events: the tasks, primitives and how many lines were printed. */
export interface Changes {
	tasks: Set<string>;
	prims: Set<string>;
	printed: number;
}

export function changesIn(events: readonly TraceEvent[], from: number, to: number): Changes {
	const c: Changes = {tasks: new Set(), prims: new Set(), printed: 0};
	for (let i = from; i < to; i++) {
		const e = events[i]!;
		if (e.kind === 'task' || e.kind === 'state' || e.kind === 'gate' || e.kind === 'reap') c.tasks.add(e.task);
		if ((e.kind === 'op' || e.kind === 'prim') && e.obj) c.prims.add(e.obj);
		if (e.kind === 'print') c.printed++;
	}
	return c;
}

/** What happened over a range of events (one step), in a sentence; `s`, the state after it, names objects as the panels do. */
export function describeStep(events: readonly TraceEvent[], from: number, to: number, s?: ViewState, lang: Lang = 'en'): string {
	const w = words(lang).step;
	let ran: string | undefined;
	const did: string[] = [];
	const others: string[] = [];
	let jumped: number | undefined;
	for (let i = from; i < to; i++) {
		const e = events[i]!;
		if (i > 0 && e.time > events[i - 1]!.time) jumped = e.time;
		switch (e.kind) {
			case 'state':
				if (e.choice !== undefined) ran = e.task;
				else if (e.task === ran && e.state === 'done') did.push(w.ends(e.exitcode, e.zombie !== undefined));
				else if (e.state === 'ready') others.push(w.wakes(e.task));
				// Killed by a signal, not reaped: its parent still sees it alive.
				else if (e.state === 'done' && e.zombie !== undefined && (e.exitcode ?? 0) < 0) others.push(w.gets(e.task, signalName(e.exitcode!), e.zombie));
				else if (e.state === 'done') others.push(w.otherEnds(e.task, e.zombie !== undefined));
				else if (e.state === 'running' && e.task !== ran) others.push(w.runs(e.task));
				break;
			case 'op': {
				const detail = 'value' in e ? ` → ${String(e.value)}` : 'holder' in e ? ` → ${e.holder === null ? w.free : w.heldBy(String(e.holder))}` : 'item' in e ? ` ${oneLine(String(e.item))}` : '';
				const shown = opOn(e.op, e.obj, s);
				const what = `${shown.op}${shown.obj ? ` ${shown.obj}` : ''}${shown.after ?? ''}${detail}`;
				if (e.task === ran) did.push(what);
				else others.push(`${e.task} ${what}`);
				break;
			}
			case 'print':
				(e.task === ran ? did : others).push(w.prints(oneLine(e.text)));
				break;
			case 'task':
				if (ran) did.push(w.starts(e.task));
				break;
			case 'gate':
				if (e.task === ran && e.state === 'blocked') did.push(w.blocksOn(e.on ? onText(e.on, s, lang) : e.op));
				else if (e.task !== ran && e.state === 'blocked') others.push(`${e.task} ${w.blocksOn(e.on ? onText(e.on, s, lang) : e.op)}`);
				break;
			case 'reap':
				if (e.by === ran) did.push(w.reaps(e.task));
				else others.push(`${e.by} ${w.reaps(e.task)}`);
				break;
			case 'end':
				others.push(w.runEnds(e.outcome));
				break;
		}
	}
	const parts: string[] = [];
	const comma = words(lang).comma;
	if (ran) parts.push(w.ran(ran, did.join(comma)));
	else if (did.length) parts.push(did.join(comma));
	if (others.length) parts.push(others.join(comma));
	if (jumped !== undefined) parts.push(w.clock(seconds(jumped)));
	return parts.join(' · ');
}
