/**
 * A screencast that changes variant (v) says so: the cast's title names the
 * variant it starts on, a marker marks each change, and a caption bar names
 * the new variant for a couple of seconds; the same script still gives the
 * same bytes.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {parseCast} from '../source/record/asciicast.js';
import {castTitle, VARIANT_BAR_MS} from '../source/record/beats.js';
import {parseKeyScript} from '../source/record/key-script.js';
import {recordScript} from '../source/record/script-driver.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';

const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const plain = (ansi: string) => ansi.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

async function record(spec: string, script: string, lang: 'zh' | 'en' = 'en') {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	const {cast, screen} = await recordScript({
		init: {scenario, variant, seed: 1, lang, paused: true},
		steps: parseKeyScript(script),
		columns: 100,
		rows: 30,
		showKeys: false,
		theme: {color: true},
	});
	const text = cast.toString();
	return {text, events: parseCast(text).events, rows: plain(screen).split('\n')};
}

describe('a screencast across variants', {timeout: 300_000}, () => {
	it("names the variant in the cast's title", async () => {
		const {module, label} = resolveScenario('ticket');
		const meta = (await loadScenario(module, label)).meta;
		assert.equal(castTitle(meta, 'unsafe', 'en'), `conc-tui ticket:unsafe: ${meta.title.en}`);
		assert.equal(castTitle(meta, undefined, 'zh'), `conc-tui ticket:${meta.defaultVariant}: ${meta.title.zh}`);
		const file = join(mkdtempSync(join(tmpdir(), 'conc-tui-variant-')), 'title.cast');
		const r = spawnSync(process.execPath, [CLI, 'ktv:unsafe', '--keys', '1s q', '--size', '100x30', '--record', file], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, LANG: 'C', CI: 'true'}});
		assert.equal(r.status, 0, r.stderr);
		assert.match(parseCast(readFileSync(file, 'utf8')).header.title ?? '', /^conc-tui ktv:unsafe: /);
	});

	it('marks the change and shows a bar naming the new variant for a couple of seconds', async () => {
		const change = 'variant: unsafe — no semaphore: all six walk in';
		const soon = await record('ktv', 'n 1s v 1s');
		assert.deepEqual(soon.events.filter(e => e[1] === 'm' && e[2].startsWith('variant:')).map(e => e[2]), [change]);
		assert.match(soon.rows[27]!, /^ » variant: unsafe — no semaphore: all six walk in\s*$/);
		assert.match(soon.rows[28]!, /space .* q quit/, 'the key bar keeps its row');
		const later = await record('ktv', `n 1s v ${VARIANT_BAR_MS / 1000 + 1}s`);
		assert.doesNotMatch(later.rows.join('\n'), /» variant:/, 'gone after a couple of seconds');
		const none = await record('ktv', 'n 1s');
		assert.ok(!none.events.some(e => e[1] === 'm' && e[2].startsWith('variant:')), 'the first variant is the title, not a change');
		assert.doesNotMatch(none.rows.join('\n'), /» variant:/);
		const zh = await record('ktv', 'v 1s', 'zh');
		assert.match(zh.rows[27]!, /» 变体: unsafe — 不用信号量：6个人全进去了/);
	});

	it('gives the same bytes for the same script that changes variant', async () => {
		const script = 'speed 4 2s v 1s n n v 3s say "back" 1s q';
		const one = await record('ktv', script);
		const two = await record('ktv', script);
		assert.ok(one.text === two.text, 'recordings differ');
		assert.equal(one.events.filter(e => e[1] === 'm' && e[2].startsWith('variant:')).length, 2);
	});
});
