/**
 * A key script drives a lesson as a person would: `"2s n n n space 5s b q"`.
 * Tokens are waits (`2s`, `0.5s`, `300ms`) and keys: a single printable
 * character, or a named key's token from the key table (space, enter, left,
 * esc, ctrl-c…); `n*44` is a key typed 44 times. A screencast's script may
 * also say things and move by itself:
 *
 *   title "…"               a title bar over the top row ("" takes it away)
 *   say "…"                 a caption bar above the key bar; say zh:"…" en:"…"
 *                           gives each language its own ("" takes it away)
 *   goto N                  the cursor to step N (paused there)
 *   until broken | end      plays until an invariant breaks (and pauses there),
 *                           or until the run's end
 *   speed N                 the playback speed (1: four steps a second)
 *
 * A bad token is refused by name.
 */
import {namedKeyOfToken, namedTokens} from '../ui/keys.js';

/** What a `say` shows: one text for both languages, or one each. */
export interface Said {
	zh?: string;
	en?: string;
}

export type ScriptStep =
	/** A wait, in milliseconds. */
	| {wait: number}
	/** A key press: the bytes a terminal sends, and the token as written (a named key in lower case). */
	| {key: string; name: string}
	| {title: string}
	| {say: Said}
	| {goto: number}
	| {until: 'broken' | 'end'}
	| {speed: number};

export class KeyScriptError extends Error {}

const WORDS = ['title', 'say', 'goto', 'until', 'speed'];
/** How many times `n*44` may repeat a key. */
const MAX_REPEAT = 10_000;

/** Parses a script into waits, key presses (the bytes a terminal sends) and a screencast's directions. */
export function parseKeyScript(script: string): ScriptStep[] {
	const steps: ScriptStep[] = [];
	const read = new Reader(script);
	for (let token = read.word(); token !== undefined; token = read.word()) {
		const wait = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(token);
		if (wait) {
			const ms = Number(wait[1]) * (wait[2] === 's' ? 1000 : 1);
			if (ms > 3_600_000) throw new KeyScriptError(`key script: wait '${token}' is longer than an hour`);
			steps.push({wait: ms});
			continue;
		}
		switch (token) {
			case 'title': {
				const text = read.quoted();
				if (text === undefined || text.lang) throw new KeyScriptError(`key script: title needs a quoted text, e.g. title "Four booths"`);
				steps.push({title: text.text});
				continue;
			}
			case 'say': {
				const said: Said = {};
				for (let text = read.quoted(); text !== undefined; text = read.quoted()) {
					if (text.lang) said[text.lang] = text.text;
					else said.zh = said.en = text.text;
				}
				if (said.zh === undefined && said.en === undefined) throw new KeyScriptError(`key script: say needs a quoted text, e.g. say "the fifth waits" or say zh:"…" en:"…"`);
				steps.push({say: said});
				continue;
			}
			case 'goto': {
				const n = read.word();
				if (n === undefined || !/^\d+$/.test(n)) throw new KeyScriptError(`key script: goto needs a step number, e.g. goto 12, not '${n ?? ''}'`);
				steps.push({goto: Number(n)});
				continue;
			}
			case 'until': {
				const what = read.word();
				if (what !== 'broken' && what !== 'end') throw new KeyScriptError(`key script: until needs 'broken' or 'end', not '${what ?? ''}'`);
				steps.push({until: what});
				continue;
			}
			case 'speed': {
				const n = read.word();
				const speed = Number(n);
				if (n === undefined || !/^\d+(?:\.\d+)?$/.test(n) || !(speed > 0)) throw new KeyScriptError(`key script: speed needs a positive number, e.g. speed 4, not '${n ?? ''}'`);
				steps.push({speed});
				continue;
			}
		}
		const repeat = /^(.+)\*(\d+)$/su.exec(token);
		const times = repeat ? Number(repeat[2]) : 1;
		const key = keyStep(repeat ? repeat[1]! : token);
		if (!key || (repeat && (times < 1 || times > MAX_REPEAT))) {
			if (key && repeat) throw new KeyScriptError(`key script: '${token}' repeats a key from 1 to ${MAX_REPEAT} times`);
			throw new KeyScriptError(
				`key script: bad token '${token}' (a wait like 2s or 300ms, one character, one of ${namedTokens().join(', ')}, a key times N like n*44, or ${WORDS.join(', ')})`,
			);
		}
		for (let i = 0; i < times; i++) steps.push({...key});
	}
	return steps;
}

/** The press a token stands for: a named key, or one printable character. */
function keyStep(token: string): {key: string; name: string} | undefined {
	const named = namedKeyOfToken(token);
	if (named) return {key: named.bytes, name: token.toLowerCase()};
	if ([...token].length === 1 && token >= ' ' && token !== '\u007f') return {key: token, name: token};
	return undefined;
}

/** Reads a script word by word; a quoted text only where a word asks for one, so `"` alone stays a key. */
class Reader {
	private at = 0;

	constructor(private readonly text: string) {}

	/** The next whitespace-separated word, if any. */
	word(): string | undefined {
		const m = /\s*(\S+)/y;
		m.lastIndex = this.at;
		const found = m.exec(this.text);
		if (!found) return undefined;
		this.at = m.lastIndex;
		return found[1];
	}

	/** A double-quoted text next (`\"` and `\\` inside), maybe marked `zh:` or `en:`; undefined, reading nothing, if none is. */
	quoted(): {text: string; lang?: 'zh' | 'en'} | undefined {
		const m = /\s*(?:(zh|en):)?"((?:[^"\\]|\\.)*)"(?=\s|$)/suy;
		m.lastIndex = this.at;
		const found = m.exec(this.text);
		if (!found) {
			const open = /\s*(?:(?:zh|en):)?"/y;
			open.lastIndex = this.at;
			if (open.test(this.text)) throw new KeyScriptError(`key script: a quoted text is not closed: ${this.text.slice(this.at).trim().slice(0, 40)}`);
			return undefined;
		}
		this.at = m.lastIndex;
		return {text: found[2]!.replace(/\\(.)/gsu, '$1'), lang: found[1] as 'zh' | 'en' | undefined};
	}
}
