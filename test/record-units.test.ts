/**
 * The pure parts of recording: the key-script parser and the asciicast writer.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Cast, parseCast} from '../source/record/asciicast.js';
import {KeyScriptError, parseKeyScript} from '../source/record/key-script.js';

describe('key scripts', () => {
	it('reads waits and keys as a person types them', () => {
		assert.deepEqual(parseKeyScript(' 2s n  space 300ms left 0.5s q '), [
			{wait: 2000},
			{key: 'n', name: 'n'},
			{key: ' ', name: 'space'},
			{wait: 300},
			{key: '\u001b[D', name: 'left'},
			{wait: 500},
			{key: 'q', name: 'q'},
		]);
		assert.deepEqual(parseKeyScript('+ - 3 ? ctrl-c Enter'), [
			{key: '+', name: '+'},
			{key: '-', name: '-'},
			{key: '3', name: '3'},
			{key: '?', name: '?'},
			{key: '\u0003', name: 'ctrl-c'},
			{key: '\r', name: 'enter'},
		]);
	});

	it('refuses a bad token by name', () => {
		assert.throws(() => parseKeyScript('2s n spaec q'), (e: unknown) => e instanceof KeyScriptError && /bad token 'spaec'/.test(e.message));
		assert.throws(() => parseKeyScript('2x'), /bad token '2x'/);
		assert.throws(() => parseKeyScript('9999s'), /longer than an hour/);
	});
});

describe('asciicast v2', () => {
	it('writes a header and events that parse back, times never going back', () => {
		const cast = new Cast({width: 80, height: 24, title: 'ktv'});
		cast.output(0, '\u001b[Hhello');
		cast.marker(1.5, 'caption: person 4 waits');
		cast.output(1.2, 'late');
		cast.output(2, '');
		const {header, events} = parseCast(cast.toString());
		assert.deepEqual(header, {version: 2, width: 80, height: 24, title: 'ktv', env: {TERM: 'xterm-256color'}});
		assert.deepEqual(events, [
			[0, 'o', '\u001b[Hhello'],
			[1.5, 'm', 'caption: person 4 waits'],
			[1.5, 'o', 'late'],
		]);
	});

	it('refuses what is not asciicast v2', () => {
		assert.throws(() => parseCast('{"version":1,"width":80,"height":24}\n'), /not an asciicast v2/);
		assert.throws(() => parseCast('{"version":2,"width":80,"height":24}\n[1,"o"]\n'), /event 1/);
	});
});

describe('a screencast script’s tokens', () => {
	it('repeats a key: n*3 is n n n, and ** is * twice', () => {
		assert.deepEqual(parseKeyScript('n*3'), parseKeyScript('n n n'));
		assert.deepEqual(parseKeyScript('right*2 **2'), parseKeyScript('right right * *'));
		assert.equal(parseKeyScript('n*44').length, 44);
	});

	it('reads title, say, goto, until and speed', () => {
		assert.deepEqual(parseKeyScript('title "Four booths" say "the fifth \\"waits\\"" goto 12 until broken until end speed 0.5 say ""'), [
			{title: 'Four booths'},
			{say: {zh: 'the fifth "waits"', en: 'the fifth "waits"'}},
			{goto: 12},
			{until: 'broken'},
			{until: 'end'},
			{speed: 0.5},
			{say: {zh: '', en: ''}},
		]);
		assert.deepEqual(parseKeyScript('say zh:"第五个人等着" en:"the fifth waits" 1s'), [{say: {zh: '第五个人等着', en: 'the fifth waits'}}, {wait: 1000}]);
		assert.deepEqual(parseKeyScript('say en:"only English"'), [{say: {en: 'only English'}}]);
	});

	it('keeps a lone " a key where no text is asked for', () => {
		assert.deepEqual(parseKeyScript('" n'), [
			{key: '"', name: '"'},
			{key: 'n', name: 'n'},
		]);
	});

	it('refuses what it cannot read, by name', () => {
		for (const [script, message] of [
			['title Four', /title needs a quoted text/],
			['say', /say needs a quoted text/],
			['say "not closed', /quoted text is not closed/],
			['goto', /goto needs a step number/],
			['goto -1', /goto needs a step number, e.g. goto 12, not '-1'/],
			['until later', /until needs 'broken' or 'end', not 'later'/],
			['speed 0', /speed needs a positive number/],
			['speed fast', /speed needs a positive number/],
			['n*0', /repeats a key from 1 to 10000 times/],
			['nn*3', /bad token 'nn\*3'/],
		] as const) {
			assert.throws(() => parseKeyScript(script), (e: unknown) => e instanceof KeyScriptError && message.test(e.message), script);
		}
	});
});
