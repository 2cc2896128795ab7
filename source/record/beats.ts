/**
 * The lesson's beats, as asciicast markers a player can jump between: a
 * caption of the lesson appearing, an invariant breaking, the run's end.
 * Worked out frame by frame, so the live TUI and a key script mark the same
 * moments. A frame's view is folded in place, so only what the next frame
 * is compared with is kept, never the frame itself.
 */
import type {Frame} from '../ui/session.js';

export class Beats {
	private caption?: string;
	private broken = new Set<string>();
	private ended = false;

	/** The beats this frame brings, in the order a viewer meets them. */
	next(f: Frame): string[] {
		const beats: string[] = [];
		// Step 0's summary is the lesson's opening, not a beat.
		const caption = f.pos > 0 ? f.caption?.[f.lang] : undefined;
		if (caption && caption !== this.caption) beats.push(caption);
		this.caption = caption;
		const broken = new Set<string>();
		for (const [name, inv] of Object.entries(f.view.invariants)) {
			if (inv.ok) continue;
			broken.add(name);
			if (!this.broken.has(name)) beats.push(`invariant broken: ${f.scenario.meta.invariants?.find(i => i.name === name)?.text[f.lang] ?? inv.text}`);
		}
		this.broken = broken;
		const ended = f.status === 'ended' || f.status === 'deadlock' || f.status === 'error';
		if (ended && !this.ended) beats.push(f.status === 'deadlock' ? 'the end: deadlock' : f.status === 'error' ? `the end: ${f.error ?? 'error'}` : 'the end');
		this.ended = ended;
		return beats;
	}
}
