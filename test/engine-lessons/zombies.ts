/**
 * A test lesson: one variant per way CPython reaps (or never makes) a zombie.
 * Each child ends at once (`quick`) while its parent sleeps, so it is a
 * zombie before the parent's next move; what that move is differs.
 */
import {Process, Thread, active_children, defineScenario, print, sleep, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'zombies',
	title: {zh: '僵尸', en: 'zombies'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		join: {zh: '', en: 'join reaps'},
		'join-timeout': {zh: '', en: 'a join that times out reaps nothing; the next one does'},
		exitcode: {zh: '', en: 'reading exitcode reaps'},
		start: {zh: '', en: 'start() reaps the children already ended'},
		active: {zh: '', en: 'active_children() reaps'},
		exit: {zh: '', en: 'the parent exits without joining: its exit reaps; a child ending after that is never a zombie'},
		orphan: {zh: '', en: 'a parent terminated with a zombie child: init reaps it'},
		thread: {zh: '', en: 'a thread is never a zombie'},
	},
	defaultVariant: 'join',
	processes: () => 3,
});

export async function quick(): Promise<void> {
	await print('quick');
}

export async function slow(): Promise<void> {
	await sleep(2);
	await print('slow');
}

/** Starts a quick grandchild and then sleeps, never reaping it. */
export async function negligent(): Promise<void> {
	await new Process({target: quick}).start();
	await sleep(10);
}

export async function main({variant}: MainContext): Promise<void> {
	switch (variant) {
		case 'join': {
			const p = new Process({target: quick});
			await p.start();
			await sleep(1);
			await p.join();
			await print(`exitcode ${p.exitcode}`);
			return;
		}
		case 'join-timeout': {
			const p = new Process({target: slow});
			await p.start();
			await p.join(1);
			await print('after timeout', p.is_alive());
			await sleep(2);
			await p.join();
			return;
		}
		case 'exitcode': {
			const p = new Process({target: quick});
			await p.start();
			await sleep(1);
			await print(`exitcode ${p.exitcode}`);
			return;
		}
		case 'start': {
			const p = new Process({target: quick});
			await p.start();
			await sleep(1);
			const q = new Process({target: slow});
			await q.start();
			await q.join();
			return;
		}
		case 'active': {
			// The slow one first: a start() after the quick one ended would reap it.
			const q = new Process({target: slow});
			const p = new Process({target: quick});
			await q.start();
			await p.start();
			await sleep(1);
			await print(`active ${active_children().map(c => c.name).join(' ')}`);
			await q.join();
			return;
		}
		case 'exit': {
			await new Process({target: slow}).start();
			await new Process({target: quick}).start();
			await sleep(1);
			await print('main returns');
			return;
		}
		case 'orphan': {
			const p = new Process({target: negligent});
			await p.start();
			await sleep(1);
			await p.terminate();
			await p.join();
			return;
		}
		case 'thread': {
			const t = new Thread({target: quick});
			await t.start();
			await sleep(1);
			await t.join();
			return;
		}
	}
}
