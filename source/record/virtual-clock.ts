/**
 * A clock that moves only when told to: the key script's waits move it. The
 * session's playback timers run on it, so a recording shows the same steps
 * at the same times however fast or slow the machine is.
 */
import type {Timers} from '../ui/session.js';

interface Pending {
	id: number;
	at: number;
	fn: () => void;
}

export class VirtualClock implements Timers {
	/** Milliseconds since the recording began. */
	now = 0;
	private nextId = 1;
	private pending: Pending[] = [];

	setTimeout(fn: () => void, ms: number): number {
		const id = this.nextId++;
		this.pending.push({id, at: this.now + Math.max(0, ms), fn});
		return id;
	}

	clearTimeout(handle: unknown): void {
		this.pending = this.pending.filter(p => p.id !== handle);
	}

	/** Stops the world for `ms`: time moves on, and every pending timer falls due that much later. */
	hold(ms: number): void {
		this.now += ms;
		for (const p of this.pending) p.at += ms;
	}

	/** The time of the next timer due by `until`, if any. */
	nextDue(until: number): number | undefined {
		let best: number | undefined;
		for (const p of this.pending) if (p.at <= until && (best === undefined || p.at < best)) best = p.at;
		return best;
	}

	/**
	 * Moves to `at` and fires the timers due by then, earliest first (ties in
	 * the order they were set). Timers they set that fall due by `at` fire too.
	 */
	fireUntil(at: number): void {
		for (;;) {
			const due = this.pending.filter(p => p.at <= at).sort((a, b) => a.at - b.at || a.id - b.id)[0];
			if (!due) break;
			this.pending = this.pending.filter(p => p !== due);
			this.now = Math.max(this.now, due.at);
			due.fn();
		}
		this.now = Math.max(this.now, at);
	}
}
