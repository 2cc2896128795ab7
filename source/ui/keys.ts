/**
 * The key table: one place maps keys to named commands. The input handler
 * names the key (`keyName`), looks it up (`commandFor`) and hands the command
 * to the run; the key bar and the help overlay are drawn from the same table.
 */
import type {Key} from 'ink';

export type CommandName =
	| 'play'
	| 'step'
	| 'back'
	| 'faster'
	| 'slower'
	| 'restart'
	| 'variant'
	| 'seed'
	| 'policy'
	| 'cores'
	| 'manual'
	| 'free'
	| 'code'
	| 'help'
	| 'close'
	| 'quit'
	| 'up'
	| 'down'
	| 'choose'
	| 'pick';

export interface Command {
	name: CommandName;
	/** For `pick`: 1 to 9, the number shown next to a ready task. */
	digit?: number;
}

export interface Binding {
	/** Key names as `keyName` gives them. */
	keys: string[];
	command: CommandName;
	/** What the key bar shows for the keys. */
	label: string;
	/** One line for the help overlay. */
	help: string;
	/** Shown in the key bar: always, only while picking (manual), or only in the help overlay. */
	bar: 'always' | 'manual' | 'help';
}

export const KEY_TABLE: readonly Binding[] = [
	{keys: ['space'], command: 'play', label: 'space', help: 'play / pause', bar: 'always'},
	{keys: ['n', 'right'], command: 'step', label: 'n →', help: 'one step forward (walks the recorded trace)', bar: 'always'},
	{keys: ['b', 'left'], command: 'back', label: 'b ←', help: 'one step back (no thread reruns)', bar: 'always'},
	{keys: ['+', '='], command: 'faster', label: '+', help: 'faster', bar: 'help'},
	{keys: ['-', '_'], command: 'slower', label: '-', help: 'slower', bar: 'help'},
	{keys: ['r'], command: 'restart', label: 'r', help: 'restart the lesson', bar: 'help'},
	{keys: ['v'], command: 'variant', label: 'v', help: 'next variant (reruns)', bar: 'help'},
	{keys: ['s'], command: 'seed', label: 's', help: 'new seed (reruns)', bar: 'help'},
	{keys: ['p'], command: 'policy', label: 'p', help: 'next scheduling policy: random, fifo, rr (reruns)', bar: 'help'},
	{keys: ['c'], command: 'cores', label: 'c', help: 'cores: 1, 2, 4 (reruns)', bar: 'help'},
	{keys: ['m'], command: 'manual', label: 'm', help: 'manual: you pick which ready task runs next', bar: 'always'},
	{keys: ['f'], command: 'free', label: 'f', help: 'free mode: gates open, the OS schedules (reruns)', bar: 'help'},
	{keys: ['t'], command: 'code', label: 't', help: "code pane: the tutorial's Python / the lesson's own file", bar: 'help'},
	{keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], command: 'pick', label: '1-9', help: 'manual: run the ready task with that number', bar: 'manual'},
	{keys: ['up'], command: 'up', label: '↑', help: 'manual: select the ready task above', bar: 'manual'},
	{keys: ['down'], command: 'down', label: '↓', help: 'manual: select the ready task below', bar: 'manual'},
	{keys: ['return'], command: 'choose', label: '⏎', help: 'manual: run the selected task', bar: 'manual'},
	{keys: ['?'], command: 'help', label: '?', help: 'this help', bar: 'always'},
	{keys: ['escape'], command: 'close', label: 'esc', help: 'close the help', bar: 'help'},
	{keys: ['q', 'ctrl+c'], command: 'quit', label: 'q', help: 'quit', bar: 'always'},
];

const BY_KEY = new Map<string, CommandName>(KEY_TABLE.flatMap(b => b.keys.map(k => [k, b.command] as const)));

/** Names a key press the way the table does: `n`, `space`, `left`, `ctrl+c`, `return`… */
export function keyName(input: string, key: Partial<Key>): string | undefined {
	if (key.ctrl && input === 'c') return 'ctrl+c';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.ctrl || key.meta) return undefined;
	if (input === ' ') return 'space';
	if (input.length === 1) return input.toLowerCase() === input ? input : input.toLowerCase();
	return undefined;
}

/** The command a named key stands for, if any. */
export function commandFor(name: string | undefined): Command | undefined {
	if (name === undefined) return undefined;
	const command = BY_KEY.get(name);
	if (!command) return undefined;
	return command === 'pick' ? {name: command, digit: Number(name)} : {name: command};
}
