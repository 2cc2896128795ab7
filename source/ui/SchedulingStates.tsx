/**
 * The classic state diagram of seed 003 (就绪 ready, 运行 running, 阻塞
 * blocked) with the jobs in each state, how many times each arrow was
 * taken, and the latest move underneath:
 *
 *   ┌ ready ──────┐ dispatch 5 ▶ ┌ running ────┐
 *   │ B C         │ ◀ timeout 3  │ A           │ ─▶ done 1
 *   └─────────────┘              └─────────────┘
 *     ▲ I/O done 2   ┌ blocked ────┐   │ I/O wait 2
 *     └───────────── │ editor      │ ◀─┘
 *                    └─────────────┘
 */
import {Box, Text} from 'ink';
import type {OsState, SchedulingView} from '../view/scheduling.js';
import {fig} from './SchedulingLook.js';
import {cellWidth, fit, padCells} from './cells.js';
import {STATE_LOOK, useColor, wordOf} from './theme.js';
import {words, type Lang} from '../view/words.js';

export interface SchedulingStatesProps {
	view: SchedulingView;
	width: number;
	lang?: Lang;
}


/** A box's three lines: its top with the state's name, the jobs in it, its bottom. */
function box(title: string, names: string[], inner: number): [string, string, string] {
	const top = `┌ ${title} ${'─'.repeat(Math.max(0, inner - cellWidth(title) - 1))}┐`;
	const body = padCells(fit(names.join(' '), inner), inner);
	return [top, `│ ${body}│`, `└${'─'.repeat(inner + 1)}┘`];
}

export function SchedulingStates({view, width, lang}: SchedulingStatesProps) {
	const w = words(lang).cpu;
	const color = useColor();
	const m = (move: string) => String(view.moves[move] ?? 0);
	const inner = Math.max(10, Math.min(16, Math.floor((width - 16) / 2) - 3));
	const boxWidth = inner + 3;
	const title = (s: OsState) => {
		const word = w.boxes[s];
		return cellWidth(word) <= inner - 1 ? word : s;
	};
	const [r0, r1, r2] = box(title('ready'), view.states.ready, inner).map(l => padCells(l, boxWidth));
	const [u0, u1, u2] = box(title('running'), view.states.running, inner).map(l => padCells(l, boxWidth));
	const [b0, b1, b2] = box(title('blocked'), view.states.blocked, inner).map(l => padCells(l, boxWidth));
	const gap = 14;
	const dispatch = padCells(` ${w.dispatch} ${m('ready>running')} ▶`, gap);
	const timeout = padCells(` ◀ ${w.timeout} ${m('running>ready')}`, gap);
	const lines = [
		`${r0}${dispatch}${u0}`,
		`${r1}${timeout}${u1} ─▶ ${w.done} ${view.states.done.length}`,
		`${r2}${' '.repeat(gap)}${u2}`,
		padCells(`  ▲ ${w.ioDone} ${m('blocked>ready')}`, gap + 5) + b0 + `   │ ${w.ioWait} ${m('running>blocked')}`,
		`  └${'─'.repeat(gap + 1)} ${b1} ◀─┘`,
		`${' '.repeat(gap + 5)}${b2}`,
	];
	const last = view.lastMove;
	return (
		<Box flexDirection="column" width={width}>
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line}
				</Text>
			))}
			<Text wrap="truncate-end" dimColor={!last}>
				{last ? (
					<>
						{w.latest}
						<Text bold>{last.task}</Text> <Text color={color(STATE_LOOK[last.from].color)}>{wordOf(STATE_LOOK[last.from], lang)}</Text> → <Text color={color(STATE_LOOK[last.to].color)}>{wordOf(STATE_LOOK[last.to], lang)}</Text>
						{w.at(fig(last.time))}
					</>
				) : (
					w.noMove
				)}
			</Text>
		</Box>
	);
}
