/**
 * The key table on its own: every key the issue names maps to its command,
 * no key means two things, and key presses are named as the table names them.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {KEY_TABLE, commandFor, keyName} from '../source/ui/keys.js';

const none = {};

describe('keyName', () => {
	it('names arrows, Enter, Escape, space and Ctrl-C', () => {
		assert.equal(keyName('', {leftArrow: true}), 'left');
		assert.equal(keyName('', {rightArrow: true}), 'right');
		assert.equal(keyName('', {upArrow: true}), 'up');
		assert.equal(keyName('', {downArrow: true}), 'down');
		assert.equal(keyName('\r', {return: true}), 'return');
		assert.equal(keyName('', {escape: true}), 'escape');
		assert.equal(keyName(' ', none), 'space');
		assert.equal(keyName('c', {ctrl: true}), 'ctrl+c');
	});
	it('names a printable key by itself, a shifted letter as the letter, and ignores other control keys', () => {
		assert.equal(keyName('n', none), 'n');
		assert.equal(keyName('N', {shift: true}), 'n');
		assert.equal(keyName('?', none), '?');
		assert.equal(keyName('+', none), '+');
		assert.equal(keyName('7', none), '7');
		assert.equal(keyName('x', {ctrl: true}), undefined);
		assert.equal(keyName('abc', none), undefined);
	});
});

describe('commandFor', () => {
	const cases: [string, string][] = [
		['space', 'play'],
		['n', 'step'],
		['right', 'step'],
		['b', 'back'],
		['left', 'back'],
		['+', 'faster'],
		['=', 'faster'],
		['-', 'slower'],
		['r', 'restart'],
		['v', 'variant'],
		['s', 'seed'],
		['p', 'policy'],
		['c', 'cores'],
		['m', 'manual'],
		['f', 'free'],
		['?', 'help'],
		['escape', 'close'],
		['q', 'quit'],
		['ctrl+c', 'quit'],
		['up', 'up'],
		['down', 'down'],
		['return', 'choose'],
	];
	for (const [key, command] of cases) it(`${key} → ${command}`, () => assert.deepEqual(commandFor(key), {name: command}));

	it('digits 1 to 9 pick the ready task with that number; 0 and other keys do nothing', () => {
		for (let d = 1; d <= 9; d++) assert.deepEqual(commandFor(String(d)), {name: 'pick', digit: d});
		assert.equal(commandFor('0'), undefined);
		assert.equal(commandFor('z'), undefined);
		assert.equal(commandFor(undefined), undefined);
	});

	it('gives no key two meanings, and documents every binding', () => {
		const keys = KEY_TABLE.flatMap(b => b.keys);
		assert.equal(new Set(keys).size, keys.length);
		for (const b of KEY_TABLE) {
			assert.ok(b.help.length > 0 && b.label.length > 0, b.command);
			assert.equal(new Set(KEY_TABLE.map(x => x.command)).size, KEY_TABLE.length, 'one binding per command');
		}
	});
});
