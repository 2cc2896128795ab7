/**
 * The one hook through which the UI reaches the engine. It owns a
 * RunSession (which starts the engine, records the trace and keeps the
 * cursor) and takes a frame of it at most about 30 times a second: events
 * arrive by the thousand, frames do not.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import type {Command} from './keys.js';
import {RunSession, type Frame, type SessionInit} from './session.js';
import type {Lang} from '../view/words.js';

/** Frames are at least this far apart (about 30 a second). */
export const FRAME_MS = 33;

export interface UseRun {
	frame: Frame;
	command: (c: Command) => void;
	/** The session's language now (`L` changes it between frames). */
	lang: () => Lang;
}

export function useRun(init: SessionInit, onSession?: (session: RunSession) => void): UseRun {
	const session = useRef<RunSession | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const lastFrame = useRef(0);
	const [, setTick] = useState(0);
	const frame = useRef<Frame | undefined>(undefined);

	const take = useCallback(() => {
		timer.current = undefined;
		if (!session.current) return;
		lastFrame.current = performance.now();
		frame.current = session.current.frame();
		setTick(n => n + 1);
	}, []);

	const request = useCallback(() => {
		if (timer.current) return;
		const wait = Math.max(0, lastFrame.current + FRAME_MS - performance.now());
		timer.current = setTimeout(take, wait);
	}, [take]);

	if (!session.current) {
		session.current = new RunSession(init, request);
		onSession?.(session.current);
		frame.current = session.current.frame();
	}

	useEffect(() => {
		const s = session.current;
		return () => {
			clearTimeout(timer.current);
			void s?.dispose();
		};
	}, []);

	const command = useCallback((c: Command) => session.current?.command(c), []);
	const lang = useCallback(() => session.current?.language ?? init.lang, [init.lang]);
	return {frame: frame.current!, command, lang};
}
