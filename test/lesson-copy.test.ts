/**
 * A lesson that imports conc-tui from another copy of the package than the
 * one running it: by path, its calls would reach an API that knows of no
 * running lesson, so the CLI refuses it with one line naming both copies
 * (exit 2); by the name `conc-tui`, it is linked to the running copy and
 * runs. The copy is a real one, made in a temporary folder.
 */
import assert from 'node:assert/strict';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {problems, runCli} from './helpers/cli-run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNNING = realpathSync(join(ROOT, 'dist', 'source'));
const TINY = readFileSync(fileURLToPath(new URL('./lessons/tiny.js', import.meta.url)), 'utf8');

describe('a lesson that imports another copy of conc-tui', () => {
	let dir = '';
	let copy = '';

	before(() => {
		dir = realpathSync(mkdtempSync(join(tmpdir(), 'conc-tui-copy-')));
		copy = join(dir, 'copy');
		mkdirSync(join(copy, 'dist'), {recursive: true});
		cpSync(RUNNING, join(copy, 'dist', 'source'), {recursive: true});
		cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
		symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(copy, 'node_modules'));
		mkdirSync(join(dir, 'lessons'));
		writeFileSync(join(dir, 'lessons', 'by-path.js'), TINY.replace(`'../../source/scenario/api.js'`, `'../copy/dist/source/scenario/api.js'`));
		// One step removed: the lesson's own helper file is the one that imports the copy.
		writeFileSync(join(dir, 'lessons', 'helper.js'), `export * from '../copy/dist/source/scenario/api.js';\n`);
		writeFileSync(join(dir, 'lessons', 'via-helper.js'), TINY.replace(`'../../source/scenario/api.js'`, `'./helper.js'`));
		// Inside the copy's folder, `conc-tui` resolves to the copy for Node itself.
		writeFileSync(join(copy, 'by-name.js'), TINY.replace(`'../../source/scenario/api.js'`, `'conc-tui'`));
	});

	after(() => rmSync(dir, {recursive: true, force: true}));

	for (const file of ['by-path.js', 'via-helper.js']) {
		it(`by path (${file}): refused with one line naming both copies, exit 2`, async () => {
			for (const mode of [[], ['--free'], ['--json']]) {
				const r = await runCli([join(dir, 'lessons', file), '--headless', ...mode]);
				assert.deepEqual(problems(r), [], r.stderr);
				assert.equal(r.code, 2, r.stderr);
				assert.equal(r.stdout, '');
				assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
				assert.ok(r.stderr.includes(`(${join(copy, 'dist', 'source')})`), r.stderr);
				assert.ok(r.stderr.includes(`(${RUNNING})`), r.stderr);
				assert.doesNotMatch(r.stderr, /only works inside a running lesson/);
			}
		});
	}

	it('by the name conc-tui: linked to the running copy, it runs as the lesson it is', async () => {
		for (const mode of [[], ['--free']]) {
			const r = await runCli([join(copy, 'by-name.js'), '--json', '--seed', '1', ...mode]);
			assert.deepEqual(problems(r), [], r.stderr);
			assert.equal(r.code, 0, r.stderr);
			const events = r.stdout.trim().split('\n').map(line => JSON.parse(line) as {kind: string; state?: string; task?: string; exitcode?: number; outcome?: string});
			assert.equal(events.at(-1)?.outcome, 'completed');
			const ends = events.filter(e => e.kind === 'state' && e.state === 'done' && e.exitcode !== undefined);
			assert.deepEqual(ends.map(e => e.exitcode), [0, 0, 0]);
			assert.doesNotMatch(r.stdout, /only works inside a running lesson/);
		}
	});
});
