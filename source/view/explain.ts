/**
 * Why an invariant broke, worked out from the trace alone, the same way for
 * every lesson: the reads and writes that lost an update, the reads that saw
 * the same value before anyone wrote it back, the wait-for cycle of a
 * deadlock, or who entered past a limit. The story names the steps it is
 * made of, so a viewer can jump back to where it began.
 */
import type {Story, StoryAccess, Wait, WaitLink} from '../engine/trace.js';
import type {Bilingual, Invariant} from '../scenario/define.js';
import type {Access, SharedState} from './shared-state.js';
import type {ViewState} from './state.js';

export interface Explanation {
	story: Story;
	/** The first step of the story. */
	from: number;
}

function nameOf(sh: SharedState, obj: string): string {
	return sh.vars[obj]?.name ?? obj;
}

function told(sh: SharedState, a: Access): StoryAccess {
	return {step: a.step, task: a.task, op: a.op, name: nameOf(sh, a.obj), value: a.value};
}

/** The last read of `obj` by `task` before index `before` in the history. */
function readBefore(history: readonly Access[], before: number, task: string, obj: string): Access | undefined {
	for (let i = before - 1; i >= 0; i--) {
		const a = history[i]!;
		if (a.task === task && a.obj === obj && a.op === 'read') return a;
	}
	return undefined;
}

/** The most recent write that was computed from a stale read, and the writes it overwrote unseen. */
export function lostUpdate(sh: SharedState): Explanation | undefined {
	const history = sh.accesses;
	for (let i = history.length - 1; i >= 0; i--) {
		const w = history[i]!;
		if (w.op !== 'write' || w.basedOn === undefined || w.basedOn >= w.version - 1) continue;
		const lostWrites = history.slice(0, i).filter(a => a.op === 'write' && a.obj === w.obj && a.version > w.basedOn! && a.version < w.version && a.task !== w.task);
		if (lostWrites.length === 0) continue;
		const last = lostWrites.at(-1)!;
		const mine = readBefore(history, i, w.task, w.obj);
		const theirs = readBefore(history, history.indexOf(last), last.task, w.obj);
		const chain = [mine, theirs, last, w].filter((a): a is Access => a !== undefined).sort((a, b) => a.step - b.step || history.indexOf(a) - history.indexOf(b));
		const lost = [...new Set(lostWrites.map(a => a.task))];
		return {story: {kind: 'lost-update', name: nameOf(sh, w.obj), chain: chain.map(a => told(sh, a)), lost, by: w.task}, from: chain[0]!.step};
	}
	return undefined;
}

/** Tasks whose last read of a variable saw its current version and who have not written it since: they all act on the same state. */
export function sameRead(sh: SharedState): Explanation | undefined {
	let best: Access[] | undefined;
	for (const obj of sh.varOrder) {
		const byVersion = new Map<number, Access[]>();
		for (const a of sh.accesses) {
			if (a.obj !== obj || a.op !== 'read') continue;
			const last = sh.reads[a.task]?.[obj];
			if (!last || last.step !== a.step || last.version !== a.version) continue;
			const list = byVersion.get(a.version) ?? [];
			if (!list.some(x => x.task === a.task)) list.push(a);
			byVersion.set(a.version, list);
		}
		for (const reads of byVersion.values()) {
			// Readers who have not written since their read: a write of theirs would have made it a lost update, or a fresh state.
			const idle = reads.filter(r => !sh.accesses.some(a => a.op === 'write' && a.obj === obj && a.task === r.task && a.step >= r.step));
			if (idle.length >= 2 && (!best || idle.at(-1)!.step > best.at(-1)!.step)) best = idle;
		}
	}
	if (!best) return undefined;
	return {story: {kind: 'same-read', name: nameOf(sh, best[0]!.obj), chain: best.map(a => told(sh, a))}, from: best[0]!.step};
}

/** The wait-for cycle among the blocked tasks of a deadlocked end, if they form one. */
export function waitCycle(s: ViewState, waits: readonly Wait[]): Explanation | undefined {
	const next = new Map(waits.filter(w => w.heldBy.length > 0).map(w => [w.task, w] as const));
	for (const start of next.keys()) {
		const path: string[] = [];
		let at: string | undefined = start;
		while (at !== undefined && !path.includes(at)) {
			path.push(at);
			at = next.get(at)?.heldBy.find(h => next.has(h));
		}
		if (at === undefined) continue;
		const cycle = path.slice(path.indexOf(at));
		const links = cycle.map((task, i): WaitLink => {
			const w = next.get(task)!;
			const heldBy = cycle[(i + 1) % cycle.length]!;
			const on = w.on.split('.')[0]!;
			return {task, holds: heldNames(s, task), waitsFor: s.prims[on]?.name ?? w.on, heldBy};
		});
		const since = cycle.flatMap(task => Object.values(s.shared.held[task] ?? {}));
		return {story: {kind: 'deadlock', cycle: links}, from: since.length > 0 ? Math.min(...since) : s.step};
	}
	return undefined;
}

function heldNames(s: ViewState, task: string): string[] {
	return s.primOrder.map(id => s.prims[id]!).filter(p => p.holder === task || p.holders?.includes(task)).map(p => p.name ?? p.obj);
}

/** Who was inside when one more entered than the limit lets in. */
export function pastLimit(limit: number, inside: readonly {task: string; since: number}[]): Explanation | undefined {
	if (inside.length <= limit) return undefined;
	const sorted = [...inside].sort((a, b) => a.since - b.since);
	const entered = sorted.at(-1)!;
	return {story: {kind: 'capacity', limit, inside: sorted, entered: entered.task}, from: sorted[0]!.since};
}

/** Why `inv` is broken now: who entered past its limit, or the reads and writes that led here. */
export function explain(inv: Invariant, s: ViewState): Explanation | undefined {
	if (inv.inside) {
		let who: {task: string; since: number}[];
		try {
			who = inv.inside.who(s);
		} catch {
			return undefined;
		}
		return pastLimit(inv.inside.limit, who);
	}
	return lostUpdate(s.shared) ?? sameRead(s.shared);
}

/** Names in a line: `A, B and 3 more`. */
function few(names: readonly string[], lang: keyof Bilingual): string {
	const shown = names.slice(0, 2);
	const rest = names.length - shown.length;
	if (lang === 'zh') return rest > 0 ? `${shown.join('、')} 等 ${names.length} 个` : shown.join('、');
	if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
	return shown.join(' and ');
}

/** At most this many accesses of a story are written out in its line; the rest are counted. */
const SHOWN = 4;

const WORDS = {
	en: {
		read: 'read',
		wrote: 'wrote',
		lost: (who: string[], by: string) => `${who.length === 1 ? `${who[0]}'s write is` : `the writes of ${few(who, 'en')} are`} lost (${by} wrote from a stale read)`,
		same: 'all read the same value, and none has written it back yet',
		holds: (task: string, holds: string[], waits: string, by: string) => `${task} holds ${holds.join(', ') || 'nothing'} and waits for ${waits} (held by ${by})`,
		cycle: 'each waits for the next: nobody can go on',
		inside: (entered: string, n: number, limit: number) => `${entered} entered while ${n - 1} were inside: ${n} at once, the limit is ${limit}`,
	},
	zh: {
		read: '读到',
		wrote: '写入',
		lost: (who: string[], by: string) => `${few(who, 'zh')} 写的值丢了（${by} 用过期的读数写回）`,
		same: '读到的是同一个值，谁都还没写回',
		holds: (task: string, holds: string[], waits: string, by: string) => `${task} 拿着 ${holds.join('、') || '（无）'}，在等 ${waits}（被 ${by} 拿着）`,
		cycle: '互相等待：谁也走不下去',
		inside: (entered: string, n: number, limit: number) => `${entered} 进来时里面已经有 ${n - 1} 个：同时 ${n} 个，上限是 ${limit}`,
	},
} as const;

/** The story in one line: `Process-1 read num=100 @3 · … : Process-1's write is lost`. */
export function storyText(story: Story, lang: keyof Bilingual = 'en'): string {
	const w = WORDS[lang];
	const access = (a: StoryAccess) => `${a.task} ${a.op === 'read' ? w.read : w.wrote} ${a.name}=${a.value} @${a.step}`;
	switch (story.kind) {
		case 'lost-update':
			return `${story.chain.map(access).join(' · ')}: ${w.lost(story.lost, story.by)}`;
		case 'same-read': {
			const more = story.chain.length - SHOWN;
			const shown = story.chain.slice(0, SHOWN).map(access).join(' · ');
			return `${shown}${more > 0 ? (lang === 'zh' ? ` · 还有 ${more} 个` : ` · ${more} more`) : ''}: ${w.same}`;
		}
		case 'deadlock':
			return `${story.cycle.map(l => w.holds(l.task, l.holds, l.waitsFor, l.heldBy)).join(' · ')}: ${w.cycle}`;
		case 'capacity':
			return `${story.inside.map(i => `${i.task} @${i.since}`).join(' · ')}: ${w.inside(story.entered, story.inside.length, story.limit)}`;
	}
}
