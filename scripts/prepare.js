// `npm install` runs `prepare`, and so does the first `npx conc-tui` in a
// clone: npx links this package into its cache and prepares the link, which
// rebuilt everything a second time (about ten seconds of a spinner, and a
// Ctrl-C then left npx's cache broken). So: build only when dist/ is missing
// or older than what it is built from.
//
//   node scripts/prepare.js [--dry-run] [ROOT]
//
// The build's last step (after-build.js) stamps dist/.build-stamp; the build
// is needed when any file under the compiled folders, or the tsconfig or
// package.json, is newer than that stamp. `npm test` and `npm run build`
// always build.
//
// The packed package (`npm pack`, package.json `files`) ships dist/ built and
// neither the sources nor tsconfig.json: there is nothing to build, and this
// does nothing (npm does not run `prepare` for a tarball or the registry, but
// a tool that does must not try to compile without TypeScript).
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const root = resolve(args.find(a => !a.startsWith('--')) ?? fileURLToPath(new URL('..', import.meta.url)));
const INPUTS = ['source', 'scenarios', 'test', 'bench'];

function newest(path) {
	let st;
	try {
		st = statSync(path);
	} catch {
		return 0;
	}
	if (!st.isDirectory()) return st.mtimeMs;
	let t = 0;
	for (const name of readdirSync(path)) {
		if (name === 'node_modules') continue;
		t = Math.max(t, newest(join(path, name)));
	}
	return t;
}

function stale() {
	if (!existsSync(join(root, 'tsconfig.json'))) return undefined;
	let stamp;
	try {
		stamp = statSync(join(root, 'dist', '.build-stamp')).mtimeMs;
	} catch {
		return 'dist/ has not been built';
	}
	const changed = [...INPUTS, 'tsconfig.json', 'tsconfig.types.json', 'package.json'].find(p => newest(join(root, p)) > stamp);
	return changed === undefined ? undefined : `${changed} changed since the last build`;
}

const why = stale();
if (dryRun) {
	process.stdout.write(`${why ? `build: ${why}` : 'up to date'}\n`);
} else if (why) {
	const npm = process.env.npm_execpath;
	const r = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], {cwd: root, stdio: 'inherit'}) : spawnSync('npm', ['run', 'build'], {cwd: root, stdio: 'inherit', shell: process.platform === 'win32'});
	process.exit(r.status ?? 1);
}
