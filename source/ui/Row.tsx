/**
 * One screen row made of styled parts, each its own Text. Parts must fit
 * the row already (format.ts `fit`, `fitParts`): Ink measures every text on
 * every frame, and cutting a long one costs it far more than it costs us.
 */
import {Box, Text} from 'ink';
import {useColor} from './theme.js';

export interface Part {
	text: string;
	color?: string;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
}

export interface RowProps {
	parts: readonly (Part | string | false | undefined)[];
	/** The whole row bold (what changed at the last step). */
	bold?: boolean;
	width?: number;
}

export function Row({parts, bold, width}: RowProps) {
	const color = useColor();
	const runs: {key: string; text: string; part: Part}[] = [];
	parts.forEach((p, i) => {
		if (!p) return;
		const part = typeof p === 'string' ? {text: p} : p;
		if (part.text) runs.push({key: String(i), text: part.text, part});
	});
	return (
		<Box height={1} width={width} flexShrink={0}>
			{runs.length === 0 ? (
				<Text> </Text>
			) : (
				runs.map(r => (
					<Text key={r.key} color={color(r.part.color)} bold={bold || r.part.bold} dimColor={r.part.dim} inverse={r.part.inverse} wrap="truncate-end">
						{r.text}
					</Text>
				))
			)}
		</Box>
	);
}
