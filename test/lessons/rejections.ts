/**
 * A test lesson for promise rejections nobody handles: a process whose code
 * leaves one (a Promise.reject(...) not awaited, an async function that
 * throws, called without await) ends as if it had raised there, with a
 * traceback and exit code 1, while the other processes go on.
 */
import {Process, Thread, defineScenario, print, sleep, type MainContext} from '../../source/scenario/api.js';

export const meta = defineScenario({
	name: 'rejections',
	title: {zh: '测试用', en: 'unhandled rejections'},
	summary: {zh: ['测试用', '测试用'], en: ['for tests', 'for tests']},
	sources: [],
	group: 'extra',
	variants: {
		reject: {zh: '', en: 'a child leaves Promise.reject(new Error("boom")) unhandled'},
		async: {zh: '', en: 'a child calls an async function that throws, without await'},
		thread: {zh: '', en: 'a thread of a child leaves a rejection unhandled'},
		main: {zh: '', en: 'MainProcess itself leaves a rejection unhandled'},
		handled: {zh: '', en: 'a rejection that Promise.all takes at once is handled: nothing ends'},
	},
	defaultVariant: 'reject',
	processes: () => 3,
});

async function explode(): Promise<void> {
	await null;
	throw new TypeError('boom from an async function');
}

export async function bad(how: string): Promise<void> {
	await print(`bad starts (${how})`);
	if (how === 'reject') void Promise.reject(new Error('boom'));
	else if (how === 'async') void explode();
	else {
		const t = new Thread({target: badThread});
		await t.start();
		await t.join();
	}
	await sleep(1);
	await print('bad goes on');
}

export async function badThread(): Promise<void> {
	void Promise.reject(new Error('boom in a thread'));
	await sleep(0.5);
	await print('thread goes on');
}

export async function good(): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await sleep(0.5);
		await print(`good ${i}`);
	}
}

async function failNow(): Promise<void> {
	throw new Error('caught');
}

export async function main({variant}: MainContext): Promise<void> {
	if (variant === 'handled') {
		try {
			await Promise.all([failNow(), Promise.resolve(1)]);
		} catch (error) {
			await print(`caught: ${(error as Error).message}`);
		}
		await sleep(0.5);
		await print('main goes on');
		return;
	}
	if (variant === 'main') {
		void Promise.reject(new Error('boom in main'));
		await sleep(1);
		await print('main goes on');
		return;
	}
	const g = new Process({target: good, args: []});
	const b = new Process({target: bad, args: [variant]});
	await g.start();
	await b.start();
	await b.join();
	await g.join();
	await print(`bad exitcode ${b.exitcode}, good exitcode ${g.exitcode}`);
}
