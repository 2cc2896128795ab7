/**
 * Waiting on a viewer's session from a test: frames are taken as the hook
 * takes them, until one shows what the test waits for.
 */
import {after} from 'node:test';
import {CLOCK} from '../../source/engine/policies.js';
import {loadScenario, resolveScenario, type LoadedScenario} from '../../source/scenario/load.js';
import {RunSession, type Frame, type SessionInit} from '../../source/ui/session.js';

/**
 * Sessions of one lesson for a test file: `open(init)` starts one (English,
 * paused, on the variant `spec` names), and every one is disposed after the
 * file's tests.
 */
export async function sessionsOf(spec: string): Promise<{scenario: LoadedScenario; open: (init?: Partial<SessionInit>) => RunSession}> {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	const sessions: RunSession[] = [];
	after(async () => {
		await Promise.all(sessions.map(s => s.dispose()));
	});
	const open = (init: Partial<SessionInit> = {}) => {
		const s = new RunSession({scenario, lang: 'en', paused: true, ...(variant !== undefined ? {variant} : {}), ...init}, () => {});
		sessions.push(s);
		return s;
	};
	return {scenario, open};
}

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
