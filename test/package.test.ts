/**
 * The package as users get it: `npm pack` ships the compiled runtime, the
 * lessons' sources and Python views the Code pane reads, and not the tests,
 * benchmarks or TypeScript sources of the app; the tarball installed into an
 * empty folder runs a built-in lesson and a lesson file of one's own that
 * imports from 'conc-tui', and that file type-checks against the package's
 * declarations (an editor's completion and checks for a lesson). Slow (a pack and an install, about ten seconds):
 * one describe with a generous limit. When npm cannot fetch a dependency (no
 * registry, and the cache lacks it), the install's tests skip and say why.
 */
import assert from 'node:assert/strict';
import {spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Upper bounds, about 1.3 times what the pack measures (422 kB packed, 326 files, 51 of them the API's declarations). */
const MAX_PACKED = 550_000;
const MAX_FILES = 420;

/** npm's own environment (from `npm test`) minus what describes this package, so the child npm sees a plain folder. */
function env(tmp: string): Record<string, string> {
	const e: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (v === undefined || /^npm_(package|lifecycle)_/.test(k) || k === 'INIT_CWD' || k === 'FORCE_COLOR') continue;
		e[k] = v;
	}
	e.TMPDIR = tmp;
	return e;
}

function run(command: string, args: string[], cwd: string, tmp: string): SpawnSyncReturns<string> {
	return spawnSync(command, args, {cwd, env: env(tmp), encoding: 'utf8', timeout: 120_000});
}

function said(r: SpawnSyncReturns<string>): string {
	return `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}${r.error ? ` ${r.error.message}` : ''}\n${r.stdout}\n${r.stderr}`;
}

/** An install that failed for want of the network, not for anything in the package. */
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENOTCACHED|request to https?:\/\/\S+ failed/;

interface Packed {
	filename: string;
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: {path: string; size: number}[];
}

const LESSON = `import {Lock, Process, defineScenario, print, sleep} from 'conc-tui';

export const meta = defineScenario({
  name: 'mine', group: 'extra', sources: [],
  title: {zh: '两个进程一把锁', en: 'Two processes, one lock'},
  summary: {zh: ['一次只有一个进程拿到锁。', '另一个等着。'], en: ['One process at a time holds the lock.', 'The other waits.']},
  variants: {only: {zh: '唯一', en: 'the only one'}}, defaultVariant: 'only',
});

export async function worker(lock, i) {
  await lock.acquire();
  await print(\`worker \${i} has the lock\`);
  await sleep(0.5);
  await lock.release();
}

export async function main() {
  const lock = new Lock();
  const ps = [0, 1].map(i => new Process({target: worker, args: [lock, i]}));
  for (const p of ps) await p.start();
  for (const p of ps) await p.join();
}
`;

describe('the packed package', {timeout: 300_000}, () => {
	let tmp = '';
	let packed: Packed;
	let app = '';
	/** Why the installed package's tests skip, if they do. */
	let noInstall: string | undefined;

	before(() => {
		tmp = mkdtempSync(join(tmpdir(), 'conc-tui-package-'));
		// What `npm test` has just built; --ignore-scripts: no `prepare` (a build) inside a test.
		const r = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT, tmp);
		assert.equal(r.status, 0, said(r));
		packed = (JSON.parse(r.stdout) as Packed[])[0]!;
		app = join(tmp, 'app');
		mkdirSync(app);
		writeFileSync(join(app, 'package.json'), '{"name": "my-lessons", "private": true}\n');
		const i = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(tmp, packed.filename)], app, tmp);
		if (i.status !== 0) {
			const out = `${i.stdout}\n${i.stderr}`;
			if (OFFLINE.test(out)) noInstall = `npm could not fetch a dependency (no registry here, and the npm cache lacks it): ${OFFLINE.exec(out)![0]}`;
			else assert.fail(`npm install of the tarball failed:\n${said(i)}`);
		}
	});

	after(() => {
		if (tmp) rmSync(tmp, {recursive: true, force: true});
	});

	it('holds the compiled runtime, the lessons with their sources and Python views, the README, and nothing of the tests, benches or app sources', () => {
		const paths = packed.files.map(f => f.path);
		const bad = paths.filter(p => /^(test|bench|source|\.ci)\/|^dist\/(test|bench)\/|^dist\/source\/.*\.map$|^(tsconfig\.json|eslint\.config\.js|package-lock\.json)$/.test(p));
		assert.deepEqual(bad, [], 'nothing of the tests, benches, app sources or dev config');
		assert.deepEqual(
			paths.filter(p => p.endsWith('.ts') && !/^scenarios\/[\w-]+\.ts$/.test(p) && !/^dist\/types\/.*\.d\.ts$/.test(p) && p !== 'vendor/widest-line/index.d.ts'),
			[],
			'the only TypeScript is the lessons, which the Code pane shows, and the API declarations',
		);
		assert.deepEqual(
			paths.filter(p => p.startsWith('scripts/')),
			['scripts/prepare.js'],
			'the one script is prepare, which package.json names',
		);
		for (const p of ['package.json', 'README.md', 'LICENSE', 'dist/types/scenario/api.d.ts', 'dist/source/cli.js', 'dist/source/scenario/api.js', 'dist/source/host/host.js', 'vendor/widest-line/index.js']) assert.ok(paths.includes(p), p);
		const lessons = readdirSync(join(ROOT, 'dist', 'scenarios')).filter(f => f.endsWith('.js'));
		assert.ok(lessons.length >= 20, lessons.join(' '));
		for (const js of lessons) {
			const stem = js.slice(0, -3);
			for (const p of [`dist/scenarios/${js}`, `dist/scenarios/${js}.map`, `scenarios/${stem}.ts`]) assert.ok(paths.includes(p), `${p}: the lesson, its source map (the line a task is on) and its source (the Code pane)`);
			if (existsSync(join(ROOT, 'scenarios', `${stem}.py`))) assert.ok(paths.includes(`scenarios/${stem}.py`), `scenarios/${stem}.py: the Python view`);
		}
		assert.ok(packed.size <= MAX_PACKED, `packed ${packed.size} bytes, over ${MAX_PACKED}`);
		assert.ok(packed.entryCount <= MAX_FILES, `${packed.entryCount} files, over ${MAX_FILES}`);
	});

	it('installs into an empty folder without building, and `npx conc-tui ktv --headless` runs the lesson there', t => {
		if (noInstall) return t.skip(noInstall);
		const installed = join(app, 'node_modules', 'conc-tui');
		assert.ok(existsSync(join(installed, 'dist', 'source', 'cli.js')));
		assert.ok(!existsSync(join(installed, 'source')) && !existsSync(join(installed, 'tsconfig.json')), 'no sources to build from');
		const p = run(process.execPath, [join(installed, 'scripts', 'prepare.js'), '--dry-run'], installed, tmp);
		assert.equal(p.status, 0, said(p));
		assert.equal(p.stdout.trim(), 'up to date', 'prepare, if a tool runs it there, builds nothing');
		const r = run('npx', ['--no', 'conc-tui', 'ktv', '--headless'], app, tmp);
		assert.equal(r.status, 0, said(r));
		assert.match(r.stdout, /^ktv:semaphore · seed 1 /);
		assert.match(r.stdout, /Process-6 \(pid \d+\) is created: ktv/);
		assert.match(r.stdout, /person 0 进来唱歌了/);
		assert.match(r.stdout, /run ends: completed after \d+ steps/);
		assert.equal(r.stderr, '');
	});

	it("runs a lesson file of one's own that imports from 'conc-tui'", t => {
		if (noInstall) return t.skip(noInstall);
		writeFileSync(join(app, 'mine.mjs'), LESSON);
		const r = run('npx', ['--no', 'conc-tui', './mine.mjs', '--headless'], app, tmp);
		assert.equal(r.status, 0, said(r));
		assert.match(r.stdout, /^mine:only · seed 1 /);
		assert.match(r.stdout, /Process-1 \| worker 0 has the lock/);
		assert.match(r.stdout, /Process-2 \| worker 1 has the lock/);
		assert.match(r.stdout, /Process-2 blocks on lock#1/);
		assert.match(r.stdout, /MainProcess ends, exit code 0/);
		assert.equal(r.stderr, '');
	});

	it("type-checks a lesson of one's own against the package's declarations, and a wrong call is an error", t => {
		if (noInstall) return t.skip(noInstall);
		const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
		const check = (file: string) => run(process.execPath, [tsc, '--noEmit', '--allowJs', '--checkJs', '--strict', '--noImplicitAny', 'false', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', file], app, tmp);
		writeFileSync(join(app, 'typed.mjs'), LESSON);
		const good = check('typed.mjs');
		assert.equal(good.status, 0, said(good));
		writeFileSync(join(app, 'wrong.mjs'), `${LESSON}\nexport async function late() {\n  await sleep('soon');\n  new Process({target: 42});\n}\n`);
		const bad = check('wrong.mjs');
		assert.notEqual(bad.status, 0, said(bad));
		assert.match(bad.stdout, /wrong\.mjs\(\d+,\d+\): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'/);
		assert.match(bad.stdout, /wrong\.mjs\(\d+,\d+\): error TS2322/);
	});
});
