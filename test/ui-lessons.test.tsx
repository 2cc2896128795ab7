/**
 * Every lesson and variant opens in the TUI: its session plays it (fast) to the end it
 * declares, and the Screen draws the last frame whole at 100×30 and 80×24
 * (one row short of the terminal, no line too wide), with its title.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {expectedEndOf} from '../source/scenario/define.js';
import {builtInNames, loadScenario, resolveScenario} from '../source/scenario/load.js';
import {cellWidth} from '../source/ui/cells.js';
import {Screen} from '../source/ui/Screen.js';
import {RunSession, type Frame} from '../source/ui/session.js';

 
const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const sessions: RunSession[] = [];
after(async () => {
	cleanup();
	await Promise.all(sessions.map(s => s.dispose()));
});

async function played(name: string, variant: string): Promise<Frame> {
	const {module, label} = resolveScenario(name);
	const scenario = await loadScenario(module, label);
	const s = new RunSession({scenario, variant, lang: 'en', speed: 256}, () => {});
	sessions.push(s);
	const end = Date.now() + 120_000;
	for (;;) {
		const f = s.frame();
		if (f.recorded && f.pos === f.last && f.status !== 'playing' && f.status !== 'starting') {
			await s.dispose();
			return f;
		}
		if (Date.now() > end) throw new Error(`${name}: not at its end after 120 s (at ${f.pos}/${f.last}, ${f.status})`);
		await new Promise(r => setTimeout(r, 20));
	}
}

const variants = await Promise.all(
	builtInNames().map(async name => {
		const {module, label} = resolveScenario(name);
		return [name, Object.keys((await loadScenario(module, label)).meta.variants)] as const;
	}),
);

describe('every lesson in the TUI', {timeout: 1_200_000}, () => {
	for (const [name, names] of variants) for (const variant of names) {
		it(`${name}:${variant}: plays to the end it declares and draws it whole`, async () => {
			const f = await played(name, variant);
			const expected = expectedEndOf(f.scenario.meta, f.settings.variant);
			assert.equal(f.status, expected === 'deadlock' ? 'deadlock' : 'ended', f.error ?? '');
			assert.equal(f.view.end?.outcome, expected);
			for (const [columns, rows] of [[100, 30], [80, 24]] as const) {
				const {lastFrame, unmount} = render(<Screen frame={f} columns={columns} rows={rows} />);
				const lines = strip(lastFrame() ?? '').split('\n');
				unmount();
				const where = `${name}:${variant} at ${columns}×${rows}`;
				assert.equal(lines.length, rows - 1, where);
				for (const line of lines) assert.ok(cellWidth(line) <= columns, `${where}, too wide: ${line}`);
				assert.ok(lines[0]!.startsWith(f.scenario.meta.title.en.slice(0, 10)), lines[0]);
				assert.match(lines[1]!, expected === 'deadlock' ? /✗ deadlock/ : /■ ended/);
			}
		});
	}
});
