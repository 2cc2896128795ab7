/**
 * Words for what the view state holds: what a task waits on, what it is
 * about to do, what a primitive holds, what happened at a step. Pure
 * functions of view state and trace events, shared by the panels.
 */
import type {TraceEvent} from '../engine/trace.js';
import type {PrimView, TaskView, ViewState} from '../view/state.js';
import {visible} from '../view/visible.js';

/** Seconds as short as they can be: `3`, `0.1`, `3.25`. */
export function seconds(t: number): string {
	return String(Math.round(t * 1000) / 1000);
}

/** One line of text: control characters shown, newlines as ⏎, tabs as spaces. */
export function oneLine(text: string): string {
	return visible(text.replace(/\t/g, '  ').replace(/\r?\n/g, '⏎'));
}

/** The primitive a wait names: `sem#1` for `sem#1`, `q#2` for `q#2.get (empty)`. */
export function objOf(on: string | undefined): string | undefined {
	if (!on) return undefined;
	return /^([^\s.(]+)/.exec(on)?.[1];
}

/** What a blocked task waits on, for people: `sem#1 (4/4 taken)`, `sleep → 3s`, `join Process-2`. */
export function waitText(t: TaskView, prims: ViewState['prims']): string {
	const on = t.on ?? '';
	if (on === 'sleep' || on === 'cpu') return `${on}${t.until !== undefined ? ` → ${seconds(t.until)}s` : ''}`;
	const p = prims[objOf(on) ?? ''];
	const until = t.until !== undefined ? ` (until ${seconds(t.until)}s)` : '';
	if (!p) return `${on}${until}`;
	switch (p.type) {
		case 'Semaphore':
		case 'BoundedSemaphore':
			return `${on} (${(p.initial ?? 0) - (p.value ?? 0)}/${p.initial ?? 0} taken)${until}`;
		case 'Lock':
		case 'RLock':
			return `${on}${p.holder ? ` (held by ${p.holder})` : ''}${until}`;
		case 'Event':
			return `${on} (${p.flag ? 'set' : 'not set'})${until}`;
		default:
			return `${on}${until}`;
	}
}

/** What a task is at: `acquire sem#1`, `print "person 0 …"`, `sleep 3`. */
export function opText(t: Pick<TaskView, 'op' | 'obj' | 'arg'>): string {
	if (!t.op) return '';
	const parts = [t.op];
	if (t.obj) parts.push(t.obj.startsWith('file:') ? t.obj.slice(5) : t.obj);
	if (t.arg !== undefined) parts.push(t.op === 'print' ? `"${oneLine(t.arg)}"` : oneLine(t.arg));
	return parts.join(' ');
}

/** The objects a task holds right now (a lock it owns, a semaphore it is inside). */
export function holdings(name: string, s: ViewState): string[] {
	const held: string[] = [];
	for (const obj of s.primOrder) {
		const p = s.prims[obj]!;
		if (p.holder === name || p.holders?.includes(name)) held.push(obj);
	}
	return held;
}

/** What the task row says after the badge. */
export function detailText(t: TaskView, s: ViewState): string {
	if (t.state === 'done') {
		const ended = t.exitcode !== undefined ? `exit ${t.exitcode}` : 'ended';
		if (t.zombie !== undefined) return `${ended} · not yet reaped by ${t.zombie}`;
		if (t.reapedBy !== undefined) return `${ended} · reaped by ${t.reapedBy}${t.reapedVia ? ` (${t.reapedVia})` : ''}`;
		return ended;
	}
	if (t.state === 'blocked') return `on ${waitText(t, s.prims)}`;
	const held = holdings(t.name, s);
	const op = opText(t);
	return [op && `at ${op}`, held.length > 0 && `holds ${held.join(', ')}`].filter(Boolean).join(' · ');
}

/** Tasks blocked on a primitive, in the order they were created. */
export function waitersOf(obj: string, s: ViewState): string[] {
	return s.order.filter(name => {
		const t = s.tasks[name]!;
		return t.state === 'blocked' && objOf(t.on) === obj;
	});
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
	return p.name ? `${p.obj} '${p.name}'` : p.obj;
}

export function primText(p: PrimView, s: ViewState): PrimLine {
	const waiting = waitersOf(p.obj, s);
	const waits = waiting.length > 0 ? `waiting: ${waiting.join(' ')}` : '';
	switch (p.type) {
		case 'Lock':
		case 'RLock':
			return {
				name: `${idOf(p)} ${p.type}`,
				state: p.holder ? `held by ${p.holder}${p.type === 'RLock' && (p.depth ?? 0) > 1 ? ` ×${p.depth}` : ''}` : 'free',
				has: '',
				waits,
			};
		case 'Semaphore':
		case 'BoundedSemaphore': {
			const initial = p.initial ?? 0;
			const taken = Math.max(0, initial - (p.value ?? 0));
			const bar = initial <= 12 ? ` ${'■'.repeat(Math.min(taken, initial))}${'□'.repeat(Math.max(0, initial - taken))}` : '';
			const holders = p.holders ?? [];
			return {name: `${idOf(p)} ${p.type}(${initial})`, state: `${taken}/${initial} taken${bar}`, has: holders.length > 0 ? `inside: ${holders.join(' ')}` : '', waits};
		}
		case 'Event':
			return {name: `${idOf(p)} Event`, state: p.flag ? '● set' : '○ not set', has: '', waits};
		case 'Queue':
		case 'JoinableQueue': {
			const items = (p.items ?? []).map(oneLine);
			const size = p.maxsize ?? 0;
			const shown = items.length > 8 ? [...items.slice(0, 7), `+${items.length - 7}`] : items;
			const free = size > 0 ? Math.max(0, Math.min(size, 8) - shown.length) : 0;
			const slots = `[${[...shown, ...Array.from({length: free}, () => ' ')].join('|')}]`;
			const unfinished = p.type === 'JoinableQueue' ? ` · ${p.unfinished ?? 0} unfinished` : '';
			return {name: `${idOf(p)} ${p.type}(${size || '∞'})`, state: `${slots} ${items.length}${size ? `/${size}` : ''}${unfinished}`, has: '', waits};
		}
		case 'Value':
			return {name: `${idOf(p)} Value('${p.typecode ?? '?'}')`, state: `= ${p.value ?? '?'}`, has: '', waits};
		case 'File':
			return {name: `file ${p.name ?? p.obj.replace(/^file:/, '')}`, state: oneLine(p.content ?? ''), has: '', waits};
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

/** What happened over a range of events (one step), in a sentence. */
export function describeStep(events: readonly TraceEvent[], from: number, to: number): string {
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
				else if (e.task === ran && e.state === 'done') did.push(`ends${e.exitcode !== undefined ? ` (exit ${e.exitcode})` : ''}${e.zombie !== undefined ? ', a zombie' : ''}`);
				else if (e.state === 'ready') others.push(`${e.task} wakes`);
				else if (e.state === 'done') others.push(`${e.task} ends${e.zombie !== undefined ? ', a zombie' : ''}`);
				else if (e.state === 'running' && e.task !== ran) others.push(`${e.task} runs`);
				break;
			case 'op': {
				const detail = 'value' in e ? ` → ${String(e.value)}` : 'holder' in e ? ` → ${e.holder === null ? 'free' : `held by ${String(e.holder)}`}` : 'item' in e ? ` ${oneLine(String(e.item))}` : '';
				const what = `${e.op}${e.obj ? ` ${e.obj.replace(/^file:/, '')}` : ''}${detail}`;
				if (e.task === ran) did.push(what);
				else others.push(`${e.task} ${what}`);
				break;
			}
			case 'print':
				(e.task === ran ? did : others).push(`prints "${oneLine(e.text)}"`);
				break;
			case 'task':
				if (ran) did.push(`starts ${e.task}`);
				break;
			case 'gate':
				if (e.task === ran && e.state === 'blocked') did.push(`blocks on ${e.on ?? e.op}`);
				else if (e.task !== ran && e.state === 'blocked') others.push(`${e.task} blocks on ${e.on ?? e.op}`);
				break;
			case 'reap':
				if (e.by === ran) did.push(`reaps ${e.task}`);
				else others.push(`${e.by} reaps ${e.task}`);
				break;
			case 'end':
				others.push(`the run ends: ${e.outcome}`);
				break;
		}
	}
	const parts: string[] = [];
	if (ran) parts.push(`${ran} ran${did.length ? `: ${did.join(', ')}` : ''}`);
	else if (did.length) parts.push(did.join(', '));
	if (others.length) parts.push(others.join(', '));
	if (jumped !== undefined) parts.push(`clock → ${seconds(jumped)}s`);
	return parts.join(' · ');
}
