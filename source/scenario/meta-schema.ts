/**
 * What a lesson's `meta` must look like, checked when a user's own lesson
 * file is loaded (the built-in lessons are typed, and a test checks them
 * with this too). Loaded only then: zod costs a start-up tens of milliseconds.
 */
import {z} from 'zod';

const bilingual = z.object({zh: z.string(), en: z.string()});
const metaSchema = z.object({
	name: z.string().min(1),
	title: bilingual,
	summary: z.object({zh: z.tuple([z.string(), z.string()]), en: z.tuple([z.string(), z.string()])}),
	sources: z.array(z.string()),
	group: z.string(),
	variants: z.record(z.string(), bilingual).refine(v => Object.keys(v).length > 0, 'needs at least one variant'),
	defaultVariant: z.string(),
	options: z.record(z.string(), z.object({default: z.number(), min: z.number(), max: z.number(), help: z.string()})).optional(),
	invariants: z.array(z.object({name: z.string(), text: bilingual, check: z.custom<(s: unknown) => boolean>(v => typeof v === 'function', 'must be a function')})).optional(),
});

/** Undefined when `meta` is a lesson's; else where and what is wrong, in a few words. */
export function metaProblem(meta: unknown): string | undefined {
	const parsed = metaSchema.safeParse(meta);
	if (parsed.success) return undefined;
	const issue = parsed.error.issues[0]!;
	return `${issue.path.join('.') || 'meta'}: ${issue.message}`;
}
