/**
 * Python's exceptions, thrown as themselves: a lesson catches them with
 * `instanceof ValueError` and raises them with `throw new ValueError(…)`, and
 * a traceback in the output pane names the same exception a student sees
 * when running the tutorial (`ValueError: …`, from `pyType`). A lesson's own
 * exception class (`class NotEnoughTickets extends Exception {}`) is named
 * after itself, as Python names it.
 */
import {SystemExit as EngineSystemExit} from '../engine/runtime.js';

export class PyError extends Error {
	readonly pyType: string;

	constructor(message = '', pyType?: string) {
		super(message);
		// A class may say how Python spells its name (`queue.Full`); else its own name is Python's.
		this.pyType = pyType ?? (Object.hasOwn(new.target, 'pyName') ? (new.target as unknown as {pyName: string}).pyName : new.target.name);
		this.name = this.pyType;
	}
}

/** Python's `Exception`: the base a lesson's own exception classes extend. */
export class Exception extends PyError {}

export class ValueError extends Exception {}

export class RuntimeError extends Exception {}

export class AttributeError extends Exception {}

/** Python's TypeError (exported as `TypeError`; JavaScript's own keeps its name here). */
export class PyTypeError extends Exception {
	static readonly pyName = 'TypeError';
}

export class KeyError extends Exception {
	/** Python shows the key as its repr: `KeyError: 'k'`. */
	constructor(key: unknown) {
		super(typeof key === 'string' ? `'${key}'` : String(key));
	}
}

export class IndexError extends Exception {}

export class ZeroDivisionError extends Exception {}

/** TimeoutError, as a Pool's `AsyncResult.get(timeout)` raises it. */
export class TimeoutError extends Exception {}

/** AssertionError, as multiprocessing raises it (daemonic children, joining an unstarted process). */
export class AssertionError extends Exception {}

/**
 * `sys.exit(code)`: the engine's SystemExit, so an uncaught one ends its
 * process with that exit code and no traceback (None is 0; a message, which
 * CPython prints, is 1). Not an Exception, as in Python (a BaseException):
 * `catch (e) { if (e instanceof Exception) … }` lets it through.
 */
export class SystemExit extends EngineSystemExit {
	readonly pyType = 'SystemExit';

	constructor(code: number | string | null = null) {
		super(code === null ? 0 : typeof code === 'number' ? code : 1, typeof code === 'string' ? code : undefined);
	}
}

/** queue.Full: put on a full queue without waiting (or after its timeout). */
export class Full extends Exception {
	static readonly pyName = 'queue.Full';

	constructor() {
		super();
	}
}

/** queue.Empty: get on an empty queue without waiting (or after its timeout). */
export class Empty extends Exception {
	// CPython names it after the C module that defines it.
	static readonly pyName = '_queue.Empty';

	constructor() {
		super();
	}
}

/** EOFError: recv() on a pipe end whose other end every process has closed, once nothing is left to receive. */
export class EOFError extends Exception {
	constructor() {
		super();
	}
}

/** OSError, as a Connection raises it: `handle is closed`, `connection is read-only`. */
export class OSError extends Exception {}

/** BrokenPipeError (an OSError): send() on a pipe end whose other end every process has closed. */
export class BrokenPipeError extends OSError {
	constructor() {
		super('[Errno 32] Broken pipe');
	}
}

/** threading.BrokenBarrierError: a Barrier was aborted or reset, or a wait timed out. */
export class BrokenBarrierError extends RuntimeError {
	static readonly pyName = 'threading.BrokenBarrierError';

	constructor() {
		super();
	}
}
