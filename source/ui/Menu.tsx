/**
 * The lesson menu: the built-in lessons grouped as `conc-tui list` groups
 * them (scenario/catalogue.ts), the selected one told in full beside the
 * list (title, both sentences of its summary, its variants, the tutorials it
 * comes from). ↑↓ or j k move, Enter opens, q quits. It only draws and
 * reports keys: the Shell holds the selection and opens the lesson.
 */
import {useRef} from 'react';
import {Box, Text, useInput} from 'ink';
import type {LessonGroup} from '../scenario/catalogue.js';
import type {ScenarioMeta} from '../scenario/define.js';
import {tutorialTitle} from '../scenario/tutorials.js';
import {cellWidth, fit, padCells} from './cells.js';
import {keyName} from './keys.js';
import {scrollTo} from './layout.js';
import {Row} from './Row.js';
import {useTheme} from './theme.js';
import {wrapCells} from './wrap.js';
import {words, type Lang} from '../view/words.js';

export const MENU_KEYS = words('en').menu.keys;

export interface MenuProps {
	/** Undefined while the lessons are loading. */
	groups?: readonly LessonGroup[];
	/** The selected lesson's name. */
	selected?: string;
	lang: Lang;
	columns: number;
	rows: number;
	/** A line under the list: a lesson being opened, or one that could not be. */
	note?: string;
	onSelect: (name: string) => void;
	onOpen: (name: string) => void;
	onQuit: () => void;
	/** L: the other language (the Shell holds it). */
	onLang?: () => void;
}

type Item = {heading: string} | {meta: ScenarioMeta};

/** The list's rows: each group's heading (in Chinese, the group's Chinese name), then its lessons. */
export function menuItems(groups: readonly LessonGroup[], lang: Lang = 'en'): Item[] {
	const headings: Record<string, string> = words('zh').menu.groups;
	const heading = (g: LessonGroup) => (lang === 'zh' ? (headings[g.lessons[0]?.group ?? ''] ?? g.heading) : g.heading);
	return groups.flatMap(g => [{heading: heading(g)}, ...g.lessons.map(meta => ({meta}))]);
}

/** The selected lesson told in full, wrapped to the pane's width. */
export function detailLines(meta: ScenarioMeta, lang: Lang, width: number): {text: string; bold?: boolean; dim?: boolean}[] {
	const w = words(lang).menu;
	const sep = words(lang).colon;
	const wrap = (s: string) => wrapCells(s, width);
	const variants = Object.keys(meta.variants);
	return [
		...wrap(meta.title[lang]).map(text => ({text, bold: true})),
		{text: ''},
		...meta.summary[lang].flatMap(wrap).map(text => ({text})),
		{text: ''},
		...(variants.length > 1 ? wrap(`${w.variants}${sep}${variants.join(', ')}`).map(text => ({text})) : []),
		...meta.sources.flatMap(s => wrap(`${w.from}${sep}${tutorialTitle(s)}`)).map(text => ({text, dim: true})),
		{text: ''},
		{text: fit(w.enter(meta.name), width), dim: true},
	];
}

export function Menu({groups, selected, lang, columns, rows, note, onSelect, onOpen, onQuit, onLang}: MenuProps) {
	const w = words(lang).menu;
	const {color} = useTheme();
	const scroll = useRef(0);
	const items = groups ? menuItems(groups, lang) : [];
	const lessons = items.flatMap(i => ('meta' in i ? [i.meta] : []));
	const at = Math.max(0, lessons.findIndex(m => m.name === selected));
	const current = lessons[at];
	useInput((input, key) => {
		const name = keyName(input, key);
		if (name === 'q' || name === 'ctrl+c') {
			onQuit();
			return;
		}
		if (name === 'L') {
			onLang?.();
			return;
		}
		if (!current) return;
		if (name === 'up' || name === 'k') onSelect(lessons[Math.max(0, at - 1)]!.name);
		else if (name === 'down' || name === 'j') onSelect(lessons[Math.min(lessons.length - 1, at + 1)]!.name);
		else if (name === 'return') onOpen(current.name);
	});
	const width = Math.max(20, columns);
	const height = Math.max(5, rows);
	const beside = width >= 80;
	const body = height - 2 - (note ? 1 : 0);
	const listWidth = beside ? Math.min(64, Math.floor(width * 0.5)) : width;
	const detailWidth = beside ? width - listWidth - 3 : width;
	const detail = current ? detailLines(current, lang, detailWidth) : [];
	const detailRows = beside ? 0 : Math.min(detail.length, Math.max(0, Math.floor(body / 2)));
	const listRows = Math.max(1, body - (beside ? 0 : detailRows + 1));
	const selectedRow = Math.max(0, items.findIndex(i => 'meta' in i && i.meta === current));
	// The group's heading stays in sight with its first lesson.
	scroll.current = scrollTo(scroll.current, Math.max(0, selectedRow - (selectedRow > 0 && 'heading' in items[selectedRow - 1]! ? 1 : 0)), listRows, items.length);
	scroll.current = scrollTo(scroll.current, selectedRow, listRows, items.length);
	const shown = items.slice(scroll.current, scroll.current + listRows);
	const nameWidth = Math.min(18, Math.max(...lessons.map(m => cellWidth(m.name)), 4));
	const list = (
		<Box flexDirection="column" width={listWidth} height={listRows}>
			{!groups && <Text>{w.loading}</Text>}
			{shown.map((item, i) =>
				'heading' in item ? (
					<Row key={i} width={listWidth} parts={[{text: fit(item.heading, listWidth), bold: true, color: 'cyan'}]} />
				) : (
					<Row
						key={i}
						width={listWidth}
						parts={[
							{
								text: padCells(fit(`${item.meta === current ? '›' : ' '} ${padCells(item.meta.name, nameWidth)} ${item.meta.title[lang]}`, listWidth), listWidth),
								inverse: item.meta === current && color,
								bold: item.meta === current,
							},
						]}
					/>
				),
			)}
		</Box>
	);
	const details = (
		<Box flexDirection="column" width={detailWidth} height={beside ? body : detailRows} overflow="hidden">
			{detail.slice(0, beside ? body : detailRows).map((line, i) => (
				<Text key={i} bold={line.bold} dimColor={line.dim} wrap="truncate-end">
					{line.text || ' '}
				</Text>
			))}
		</Box>
	);
	const count = groups ? w.count(lessons.length) : '';
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Row width={width} parts={[{text: 'conc-tui', bold: true}, fit(` · ${w.title}${count ? ` · ${count}` : ''}`, width - 8)]} />
			{beside ? (
				<Box flexDirection="row" height={body}>
					{list}
					<Box marginLeft={1} marginRight={1} width={1} height={body} flexDirection="column">
						<Text dimColor>{Array.from({length: body}, () => '│').join('\n')}</Text>
					</Box>
					{details}
				</Box>
			) : (
				<Box flexDirection="column" height={body}>
					{list}
					<Text> </Text>
					{details}
				</Box>
			)}
			{note && <Row width={width} parts={[{text: fit(note, width), color: 'yellow'}]} />}
			<Row width={width} parts={[fit(w.keys, width)]} />
		</Box>
	);
}
