/**
 * Who holds a copy of each end of a Pipe: per end, a bitmap of process
 * slots. In CPython each process has its own handle (file descriptor) for
 * every end it holds; close() closes that process's copy only, and the OS
 * closes a process's copies when it dies. An end is open while some live
 * process holds a copy: a recv() on the other end that finds nothing then
 * waits; once no live process holds it, recv() raises EOFError.
 *
 * A holder's bit is cleared by its close(); a holder that has ended needs no
 * clearing, since "live" is read from the run's process table, so a process
 * that is terminated (and can run no code) still lets go of its ends.
 */
import {MAX_PROCESSES, PROC_DONE, PROC_STATUS, PROC_WORDS} from '../engine/protocol.js';

const WORDS_PER_END = MAX_PROCESSES / 32;

export class PipeEnds {
	readonly words: Int32Array;

	constructor(readonly sab: SharedArrayBuffer) {
		this.words = new Int32Array(sab);
	}

	static create(): PipeEnds {
		return new PipeEnds(new SharedArrayBuffer(2 * WORDS_PER_END * 4));
	}

	/** The process in `slot` holds a copy of `end` (it created the pipe, or was given the end). */
	hold(end: 0 | 1, slot: number): void {
		Atomics.or(this.words, end * WORDS_PER_END + (slot >>> 5), 1 << (slot & 31));
	}

	/** The process in `slot` closes its copy of `end`. */
	drop(end: 0 | 1, slot: number): void {
		Atomics.and(this.words, end * WORDS_PER_END + (slot >>> 5), ~(1 << (slot & 31)));
	}

	/** Whether any process that has not ended holds a copy of `end`. */
	open(end: 0 | 1, procs: Int32Array): boolean {
		for (let w = 0; w < WORDS_PER_END; w++) {
			let bits = Atomics.load(this.words, end * WORDS_PER_END + w);
			while (bits !== 0) {
				const low = bits & -bits;
				const slot = w * 32 + (31 - Math.clz32(low));
				if (Atomics.load(procs, slot * PROC_WORDS + PROC_STATUS) !== PROC_DONE) return true;
				bits &= ~low;
			}
		}
		return false;
	}
}
