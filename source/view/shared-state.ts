/**
 * Shared state as the trace tells it: every read and write of a `Value`, a
 * `SharedFile` or a variable shared by a process's threads, with its value
 * and its task, folded into what the Variables panel shows (each variable's
 * value now, what each task last read of it, and whether that read is now
 * stale) and into the history the explanation of a break is found in
 * (view/explain.ts).
 *
 * A variable's version counts its writes: a task's read is stale when the
 * variable has been written since (whatever the value: a write of the same
 * value still means someone acted on a newer state).
 */
import type {EventOf, TraceEvent} from '../engine/trace.js';
import {floatRepr} from '../scenario/repr.js';
import type {ViewState} from './state.js';

/** What a variable is, for people: a Value in shared memory, a file on disk, a plain variable of a process. */
export type VarKind = 'Value' | 'File' | 'Var';

export interface VarView {
	obj: string;
	kind: VarKind;
	/** The name the program gives it (`num`, `data.json`, `n`); the object id when it has none. */
	name: string;
	/** Its value now, as Python shows it. */
	value: string;
	/** Writes so far. */
	version: number;
	/** Writes so far per task. */
	writes: Record<string, number>;
	lastWriter?: string;
	writtenAt?: number;
}

export interface ReadView {
	value: string;
	/** The variable's version it read. */
	version: number;
	step: number;
}

export interface Access {
	step: number;
	task: string;
	obj: string;
	op: 'read' | 'write';
	value: string;
	/** A read: the version it saw; a write: the version it made. */
	version: number;
	/** A write: the version its task had last read (none: it wrote without reading). */
	basedOn?: number;
}

export interface SharedState {
	vars: Record<string, VarView>;
	varOrder: string[];
	/** For each task, what it last read of each variable. */
	reads: Record<string, Record<string, ReadView>>;
	/** Each task's named locals (`watch`), newest value. */
	locals: Record<string, Record<string, {value: string; step: number}>>;
	/** Every access, in trace order. */
	accesses: Access[];
	/** For each task, the locks and semaphores it holds now and the step it took each at. */
	held: Record<string, Record<string, number>>;
}

export function emptyShared(): SharedState {
	return {vars: {}, varOrder: [], reads: {}, locals: {}, accesses: [], held: {}};
}

/**
 * Whether a task's last read of a variable is stale: someone else wrote it
 * since. A task whose own write came last acted on what it read; its read is
 * not stale for having been followed by that write.
 */
export function isStale(s: SharedState, task: string, obj: string): boolean {
	const read = s.reads[task]?.[obj];
	const v = s.vars[obj];
	if (read === undefined || v === undefined || v.version <= read.version) return false;
	return !(v.lastWriter === task && (v.writtenAt ?? -1) >= read.step);
}

function kindOf(type: string): VarKind | undefined {
	return type === 'Value' || type === 'File' || type === 'Var' ? type : undefined;
}

function shown(v: VarView, e: EventOf<'op'> | EventOf<'prim'>, typecode: string | undefined): string | undefined {
	if (v.kind === 'File') return typeof e.content === 'string' ? e.content : undefined;
	if (v.kind === 'Value') return typeof e.value === 'number' ? (typecode === 'd' || typecode === 'f' ? floatRepr(e.value) : String(e.value)) : undefined;
	return typeof e.value === 'string' ? e.value : undefined;
}

const READS: Record<VarKind, string> = {Value: 'load', File: 'read', Var: 'read'};
const WRITES: Record<VarKind, string> = {Value: 'store', File: 'write', Var: 'write'};

/** Called by the reducer for every event, after the primitives' own fold. */
export function foldShared(s: ViewState, e: TraceEvent): void {
	const sh = s.shared;
	if (e.kind === 'prim') {
		const kind = kindOf(e.type);
		if (!kind || sh.vars[e.obj]) return;
		const v: VarView = {obj: e.obj, kind, name: e.name ?? e.obj, value: '', version: 0, writes: {}};
		v.value = shown(v, e, e.typecode as string | undefined) ?? '';
		sh.vars[e.obj] = v;
		sh.varOrder.push(e.obj);
		return;
	}
	if (e.kind !== 'op') return;
	if (e.op === 'local') {
		const name = e.name as string;
		(sh.locals[e.task] ??= {})[name] = {value: String(e.value), step: e.step};
		return;
	}
	if (!e.obj) return;
	if (e.op === 'acquire') {
		const mine = (sh.held[e.task] ??= {});
		mine[e.obj] ??= e.step;
		return;
	}
	// An RLock released once of twice is still held (its holder stays).
	if (e.op === 'release' && (!('holder' in e) || e.holder === null)) {
		delete sh.held[e.task]?.[e.obj];
		return;
	}
	let v = sh.vars[e.obj];
	if (!v && e.obj.startsWith('file:')) {
		// A file the lesson did not declare: it appears at its first access.
		v = sh.vars[e.obj] = {obj: e.obj, kind: 'File', name: e.obj.slice(5), value: '', version: 0, writes: {}};
		sh.varOrder.push(e.obj);
	}
	// An Array's element accesses carry an index: they are not the Value they look like.
	if (!v || 'index' in e || 'values' in e) return;
	const value = shown(v, e, s.prims[e.obj]?.typecode);
	if (value === undefined) return;
	if (e.op === READS[v.kind]) {
		(sh.reads[e.task] ??= {})[e.obj] = {value, version: v.version, step: e.step};
		sh.accesses.push({step: e.step, task: e.task, obj: e.obj, op: 'read', value, version: v.version});
	} else if (e.op === WRITES[v.kind]) {
		const basedOn = sh.reads[e.task]?.[e.obj]?.version;
		v.version++;
		v.value = value;
		v.writes[e.task] = (v.writes[e.task] ?? 0) + 1;
		v.lastWriter = e.task;
		v.writtenAt = e.step;
		sh.accesses.push({step: e.step, task: e.task, obj: e.obj, op: 'write', value, version: v.version, ...(basedOn !== undefined ? {basedOn} : {})});
	}
}
