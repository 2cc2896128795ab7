/** The header: the lesson, how it is run, and where the viewer is. */
import {Box, Text} from 'ink';
import type {InvariantView} from '../view/state.js';
import type {Status} from './session.js';
import {useColor} from './theme.js';

export interface HeaderProps {
	title: string;
	name: string;
	variant: string;
	policy: string;
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
	const color = useColor();
	const broken = Object.entries(p.invariants).filter(([, inv]) => !inv.ok);
	const run = `${p.name}:${p.variant} · ${p.free ? 'free' : p.policy} · ${p.cores} core${p.cores === 1 ? '' : 's'} · seed ${p.seed}`;
	const where = `step ${p.step}${p.total !== undefined ? `/${p.total}` : ''} · t ${p.time.toFixed(3)}s · ${speedText(p.speed)}${p.busy ? ' · rerunning…' : ''}`;
	const status = <Text color={color(STATUS_COLOR[p.status])} bold>{STATUS_TEXT[p.status]}</Text>;
	const invariants =
		broken.length > 0
			? broken.map(([name, inv]) => (
					<Text key={name} color={color(inv.expected === 'hold' ? 'red' : 'magenta')}>
						{' '}
						✗ broken at step {inv.brokeAt ?? '?'}: {name}
					</Text>
				))
			: null;
	if (p.compact) {
		return (
			<Text wrap="truncate-end">
				{status} <Text bold>{p.name}:{p.variant}</Text> {where}
				{invariants}
			</Text>
		);
	}
	return (
		<Box flexDirection="column" width={p.width}>
			<Text wrap="truncate-end">
				<Text bold color={color('cyan')}>
					{p.title}
				</Text>
				{'  '}
				{run}
			</Text>
			<Text wrap="truncate-end">
				{status} · {where}
				{invariants}
			</Text>
		</Box>
	);
}
