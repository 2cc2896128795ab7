/**
 * `--challenge`: the variant must have one (one line and exit 2 if not,
 * naming the variants that do); headless, the run's outcome on it.
 */
import type {Challenge} from '../scenario/define.js';
import {groupedLessons} from '../scenario/catalogue.js';
import {InputError, type LoadedScenario} from '../scenario/load.js';
import {challengeOf, challengeVariants} from '../view/challenge.js';

/** Refuses `--challenge` for a variant with none, naming the variants (or, for a lesson with none, the built-in lessons' variants) that have one. */
export async function checkChallenge(scenario: LoadedScenario, variant: string | undefined): Promise<void> {
	if (challengeOf(scenario.meta, variant ?? scenario.meta.defaultVariant) || challengeVariants(scenario.meta).length > 0) {
		challengeFor(scenario, variant);
		return;
	}
	const all = (await groupedLessons()).flatMap(g => g.lessons).flatMap(m => challengeVariants(m).map(v => `${m.name}:${v}`));
	throw new InputError(`${scenario.meta.name} has no challenge; the lessons' variants with one: ${all.join(', ')}`);
}

/** The challenge of the variant the run is of (the lesson's default when none is named), or the one line that says there is none. */
export function challengeFor(scenario: LoadedScenario, variant: string | undefined): Challenge {
	const meta = scenario.meta;
	const name = variant ?? meta.defaultVariant;
	const found = challengeOf(meta, name);
	if (found) return found;
	const have = challengeVariants(meta);
	throw new InputError(have.length > 0 ? `${meta.name}:${name} has no challenge; the variants with one: ${have.map(v => `${meta.name}:${v}`).join(', ')}` : `${meta.name} has no challenge`);
}
