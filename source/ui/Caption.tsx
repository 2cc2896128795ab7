/** The caption: what just happened, and the lesson's own words for this moment. */
import {Box} from 'ink';
import {fit} from './cells.js';
import {Row} from './Row.js';

export interface CaptionProps {
	/** What the last step did, in words. */
	happened: string;
	/** The lesson's caption, in the viewer's language. */
	caption?: string;
	/** An error, a deadlock or a broken invariant to say instead. */
	alert?: string;
	width: number;
	rows: number;
}

export function Caption({happened, caption, alert, width, rows}: CaptionProps) {
	const lines: {text: string; tone: 'alert' | 'caption' | 'plain'}[] = [];
	if (alert) lines.push({text: alert, tone: 'alert'});
	if (caption) lines.push({text: caption, tone: 'caption'});
	if (happened) lines.push({text: happened, tone: 'plain'});
	if (lines.length === 0) lines.push({text: ' ', tone: 'plain'});
	return (
		<Box flexDirection="column" width={width} height={rows}>
			{lines.slice(0, rows).map((l, i) => (
				<Row
					key={i}
					parts={[
						{
							text: `${l.tone === 'alert' ? '! ' : l.tone === 'caption' ? '» ' : '  '}${fit(l.text, width - 2)}`,
							color: l.tone === 'alert' ? 'red' : l.tone === 'caption' ? 'cyan' : undefined,
							bold: l.tone !== 'plain',
						},
					]}
				/>
			))}
		</Box>
	);
}
