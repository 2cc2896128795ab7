/**
 * `conc-tui list`: the lessons grouped as the README groups them (the
 * course's order, scenario/catalogue.ts), one line each with its variants.
 */
import {groupedLessons} from '../scenario/catalogue.js';
import {words} from '../view/words.js';

export async function listLessons(lang: 'zh' | 'en'): Promise<string> {
	const lines: string[] = [];
	const headings: Record<string, string> = words('zh').menu.groups;
	for (const {heading, lessons: here} of await groupedLessons()) {
		// In Chinese the group's Chinese name, as the menu has it.
		lines.push(lang === 'zh' ? (headings[here[0]?.group ?? ''] ?? heading) : heading);
		for (const m of here) {
			const variants = Object.keys(m.variants);
			lines.push(`  ${m.name.padEnd(18)} ${m.title[lang]}${variants.length > 1 ? `  [${variants.join(', ')}]` : ''}`);
		}
	}
	return lines.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The README's lesson tables (between its `lessons:start`/`lessons:end`
 * markers), made from the lessons' own headers so the two cannot drift:
 * `npm run readme` writes them, a test compares them.
 */
export async function lessonsMarkdown(): Promise<string> {
	const lines = ['## Lessons', ''];
	for (const {heading, lessons: here} of await groupedLessons()) {
		lines.push(`### ${heading}`, '', '| lesson | what it shows | variants |', '|---|---|---|');
		for (const m of here) {
			const variants = Object.entries(m.variants).map(([name, text]) => `\`${name}\`${name === m.defaultVariant && Object.keys(m.variants).length > 1 ? ' (default)' : ''}: ${cell(text.en)}`);
			const options = Object.entries(m.options ?? {}).map(([name, o]) => `\`--${name} N\`: ${cell(o.help)} (default ${o.default})`);
			lines.push(`| \`${m.name}\` | ${cell(m.summary.en.join(' '))} | ${[...variants, ...options].join('<br>')} |`);
		}
		lines.push('');
	}
	lines.push('`conc-tui list` prints the catalogue. Pick a variant with `lesson:variant`', '(`npx conc-tui ticket:lock`).');
	return lines.join('\n');
}
