// The README's demo (npm run demo, after a build): the ktv lesson driven by a
// key script and recorded with no terminal (docs/ktv.cast, the same bytes on
// every machine), then drawn as an animated SVG by svg-term-cli (docs/ktv.svg).
// `--out DIR` writes both there instead (test/demo.test.ts draws them again
// and compares the SVG with the committed one).
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const at = process.argv.indexOf('--out');
const out = at >= 0 ? process.argv[at + 1] : 'docs';
const KEYS = '1s n n n n n 1s space 5s n 2s L 3s L b b 1s q';
const RECORD = ['dist/source/cli.js', 'ktv', '--seed', '1', '--lang', 'en', '--keys', KEYS, '--size', '100x30', '--show-keys', '--record', join(out, 'ktv.cast')];
const DRAW = ['-r', './scripts/svg-term-react16.cjs', require.resolve('svg-term-cli/lib/cli.js'), '--in', join(out, 'ktv.cast'), '--out', join(out, 'ktv.svg'), '--window', '--no-cursor'];

function run(args) {
	const started = performance.now();
	const r = spawnSync(process.execPath, args, {cwd: root, stdio: 'inherit'});
	if (r.status !== 0) process.exit(r.status ?? 1);
	return (performance.now() - started) / 1000;
}

const recorded = run(RECORD);
const drawn = run(DRAW);
console.log(`${join(out, 'ktv.cast')} recorded in ${recorded.toFixed(1)} s; ${join(out, 'ktv.svg')} drawn in ${drawn.toFixed(1)} s`);
