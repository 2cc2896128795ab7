/**
 * The panels a viewer can focus (Tab) and scroll (PgUp/PgDn), and their
 * windows: which rows of a panel are on screen. Pure, no React: the session
 * keeps the focus and each panel's scroll, the Screen draws from them.
 */

export type Panel = 'tasks' | 'prims' | 'output' | 'code';

/** Tab's order. */
export const PANELS: readonly Panel[] = ['tasks', 'prims', 'output', 'code'];

/** A panel's window as drawn: its first row shown (0-based), the rows it shows, and the rows it has. */
export interface PanelWindow {
	top: number;
	rows: number;
	total: number;
}

/**
 * Where each panel was scrolled to, as the first row shown; a panel not in
 * it follows (the tasks their focus, the output its tail, the code its
 * focused task). The tasks' scroll holds for the step it was made at only.
 */
export interface Scrolls {
	tops: Partial<Record<Panel, number>>;
	/** The position the tasks' scroll was made at. */
	tasksAt?: number;
}

/** The last first row a window can have. */
function lastTop(w: PanelWindow): number {
	return Math.max(0, w.total - w.rows);
}

/** The first row a page up (-1) or down (+1) from `w` shows, kept within the panel. */
export function paged(w: PanelWindow, dir: 1 | -1): number {
	return Math.max(0, Math.min(lastTop(w), w.top + dir * Math.max(1, w.rows)));
}

/** A window's first row: the scrolled one, kept within the panel, else the one the panel follows. */
export function topOf(scrolled: number | undefined, follow: number, rows: number, total: number): number {
	return Math.max(0, Math.min(Math.max(0, total - rows), scrolled ?? follow));
}

/** `↑3 ↓12`: the rows above and below the window (empty when all are shown). */
export function moreNote(w: PanelWindow): string {
	const above = w.top;
	const below = Math.max(0, w.total - w.top - w.rows);
	return [above > 0 && `↑${above}`, below > 0 && `↓${below}`].filter(Boolean).join(' ');
}

/** The panel Tab goes to from `from`: the next in Tab's order among those on screen (all, when not told). */
export function nextPanel(from: Panel, shown?: readonly Panel[]): Panel {
	const among = PANELS.filter(p => !shown || shown.includes(p));
	if (among.length === 0) return from;
	const at = PANELS.indexOf(from);
	for (let i = 1; i <= PANELS.length; i++) {
		const p = PANELS[(at + i) % PANELS.length]!;
		if (among.includes(p)) return p;
	}
	return from;
}
