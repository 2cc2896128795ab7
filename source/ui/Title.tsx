/** A panel's title row: `─ Tasks 7 ──────…`, as wide as the panel. */
import {Text} from 'ink';

export interface TitleProps {
	text: string;
	width: number;
	/** Right-hand note: `↑2 ↓5`, a legend. */
	note?: string;
}

export function Title({text, width, note}: TitleProps) {
	const head = `─ ${text} `;
	const tail = note ? ` ${note} ─` : '';
	const fill = Math.max(0, width - head.length - tail.length);
	return (
		<Text dimColor wrap="truncate-end">
			─ <Text bold>{text}</Text> {'─'.repeat(fill)}
			{tail}
		</Text>
	);
}
