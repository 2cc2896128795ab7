// threads.py as a lesson: Thread and Process objects as CPython 3.11 has them.
import {AssertionError, Process, RuntimeError, Thread, ValueError, current_thread, main_thread, print, threading} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('threads');

let t;

async function task() {
	const me = current_thread();
	await print('inside', me.name, 'alive', me.is_alive(), 'same object', me === t);
	try {
		await me.join();
	} catch (e) {
		if (e instanceof RuntimeError) await print('join itself:', e.pyType, e.message);
	}
}

export async function greet(who, {punctuation = '.', times = 1} = {}) {
	await print('hello', who + punctuation.repeat(times));
}

async function boom() {
	throw new ValueError('from a thread');
}

export async function main() {
	await print(current_thread().name, current_thread() === main_thread());
	t = new Thread({target: task});
	await print(t.name, t.is_alive());
	await t.start();
	await t.join();
	try {
		t.daemon = true;
	} catch (e) {
		if (e instanceof RuntimeError) await print('daemon after start:', e.pyType, e.message);
	}
	const named = new Thread({target: task, name: 'worker'});
	await print(named.name, new Thread({target: greet}).name, new Thread().name);
	const k = new Thread({target: greet, args: ['thread'], kwargs: {punctuation: '!', times: 3}});
	await k.start();
	await k.join();
	const first = new Process({target: greet, args: ['process'], kwargs: {times: 2}, name: 'first'});
	const second = new Process({target: greet, args: ['second']});
	await print(first.name, second.name);
	await first.start();
	await first.join();
	try {
		first.daemon = true;
	} catch (e) {
		if (e instanceof AssertionError) await print('process daemon after start:', e.pyType, e.message);
	}
	const b = new Thread({target: boom});
	await b.start();
	await b.join();
	await print('active', threading.active_count(), threading.enumerate().map(x => x.name));
}
