/**
 * The TUI's frame (issue 3), in this process: `ticket:lock --clients 100`
 * recorded by a RunSession, then one frame per step drawn by Ink in
 * production mode into a 100×30 terminal that discards what it is given.
 * A frame's cost is the session's frame (folding the view to the cursor)
 * plus React's reconcile, Yoga's layout and Ink's write, in CPU time. The
 * floors next to it: writing the very same frame, as its final ANSI string,
 * to /dev/null; and Ink drawing the same text as plain lines (one Text a
 * row, no panels, no colours), with the same caches the TUI installs
 * (source/ui/ink-caches.ts, process-wide): what Ink costs for that much text
 * once layout and the panels are taken away.
 */
import {closeSync, openSync, writeSync} from 'node:fs';
import {EventEmitter} from 'node:events';
import {sample} from './lib/measure.js';
import {type Row, ms} from './lib/table.js';

const CLIENTS = 100;
const FRAME_CPU_MS = 5;

class NullTerminal extends EventEmitter {
	readonly columns = 100;
	readonly rows = 30;
	readonly isTTY = false;
	last = '';
	write(s: string): boolean {
		this.last = s;
		return true;
	}
}

const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

export async function uiFrameFigure(): Promise<Row[]> {
	// React picks its build when first imported: production, as the CLI runs it.
	process.env.NODE_ENV = 'production';
	const [{createElement}, {render, Box, Text}, {RunSession}, {Screen}, {loadScenario, resolveScenario}] = await Promise.all([
		import('react'),
		import('ink'),
		import('../source/ui/session.js'),
		import('../source/ui/Screen.js'),
		import('../source/scenario/load.js'),
	]);
	// As the TUI draws: with Ink's measuring caches kept from frame to frame (source/ui/ink-caches.ts).
	const shared = await (await import('../source/ui/ink-caches.js')).shareInkCaches();
	const {module, label} = resolveScenario('ticket:lock');
	const scenario = await loadScenario(module, label);
	const session = new RunSession({scenario, variant: 'lock', lang: 'en', paused: true, options: {clients: CLIENTS}}, () => {});
	while (!session.frame().recorded) await new Promise(r => setTimeout(r, 50));
	const terminal = new NullTerminal();
	const draw = () => createElement(Screen, {frame: session.frame(), columns: terminal.columns, rows: terminal.rows});
	const instance = render(draw(), {stdout: terminal as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false});
	const frames: number[] = [];
	const floors: number[] = [];
	const texts: string[] = [];
	const sink = openSync('/dev/null', 'w');
	const last = session.frame().last;
	for (let k = 0; k < last; k++) {
		session.command({name: 'step'});
		const t = cpuMs();
		instance.rerender(draw());
		frames.push(cpuMs() - t);
		const ansi = `\x1b[${terminal.rows}A\x1b[J${terminal.last}`;
		const f = cpuMs();
		writeSync(sink, ansi);
		floors.push(cpuMs() - f);
		texts.push(terminal.last.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''));
	}
	closeSync(sink);
	instance.unmount();
	const flat = (text: string) => createElement(Box, {flexDirection: 'column'}, ...text.split('\n').map((line, i) => createElement(Text, {key: i}, line || ' ')));
	const plain = render(flat(texts[0] ?? ''), {stdout: new NullTerminal() as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false});
	const inkFloors: number[] = [];
	for (const text of texts) {
		const t = cpuMs();
		plain.rerender(flat(text));
		inkFloors.push(cpuMs() - t);
	}
	plain.unmount();
	const inkFloor = sample(inkFloors, false);
	await session.dispose();
	const frame = sample(frames, false);
	const floor = sample(floors, false);
	const sorted = [...frames].sort((a, b) => a - b);
	const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
	return [
		{
			target: 'ui',
			figure: `TUI frame, ticket:lock --clients ${CLIENTS} (${CLIENTS + 1} tasks), 100×30, CPU per frame (median)`,
			measured: ms(frame.median),
			floor: `the same text as plain Ink lines (with the TUI's Ink caches): ${ms(inkFloor.median)}; as an ANSI string to /dev/null: ${ms(floor.median)}`,
			goal: `≤ ${ms(FRAME_CPU_MS)}`,
			verdict: frame.median <= FRAME_CPU_MS ? 'PASS' : 'MISS',
			note: `${frames.length} frames, one per step of the recorded run; Ink's caches ${shared ? 'kept between frames' : 'per frame (not installed)'}; p95 ${ms(p95)}, worst ${ms(sorted.at(-1)!)}; NODE_ENV=production; the session's fold to the cursor included`,
		},
	];
}
