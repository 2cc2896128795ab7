/**
 * Errors that carry CPython's exception type, so a traceback in the output
 * pane names the same exception a student sees when running the tutorial.
 */
export class PyError extends Error {
	constructor(readonly pyType: string, message = '') {
		super(message);
		this.name = pyType;
	}
}

/** queue.Full: put on a full queue without waiting (or after its timeout). */
export class Full extends PyError {
	constructor() {
		super('queue.Full');
	}
}

/** queue.Empty: get on an empty queue without waiting (or after its timeout). */
export class Empty extends PyError {
	constructor() {
		// CPython names it after the C module that defines it.
		super('_queue.Empty');
	}
}

/** AssertionError, as multiprocessing raises it (daemonic children, joining an unstarted process). */
export class AssertionError extends PyError {
	constructor(message: string) {
		super('AssertionError', message);
	}
}

/** EOFError: recv() on a pipe end whose other end every process has closed, once nothing is left to receive. */
export class EOFError extends PyError {
	constructor() {
		super('EOFError');
	}
}

/** OSError, as a Connection raises it: `handle is closed`, `connection is read-only`. */
export class OSError extends PyError {
	constructor(message: string, pyType = 'OSError') {
		super(pyType, message);
	}
}

/** BrokenPipeError (an OSError): send() on a pipe end whose other end every process has closed. */
export class BrokenPipeError extends OSError {
	constructor() {
		super('[Errno 32] Broken pipe', 'BrokenPipeError');
	}
}
