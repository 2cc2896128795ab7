/**
 * `conc-tui list`: the lessons grouped as the README groups them, one line
 * each with its variants.
 */
import {builtInNames, loadScenario, resolveScenario} from '../scenario/load.js';
import type {ScenarioMeta} from '../scenario/define.js';

const GROUPS: Record<ScenarioMeta['group'], string> = {
	locks: 'Locks',
	'semaphores-events': 'Semaphores and events',
	'queues-pipes': 'Queues and pipes',
	'process-life': "A process's life",
	threads: 'Threads',
	scheduling: 'Scheduling',
	extra: 'Beyond the tutorials',
};

export async function listLessons(lang: 'zh' | 'en'): Promise<string> {
	const metas: ScenarioMeta[] = [];
	for (const name of builtInNames()) {
		const {module, label} = resolveScenario(name);
		metas.push((await loadScenario(module, label)).meta);
	}
	const lines: string[] = [];
	for (const [group, heading] of Object.entries(GROUPS)) {
		const here = metas.filter(m => m.group === group);
		if (here.length === 0) continue;
		lines.push(heading);
		for (const m of here) {
			const variants = Object.keys(m.variants);
			lines.push(`  ${m.name.padEnd(18)} ${m.title[lang]}${variants.length > 1 ? `  [${variants.join(', ')}]` : ''}`);
		}
	}
	return lines.join('\n');
}
