// tuples.py as a lesson: tuples stay tuples through pipes, queues and a process's args; floats print as floats.
import {Pipe, Process, Queue, Value, float, print, tuple} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('tuples');

export async function child(conn, q, pair) {
	await print('child args', pair, pair[1]);
	await conn.send(tuple(1, 'a'));
	await q.put(tuple(2, tuple('b', 3.5)));
	await print('child got', await conn.recv());
}

export async function main() {
	const [a, b] = Pipe();
	const q = new Queue();
	const p = new Process({target: child, args: [b, q, tuple(5, 'x')]});
	await p.start();
	const got = await a.recv();
	await print(got, got[0], got.length);
	const [first, second] = await q.get();
	await print(first, second, second[1]);
	await a.send([tuple(1), tuple(), tuple('end')]);
	await p.join();
	const v = new Value('d', 1.0);
	await print(await v.load());
	await v.store((await v.load()) + 0.5);
	// Arithmetic gives a JavaScript number: float() says a whole result is a float (see the README).
	await print(await v.load(), float((await v.load()) * 2));
	await print(await new Value('i', 3).load());
	await print(v, new Value('i', 2, {lock: false}));
	await print(tuple(1, 'a'), [float(1), 2], {k: tuple(1, 2)}, tuple(tuple('nested')));
	await print(1e-5, 1 / 3, 2.5, float(1e16));
}
