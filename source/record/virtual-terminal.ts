/**
 * A terminal that is only a size: Ink renders into it (in debug mode, so
 * each render is written at once and whole) and the last frame is kept.
 * No TTY is needed, so a key script records in CI.
 */
import {EventEmitter} from 'node:events';

export class VirtualTerminal extends EventEmitter {
	readonly isTTY = false;
	/** The last frame Ink wrote. */
	last = '';

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	write(data: string): boolean {
		this.last = data;
		return true;
	}

	/** As Ink wants its stdout. */
	get stream(): NodeJS.WriteStream {
		return this as unknown as NodeJS.WriteStream;
	}
}
