/**
 * The plain, readable transcript of a run (`--headless`, or any run whose
 * output is not a terminal): what was printed, who blocked on what, who
 * ended how, which invariant broke, and how the run ended. One trace event
 * gives at most one line (a traceback gives several).
 */
import type {TraceEvent} from '../engine/trace.js';
import {visible} from '../view/visible.js';

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
			return e.state === 'blocked' ? `${stamp(e)} ${e.task} blocks on ${e.on}${e.until !== undefined ? ` until ${e.until}s` : ''}` : undefined;
		case 'state':
			if (e.core !== undefined) return `${stamp(e)} ${e.task} runs on core ${e.core}${e.until !== undefined ? ` until ${e.until}s` : ''} (${e.left} to go)`;
			if (e.why === 'slice') return `${stamp(e)} ${e.task} used up its time slice: back to the ready queue (${e.left} to go)`;
			if (e.why === 'preempted') return `${stamp(e)} ${e.task} is preempted: back to the ready queue (${e.left} to go)`;
			if (e.why === 'request') return `${stamp(e)} ${e.task} asks for the CPU for ${e.left}: ready`;
			if (e.state === 'done') return `${stamp(e)} ${e.task} ends${e.exitcode !== undefined ? `, exit code ${e.exitcode}` : ''}`;
			if (e.state === 'blocked' && e.on) return `${stamp(e)} ${e.task} blocks on ${e.on}`;
			return undefined;
		case 'print':
			return visible(e.text)
				.split('\n')
				.map(line => `${stamp(e)} ${e.task} ${e.stream === 'stderr' ? '!' : '|'} ${line}`)
				.join('\n');
		case 'invariant':
			return `${stamp(e)} ${e.ok ? 'OK ' : 'BROKEN'} invariant ${e.name}: ${e.text}${e.ok ? '' : e.expected === 'hold' ? ' (expected to hold!)' : ' (this variant can break it)'}`;
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
