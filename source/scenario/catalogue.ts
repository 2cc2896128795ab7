/**
 * The built-in lessons as a course: grouped as the README groups them, in
 * the groups' order. `conc-tui list`, the README's tables and the TUI's
 * lesson menu (with its next and previous lesson) all read it here, so they
 * cannot disagree on the order.
 */
import {builtInNames, loadScenario, resolveScenario} from './load.js';
import type {ScenarioMeta} from './define.js';

export const GROUPS: Record<ScenarioMeta['group'], string> = {
	locks: 'Locks',
	'semaphores-events': 'Semaphores and events',
	'queues-pipes': 'Queues and pipes',
	'process-life': "A process's life",
	threads: 'Threads',
	scheduling: 'Scheduling',
	extra: 'Beyond the tutorials',
};

export interface LessonGroup {
	heading: string;
	lessons: ScenarioMeta[];
}

async function builtIns(): Promise<ScenarioMeta[]> {
	const metas: ScenarioMeta[] = [];
	for (const name of builtInNames()) {
		const {module, label} = resolveScenario(name);
		metas.push((await loadScenario(module, label)).meta);
	}
	return metas;
}

/** The built-in lessons under their group's heading, in the groups' order; empty groups left out. */
export async function groupedLessons(): Promise<LessonGroup[]> {
	const metas = await builtIns();
	return Object.entries(GROUPS).flatMap(([group, heading]) => {
		const lessons = metas.filter(m => m.group === group);
		return lessons.length > 0 ? [{heading, lessons}] : [];
	});
}

/** The lessons' names in the course's order: the groups' order, then by name within a group. */
export function courseOrder(groups: readonly LessonGroup[]): string[] {
	return groups.flatMap(g => g.lessons.map(m => m.name));
}
