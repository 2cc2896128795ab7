// exit.py as a lesson: sys.exit(n) ends the process with exit code n and no traceback; in a thread it ends the thread.
import {Process, SystemExit, Thread, print, sys} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('exit');

export async function quits(code) {
	await print('child quits with', code);
	sys.exit(code);
	await print('not reached');
}

async function thread_quits() {
	sys.exit(5);
}

export async function main() {
	for (const code of [null, 0, 3, 'bye']) {
		const p = new Process({target: quits, args: [code]});
		await p.start();
		await p.join();
		await print('exitcode', p.exitcode);
	}
	const t = new Thread({target: thread_quits});
	await t.start();
	await t.join();
	await print('the thread ended quietly');
	try {
		sys.exit(2);
	} catch (e) {
		if (e instanceof SystemExit) await print('caught SystemExit', e.code);
	}
	sys.exit(4);
}
