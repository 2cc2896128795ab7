/**
 * A key script that types L: the cast shows the switch (the screen in the
 * other language from that frame on, the caption bar's `say` with it, and a
 * marker naming the language), at the same step; the same script gives the
 * same bytes.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseCast} from '../source/record/asciicast.js';
import {parseKeyScript} from '../source/record/key-script.js';
import {recordScript} from '../source/record/script-driver.js';
import {loadScenario, resolveScenario} from '../source/scenario/load.js';

const plain = (ansi: string) => ansi.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

async function record(spec: string, script: string) {
	const {module, variant, label} = resolveScenario(spec);
	const scenario = await loadScenario(module, label);
	const {cast, screen} = await recordScript({
		init: {scenario, variant, seed: 1, lang: 'en', paused: true},
		steps: parseKeyScript(script),
		columns: 100,
		rows: 30,
		showKeys: true,
		theme: {color: true},
	});
	const text = cast.toString();
	return {text, events: parseCast(text).events, rows: plain(screen).split('\n')};
}

describe('a key script that types L', {timeout: 300_000}, () => {
	const script = 'goto 12 say zh:"第五个人等着" en:"the fifth waits" 1s L 1s n 1s L 1s';

	it('switches the cast to Chinese and back at the same step, the same bytes each time', async () => {
		const one = await record('ktv', script);
		const two = await record('ktv', script);
		assert.ok(one.text === two.text, 'recordings differ');
		const marks = one.events.filter(e => e[1] === 'm').map(e => String(e[2]));
		assert.deepEqual(marks.filter(m => m.startsWith('语言') || m.startsWith('language')), ['语言：中文', 'language: English']);
		// The frames between the two marks are in Chinese: the header, the say bar, the key bar.
		const times = one.events.filter(e => e[1] === 'm' && /^(语言|language)/.test(String(e[2]))).map(e => e[0]);
		const between = plain(one.events.filter(e => e[1] === 'o' && e[0] >= times[0]! && e[0] < times[1]!).map(e => String(e[2])).join(''));
		assert.match(between, /⏸ 已暂停 · 步数 12\/44/, 'L keeps the step');
		assert.match(between, /步数 13\/44/, 'n steps on in Chinese');
		assert.match(between, /» 第五个人等着/, 'the say bar in Chinese');
		assert.match(between, /单步/, 'the key bar in Chinese');
		const before = plain(one.events.filter(e => e[1] === 'o' && e[0] < times[0]!).map(e => String(e[2])).join(''));
		assert.match(before, /⏸ paused · step 12\/44/);
		assert.doesNotMatch(before, /步数|单步/);
		// It ends in English again, one step on.
		assert.match(one.rows[1]!, /⏸ paused · step 13\/44/);
		assert.match(one.rows[27]!, /^ » the fifth waits\s*$/);
	});

	it('an L typed twice ends on the English screen, once the keys shown are gone', async () => {
		const twice = await record('ktv', 'goto 12 1s L L 2s');
		const none = await record('ktv', 'goto 12 1s 2s');
		assert.deepEqual(twice.rows, none.rows, 'the same screen at the end');
	});
});
