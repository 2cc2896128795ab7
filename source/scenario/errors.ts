/**
 * Python's exceptions, thrown as themselves: a lesson catches them with
 * `instanceof ValueError` and raises them with `throw new ValueError(…)`, and
 * a traceback in the output pane names the same exception a student sees
 * when running the tutorial (`ValueError: …`, from `pyType`).
 */
export class PyError extends Error {
	constructor(readonly pyType: string, message = '') {
		super(message);
		this.name = pyType;
	}
}

/** Python's `Exception`: the base a lesson's own exception classes extend. */
export class Exception extends PyError {
	constructor(message = '', pyType = 'Exception') {
		super(pyType, message);
	}
}

export class ValueError extends Exception {
	constructor(message = '') {
		super(message, 'ValueError');
	}
}

export class RuntimeError extends Exception {
	constructor(message = '', pyType = 'RuntimeError') {
		super(message, pyType);
	}
}

export class AttributeError extends Exception {
	constructor(message = '') {
		super(message, 'AttributeError');
	}
}

/** Python's TypeError (exported as `TypeError`; JavaScript's own keeps its name here). */
export class PyTypeError extends Exception {
	constructor(message = '') {
		super(message, 'TypeError');
	}
}

export class KeyError extends Exception {
	constructor(key: unknown) {
		super(typeof key === 'string' ? `'${key}'` : String(key), 'KeyError');
	}
}

export class IndexError extends Exception {
	constructor(message = '') {
		super(message, 'IndexError');
	}
}

export class ZeroDivisionError extends Exception {
	constructor(message = 'division by zero') {
		super(message, 'ZeroDivisionError');
	}
}

/** TimeoutError, as a Pool's `AsyncResult.get(timeout)` raises it. */
export class TimeoutError extends Exception {
	constructor(message = '') {
		super(message, 'TimeoutError');
	}
}

/** AssertionError, as multiprocessing raises it (daemonic children, joining an unstarted process). */
export class AssertionError extends Exception {
	constructor(message = '') {
		super(message, 'AssertionError');
	}
}

/**
 * `sys.exit(code)`: not an Exception in Python (a BaseException), so a
 * lesson's `catch (e) { if (e instanceof Exception) … }` lets it through.
 */
export class SystemExit extends PyError {
	constructor(readonly code: number | string | null = null) {
		super('SystemExit', code === null ? '' : String(code));
	}
}

/** queue.Full: put on a full queue without waiting (or after its timeout). */
export class Full extends Exception {
	constructor() {
		super('', 'queue.Full');
	}
}

/** queue.Empty: get on an empty queue without waiting (or after its timeout). */
export class Empty extends Exception {
	constructor() {
		// CPython names it after the C module that defines it.
		super('', '_queue.Empty');
	}
}

/** EOFError: recv() on a pipe end whose other end every process has closed, once nothing is left to receive. */
export class EOFError extends Exception {
	constructor() {
		super('', 'EOFError');
	}
}

/** OSError, as a Connection raises it: `handle is closed`, `connection is read-only`. */
export class OSError extends Exception {
	constructor(message: string, pyType = 'OSError') {
		super(message, pyType);
	}
}

/** BrokenPipeError (an OSError): send() on a pipe end whose other end every process has closed. */
export class BrokenPipeError extends OSError {
	constructor() {
		super('[Errno 32] Broken pipe', 'BrokenPipeError');
	}
}

/** threading.BrokenBarrierError: a Barrier was aborted or reset, or a wait timed out. */
export class BrokenBarrierError extends RuntimeError {
	constructor() {
		super('', 'threading.BrokenBarrierError');
	}
}
