/**
 * The plain, readable transcript of a run (`--headless`, or any run whose
 * output is not a terminal): what was printed, who blocked on what, who
 * ended how, which invariant broke, which held to the end (✓ held), which
 * demonstration happened (● shown), and how the run ended. One trace event
 * gives at most one line (a traceback gives several).
 */
import type {ReapVia, TraceEvent} from '../engine/trace.js';
import {standingOf} from '../view/verdicts.js';
import {visible} from '../view/visible.js';

/** How a child's exit status was collected, in words. */
const REAPED: Record<ReapVia, string> = {
	join: 'join() saw it end',
	is_alive: 'is_alive() polled it',
	exitcode: 'reading exitcode polled it',
	start: 'start() first polls the children already started',
	active_children: 'active_children() polled it',
	exit: 'a process that exits joins its children',
	orphan: 'its parent died first, so init adopted it',
};

function stamp(e: TraceEvent): string {
	return `[${e.time.toFixed(3).padStart(8)}s #${String(e.step).padStart(4)}]`;
}

export function transcriptLine(e: TraceEvent): string | undefined {
	switch (e.kind) {
		case 'run':
			return `${e.scenario}:${e.variant} · seed ${e.seed} · policy ${e.policy}${e.sched ? ` · sched ${e.sched}` : ''} · ${e.cores} core${e.cores === 1 ? '' : 's'} · ${e.mode}${
				Object.keys(e.options).length ? ` · ${Object.entries(e.options).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''
			}`;
		case 'task':
			return `${stamp(e)} ${e.task} (pid ${e.pid}${e.thread ? ', thread' : ''}${e.daemon ? ', daemon' : ''}) is created: ${e.target}`;
		case 'gate':
			if (e.state !== 'blocked') return undefined;
			return `${stamp(e)} ${e.task} ${e.again ? 'was woken, tried again, and blocks again on' : 'blocks on'} ${e.on}${e.until !== undefined ? ` until ${e.until}s` : ''}`;
		case 'state':
			if (e.core !== undefined) return `${stamp(e)} ${e.task} runs on core ${e.core}${e.until !== undefined ? ` until ${e.until}s` : ''} (${e.left} to go)`;
			if (e.why === 'slice') return `${stamp(e)} ${e.task} used up its time slice: back to the ready queue (${e.left} to go)`;
			if (e.why === 'preempted') return `${stamp(e)} ${e.task} is preempted: back to the ready queue (${e.left} to go)`;
			if (e.why === 'request') return `${stamp(e)} ${e.task} asks for the CPU for ${e.left}: ready`;
			if (e.state === 'done') {
				const ends = `${stamp(e)} ${e.task} ends${e.exitcode !== undefined ? `, exit code ${e.exitcode}` : ''}`;
				return e.zombie !== undefined ? `${ends}, and is a zombie: exited, not yet reaped by ${e.zombie}` : ends;
			}
			if (e.state === 'blocked' && e.on) return `${stamp(e)} ${e.task} blocks on ${e.on}`;
			return undefined;
		case 'reap':
			return `${stamp(e)} ${e.by} reaps ${e.task}${e.exitcode !== undefined ? ` (exit code ${e.exitcode})` : ''}: ${REAPED[e.via]}`;
		case 'print':
			return visible(e.text)
				.split('\n')
				.map(line => `${stamp(e)} ${e.task} ${e.stream === 'stderr' ? '!' : '|'} ${line}`)
				.join('\n');
		case 'invariant':
			switch (standingOf(e)) {
				case 'broken':
					return `${stamp(e)} BROKEN invariant ${e.name}: ${e.text} (expected to hold!)`;
				case 'exposed':
					return `${stamp(e)} BROKEN invariant ${e.name}: ${e.text} (this variant can break it)`;
				case 'shown':
					return `${stamp(e)} ● shown  invariant ${e.name}: ${e.shown}`;
				case 'unshown':
					return `${stamp(e)} ○ not shown  invariant ${e.name}: ${e.shown}: not in this run (it held: ${e.text})`;
				case 'held':
					return `${stamp(e)} ✓ held  invariant ${e.name}: ${e.text}${e.expected === 'hold' ? '' : ' (this variant can break it; this run it held)'}`;
			}
			return undefined;
		case 'explain':
			return `${stamp(e)} WHY ${e.name} (from #${e.from}): ${visible(e.text)}`;
		case 'cpu':
			return `${stamp(e)} ready queue${e.queues.length > 1 ? 's' : ''}: ${e.queues.map((q, i) => `${e.queues.length > 1 ? `Q${i}${q.quantum !== undefined ? `(q=${q.quantum})` : ''} ` : ''}[${q.tasks.join(' ')}]`).join(' ')}`;
		case 'busy':
			return `${stamp(e)} ${e.task} has not reached a gate for ${e.ms} ms (a busy loop?)${e.action === 'terminated' ? ': its process is terminated' : ''}`;
		case 'end': {
			const head = `${stamp(e)} run ends: ${e.outcome} after ${e.steps} steps, ${e.time}s of virtual time`;
			const waits = (e.waits ?? []).map(w => `    ${w.task} waits on ${w.on}${w.heldBy.length ? `, held by ${w.heldBy.join(', ')}` : ''} for ever`);
			return [head, ...waits].join('\n');
		}
		default:
			return undefined;
	}
}
