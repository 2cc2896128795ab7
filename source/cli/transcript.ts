/**
 * The plain, readable transcript of a run (`--headless`, or any run whose
 * output is not a terminal): what was printed, who blocked on what, who
 * ended how, which invariant broke, which held to the end (✓ held), which
 * demonstration happened (● shown), and how the run ended. One trace event
 * gives at most one line (a traceback gives several).
 *
 * In Chinese (`--lang zh`) the sentences are Chinese and the lines the same:
 * the same stamps, the same columns, and the words a script greps for kept
 * as they are (BROKEN, WHY, the ✓ ● ○ marks, the outcome of the end, the
 * names, ids and values). `--json` is data and has no language.
 */
import type {TraceEvent} from '../engine/trace.js';
import type {ScenarioMeta} from '../scenario/define.js';
import {storyText} from '../view/explain.js';
import {signalName} from '../view/signals.js';
import {standingOf} from '../view/verdicts.js';
import {visible} from '../view/visible.js';
import {words, type Lang} from '../view/words.js';

function stamp(e: TraceEvent): string {
	return `[${e.time.toFixed(3).padStart(8)}s #${String(e.step).padStart(4)}]`;
}

/** The words of an invariant in the transcript's language: the lesson's own, where it has them in Chinese; else the run's. */
function invariantWords(e: {name: string; text: string; shown?: string}, lang: Lang, meta?: Pick<ScenarioMeta, 'invariants'>, variant?: string): {text: string; shown: string} {
	const own = lang === 'en' ? undefined : meta?.invariants?.find(i => i.name === e.name);
	const shown = own && variant !== undefined ? own.shown?.[variant]?.[lang] : undefined;
	return {text: own?.text[lang] ?? e.text, shown: shown ?? e.shown ?? ''};
}

/** What the transcript needs to word a run in Chinese: the lesson's own words, and the variant the run is of (its `run` event says). */
export interface TranscriptContext {
	lang?: Lang;
	meta?: Pick<ScenarioMeta, 'invariants'>;
	variant?: string;
}

export function transcriptLine(e: TraceEvent, context: TranscriptContext = {}): string | undefined {
	const lang = context.lang ?? 'en';
	const w = words(lang).transcript;
	switch (e.kind) {
		case 'run':
			return w.run({
				scenario: e.scenario,
				variant: e.variant,
				seed: e.seed,
				policy: e.policy,
				sched: e.sched,
				cores: e.cores,
				mode: e.mode,
				options: Object.entries(e.options).map(([k, v]) => `${k} ${v}`).join(', '),
			});
		case 'task':
			return `${stamp(e)} ${w.created(e.task, e.pid, Boolean(e.thread), Boolean(e.daemon), e.target)}`;
		case 'gate':
			if (e.state !== 'blocked') return undefined;
			return `${stamp(e)} ${w.blocksOn(e.task, e.on ?? '', Boolean(e.again), e.until)}`;
		case 'state':
			if (e.core !== undefined) return `${stamp(e)} ${w.onCore(e.task, e.core, e.left!, e.until)}`;
			if (e.why === 'slice') return `${stamp(e)} ${w.slice(e.task, e.left!)}`;
			if (e.why === 'preempted') return `${stamp(e)} ${w.preempted(e.task, e.left!)}`;
			if (e.why === 'request') return `${stamp(e)} ${w.request(e.task, e.left!)}`;
			if (e.state === 'done') {
				if (e.zombie !== undefined && (e.exitcode ?? 0) < 0) return `${stamp(e)} ${w.signalled(e.task, signalName(e.exitcode!), e.exitcode!, e.zombie)}`;
				const ends = `${stamp(e)} ${w.ends(e.task, e.exitcode)}`;
				return e.zombie !== undefined ? w.zombie(ends, e.zombie) : ends;
			}
			if (e.state === 'blocked' && e.on) return `${stamp(e)} ${w.blocksOn(e.task, e.on, false)}`;
			return undefined;
		case 'reap':
			return `${stamp(e)} ${w.reaps(e.by, e.task, e.exitcode, w.reaped[e.via])}`;
		case 'print':
			return visible(e.text)
				.split('\n')
				.map(line => `${stamp(e)} ${e.task} ${e.stream === 'stderr' ? '!' : '|'} ${line}`)
				.join('\n');
		case 'invariant': {
			const {text, shown} = invariantWords(e, lang, context.meta, context.variant);
			switch (standingOf(e)) {
				case 'broken':
					return `${stamp(e)} ${w.broken(e.name, text, true)}`;
				case 'exposed':
					return `${stamp(e)} ${w.broken(e.name, text, false)}`;
				case 'shown':
					return `${stamp(e)} ${w.shown(e.name, shown)}`;
				case 'unshown':
					return `${stamp(e)} ${w.unshown(e.name, shown, text)}`;
				case 'held':
					return `${stamp(e)} ${w.held(e.name, text, e.expected === 'hold')}`;
			}
			return undefined;
		}
		case 'explain':
			return `${stamp(e)} ${w.why(e.name, e.from, visible(lang === 'en' ? e.text : storyText(e.story, lang)))}`;
		case 'cpu':
			return `${stamp(e)} ${w.queues(e.queues.length, e.queues.map((q, i) => `${e.queues.length > 1 ? `Q${i}${q.quantum !== undefined ? `(q=${q.quantum})` : ''} ` : ''}[${q.tasks.join(' ')}]`).join(' '))}`;
		case 'busy':
			return `${stamp(e)} ${words(lang).alert.busy(e.task, e.ms, e.action === 'terminated')}`;
		case 'end': {
			const head = `${stamp(e)} ${w.end(e.outcome, e.steps, e.time)}`;
			const waits = (e.waits ?? []).map(x => w.waitsForEver(x.task, x.on, x.heldBy));
			return [head, ...waits].join('\n');
		}
		default:
			return undefined;
	}
}
