/**
 * The shared state of a multiprocessing `Array`: `length` typed numbers.
 * Each load and store of one element is atomic on its own; a
 * read-modify-write made of a load and a store is not, as `arr[i] += 1` is
 * not in CPython.
 */
import type {Typecode} from './value.js';

export class ArrayCore {
	private readonly cells: Float64Array;

	constructor(readonly typecode: Typecode, readonly sab: SharedArrayBuffer) {
		this.cells = new Float64Array(sab);
	}

	static create(typecode: Typecode, initial: readonly number[]): ArrayCore {
		const core = new ArrayCore(typecode, new SharedArrayBuffer(Math.max(1, initial.length) * 8));
		initial.forEach((v, i) => core.store(i, v));
		return core;
	}

	get length(): number {
		return this.cells.length;
	}

	load(i: number): number {
		return this.cells[i]!;
	}

	store(i: number, v: number): void {
		this.cells[i] = this.typecode === 'i' || this.typecode === 'l' ? Math.trunc(v) | 0 : v;
	}
}
