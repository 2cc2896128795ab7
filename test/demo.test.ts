/**
 * The README's picture is of today's screens: docs/ktv.svg is, byte for
 * byte, what `npm run demo` (scripts/demo.js) records and draws now. A
 * change to what the screen draws makes this fail until `npm run demo` is
 * run again and docs/ktv.svg committed.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe("the README's demo", {timeout: 120_000}, () => {
	it('docs/ktv.svg is what scripts/demo.js records and draws today: the intro card, steps, play, L and back', () => {
		const dir = mkdtempSync(join(tmpdir(), 'conc-tui-demo-'));
		try {
			// As `npm run demo` runs from a plain shell: colours as the recorder chooses them.
			const env: NodeJS.ProcessEnv = {...process.env, LANG: 'C'};
			delete env.NO_COLOR;
			delete env.FORCE_COLOR;
			const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.js'), '--out', dir], {cwd: ROOT, encoding: 'utf8', env});
			assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
			const cast = readFileSync(join(dir, 'ktv.cast'), 'utf8');
			assert.match(cast, /"intro card"/, 'the cast starts at the card');
			assert.match(cast, /语言：中文/, 'and shows L');
			assert.ok(readFileSync(join(dir, 'ktv.svg'), 'utf8') === readFileSync(join(ROOT, 'docs', 'ktv.svg'), 'utf8'), 'docs/ktv.svg is out of date: run npm run demo and commit it');
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
