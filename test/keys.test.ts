/**
 * The key table on its own: every key the issue names maps to its command,
 * no key means two things, key presses are named as the table names them,
 * a key script's tokens type the keys the TUI acts on, and the help lists
 * every key.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createElement} from 'react';
import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {parseKeyScript} from '../source/record/key-script.js';
import {helpLines} from '../source/ui/HelpOverlay.js';
import {KEY_TABLE, NAMED_KEYS, commandFor, helpName, keyName, namedTokens, pressOfToken, pressesOf, type Press} from '../source/ui/keys.js';

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

	it('digits 0 to 9 type the number of the task to select (0: the clock); other keys do nothing', () => {
		for (let d = 0; d <= 9; d++) assert.deepEqual(commandFor(String(d)), {name: 'pick', digit: d});
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

describe('the one key table', () => {
	it('binds every command to at least one key, and no key to two commands', () => {
		const commands = KEY_TABLE.map(b => b.command);
		assert.equal(new Set(commands).size, commands.length, 'one binding per command');
		for (const b of KEY_TABLE) assert.ok(b.keys.length > 0, `${b.command} has a key`);
		const owner = new Map<string, string>();
		for (const b of KEY_TABLE) {
			for (const k of b.keys) {
				assert.equal(owner.get(k), undefined, `${k} is bound to ${owner.get(k)} and ${b.command}`);
				owner.set(k, b.command);
				assert.deepEqual(commandFor(k)?.name, b.command, `${k} → ${b.command}`);
			}
		}
	});

	it('names its keys the way keyName does: a named key of the table, or one printable character (in lower case, unless bound as a capital: S)', () => {
		const named = new Set(NAMED_KEYS.map(k => k.name));
		for (const b of KEY_TABLE) {
			for (const k of b.keys) {
				const printable = [...k].length === 1 && k > ' ' && keyName(k, {}) === k;
				assert.ok(named.has(k as never) || printable, `${b.command}: '${k}'`);
			}
		}
	});

	it('gives every named key one token at least, and no token to two keys', () => {
		const tokens = NAMED_KEYS.flatMap(k => [...k.tokens]);
		assert.equal(new Set(tokens).size, tokens.length);
		for (const k of NAMED_KEYS) assert.ok(k.tokens.length > 0 && k.help && k.shown, k.name);
	});

	it('every script token types the key the TUI acts on: its bytes, through Ink’s own key parser, are that key', async () => {
		const printable = Array.from({length: 0x7e - 0x21 + 1}, (_, i) => String.fromCharCode(0x21 + i));
		const tokens = [...namedTokens(), ...namedTokens().map(t => t.toUpperCase()), ...printable, 'é', '进'];
		for (const token of tokens) {
			const steps = parseKeyScript(token);
			assert.equal(steps.length, 1, token);
			const step = steps[0]!;
			assert.ok('key' in step, token);
			const press = pressOfToken(step.name);
			const seen = await inkPresses(step.key);
			assert.deepEqual(
				seen.map(p => p.key),
				[press.key],
				`token '${token}': the script acts on ${press.key}, the TUI on ${seen.map(p => p.key).join(', ')}`,
			);
			assert.equal(press.shown, seen[0]!.shown, `token '${token}' is shown as the TUI shows it`);
		}
	});

	it('types every key a binding names with some token', () => {
		for (const b of KEY_TABLE) {
			for (const k of b.keys) {
				const token = NAMED_KEYS.find(n => n.name === k)?.tokens[0] ?? k;
				assert.equal(pressOfToken(token).key, k, `${b.command}: ${k}`);
			}
		}
	});

	it('shows keys as --show-keys always did: arrows, ⏎, esc, ⌫, ctrl-c, a character as typed', () => {
		const shown = (t: string) => pressOfToken(t).shown;
		assert.deepEqual(['left', 'right', 'up', 'down', 'enter', 'return', 'esc', 'escape', 'backspace', 'ctrl-c', 'space', 'tab', 'n', 'Q'].map(shown), [
			'←',
			'→',
			'↑',
			'↓',
			'⏎',
			'⏎',
			'esc',
			'esc',
			'⌫',
			'ctrl-c',
			'space',
			'tab',
			'n',
			'Q',
		]);
	});

	it('the help overlay lists every key of every binding', () => {
		const {keys} = helpLines();
		assert.equal(keys.length, KEY_TABLE.length);
		KEY_TABLE.forEach((b, i) => {
			const line = keys[i]!;
			assert.ok(line.includes(b.help), b.command);
			const listed = line.slice(0, line.length - b.help.length);
			for (const k of b.keys) {
				const ok = b.command === 'pick' ? /0 … 9/.test(listed) && Number(k) >= 0 && Number(k) <= 9 : listed.split(' ').includes(helpName(k));
				assert.ok(ok, `help line '${line}' lists ${k}`);
			}
		});
	});
});

/** The presses the live TUI makes of these bytes: Ink's stdin parsing and useInput, then the table's pressesOf. */
async function inkPresses(bytes: string): Promise<Press[]> {
	const seen: Press[] = [];
	function Probe() {
		useInput((input, key) => {
			seen.push(...pressesOf(input, key));
		});
		return createElement(Text, null, 'probe');
	}
	const {stdin, unmount} = render(createElement(Probe));
	try {
		await new Promise(r => setTimeout(r, 0));
		stdin.write(bytes);
		// Ink waits a moment for the rest of an escape sequence before it takes a lone ESC.
		for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise(r => setTimeout(r, 10));
	} finally {
		unmount();
	}
	return seen;
}
