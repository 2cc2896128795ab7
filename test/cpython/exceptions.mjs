// exceptions.py as a lesson: Python's exceptions, raised and caught as themselves.
import {AttributeError, Exception, IndexError, KeyError, Process, RuntimeError, TypeError, Value, ValueError, ZeroDivisionError, print} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('exceptions');

class NotEnoughTickets extends Exception {}

export async function child() {
	throw new RuntimeError('the child gives up');
}

function sell(n) {
	if (n > 2) throw new NotEnoughTickets(`only 2 left, ${n} wanted`);
	return n;
}

export async function main() {
	try {
		new Value('i', 1, {lock: false}).get_lock();
	} catch (e) {
		if (e instanceof AttributeError) await print('AttributeError:', e.message);
	}
	for (const error of [new ValueError('v'), new RuntimeError('r'), new KeyError('k'), new IndexError('i'), new TypeError('t'), new ZeroDivisionError('z')]) {
		try {
			throw error;
		} catch (e) {
			await print(e.pyType, e instanceof Exception, e.message);
		}
	}
	try {
		sell(3);
	} catch (e) {
		if (e instanceof NotEnoughTickets) await print('caught', e.pyType, e.message);
	}
	const p = new Process({target: child});
	await p.start();
	await p.join();
	await print('child exitcode', p.exitcode);
	throw new ValueError('the main program gives up');
}
