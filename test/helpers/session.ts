/**
 * Waiting on a viewer's session from a test: frames are taken as the hook
 * takes them, until one shows what the test waits for.
 */
import {CLOCK} from '../../source/engine/policies.js';
import type {Frame, RunSession} from '../../source/ui/session.js';

/** The first frame for which `ok` holds; a timeout says where the session stood. */
export async function until(s: RunSession, ok: (f: Frame) => boolean, what: string, timeoutMs = 60_000): Promise<Frame> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const f = s.frame();
		if (ok(f)) return f;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what} (at ${f.pos}/${f.last}, ${f.status}, ready ${f.ready.join()})`);
		await new Promise(r => setTimeout(r, 20));
	}
}

/** Types the number of task `name` (its place in creation order, 1-based; CLOCK: 0) as digits, as a viewer would: it selects the task. */
export function typeNumber(s: RunSession, name: string): void {
	const order = s.frame().view.order;
	if (name !== CLOCK && !order.includes(name)) throw new Error(`no task ${name} to select`);
	const n = name === CLOCK ? 0 : order.indexOf(name) + 1;
	for (const d of String(n)) s.command({name: 'pick', digit: Number(d)});
}

/** Selects task `name` by its number and presses Enter: it runs, when it is ready. */
export function runTask(s: RunSession, name: string): void {
	typeNumber(s, name);
	s.command({name: 'choose'});
}
