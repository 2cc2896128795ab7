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
