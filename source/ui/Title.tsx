/**
 * A panel's title row: `─ Tasks 7 ──────…`, as wide as the panel. The rule
 * is a box's top border: Ink draws a border without measuring it, where a
 * long string of `─` would take string-width's slow path on every frame.
 */
import {Box, Text} from 'ink';

export interface TitleProps {
	text: string;
	width: number;
	/** Right-hand note: `↑2 ↓5`, a legend. */
	note?: string;
	/** The panel has the focus (Tab): `▸` and the title in inverse. */
	focused?: boolean;
}

export function Title({text, width, note, focused}: TitleProps) {
	return (
		<Box height={1} width={width} flexShrink={0}>
			<Text dimColor={!focused}>{focused ? '▸ ' : '─ '}</Text>
			<Text bold dimColor={!focused} inverse={focused} wrap="truncate-end">
				{text}
			</Text>
			<Text> </Text>
			<Box flexGrow={1} height={1} borderStyle="single" borderTop borderBottom={false} borderLeft={false} borderRight={false} borderDimColor />
			{note && (
				<Text dimColor wrap="truncate-end">
					{' '}
					{note} ─
				</Text>
			)}
		</Box>
	);
}
