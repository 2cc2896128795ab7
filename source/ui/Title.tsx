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
}

export function Title({text, width, note}: TitleProps) {
	return (
		<Box height={1} width={width} flexShrink={0}>
			<Text dimColor>─ </Text>
			<Text bold dimColor wrap="truncate-end">
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
