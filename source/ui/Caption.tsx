/** The caption: what just happened, and the lesson's own words for this moment. */
import {Box} from 'ink';
import {cellWidth, fit} from './cells.js';
import {Row} from './Row.js';

export interface CaptionProps {
	/** What the last step did, in words. */
	happened: string;
	/** The lesson's caption, in the viewer's language. */
	caption?: string;
	/** An error, a deadlock or a broken invariant to say instead. */
	alert?: string;
	/** Why it broke, in words (the explanation's story): on rows of its own below the alert. */
	story?: string;
	width: number;
	rows: number;
}

/** The most rows a story takes; what does not fit in them ends with `…`. */
export const STORY_ROWS = 3;

/** A story wrapped to `width` columns between words, at most STORY_ROWS rows. */
export function wrapStory(text: string, width: number): string[] {
	const room = Math.max(1, width);
	const rows: string[] = [];
	let row = '';
	for (const word of text.split(' ')) {
		const next = row ? `${row} ${word}` : word;
		if (cellWidth(next) <= room || !row) {
			row = next;
			continue;
		}
		rows.push(row);
		row = word;
	}
	if (row) rows.push(row);
	const kept = rows.slice(0, STORY_ROWS).map(r => fit(r, room));
	if (rows.length > STORY_ROWS) kept[STORY_ROWS - 1] = fit(`${rows.slice(STORY_ROWS - 1).join(' ')}`, room);
	return kept;
}

export function Caption({happened, caption, alert, story, width, rows}: CaptionProps) {
	const lines: {text: string; tone: 'alert' | 'story' | 'caption' | 'plain'}[] = [];
	if (alert) lines.push({text: alert, tone: 'alert'});
	if (story) for (const text of wrapStory(story, width - 2)) lines.push({text, tone: 'story'});
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
							color: l.tone === 'alert' ? 'red' : l.tone === 'caption' ? 'cyan' : l.tone === 'story' ? 'yellow' : undefined,
							bold: l.tone === 'alert' || l.tone === 'caption',
						},
					]}
				/>
			))}
		</Box>
	);
}
