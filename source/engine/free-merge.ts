/**
 * Free mode's events, put back into one history. Each core posts its
 * processes' events in batches, and batches of different cores arrive in any
 * order; every recorded event carries a run-wide sequence number taken from
 * one shared counter at the moment it was recorded, so the numbers are dense
 * and their order is an order the events really happened in. The merge hands
 * events on strictly in that order: an event whose predecessors have not all
 * arrived waits for them.
 *
 * A number can go missing for good (a core that crashed after taking it): a
 * gap that stays open for `gapMs` is skipped, so the run never stalls on it.
 */
export class FreeMerge<T> {
	private readonly pending = new Map<number, T>();
	private next = 0;
	private stalledSince: number | undefined;

	constructor(private readonly gapMs = 250) {}

	/** Adds an event; returns those that are now next in order. */
	add(seq: number, item: T, out: T[] = []): T[] {
		if (seq < this.next) {
			out.push(item);
			return out;
		}
		this.pending.set(seq, item);
		return this.drain(out);
	}

	/** Events that may go on now, including past a gap that has been open too long. */
	drain(out: T[] = [], now = performance.now()): T[] {
		for (;;) {
			const item = this.pending.get(this.next);
			if (item !== undefined) {
				this.pending.delete(this.next);
				this.next++;
				out.push(item);
				this.stalledSince = undefined;
				continue;
			}
			if (this.pending.size === 0) {
				this.stalledSince = undefined;
				return out;
			}
			this.stalledSince ??= now;
			if (now - this.stalledSince < this.gapMs) return out;
			this.next = Math.min(...this.pending.keys());
			this.stalledSince = undefined;
		}
	}

	/** Events still waiting for a predecessor. */
	get waiting(): number {
		return this.pending.size;
	}
}
