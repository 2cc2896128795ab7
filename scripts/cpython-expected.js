// Writes test/cpython/NAME.expected.json from running test/cpython/NAME.py
// with python3 (3.11): what the conc-tui lesson NAME.mjs must print too.
// Run after a build. Usage: node scripts/cpython-expected.js [NAME...]
import {readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {CPYTHON_DIR, runPython} from '../dist/test/helpers/cpython.js';

const names = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(CPYTHON_DIR).filter(f => f.endsWith('.py')).map(f => f.slice(0, -3));
for (const name of names) {
	const outcome = runPython(name);
	if (!outcome) throw new Error('python3 did not run');
	writeFileSync(join(CPYTHON_DIR, `${name}.expected.json`), `${JSON.stringify(outcome, null, '\t')}\n`);
	console.log(`${name}: exit ${outcome.exit}, ${outcome.stdout.length} lines, ${outcome.stderr.length} exception lines`);
}
