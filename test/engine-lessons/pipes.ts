/**
 * A test lesson: a pipe's ends closing, as CPython's Connection does it
 * (close, EOFError, OSError: handle is closed, BrokenPipeError, one-way
 * pipes, the copies a process holds closing when it ends).
 */
import {Connection, Pipe, Process, defineScenario, print, sleep, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'pipes',
	title: {zh: '管道', en: 'pipes'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		eof: {zh: '', en: 'the 包子 example: each side closes the end it does not use; EOFError ends the reader'},
		forgot: {zh: '', en: 'the reader keeps its copy of the writing end: no EOF, it waits for ever'},
		'child-exit': {zh: '', en: 'a child ending closes its copies: the parent reading gets EOFError'},
		terminated: {zh: '', en: 'a child terminated holding the writing end: the reader gets EOFError'},
		closed: {zh: '', en: 'send, recv and poll on a closed copy: OSError handle is closed; close twice is fine'},
		broken: {zh: '', en: 'send when the other end is closed everywhere: BrokenPipeError'},
		oneway: {zh: '', en: 'Pipe(false): a reader and a writer'},
	},
	defaultVariant: 'eof',
	processes: () => 2,
});

function why(error: unknown): string {
	return error instanceof Error ? `${error.name}${error.message ? `: ${error.message}` : ''}` : String(error);
}

export async function eater(left: Connection, right: Connection, closeLeft: boolean): Promise<void> {
	if (closeLeft) await left.close();
	for (;;) {
		try {
			await print(`got ${String(await right.recv())}`);
		} catch (error) {
			await print(`reader: ${why(error)}`);
			await right.close();
			return;
		}
	}
}

export async function holder(end: Connection): Promise<void> {
	await end.send('hi');
	await sleep(1);
}

export async function hang(end: Connection): Promise<void> {
	await sleep(100);
	await end.send('never');
}

export async function main({variant}: MainContext): Promise<void> {
	const [left, right] = Pipe();
	switch (variant) {
		case 'eof':
		case 'forgot': {
			const c = new Process({target: eater, args: [left, right, variant === 'eof']});
			await c.start();
			await right.close();
			for (let i = 0; i < 3; i++) await left.send(i);
			await left.close();
			await c.join();
			await print('main done');
			return;
		}
		case 'child-exit': {
			const c = new Process({target: holder, args: [right]});
			await c.start();
			await right.close();
			await print(`got ${String(await left.recv())}`);
			try {
				await left.recv();
			} catch (error) {
				await print(`main: ${why(error)}`);
			}
			await print('poll', await left.poll());
			await c.join();
			return;
		}
		case 'terminated': {
			const c = new Process({target: hang, args: [right]});
			await c.start();
			await right.close();
			await sleep(1);
			await c.terminate();
			try {
				await left.recv();
			} catch (error) {
				await print(`main: ${why(error)}`);
			}
			await c.join();
			return;
		}
		case 'closed': {
			await left.close();
			await left.close();
			await print('closed', left.closed, right.closed);
			for (const attempt of [() => left.send(1), () => left.recv(), async () => left.poll()]) {
				try {
					await attempt();
				} catch (error) {
					await print(why(error));
				}
			}
			try {
				await right.recv();
			} catch (error) {
				await print(`right: ${why(error)}`);
			}
			return;
		}
		case 'broken': {
			await right.close();
			try {
				await left.send(1);
			} catch (error) {
				await print(why(error));
			}
			return;
		}
		case 'oneway': {
			const [reader, writer] = Pipe(false);
			await print('reader', reader.readable, reader.writable, 'writer', writer.readable, writer.writable);
			for (const attempt of [() => reader.send(1), () => writer.recv()]) {
				try {
					await attempt();
				} catch (error) {
					await print(why(error));
				}
			}
			await writer.send('one way');
			await print(`got ${String(await reader.recv())}`);
			return;
		}
	}
}
