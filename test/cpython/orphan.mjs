// orphan.py as a lesson: once its parent is terminated, an orphan's getppid() is init's (1), not the dead parent's pid.
import {Process, getpid, getppid, print, sleep} from 'conc-tui';
import {lessonMeta} from './_lesson.mjs';

export const meta = lessonMeta('orphan');

export async function grandchild(parent) {
	await print('adopted by the child:', getppid() === parent ? 'True' : 'False');
	await sleep(0.5);
	await print('still the child’s after it was terminated:', getppid() === parent ? 'True' : 'False');
}

export async function child() {
	const g = new Process({target: grandchild, args: [getpid()]});
	await g.start();
	await sleep(10);
}

export async function main() {
	const c = new Process({target: child});
	await c.start();
	await sleep(0.2);
	await c.terminate();
	await c.join();
	await print('child exit code', c.exitcode);
	await sleep(0.6);
}
