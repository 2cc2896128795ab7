/**
 * The shared state of an Event: a flag and a sequence word bumped by every
 * `set`, so `wait` cannot miss a set that lands between its check and its park.
 */
const FLAG = 0;
const SEQ = 1;
const WORDS = 2;

export class EventCore {
	readonly words: Int32Array;

	constructor(readonly sab = new SharedArrayBuffer(WORDS * 4)) {
		this.words = new Int32Array(sab);
	}

	get seqIndex(): number {
		return SEQ;
	}

	isSet(): boolean {
		return Atomics.load(this.words, FLAG) === 1;
	}

	set(): void {
		Atomics.store(this.words, FLAG, 1);
		Atomics.add(this.words, SEQ, 1);
		Atomics.notify(this.words, SEQ);
	}

	clear(): void {
		Atomics.store(this.words, FLAG, 0);
	}
}
