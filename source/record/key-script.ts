/**
 * A key script drives a lesson as a person would: `"2s n n n space 5s b q"`.
 * Tokens are waits (`2s`, `0.5s`, `300ms`) and keys: a single printable
 * character, or a named key's token from the key table (space, enter, left,
 * esc, ctrl-c…). A bad token is refused by name.
 */
import {namedKeyOfToken, namedTokens} from '../ui/keys.js';

/** A wait (milliseconds), or a key press: the bytes a terminal sends and the token as written (named keys in lower case). */
export type ScriptStep = {wait: number} | {key: string; name: string};

export class KeyScriptError extends Error {}

/** Parses a script into waits (milliseconds) and key presses (the bytes a terminal sends). */
export function parseKeyScript(script: string): ScriptStep[] {
	const steps: ScriptStep[] = [];
	for (const token of script.trim().split(/\s+/).filter(Boolean)) {
		const wait = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(token);
		if (wait) {
			const ms = Number(wait[1]) * (wait[2] === 's' ? 1000 : 1);
			if (ms > 3_600_000) throw new KeyScriptError(`key script: wait '${token}' is longer than an hour`);
			steps.push({wait: ms});
			continue;
		}
		const named = namedKeyOfToken(token);
		if (named) {
			steps.push({key: named.bytes, name: token.toLowerCase()});
			continue;
		}
		if ([...token].length === 1 && token >= ' ' && token !== '\u007f') {
			steps.push({key: token, name: token});
			continue;
		}
		throw new KeyScriptError(`key script: bad token '${token}' (a wait like 2s or 300ms, one character, or one of ${namedTokens().join(', ')})`);
	}
	return steps;
}
