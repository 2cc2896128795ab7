/**
 * Arguments cross from one process to another as data, as multiprocessing
 * pickles them: plain values are structured-cloned; a primitive travels as a
 * handle holding its SharedArrayBuffer(s), so both processes use the same
 * shared memory. Each primitive class registers how to rebuild itself.
 */

export interface Handle {
	__prim: string;
	[field: string]: unknown;
}

/** Something that can be sent to another process by handle. */
export interface Shareable {
	/** `to`: the process slot of the child it is sent to at start() (a pipe end counts its holders). */
	toHandle(to?: number): Handle;
}

const revivers = new Map<string, (h: Handle) => unknown>();

export function registerReviver(kind: string, revive: (h: Handle) => unknown): void {
	revivers.set(kind, revive);
}

function isShareable(v: unknown): v is Shareable {
	return typeof v === 'object' && v !== null && typeof (v as Shareable).toHandle === 'function';
}

/** Replaces primitives by handles, recursively through arrays and plain objects; `to` is the receiving process's slot. */
export function marshal(value: unknown, to?: number): unknown {
	if (isShareable(value)) return value.toHandle(to);
	if (Array.isArray(value)) return value.map(v => marshal(v, to));
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, marshal(v, to)]));
	}
	if (typeof value === 'function') throw new TypeError(`cannot send a function to another process: pass data or primitives`);
	return value;
}

/** The inverse of {@link marshal}, in the receiving process. */
export function unmarshal(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(unmarshal);
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const kind = (value as Handle).__prim;
		if (typeof kind === 'string') {
			const revive = revivers.get(kind);
			if (!revive) throw new Error(`unknown primitive kind ${kind}`);
			return revive(value as Handle);
		}
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmarshal(v)]));
	}
	return value;
}
