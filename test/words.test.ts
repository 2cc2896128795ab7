/**
 * The words table: every English word has its Chinese one, not empty, not
 * the English again, and in Chinese characters; the key table likewise.
 * The Chinese side is typed from the English one, so a missing word is a
 * compile error: checked below with @ts-expect-error, which itself fails
 * the build the day a partial table compiles.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {KEY_TABLE, barWord} from '../source/ui/keys.js';
import {WORDS, otherLang, type Words} from '../source/view/words.js';

// @ts-expect-error a table of status words without all of them does not compile
const partial: Words['status'] = {starting: '… 启动中'};
void partial;

/** A sentence in Chinese has Chinese characters (or full-width punctuation) in it. */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u;

/** Sample arguments for the words that are sentences; lists and records where a word takes them. */
const ARGS: Record<string, unknown[]> = {
	'task.clock': ['3', ['Process-1', 'Process-2']],
	'alert.deadlock': [['Process-1 waits on A']],
	'alert.waitsOn': ['Process-1', 'lock#1', ['Process-2']],
	'transcript.waitsForEver': ['Process-1', 'lock#1', ['Process-2']],
	'transcript.run': [{scenario: 'ktv', variant: 'semaphore', seed: 1, policy: 'random', sched: 'fcfs', cores: 2, mode: 'controlled', options: 'people 6'}],
	'code.title': ['Code · Python · 002'],
};

/** Every word of a table as [path, text], sentences said with the sample arguments. */
function leaves(table: unknown, path = ''): [string, string][] {
	if (typeof table === 'string') return [[path, table]];
	if (typeof table === 'function') {
		const args = ARGS[path] ?? Array.from({length: Math.max(1, table.length)}, (_, i) => (i % 2 === 0 ? `Task-${i}` : 2 + i));
		return [[path, String((table as (...a: unknown[]) => string)(...args))]];
	}
	if (Array.isArray(table)) return table.flatMap((t, i) => leaves(t, `${path}[${i}]`));
	return Object.entries(table as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('the words table', () => {
	const en = new Map(leaves(WORDS.en));
	const zh = new Map(leaves(WORDS.zh));

	it('has the same words in both languages', () => {
		assert.deepEqual([...zh.keys()], [...en.keys()]);
		assert.ok(en.size > 150, `${en.size} words`);
	});

	it('has a Chinese word for every English one: not empty, not the English sentence, in Chinese', () => {
		for (const [path, english] of en) {
			const chinese = zh.get(path)!;
			assert.ok(english.trim().length > 0, `${path}: the English is empty`);
			assert.ok(chinese.trim().length > 0, `${path}: the Chinese is empty`);
			assert.notEqual(chinese, english, `${path}: the same in Chinese as in English: ${english}`);
			assert.match(chinese, CHINESE, `${path}: no Chinese in ${chinese}`);
		}
	});

	it('keeps the words a script greps for in the Chinese transcript', () => {
		assert.match(zh.get('transcript.why')!, /^WHY /);
		assert.match(zh.get('transcript.broken')!, /^BROKEN /);
		assert.match(zh.get('transcript.held')!, /^✓ /);
		assert.match(zh.get('transcript.shown')!, /^● /);
		assert.match(zh.get('transcript.unshown')!, /^○ /);
	});

	it('goes from one language to the other and back', () => {
		assert.equal(otherLang('en'), 'zh');
		assert.equal(otherLang('zh'), 'en');
	});
});

describe('the key table in Chinese', () => {
	it('gives every binding a Chinese word and help line, not the English ones', () => {
		for (const b of KEY_TABLE) {
			// L's word is the language it goes to: English, from Chinese.
			if (b.command !== 'language') assert.match(b.zh.word, CHINESE, `${b.command}: ${b.zh.word}`);
			assert.match(b.zh.help, CHINESE, `${b.command}: ${b.zh.help}`);
			assert.notEqual(b.zh.word, b.word, b.command);
			assert.notEqual(b.zh.help, b.help, b.command);
			// What the key does now has its Chinese word too (space pauses while playing).
			assert.deepEqual(Object.keys(b.zh.now ?? {}), Object.keys(b.now ?? {}), b.command);
		}
	});

	it('says where L goes: to Chinese from English, to English from Chinese', () => {
		const l = KEY_TABLE.find(b => b.command === 'language')!;
		assert.deepEqual(l.keys, ['L']);
		assert.equal(barWord(l, {}, 'en'), '中文');
		assert.equal(barWord(l, {}, 'zh'), 'English');
		const play = KEY_TABLE.find(b => b.command === 'play')!;
		assert.equal(barWord(play, {playing: true}, 'zh'), '暂停');
		assert.equal(barWord(play, {ended: true}, 'zh'), '重播');
	});
});
