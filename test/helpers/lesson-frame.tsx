/**
 * A real lesson in a viewer's session, recorded to its end and paused, and
 * its frames drawn at a size (colours stripped), for frame tests and for a
 * look by hand (show-frames.tsx).
 */
import {render} from 'ink-testing-library';
import {loadScenario, resolveScenario} from '../../source/scenario/load.js';
import {Screen, type ScreenPlan} from '../../source/ui/Screen.js';
import {RunSession, type Frame} from '../../source/ui/session.js';

/** The lesson's session once its run is recorded, paused at step 0 (no intro card). */
export async function recordedSession(spec: string, seed?: number): Promise<RunSession> {
	const [name, variant] = spec.split(':');
	const {module, label} = resolveScenario(name!);
	const scenario = await loadScenario(module, label);
	const s = new RunSession({scenario, ...(variant ? {variant} : {}), ...(seed === undefined ? {} : {seed}), lang: 'en', paused: true}, () => {});
	const end = Date.now() + 120_000;
	while (!s.frame().recorded) {
		if (Date.now() > end) {
			await s.dispose();
			throw new Error(`${spec}: not recorded after 120 s`);
		}
		await new Promise(r => setTimeout(r, 20));
	}
	return s;
}

const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** The screen's rows, colours stripped; `plan` gets the plan it was drawn from. */
export function drawFrame(frame: Frame, columns: number, rows: number, plan?: {current?: ScreenPlan}): string[] {
	const {lastFrame, unmount} = render(<Screen frame={frame} columns={columns} rows={rows} {...(plan ? {plan} : {})} />);
	const lines = strip(lastFrame() ?? '').split('\n');
	unmount();
	return lines;
}
