/**
 * Waiting on a viewer's session from a test: frames are taken as the hook
 * takes them, until one shows what the test waits for.
 */
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
