/** The caption: what just happened, and the lesson's own words for this moment. */
import {Box} from 'ink';
import {cellWidth, fit} from './cells.js';
import {Row} from './Row.js';
import {wrapCells} from './wrap.js';

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

/** The most rows the lesson's caption wraps over, and the alert. */
export const CAPTION_ROWS = 3;
export const ALERT_ROWS = 2;

export type CaptionTone = 'alert' | 'story' | 'caption' | 'plain';

/** `text` wrapped to `width` cells over at most `max` rows; what does not fit ends the last with `…`. */
export function wrapRows(text: string, width: number, max: number): string[] {
	const rows = wrapCells(text, Math.max(1, width));
	if (rows.length <= max) return rows;
	const kept = rows.slice(0, max);
	kept[max - 1] = fit(`${rows.slice(max - 1).join(' ')}`, Math.max(1, width));
	return kept;
}

/** The caption's lines, in the order they are drawn and given up from the end: the alert, the story, the lesson's caption, what happened. */
export function captionLines({happened, caption, alert, story, width}: Omit<CaptionProps, 'rows'>): {text: string; tone: CaptionTone}[] {
	const room = width - 2;
	const lines: {text: string; tone: CaptionTone}[] = [];
	if (alert) for (const text of wrapRows(alert, room, ALERT_ROWS)) lines.push({text, tone: 'alert'});
	if (story) for (const text of wrapStory(story, room)) lines.push({text, tone: 'story'});
	if (caption) for (const text of wrapRows(caption, room, CAPTION_ROWS)) lines.push({text, tone: 'caption'});
	if (happened) lines.push({text: happened, tone: 'plain'});
	return lines;
}

/** The rows the caption would like besides its story, for the layout: the alert, the lesson's caption wrapped, what happened. */
export function captionWants(p: Omit<CaptionProps, 'rows' | 'story'>): number {
	return captionLines(p).length;
}

export function Caption({happened, caption, alert, story, width, rows}: CaptionProps) {
	const lines = captionLines({happened, caption, alert, story, width});
	if (lines.length === 0) lines.push({text: ' ', tone: 'plain'});
	// Rows to spare are blank above the lines, so what happened stays next to the key bar.
	const pad = Math.max(0, rows - lines.length);
	// The alert's and the caption's later rows have no mark of their own: they go on the text above.
	return (
		<Box flexDirection="column" width={width} height={rows}>
			{Array.from({length: pad}, (_, i) => (
				<Row key={`pad${i}`} parts={[' ']} />
			))}
			{lines.slice(0, rows).map((l, i) => {
				const first = i === 0 || lines[i - 1]!.tone !== l.tone;
				// The last row drawn of a text that goes on below the caption's rows ends with …
				const cut = i === rows - 1 && lines[i + 1]?.tone === l.tone && l.tone !== 'plain';
				const text = cut ? fit(`${l.text} ${lines.slice(i + 1).filter(n => n.tone === l.tone).map(n => n.text).join(' ')}`, width - 2) : fit(l.text, width - 2);
				const mark = first && l.tone === 'alert' ? '! ' : first && l.tone === 'caption' ? '» ' : '  ';
				return (
					<Row
						key={i}
						parts={[
							{
								text: `${mark}${text}`,
								color: l.tone === 'alert' ? 'red' : l.tone === 'caption' ? 'cyan' : l.tone === 'story' ? 'yellow' : undefined,
								bold: l.tone === 'alert' || l.tone === 'caption',
							},
						]}
					/>
				);
			})}
		</Box>
	);
}
