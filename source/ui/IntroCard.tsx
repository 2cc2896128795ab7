/**
 * A lesson's intro card, over the whole screen while the run waits at step
 * 0: its title, both sentences of its summary, the variant on screen and
 * what it does, the tutorials it comes from, and what to watch for (from the
 * lesson's invariants: which this variant keeps, which it can break). Space
 * or n puts it away (and plays or steps); i brings it back.
 */
import {challengeOf} from '../view/challenge.js';
import {Box, Text} from 'ink';
import type {ScenarioMeta} from '../scenario/define.js';
import {tutorialTitle} from '../scenario/tutorials.js';
import {cellWidth, fit} from './cells.js';
import {statusText} from './Header.js';
import {words} from '../view/words.js';
import {Row} from './Row.js';
import type {Frame} from './session.js';
import {wrapCells} from './wrap.js';

type Lang = 'zh' | 'en';

const WORDS = {en: words('en').card, zh: words('zh').card};

export interface CardText {
	title: string;
	summary: string[];
	variant: string;
	others?: string;
	sources: string[];
	watch: string[];
	/** The variant's challenge, when it has one: its goal and the key that starts it. */
	challenge?: string;
}

/** What to watch for in this variant: each invariant and whether the variant keeps it; else what the variant does. */
export function watchLines(meta: ScenarioMeta, variant: string, lang: Lang): string[] {
	const w = WORDS[lang];
	const description = meta.variants[variant]?.[lang] ?? variant;
	const lines = (meta.invariants ?? []).map(inv => {
		const breakable = inv.expect?.[variant] === 'breakable';
		const shown = breakable ? inv.shown?.[variant]?.[lang] : undefined;
		if (shown) return shown;
		return lang === 'zh' ? `${inv.text.zh}（${breakable ? w.breaks : w.holds}）` : `${inv.text.en} (${breakable ? w.breaks : w.holds})`;
	});
	return lines.length > 0 ? lines : [description];
}

export function cardText(meta: ScenarioMeta, variant: string, lang: Lang): CardText {
	const w = WORDS[lang];
	const others = Object.keys(meta.variants).filter(v => v !== variant);
	const sep = lang === 'zh' ? '：' : ': ';
	const challenge = challengeOf(meta, variant);
	return {
		title: meta.title[lang],
		summary: [...meta.summary[lang]],
		variant: `${w.variant} ${variant}${sep}${meta.variants[variant]?.[lang] ?? ''}`,
		others: others.length > 0 ? `${w.others}${sep}${others.join(', ')}` : undefined,
		sources: meta.sources.map(s => `${w.from}${sep}${tutorialTitle(s)}`),
		watch: watchLines(meta, variant, lang).map(line => `${w.watch}${sep}${line}`),
		...(challenge ? {challenge: w.challenge(challenge.goal[lang], challenge.within)} : {}),
	};
}

/** The card's lines for a text width: each part wrapped, a blank line between parts. */
export function cardLines(text: CardText, width: number): {text: string; bold?: boolean; dim?: boolean}[] {
	const wrap = (s: string) => wrapCells(s, width);
	return [
		...wrap(text.title).map(t => ({text: t, bold: true})),
		{text: ''},
		...text.summary.flatMap(wrap).map(t => ({text: t})),
		{text: ''},
		...wrap(text.variant).map(t => ({text: t})),
		...(text.others ? wrap(text.others).map(t => ({text: t, dim: true})) : []),
		...text.sources.flatMap(wrap).map(t => ({text: t, dim: true})),
		{text: ''},
		...text.watch.flatMap(wrap).map(t => ({text: t, bold: true})),
		...(text.challenge ? [{text: ''}, ...wrap(text.challenge).map(t => ({text: t}))] : []),
	];
}

/** The card's keys, the longest that fits. */
export const CARD_KEYS = WORDS.en.keys;

function cardKeys(width: number, lang: Lang = 'en'): string {
	const keys = WORDS[lang].keys;
	return fit(keys.find(k => cellWidth(k) <= width) ?? keys.at(-1)!, width);
}

export interface IntroCardProps {
	frame: Frame;
	columns: number;
	rows: number;
}

export function IntroCard({frame: f, columns, rows}: IntroCardProps) {
	const meta = f.scenario.meta;
	const width = Math.max(20, columns);
	const inner = Math.max(1, rows - 4);
	const lines = cardLines(cardText(meta, f.settings.variant, f.lang), width - 4).slice(0, inner);
	const where = `${statusText(f.status, f.lang)} · ${words(f.lang).header.step(f.view.step, f.steps)}`;
	return (
		<Box flexDirection="column" width={width} height={rows}>
			<Row width={width} parts={[{text: fit(`${meta.name}:${f.settings.variant}`, width), bold: true}, fit(` · ${where}`, Math.max(0, width - meta.name.length - f.settings.variant.length - 1))]} />
			<Box flexDirection="column" width={width} height={Math.max(3, Math.min(rows - 2, lines.length + 2))} borderStyle="round" paddingX={1} overflow="hidden">
				{lines.map((line, i) => (
					<Text key={i} bold={line.bold} dimColor={line.dim} wrap="truncate-end">
						{line.text || ' '}
					</Text>
				))}
			</Box>
			<Box flexGrow={1} />
			<Row width={width} parts={[cardKeys(width, f.lang)]} />
		</Box>
	);
}
