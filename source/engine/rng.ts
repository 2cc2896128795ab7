/**
 * Seeded randomness. Every random choice in a run (the scheduler's, and a
 * scenario's `random()`/`randint()`) comes from here, never Math.random, so a
 * seed fixes the run. Each task draws from its own stream, seeded by the run's
 * seed and the task's name, so its numbers do not depend on the interleaving.
 */

/** sfc32-style small generator: fast, 32-bit state words, good enough for teaching. */
export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = seed >>> 0;
		for (let i = 0; i < 12; i++) this.next();
	}

	/** A 32-bit unsigned integer. */
	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** A float in [0, 1), like Python's random.random(). */
	random(): number {
		return this.next() / 4294967296;
	}

	/** An integer in [a, b], both ends included, like Python's random.randint. */
	randint(a: number, b: number): number {
		return a + Math.floor(this.random() * (b - a + 1));
	}

	/** An index in [0, n). */
	below(n: number): number {
		return Math.floor(this.random() * n);
	}
}

/** FNV-1a over the name, mixed with the seed. */
export function taskSeed(seed: number, name: string): number {
	let h = 0x811c9dc5 ^ (seed >>> 0);
	for (let i = 0; i < name.length; i++) {
		h ^= name.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
