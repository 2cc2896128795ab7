// The meta every comparison lesson shares: one variant, nothing to show but its prints.
import {defineScenario} from 'conc-tui';

export function lessonMeta(name) {
	return defineScenario({
		name: `cpython-${name}`,
		group: 'extra',
		sources: [],
		title: {zh: name, en: name},
		summary: {zh: ['与 CPython 对照', '与 CPython 对照'], en: ['compared with CPython', 'compared with CPython']},
		variants: {only: {zh: '唯一', en: 'the only one'}},
		defaultVariant: 'only',
	});
}
