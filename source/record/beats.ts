/**
 * The lesson's beats, as asciicast markers a player can jump between: a new
 * variant on screen (v), a caption of the lesson appearing, an invariant
 * breaking, the run's end. Worked out frame by frame, so the live TUI and a
 * key script mark the same moments. A frame's view is folded in place, so
 * only what the next frame is compared with is kept, never the frame itself.
 */
import type {ScenarioMeta} from '../scenario/define.js';
import type {Frame} from '../ui/session.js';
import {standingOf} from '../view/verdicts.js';
import {words} from '../view/words.js';

/** How long a key script's cast shows the bar naming a new variant (virtual time). */
export const VARIANT_BAR_MS = 2000;

/** A cast's title: the lesson, the variant it starts on (the lesson's default when none is asked for) and its title. */
export function castTitle(meta: Pick<ScenarioMeta, 'name' | 'title' | 'defaultVariant'>, variant: string | undefined, lang: 'zh' | 'en'): string {
	return `conc-tui ${meta.name}:${variant ?? meta.defaultVariant}: ${meta.title[lang]}`;
}

/** What a cast says when the variant changes: its name and what the lesson says it is. */
export function variantNote(meta: Pick<ScenarioMeta, 'variants'>, variant: string, lang: 'zh' | 'en'): string {
	const text = meta.variants[variant]?.[lang];
	return `${words(lang).beats.variant}: ${variant}${text ? ` — ${text}` : ''}`;
}

export class Beats {
	private caption?: string;
	private broken = new Set<string>();
	private ended = false;
	private variant?: string;
	private lang?: 'zh' | 'en';
	/** The note of the variant the last frame changed to, if it changed one. */
	changedVariant?: string;

	/** The beats this frame brings, in the order a viewer meets them. */
	next(f: Frame): string[] {
		const beats: string[] = [];
		// The variant on screen: while a rerun is on its way the old run is, and the first one is the cast's title.
		this.changedVariant = undefined;
		const variant = f.busy ? this.variant : f.settings.variant;
		if (this.variant !== undefined && variant !== this.variant) {
			this.changedVariant = variantNote(f.scenario.meta, variant!, f.lang);
			beats.push(this.changedVariant);
		}
		this.variant = variant;
		const w = words(f.lang).beats;
		// L: the screen now speaks the other language (the captions already on screen are not beats again).
		if (this.lang !== undefined && f.lang !== this.lang) beats.push(w.language);
		this.lang = f.lang;
		// Step 0's summary is the lesson's opening, not a beat. A caption is known by its English, whatever the language on screen.
		const caption = f.pos > 0 ? f.caption : undefined;
		if (caption && caption.en !== this.caption) beats.push(caption[f.lang]);
		this.caption = caption?.en;
		const broken = new Set<string>();
		for (const [name, inv] of Object.entries(f.view.invariants)) {
			if (inv.ok) continue;
			broken.add(name);
			if (this.broken.has(name)) continue;
			const declared = f.scenario.meta.invariants?.find(i => i.name === name);
			// A demonstration that happened is the lesson's point, marked as shown (as the header says it), not as a failure.
			const shown = standingOf(inv) === 'shown' ? declared?.shown?.[f.settings.variant]?.[f.lang] : undefined;
			beats.push(shown ? w.shown(shown) : w.broken(declared?.text[f.lang] ?? inv.text));
		}
		this.broken = broken;
		const ended = f.status === 'ended' || f.status === 'deadlock' || f.status === 'error';
		if (ended && !this.ended) beats.push(f.status === 'deadlock' ? w.endDeadlock : f.status === 'error' ? w.endError(f.error ?? 'error') : w.end);
		this.ended = ended;
		return beats;
	}
}
