/**
 * The values a run ended with that matter: what the lesson declares
 * (`meta.outcome`), else the last value of every shared Value and file,
 * which is what the unsafe lessons race on.
 */
import type {ScenarioMeta} from '../scenario/define.js';
import type {ViewState} from '../view/state.js';

export type OutcomeValues = Record<string, number | string>;

export function outcomeValues(meta: ScenarioMeta, state: ViewState): OutcomeValues {
	const out: OutcomeValues = {};
	let declared: Record<string, number | string | undefined> | undefined;
	try {
		declared = meta.outcome?.(state);
	} catch {
		declared = {};
	}
	if (declared) {
		for (const [name, value] of Object.entries(declared)) out[name] = value ?? 'none';
		return out;
	}
	for (const id of state.primOrder) {
		const p = state.prims[id]!;
		if (p.type === 'Value' && p.value !== undefined) out[p.name ?? id] = p.value;
		else if (p.content !== undefined) out[p.name ?? id] = p.content;
	}
	return out;
}
