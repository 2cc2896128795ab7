/**
 * `prepare` (scripts/prepare.js) builds only when dist/ is missing or older
 * than what it is built from: `npm install` in a fresh clone builds, and the
 * first `npx conc-tui`, which prepares the clone again, does not rebuild it.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/prepare.js', import.meta.url));

function decide(root: string): string {
	const r = spawnSync(process.execPath, [SCRIPT, '--dry-run', root], {encoding: 'utf8'});
	assert.equal(r.status, 0, r.stderr);
	return r.stdout.trim();
}

describe('prepare', () => {
	it('builds a clone with no dist/, not one built since its last change, and again after a change', () => {
		const root = mkdtempSync(join(tmpdir(), 'conc-tui-prepare-'));
		mkdirSync(join(root, 'source', 'ui'), {recursive: true});
		writeFileSync(join(root, 'source', 'ui', 'App.tsx'), 'export {};\n');
		writeFileSync(join(root, 'tsconfig.json'), '{}\n');
		writeFileSync(join(root, 'package.json'), '{}\n');
		const past = new Date(Date.now() - 60_000);
		for (const p of ['source/ui/App.tsx', 'source/ui', 'source', 'tsconfig.json', 'package.json']) utimesSync(join(root, p), past, past);
		assert.equal(decide(root), 'build: dist/ has not been built');
		mkdirSync(join(root, 'dist'));
		writeFileSync(join(root, 'dist', '.build-stamp'), 'now\n');
		assert.equal(decide(root), 'up to date');
		const later = new Date(Date.now() + 60_000);
		utimesSync(join(root, 'source', 'ui', 'App.tsx'), later, later);
		assert.equal(decide(root), 'build: source changed since the last build');
	});

	it('is what npm runs on install', () => {
		const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {scripts: Record<string, string>};
		assert.equal(pkg.scripts.prepare, 'node scripts/prepare.js');
		assert.match(pkg.scripts.test!, /^npm run build && /, 'npm test always builds');
	});
});
