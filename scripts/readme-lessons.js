// Rewrites the README's lesson tables from the lessons' headers (npm run readme).
import {readFileSync, writeFileSync} from 'node:fs';
import {lessonsMarkdown} from '../dist/source/cli/list.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const start = '<!-- lessons:start -->\n';
const end = '\n<!-- lessons:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no lessons:start/lessons:end markers');
writeFileSync(path, readme.slice(0, a + start.length) + (await lessonsMarkdown()) + readme.slice(b));
