/**
 * Screencast scripts that say things (issue 15): title and say bars, goto,
 * until broken / until end, n*44, speed, and --pause-at-beats, recorded by
 * the key-script driver with no terminal: the same script gives the same
 * bytes, and each direction shows on the screen the cast ends on.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseArgs} from '../source/cli/args.js';
import {parseCast} from '../source/record/asciicast.js';
import {parseKeyScript} from '../source/record/key-script.js';
import {recordScript} from '../source/record/script-driver.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';

const plain = (ansi: string) => ansi.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

async function record(spec: string, script: string, extra: {lang?: 'zh' | 'en'; seed?: number; pauseAtBeats?: number; paused?: boolean} = {}) {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	const {cast, screen} = await recordScript({
		init: {scenario, variant, seed: extra.seed ?? 1, lang: extra.lang ?? 'en', paused: extra.paused},
		steps: parseKeyScript(script),
		columns: 100,
		rows: 30,
		showKeys: true,
		theme: {color: true},
		pauseAtBeats: extra.pauseAtBeats,
	});
	const text = cast.toString();
	return {text, events: parseCast(text).events, rows: plain(screen).split('\n')};
}

describe('screencast scripts that say things', {timeout: 300_000}, () => {
	it('gives the same bytes for the same script, every token in it', async () => {
		const script = 'title "Four booths" speed 4 n*3 say "the fifth waits" goto 10 1s until broken until end say "" 1s q';
		const one = await record('ktv', script);
		const two = await record('ktv', script);
		assert.ok(one.text === two.text, 'recordings differ');
	});

	it('types a key N times as n*N: the same bytes as writing it out', async () => {
		const short = await record('ktv', 'n*6 b*2 q', {paused: true});
		const long = await record('ktv', 'n n n n n n b b q', {paused: true});
		assert.ok(short.text === long.text, 'n*6 is not n n n n n n');
		assert.match(short.rows.join('\n'), /step 4\/44/);
	});

	it('draws the title over the top row and the caption bar above the key bar, in the lesson’s language', async () => {
		const en = await record('ktv', 'title "Four booths, six singers" say zh:"第五个人等着" en:"the fifth waits" 1s');
		assert.match(en.rows[0]!, /^ Four booths, six singers\s*$/);
		assert.match(en.rows[27]!, /^ » the fifth waits\s*$/);
		assert.match(en.rows[28]!, /space .* q quit/, 'the key bar keeps its row');
		const zh = await record('ktv', 'say zh:"第五个人等着" en:"the fifth waits" 1s', {lang: 'zh'});
		assert.match(zh.rows[27]!, /^ » 第五个人等着\s*$/);
		const gone = await record('ktv', 'title "T" say "S" 1s title "" say "" 1s');
		assert.doesNotMatch(gone.rows[0]!, /^ T\s*$/);
		assert.doesNotMatch(gone.rows[27]!, /» S/);
	});

	it('goto N pauses on step N; speed N sets the playback speed', async () => {
		const {rows} = await record('ktv', 'goto 17 speed 8 1s');
		assert.match(rows[1]!, /⏸ paused · step 17\/44 · .* · ×8/);
		const back = await record('ktv', 'goto 30 goto 5 1s');
		assert.match(back.rows[1]!, /step 5\/44/);
	});

	it('until broken plays to the step where an invariant first breaks, and pauses there', async () => {
		const {rows, events} = await record('ticket:unsafe', 'until broken 2s');
		const header = rows[1]!;
		const at = /step (\d+)\/\d+/.exec(header)?.[1];
		assert.match(header, /⏸ paused/);
		// The verdicts are on the header's third row, the invariants' own.
		assert.match(rows[2]!, new RegExp(`^invariants: .*broken at step ${at}\\b`), rows[2]);
		assert.equal(events.filter(e => e[1] === 'm' && String(e[2]).startsWith('invariant broken')).length, 1);
	});

	it('until end plays to the run’s end', async () => {
		const {rows, events} = await record('ktv', 'speed 16 until end');
		assert.match(rows[1]!, /step 44\/44/);
		assert.equal(events.filter(e => e[1] === 'm').at(-1)?.[2], 'the end');
	});

	it('--pause-at-beats S holds the screen S seconds at every frame with a beat, and nothing else changes', async () => {
		const script = 'speed 8 until end 1s q';
		const plainRun = await record('ticket:unsafe', script);
		const paused = await record('ticket:unsafe', script, {pauseAtBeats: 2});
		const marks = (r: typeof plainRun) => r.events.filter(e => e[1] === 'm').map(e => e[2]);
		assert.deepEqual(marks(paused), marks(plainRun));
		assert.ok(marks(paused).length >= 2, 'a caption or two, the break, the end');
		// Beats that come with one frame (a caption and a break at once) hold it once.
		const frames = new Set(plainRun.events.filter(e => e[1] === 'm').map(e => e[0])).size;
		const end = (r: typeof plainRun) => r.events.at(-1)![0];
		assert.ok(Math.abs(end(paused) - (end(plainRun) + 2 * frames)) < 1e-6, `${end(paused)} = ${end(plainRun)} + 2 × ${frames}`);
		// After each beat the screen stays as it was for two seconds.
		for (const [i, e] of paused.events.entries()) {
			if (e[1] !== 'm') continue;
			const next = paused.events.slice(i + 1).find(x => x[1] === 'o');
			if (next) assert.ok(next[0] - e[0] >= 2 - 1e-6, `held after '${e[2]}'`);
		}
		assert.deepEqual(plainRun.rows, paused.rows, 'the same last screen');
	});

	it('--pause-at-beats takes a positive number of seconds, and only with a key script', () => {
		assert.equal(parseArgs(['ktv', '--keys', 'n', '--pause-at-beats', '1.5']).pauseAtBeats, 1.5);
		assert.throws(() => parseArgs(['ktv', '--pause-at-beats', '2']), /--pause-at-beats goes with a key script/);
		assert.throws(() => parseArgs(['ktv', '--keys', 'n', '--pause-at-beats', '0']), /--pause-at-beats needs a positive number/);
	});

	it('marks a demonstration that happened as shown, and a break as broken', async () => {
		const markers = (events: [number, string, string][]) => events.filter(e => e[1] === 'm').map(e => e[2]);
		const shown = markers((await record('parallel:two-cores', 'until end q')).events);
		assert.ok(shown.includes('shown: the two processes ran side by side'), shown.join('\n'));
		assert.ok(!shown.some(m => m.startsWith('invariant broken')), shown.join('\n'));
		const broken = markers((await record('ticket:unsafe', 'until broken q')).events);
		assert.ok(broken.some(m => m.startsWith('invariant broken: ')), broken.join('\n'));
	});
});
