/**
 * What a lesson's `meta` must look like, checked when a user's own lesson
 * file is loaded (the built-in lessons are typed, and a test checks them
 * with this too). Loaded only then: zod costs a start-up tens of milliseconds.
 */
import {z} from 'zod';

const bilingual = z.object({zh: z.string(), en: z.string()});
const hook = z.custom<(...args: unknown[]) => unknown>(v => typeof v === 'function', 'must be a function').optional();
const metaSchema = z
	.object({
		name: z.string().min(1),
		title: bilingual,
		summary: z.object({zh: z.tuple([z.string(), z.string()]), en: z.tuple([z.string(), z.string()])}),
		sources: z.array(z.string()),
		group: z.string(),
		variants: z.record(z.string(), bilingual).refine(v => Object.keys(v).length > 0, 'needs at least one variant'),
		defaultVariant: z.string(),
		// A flag's value is a whole number (args.ts): a range or a default it could never take is the lesson's mistake, said now.
		options: z
			.record(
				z
					.string()
					.regex(/^[a-z][a-z0-9-]*$/, 'an option is named in lower case, like clients or max-items')
					.refine(k => !(k in Object.prototype), 'an option cannot be named like a property every object has'),
				z
					.object({default: z.number().int(), min: z.number().int(), max: z.number().int(), help: z.string()})
					.refine(o => o.min <= o.max, 'min is above max')
					.refine(o => o.default >= o.min && o.default <= o.max, 'default is outside min..max'),
			)
			.optional(),
		cpu: hook,
		files: hook,
		processes: hook,
		invariants: z.array(z.object({name: z.string(), text: bilingual, check: z.custom<(s: unknown) => boolean>(v => typeof v === 'function', 'must be a function')})).optional(),
		challenges: z
			.array(
				z.object({
					variant: z.string(),
					goal: bilingual,
					won: bilingual.optional(),
					within: z.number().int().min(1).optional(),
					win: z.union([z.object({broken: z.string().min(1)}).strict(), z.object({deadlock: z.literal(true)}).strict(), z.object({holds: z.string().min(1)}).strict()]),
				}),
			)
			.optional(),
	})
	.refine(m => Object.hasOwn(m.variants, m.defaultVariant), {message: 'is not one of its variants', path: ['defaultVariant']})
	.superRefine((m, ctx) => {
		// A challenge names a variant the lesson has, at most once, and an invariant the lesson declares.
		const seen = new Set<string>();
		for (const [i, c] of (m.challenges ?? []).entries()) {
			if (!Object.hasOwn(m.variants, c.variant)) ctx.addIssue({code: 'custom', message: `is not one of its variants`, path: ['challenges', i, 'variant']});
			else if (seen.has(c.variant)) ctx.addIssue({code: 'custom', message: `variant ${c.variant} has two challenges; give it one`, path: ['challenges', i, 'variant']});
			seen.add(c.variant);
			const inv = 'broken' in c.win ? c.win.broken : 'holds' in c.win ? c.win.holds : undefined;
			if (inv !== undefined && !(m.invariants ?? []).some(x => x.name === inv)) ctx.addIssue({code: 'custom', message: `names no invariant of the lesson: '${inv}'`, path: ['challenges', i, 'win']});
		}
	});

/** Undefined when `meta` is a lesson's; else where and what is wrong, in a few words. */
export function metaProblem(meta: unknown): string | undefined {
	const parsed = metaSchema.safeParse(meta);
	if (parsed.success) return undefined;
	const issue = parsed.error.issues[0]!;
	return `${issue.path.join('.') || 'meta'}: ${issue.message}`;
}
