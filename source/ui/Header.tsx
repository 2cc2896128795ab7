/** The header: the lesson, how it is run, and where the viewer is. */
import {Box} from 'ink';
import {cellWidth, fit} from './cells.js';
import {Row, type Part} from './Row.js';
import type {InvariantView} from '../view/state.js';
import type {Status} from './session.js';

export interface HeaderProps {
	title: string;
	name: string;
	variant: string;
	policy: string;
	/** The CPU policy of work(), for lessons that use the CPU. */
	sched?: string;
	cores: number;
	seed: number;
	free: boolean;
	status: Status;
	step: number;
	/** Steps recorded in all, once the run is over. */
	total?: number;
	time: number;
	speed: number;
	invariants: Record<string, InvariantView>;
	busy: boolean;
	compact: boolean;
	width: number;
}

export const STATUS_TEXT: Record<Status, string> = {
	starting: '… starting',
	playing: '▶ playing',
	paused: '⏸ paused',
	pick: '? your pick',
	ended: '■ ended',
	deadlock: '✗ deadlock',
	error: '✗ error',
};

const STATUS_COLOR: Record<Status, string> = {
	starting: 'gray',
	playing: 'green',
	paused: 'yellow',
	pick: 'magenta',
	ended: 'blue',
	deadlock: 'red',
	error: 'red',
};

function speedText(speed: number): string {
	return speed >= 1 ? `×${speed}` : `×1/${Math.round(1 / speed)}`;
}

export function Header(p: HeaderProps) {
	const broken = Object.entries(p.invariants).filter(([, inv]) => !inv.ok);
	const run = `${p.name}:${p.variant} · ${p.free ? 'free' : p.policy}${p.sched ? ` · ${p.sched}` : ''} · ${p.cores} core${p.cores === 1 ? '' : 's'} · seed ${p.seed}`;
	const where = `step ${p.step}${p.total !== undefined ? `/${p.total}` : ''} · t ${p.time.toFixed(3)}s · ${speedText(p.speed)}${p.busy ? ' · rerunning…' : ''}`;
	const status: Part = {text: STATUS_TEXT[p.status], color: STATUS_COLOR[p.status], bold: true};
	const invariants: Part[] = broken.map(([name, inv]) => ({text: ` ✗ broken at step ${inv.brokeAt ?? '?'}: ${name}`, color: inv.expected === 'hold' ? 'red' : 'magenta'}));
	const rest = (used: number, parts: Part[]) => {
		let room = p.width - used;
		return parts.map(part => {
			const text = fit(part.text, Math.max(0, room));
			room -= cellWidth(text);
			return {...part, text};
		});
	};
	if (p.compact) {
		return <Row width={p.width} parts={[status, ' ', ...rest(cellWidth(STATUS_TEXT[p.status]) + 1, [{text: `${p.name}:${p.variant}`, bold: true}, {text: ` ${where}`}, ...invariants])]} />;
	}
	return (
		<Box flexDirection="column" width={p.width}>
			<Row width={p.width} parts={[{text: fit(p.title, p.width), bold: true, color: 'cyan'}, ...rest(cellWidth(p.title) + 2, [{text: `  ${run}`}])]} />
			<Row width={p.width} parts={[status, ...rest(cellWidth(STATUS_TEXT[p.status]), [{text: ` · ${where}`}, ...invariants])]} />
		</Box>
	);
}
