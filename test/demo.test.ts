/**
 * The README's picture is of today's screens: docs/ktv.cast (drawn as
 * docs/ktv.svg by `npm run demo`) is, byte for byte, what the demo's key
 * script records now. A change to what the screen draws makes this fail
 * until `npm run demo` is run again and both files are committed.
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
	it('docs/ktv.cast is what scripts/demo.js records today', () => {
		const demo = readFileSync(join(ROOT, 'scripts', 'demo.js'), 'utf8');
		const record = /const RECORD = (\[.*\]);/.exec(demo)?.[1];
		const keys = /const KEYS = '([^']*)';/.exec(demo)?.[1];
		assert.ok(record && keys, 'scripts/demo.js names RECORD and KEYS');
		const dir = mkdtempSync(join(tmpdir(), 'conc-tui-demo-'));
		try {
			const args = (JSON.parse(record.replaceAll("'", '"').replace('KEYS', JSON.stringify(keys))) as string[]).map(a => (a === 'docs/ktv.cast' ? join(dir, 'ktv.cast') : a));
			// As `npm run demo` runs it from a plain shell: colours as the recorder chooses them.
			const env: NodeJS.ProcessEnv = {...process.env, LANG: 'C'};
			delete env.NO_COLOR;
			delete env.FORCE_COLOR;
			const r = spawnSync(process.execPath, args, {cwd: ROOT, encoding: 'utf8', env});
			assert.equal(r.status, 0, r.stderr);
			const fresh = readFileSync(join(dir, 'ktv.cast'), 'utf8');
			assert.ok(fresh === readFileSync(join(ROOT, 'docs', 'ktv.cast'), 'utf8'), 'docs/ktv.cast is out of date: run npm run demo and commit docs/ktv.cast and docs/ktv.svg');
			assert.match(fresh, /"intro card"/, 'the cast starts at the card');
			assert.match(fresh, /语言：中文/, 'and shows L');
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
