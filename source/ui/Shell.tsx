/**
 * The TUI's top: either the lesson menu or one lesson's App. `conc-tui`
 * alone starts at the menu; `conc-tui ktv` starts in the lesson. In a
 * lesson, l comes back to the menu (on that lesson), ] and [ open the next
 * and the previous lesson of the course (the menu's order). A lesson is
 * loaded when it is opened, and starts paused on its intro card.
 */
import {useEffect, useRef, useState} from 'react';
import {groupedLessons, courseOrder, type LessonGroup} from '../scenario/catalogue.js';
import {loadScenario, resolveScenario} from '../scenario/load.js';
import {App, useTerminalSize} from './App.js';
import {Menu} from './Menu.js';
import type {RunSession, SessionInit} from './session.js';
import {otherLang, words, type Lang} from '../view/words.js';

export interface ShellProps {
	/** The lesson to start in (the command line named one); without it, the menu. */
	first?: SessionInit;
	/** The language to start in (a lesson given keeps its own); L changes it from then on. */
	lang: 'zh' | 'en';
	/** Playback speed of the lessons opened here. */
	speed?: number;
	onQuit: () => void;
	columns?: number;
	rows?: number;
	showKeys?: boolean;
	/** The session of the lesson on screen; undefined when it is gone (the menu). */
	onSession?: (session: RunSession | undefined) => void;
	/** The course (tests may pass their own); by default the built-in lessons. */
	catalogue?: () => Promise<LessonGroup[]>;
}

type View = {kind: 'menu'} | {kind: 'lesson'; init: SessionInit; key: number};

export function Shell({first, lang: firstLang, speed, onQuit, columns, rows, showKeys, onSession, catalogue = groupedLessons}: ShellProps) {
	const size = useTerminalSize(columns, rows);
	// The language of the menu and of the lessons opened from it: L in either changes it for both.
	const [lang, setLang] = useState<Lang>(first?.lang ?? firstLang);
	// A lesson still loading when L is pressed opens in the language L chose.
	const langNow = useRef(lang);
	langNow.current = lang;
	const [groups, setGroups] = useState<LessonGroup[] | undefined>(undefined);
	const [view, setView] = useState<View>(first ? {kind: 'lesson', init: first, key: 0} : {kind: 'menu'});
	const [selected, setSelected] = useState<string | undefined>(first?.scenario.meta.name);
	const [note, setNote] = useState<string | undefined>(undefined);
	useEffect(() => {
		let live = true;
		catalogue().then(
			g => {
				if (!live) return;
				setGroups(g);
				setSelected(s => s ?? courseOrder(g)[0]);
			},
			(error: unknown) => live && setNote(words(lang).menu.cannotList(error instanceof Error ? error.message : String(error))),
		);
		return () => {
			live = false;
		};
	}, [catalogue]);

	const open = (name: string) => {
		setSelected(name);
		setNote(words(lang).menu.opening(name));
		const {module, label} = resolveScenario(name);
		loadScenario(module, label).then(
			scenario => {
				setNote(undefined);
				onSession?.(undefined);
				setView(v => ({kind: 'lesson', init: {scenario, lang: langNow.current, speed, paused: true, card: true}, key: (v.kind === 'lesson' ? v.key : 0) + 1}));
			},
			(error: unknown) => {
				setView({kind: 'menu'});
				setNote(words(lang).menu.cannotOpen(name, error instanceof Error ? error.message : String(error)));
			},
		);
	};

	const toShell = (to: 'lessons' | 'previous' | 'next') => {
		if (view.kind !== 'lesson') return;
		const here = view.init.scenario.meta.name;
		if (to === 'lessons') {
			onSession?.(undefined);
			setNote(undefined);
			setSelected(s => (groups && courseOrder(groups).includes(here) ? here : s));
			setView({kind: 'menu'});
			return;
		}
		if (!groups) return;
		const course = courseOrder(groups);
		const at = course.indexOf(here);
		// A lesson of one's own (not in the course): ] starts the course, [ does nothing.
		const next = to === 'next' ? course[at + 1] : at > 0 ? course[at - 1] : undefined;
		if (next) open(next);
	};

	if (view.kind === 'lesson') {
		return <App key={view.key} init={view.init} onQuit={onQuit} columns={columns} rows={rows} showKeys={showKeys} onSession={onSession} onShell={toShell} onLang={setLang} />;
	}
	return <Menu groups={groups} selected={selected} lang={lang} columns={size.columns} rows={size.rows} note={note} onSelect={setSelected} onOpen={open} onQuit={onQuit} onLang={() => setLang(otherLang)} />;
}
