/**
 * A key script drives a lesson as a person would: `"2s n n n space 5s b q"`.
 * Tokens are waits (`2s`, `0.5s`, `300ms`) and keys (a single printable
 * character, or a name: space, enter, left, right, up, down, tab, esc,
 * backspace, ctrl-c). A bad token is refused by name.
 */

export type ScriptStep = {wait: number} | {key: string; name: string};

const NAMED: Record<string, string> = {
	space: ' ',
	enter: '\r',
	return: '\r',
	left: '\u001b[D',
	right: '\u001b[C',
	up: '\u001b[A',
	down: '\u001b[B',
	tab: '\t',
	esc: '\u001b',
	escape: '\u001b',
	backspace: '\u007f',
	'ctrl-c': '\u0003',
};

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
		// Own names only: `constructor` is not a key.
		const named = Object.hasOwn(NAMED, token.toLowerCase()) ? NAMED[token.toLowerCase()] : undefined;
		if (named !== undefined) {
			steps.push({key: named, name: token.toLowerCase()});
			continue;
		}
		if ([...token].length === 1 && token >= ' ' && token !== '\u007f') {
			steps.push({key: token, name: token});
			continue;
		}
		throw new KeyScriptError(
			`key script: bad token '${token}' (a wait like 2s or 300ms, one character, or one of ${Object.keys(NAMED).join(', ')})`,
		);
	}
	return steps;
}
