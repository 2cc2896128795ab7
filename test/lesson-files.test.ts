/**
 * A user's lesson file that cannot be run is one line and exit 2, never a
 * hang, a silent exit 0 or a run: a top-level busy loop or a never-settling
 * top-level await (caught by the trial import in a worker), a meta whose
 * defaultVariant is not a variant or whose option ranges are impossible, a
 * meta.files() or meta.cpu() that throws.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {problems, runCli} from './helpers/cli-run.js';

const META = `{name: 'mine', group: 'extra', sources: [], title: {zh: 'a', en: 'a'}, summary: {zh: ['a', 'b'], en: ['a', 'b']}, variants: {only: {zh: 'a', en: 'a'}}, defaultVariant: 'only'REST}`;
const lesson = (rest = '', top = '') => `${top}\nexport const meta = ${META.replace('REST', rest)};\nexport async function main() {}\n`;

const dir = mkdtempSync(join(tmpdir(), 'conc-tui-lessons-'));
after(() => rmSync(dir, {recursive: true, force: true}));

const CASES: {name: string; text: string; says: RegExp}[] = [
	{name: 'busy', text: lesson('', 'for (;;) {}'), says: /its top level ran for 5 s without finishing/},
	{name: 'never', text: lesson('', 'await new Promise(() => {});'), says: /its top level awaits something that never settles/},
	{name: 'throws', text: lesson('', 'throw new Error("boom");'), says: /cannot load lesson .*: boom/},
	{name: 'default-variant', text: lesson('').replace("defaultVariant: 'only'", "defaultVariant: 'other'"), says: /defaultVariant: is not one of its variants/},
	{name: 'default-constructor', text: lesson('').replace("defaultVariant: 'only'", "defaultVariant: 'constructor'"), says: /defaultVariant: is not one of its variants/},
	{name: 'min-max', text: lesson(", options: {n: {default: 3, min: 5, max: 2, help: 'n'}}"), says: /options\.n: min is above max/},
	{name: 'outside', text: lesson(", options: {n: {default: 9, min: 1, max: 2, help: 'n'}}"), says: /options\.n: default is outside min\.\.max/},
	{name: 'fraction', text: lesson(", options: {n: {default: 1.5, min: 1, max: 2, help: 'n'}}"), says: /options\.n\.default/},
	{name: 'files', text: lesson(", files: () => { throw new Error('no files'); }"), says: /lesson mine: meta\.files\(\) threw: no files/},
	{name: 'files-path', text: lesson(", files: () => ({'../escape.txt': 'x'})"), says: /meta\.files\(\) names '\.\.\/escape\.txt', not a plain file name/},
	{name: 'files-not-text', text: lesson(", files: () => ({'a.txt': 5})"), says: /meta\.files\(\) must return an object of file names to strings/},
	{name: 'cpu', text: lesson(", cpu: () => { throw new Error('no cpu'); }"), says: /lesson mine: meta\.cpu\(\) threw: no cpu/},
	{name: 'cpu-not-function', text: lesson(', cpu: 5'), says: /cpu: must be a function/},
];

describe('a lesson file that cannot be run', {concurrency: 4, timeout: 120_000}, () => {
	for (const c of CASES) {
		it(c.name, async () => {
			writeFileSync(join(dir, `${c.name}.mjs`), c.text);
			const r = await runCli([`./${c.name}.mjs`, '--json'], {cwd: dir, limitMs: 30_000});
			assert.deepEqual(problems(r), [], r.stderr);
			assert.equal(r.code, 2);
			assert.match(r.stderr, c.says);
		});
	}

	it('a good one still runs (the trial import does not get in the way)', async () => {
		writeFileSync(join(dir, 'good.mjs'), lesson(", options: {n: {default: 1, min: 1, max: 2, help: 'n'}}"));
		const r = await runCli(['./good.mjs', '--json', '--n', '2'], {cwd: dir, limitMs: 30_000});
		assert.deepEqual(problems(r), [], r.stderr);
		assert.equal(r.code, 0);
		assert.match(r.stdout, /"kind":"end","outcome":"completed"/);
	});
});
