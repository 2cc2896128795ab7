/**
 * Challenge mode's one row, under the header: the goal and the picks so far
 * (`picks 5/12`) while the student plays; the banner once it is over (won,
 * lost and why, or a safe variant's invariant held), with `r` to play again.
 * Its words, and those of the hints about a key just pressed, are here in
 * both languages.
 */
import type {TaskState} from '../engine/trace.js';
import type {Challenge, Invariant} from '../scenario/define.js';
import {picksText, type ChallengeOutcome} from '../view/challenge.js';
import {cellWidth, fit} from './cells.js';
import {Row} from './Row.js';
import type {Hint} from './session.js';

type Lang = 'zh' | 'en';

export interface ChallengeBarProps {
	goal: Challenge;
	outcome: ChallengeOutcome;
	/** The lesson's invariants: a safe variant's banner says which one held. */
	invariants?: readonly Invariant[];
	lang: Lang;
	width: number;
}

const END_WORD: Record<string, {zh: string; en: string}> = {
	completed: {zh: '正常结束', en: 'completed'},
	deadlock: {zh: '死锁', en: 'deadlock'},
	limit: {zh: '到了步数上限', en: 'the step limit'},
};

const AGAIN = {zh: ' · 按 r 再来一次', en: ' · r to try again'};

/** The bar's text and its colour, in the viewer's language; `tail` (the picks, `r to try again`) is the part a narrow bar keeps. */
export function challengeText(p: Omit<ChallengeBarProps, 'width'>): {text: string; tail: string; color: string} {
	const {head, tail, color} = challengeParts(p);
	return {text: `${head}${tail}`, tail, color};
}

function challengeParts(p: Omit<ChallengeBarProps, 'width'>): {head: string; tail: string; color: string} {
	const {goal, outcome: o, lang} = p;
	const zh = lang === 'zh';
	const won = goal.won?.[lang] ?? goal.goal[lang];
	const picks = (n: number) => (zh ? `${n} 次选择` : `${n} pick${n === 1 ? '' : 's'}`);
	switch (o.kind) {
		case 'playing':
			return {head: zh ? `★ 挑战：${goal.goal[lang]}` : `★ challenge: ${goal.goal[lang]}`, tail: ` · ${picksText(o, lang)}`, color: 'cyan'};
		case 'won':
			return {head: zh ? `★ 你赢了：${won}，用了 ${picks(o.picks)}（第 ${o.step} 步）` : `★ you won: ${won}, in ${picks(o.picks)} (step ${o.step})`, tail: AGAIN[lang], color: 'yellow'};
		case 'held': {
			const name = 'holds' in goal.win ? goal.win.holds : '';
			const inv = p.invariants?.find(i => i.name === name)?.text[lang] ?? name;
			return {head: zh ? `✓ 守住了：${inv}（${picks(o.picks)}）` : `✓ it held: ${inv} (${picks(o.picks)})`, tail: AGAIN[lang], color: 'green'};
		}
		case 'lost':
			if (o.why === 'limit') {
				if (o.late) return {head: zh ? `✗ 超过上限：用了 ${picks(o.picks)}，上限是 ${o.within}` : `✗ over the limit: it took ${picks(o.picks)}, the limit is ${o.within}`, tail: AGAIN[lang], color: 'red'};
				return {head: zh ? `✗ 超过上限：${o.within} 次选择之内没有做到` : `✗ over the limit: not done within ${picks(o.within)}`, tail: AGAIN[lang], color: 'red'};
			}
			return {head: zh ? `✗ 没做到：运行结束（${END_WORD[o.end]?.zh ?? o.end}），目标没有达成` : `✗ not this time: the run ended (${END_WORD[o.end]?.en ?? o.end}) without it`, tail: AGAIN[lang], color: 'red'};
	}
}

export function ChallengeBar(p: ChallengeBarProps) {
	const {head, tail, color} = challengeParts(p);
	// What is cut on a narrow screen is the goal's words, never the picks or the key to try again.
	const room = Math.max(0, p.width - cellWidth(tail));
	const bold = p.outcome.kind !== 'playing';
	return <Row width={p.width} parts={[{text: fit(head, room), color, bold}, {text: fit(tail, p.width - Math.min(room, cellWidth(head))), color, bold}]} />;
}

const STATE_WORD: Record<TaskState, {zh: string; en: string}> = {
	new: {zh: '还没开始', en: 'not started yet'},
	ready: {zh: '就绪', en: 'ready'},
	running: {zh: '正在运行', en: 'running'},
	blocked: {zh: '阻塞中', en: 'blocked'},
	done: {zh: '已经结束', en: 'done'},
};

/** A hint about the key just pressed, in the viewer's language (session.ts makes them; the caption's first row shows them). */
export function hintText(h: Hint, lang: Lang): string {
	if (h.kind === 'not-ready') {
		return lang === 'zh' ? `${h.task} ${STATE_WORD[h.state].zh}：请选一个就绪的任务` : `${h.task} is ${STATE_WORD[h.state].en}: pick a ready task`;
	}
	const have = h.have.map(v => `${h.lesson}:${v}`).join(', ');
	if (lang === 'zh') return `${h.lesson}:${h.variant} 没有挑战${have ? `；有挑战的：${have}（按 v 换变体）` : ''}`;
	return `${h.lesson}:${h.variant} has no challenge${have ? `; these have one: ${have} (v: next variant)` : ''}`;
}
