/**
 * The key table: every key the TUI knows and every command it binds, in one
 * place. The live input handler, a key script (`source/record`), the key
 * bar, the help overlay and `--show-keys` all read it, so a key is named,
 * typed, labelled and shown the same way everywhere.
 *
 * A key is named as `keyName` names an Ink key press: a printable character
 * (a letter in lower case) stands for itself; the others are the named keys
 * below.
 */
import type {Key} from 'ink';
import type {Panel, PanelWindow} from './scroll.js';
import type {Lang} from '../view/words.js';

export interface NamedKey {
	/** What `keyName` calls it, and what the bindings use. */
	name: string;
	/** The bytes a terminal sends for it: what a key script types. */
	bytes: string;
	/** The key-script tokens that type it (lower case). */
	tokens: readonly string[];
	/** How the help overlay spells it. */
	help: string;
	/** How `--show-keys` draws it. */
	shown: string;
}

/** The keys that are not a printable character of their own. */
export const NAMED_KEYS = [
	{name: 'space', bytes: ' ', tokens: ['space'], help: 'space', shown: 'space'},
	{name: 'return', bytes: '\r', tokens: ['enter', 'return'], help: 'Enter', shown: '⏎'},
	{name: 'left', bytes: '\u001b[D', tokens: ['left'], help: '←', shown: '←'},
	{name: 'right', bytes: '\u001b[C', tokens: ['right'], help: '→', shown: '→'},
	{name: 'up', bytes: '\u001b[A', tokens: ['up'], help: '↑', shown: '↑'},
	{name: 'down', bytes: '\u001b[B', tokens: ['down'], help: '↓', shown: '↓'},
	{name: 'tab', bytes: '\t', tokens: ['tab'], help: 'Tab', shown: 'tab'},
	{name: 'escape', bytes: '\u001b', tokens: ['esc', 'escape'], help: 'Esc', shown: 'esc'},
	// A terminal's Backspace sends DEL, which Ink reports as `delete`.
	{name: 'backspace', bytes: '\u007f', tokens: ['backspace'], help: 'Backspace', shown: '⌫'},
	{name: 'ctrl+c', bytes: '\u0003', tokens: ['ctrl-c'], help: 'Ctrl-C', shown: 'ctrl-c'},
	{name: 'pageup', bytes: '\u001b[5~', tokens: ['pgup', 'pageup'], help: 'PgUp', shown: 'pgup'},
	{name: 'pagedown', bytes: '\u001b[6~', tokens: ['pgdn', 'pagedown'], help: 'PgDn', shown: 'pgdn'},
] as const satisfies readonly NamedKey[];

export type NamedKeyName = (typeof NAMED_KEYS)[number]['name'];

/** A named key, or one printable character (letters in lower case). */
export type KeyName = NamedKeyName | (string & {});

/** Where the key bar shows a binding: always, only while picking (manual), only while a break's explanation is on screen (why), or only in the help overlay. */
export type BarPlace = 'always' | 'manual' | 'why' | 'help';

interface BindingSpec {
	/** Key names; the first is the one the bar's label starts with. */
	keys: readonly KeyName[];
	/** What the key bar shows for the keys. */
	label: string;
	/** The key bar's word for the command. */
	word: string;
	/** One line for the help overlay. */
	help: string;
	bar: BarPlace;
	/** How the help overlay writes the keys, where listing them one by one would not read well. */
	helpKeys?: string;
	/** The bar's word when the key does something else now: the first of these that holds (see {@link barWord}). */
	now?: Partial<Record<keyof BarState, string>>;
	/** The same in Chinese: a binding without its Chinese words does not compile. */
	zh: {word: string; help: string; now?: Partial<Record<keyof BarState, string>>};
}

/** What the screen is doing now, as far as the key bar's words depend on it. */
export interface BarState {
	/** Playback is on. */
	playing?: boolean;
	/** The cursor is at the end of a run that has ended. */
	ended?: boolean;
	/** The viewer is the scheduler (manual mode). */
	manual?: boolean;
	/** The help overlay is open. */
	help?: boolean;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Every command and its keys, in the order the key bar and the help list them. */
const BINDINGS = {
	play: {keys: ['space'], label: 'space', word: 'play', help: 'play / pause', bar: 'always', now: {playing: 'pause', ended: 'replay'}, zh: {word: '播放', help: '播放 / 暂停', now: {playing: '暂停', ended: '重播'}}},
	step: {keys: ['n', 'right'], label: 'n →', word: 'step', help: 'one step forward (the recording)', bar: 'always', zh: {word: '单步', help: '向前一步（看录下的运行）'}},
	back: {keys: ['b', 'left'], label: 'b ←', word: 'back', help: 'one step back (no thread reruns)', bar: 'always', zh: {word: '后退', help: '后退一步（线程不会重跑）'}},
	// `=` and `_`: the same keys without Shift.
	faster: {keys: ['+', '='], label: '+', word: 'faster', help: 'faster', bar: 'help', zh: {word: '加速', help: '加快'}},
	slower: {keys: ['-', '_'], label: '-', word: 'slower', help: 'slower', bar: 'help', zh: {word: '减速', help: '放慢'}},
	restart: {keys: ['r'], label: 'r', word: 'restart', help: 'restart the lesson', bar: 'help', zh: {word: '重来', help: '从头重新运行这一课'}},
	variant: {keys: ['v'], label: 'v', word: 'variant', help: 'next variant (reruns)', bar: 'help', zh: {word: '变体', help: '下一个变体（重新运行）'}},
	seed: {keys: ['s'], label: 's', word: 'seed', help: 'new seed (reruns)', bar: 'help', zh: {word: '种子', help: '换一个随机种子（重新运行）'}},
	policy: {keys: ['p'], label: 'p', word: 'policy', help: 'next policy: random, fifo, rr', bar: 'help', zh: {word: '策略', help: '下一个调度策略：random、fifo、rr'}},
	cores: {keys: ['c'], label: 'c', word: 'cores', help: 'cores: 1, 2, 4 (reruns)', bar: 'help', zh: {word: '核数', help: '核数：1、2、4（重新运行）'}},
	why: {keys: ['w'], label: 'w', word: 'why', help: 'why it broke: back to the story', bar: 'why', zh: {word: '为什么', help: '为什么出错：回到故事开始的地方'}},
	schedule: {keys: ['S'], label: 'S', word: 'schedule', help: 'the schedule so far, to replay', bar: 'help', zh: {word: '调度', help: '到目前为止的调度，可以重放'}},
	explore: {keys: ['e'], label: 'e', word: 'explore', help: 'explore 100 schedules: a break?', bar: 'help', zh: {word: '探索', help: '探索 100 种调度：会出错吗？'}},
	variants: {keys: ['V'], label: 'V', word: 'variants', help: 'every variant, side by side', bar: 'help', zh: {word: '变体对比', help: '所有变体并排比较'}},
	goal: {keys: ['g'], label: 'g', word: 'goal', help: 'challenge: the goal on/off', bar: 'help', zh: {word: '挑战', help: '挑战：打开或关掉目标'}},
	manual: {keys: ['m'], label: 'm', word: 'manual', help: 'manual: you pick who runs next', bar: 'always', now: {manual: 'auto'}, zh: {word: '手动', help: '手动：由你选下一个运行的任务', now: {manual: '自动'}}},
	free: {keys: ['f'], label: 'f', word: 'free', help: 'free mode: the OS schedules', bar: 'help', zh: {word: '自由', help: '自由模式：由操作系统调度'}},
	code: {keys: ['t'], label: 't', word: 'code', help: 'code pane: Python or the lesson', bar: 'help', zh: {word: '代码', help: '代码窗格：Python 或课程的代码'}},
	focus: {keys: ['tab'], label: 'Tab', word: 'focus', help: 'focus the next panel', bar: 'help', zh: {word: '焦点', help: '把焦点移到下一个窗格'}},
	pageup: {keys: ['pageup'], label: 'PgUp', word: 'page up', help: 'the focused panel: a page up', bar: 'help', zh: {word: '上一页', help: '有焦点的窗格：向上翻一页'}},
	pagedown: {keys: ['pagedown'], label: 'PgDn', word: 'page down', help: 'the focused panel: a page down', bar: 'help', zh: {word: '下一页', help: '有焦点的窗格：向下翻一页'}},
	pick: {keys: DIGITS, label: '1-9', word: 'select', help: 'manual: select task N; 0 clock', bar: 'manual', helpKeys: '0 … 9', zh: {word: '选中', help: '手动：选中第 N 号任务；0 是时钟'}},
	// The bar shows ↑ and ↓ as one item, under `up`.
	up: {keys: ['up'], label: '↑↓', word: 'move', help: 'manual: select the task above', bar: 'manual', zh: {word: '移动', help: '手动：选上面的任务'}},
	down: {keys: ['down'], label: '↓', word: 'select', help: 'manual: select the task below', bar: 'help', zh: {word: '选择', help: '手动：选下面的任务'}},
	choose: {keys: ['return'], label: '⏎', word: 'run', help: 'manual: run the selected task', bar: 'manual', zh: {word: '运行', help: '手动：运行选中的任务'}},
	info: {keys: ['i'], label: 'i', word: 'intro', help: "the lesson's card: what to watch", bar: 'help', zh: {word: '介绍', help: '本课的卡片：该留意什么'}},
	lessons: {keys: ['l'], label: 'l', word: 'lessons', help: 'the menu of lessons', bar: 'help', zh: {word: '课程', help: '课程菜单'}},
	previous: {keys: ['['], label: '[', word: 'previous', help: 'previous lesson (menu order)', bar: 'help', zh: {word: '上一课', help: '上一课（按菜单顺序）'}},
	next: {keys: [']'], label: ']', word: 'next', help: 'next lesson (menu order)', bar: 'help', zh: {word: '下一课', help: '下一课（按菜单顺序）'}},
	language: {keys: ['L'], label: 'L', word: '中文', help: 'language: 中文 / English', bar: 'help', zh: {word: 'English', help: '语言：中文 / English'}},
	help: {keys: ['?'], label: '?', word: 'help', help: 'this help', bar: 'always', now: {help: 'close'}, zh: {word: '帮助', help: '这份帮助', now: {help: '关闭'}}},
	close: {keys: ['escape'], label: 'esc', word: 'close', help: 'close the help', bar: 'help', zh: {word: '关闭', help: '关闭帮助'}},
	quit: {keys: ['q', 'ctrl+c'], label: 'q', word: 'quit', help: 'quit', bar: 'always', zh: {word: '退出', help: '退出'}},
} as const satisfies Record<string, BindingSpec>;

export type CommandName = keyof typeof BINDINGS;

export interface Binding extends BindingSpec {
	command: CommandName;
}

export interface Command {
	name: CommandName;
	/** For `pick`: 0 to 9, a digit of the number shown next to a task (0: the clock). */
	digit?: number;
	/** For `focus`, `pageup`, `pagedown`: the panels on screen and their windows as last drawn (Screen's plan). */
	windows?: Partial<Record<Panel, PanelWindow>>;
}

export const KEY_TABLE: readonly Binding[] = Object.entries(BINDINGS).map(([command, spec]) => ({command: command as CommandName, ...spec}));

/** Capital letters the table binds apart from their small ones (`S`); any other letter is read in lower case. */
const CASED = new Set<string>(KEY_TABLE.flatMap(b => b.keys.filter(k => k.length === 1 && k !== k.toLowerCase())));

/** A printable character as the table names it: itself where the table binds it as typed, else in lower case. */
function charName(ch: string): string {
	return CASED.has(ch) ? ch : ch.toLowerCase();
}

const BY_KEY = new Map<string, CommandName>(KEY_TABLE.flatMap(b => b.keys.map(k => [k, b.command] as const)));
const NAMED_BY_NAME = new Map<string, NamedKey>(NAMED_KEYS.map(k => [k.name, k]));
const NAMED_BY_TOKEN = new Map<string, NamedKey>(NAMED_KEYS.flatMap(k => k.tokens.map(t => [t, k] as const)));

/** Names a key press the way the table does: `n`, `space`, `left`, `ctrl+c`, `return`… */
export function keyName(input: string, key: Partial<Key>): KeyName | undefined {
	if (key.ctrl && input === 'c') return 'ctrl+c';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl || key.meta) return undefined;
	if (input === ' ') return 'space';
	if (input.length === 1) return charName(input);
	return undefined;
}

/** A key press: the key the TUI acts on, and what `--show-keys` draws for it (a character as it was typed). */
export interface Press {
	key: KeyName;
	shown: string;
}

/** What one Ink input event is: keys typed faster than they are read arrive together ("nnn"), each a press. */
export function pressesOf(input: string, key: Partial<Key>): Press[] {
	if (input.length > 1 && !key.ctrl && !key.meta && !input.startsWith('\u001b')) {
		return [...input].flatMap(ch => {
			const name = keyName(ch, {});
			return name === undefined ? [] : [{key: name, shown: shownAs(name, ch)}];
		});
	}
	const name = keyName(input, key);
	return name === undefined ? [] : [{key: name, shown: shownAs(name, input)}];
}

/** The named key a key-script token types, if it is one (`enter`, `esc`, `ctrl-c`…; any case). */
export function namedKeyOfToken(token: string): NamedKey | undefined {
	return NAMED_BY_TOKEN.get(token.toLowerCase());
}

/** Every token that types a named key, in the table's order. */
export function namedTokens(): string[] {
	return NAMED_KEYS.flatMap(k => [...k.tokens]);
}

/** The press a key-script token makes: the key Ink would report for its bytes. */
export function pressOfToken(token: string): Press {
	const named = namedKeyOfToken(token);
	if (named) return {key: named.name, shown: named.shown};
	return {key: [...token].length === 1 ? charName(token) : token.toLowerCase(), shown: token};
}

/** How the help overlay writes a key. */
export function helpName(key: KeyName): string {
	return NAMED_BY_NAME.get(key)?.help ?? key;
}

/** The keys of a binding as the help overlay lists them. */
export function helpKeys(b: Binding): string {
	return b.helpKeys ?? b.keys.map(helpName).join(' ');
}

function shownAs(name: KeyName, typed: string): string {
	return NAMED_BY_NAME.get(name)?.shown ?? typed;
}

/** The key bar's word for a binding now: what the key will do in this state (space pauses while playing). */
export function barWord(b: Binding, state: BarState, lang: Lang = 'en'): string {
	const words = lang === 'zh' ? b.zh : b;
	const now = words.now ?? {};
	for (const flag of Object.keys(now) as (keyof BarState)[]) if (state[flag]) return now[flag]!;
	return words.word;
}

/** The help overlay's line for a binding, in the viewer's language. */
export function helpText(b: Binding, lang: Lang = 'en'): string {
	return lang === 'zh' ? b.zh.help : b.help;
}

/** The command a named key stands for, if any. */
export function commandFor(name: KeyName | undefined): Command | undefined {
	if (name === undefined) return undefined;
	const command = BY_KEY.get(name);
	if (!command) return undefined;
	return command === 'pick' ? {name: command, digit: Number(name)} : {name: command};
}
