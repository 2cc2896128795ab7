/**
 * The shared state of a `Value`: one typed number. Loads and stores are
 * each atomic on their own; a read-modify-write made of a load and a store
 * is not, exactly as `num.value -= 1` is not in CPython.
 */
export type Typecode = 'i' | 'l' | 'd' | 'f';

export class ValueCore {
	private readonly cell: Float64Array;

	constructor(readonly typecode: Typecode, readonly sab: SharedArrayBuffer) {
		this.cell = new Float64Array(sab);
	}

	static create(typecode: Typecode, initial: number): ValueCore {
		const core = new ValueCore(typecode, new SharedArrayBuffer(8));
		core.store(initial);
		return core;
	}

	load(): number {
		// Aligned 8-byte accesses are single-copy atomic on the platforms Node runs on.
		return this.cell[0]!;
	}

	/** Returns what was stored (an int typecode truncates), which a load right after may already not see in free mode. */
	store(v: number): number {
		const stored = this.typecode === 'i' || this.typecode === 'l' ? Math.trunc(v) | 0 : v;
		this.cell[0] = stored;
		return stored;
	}
}
