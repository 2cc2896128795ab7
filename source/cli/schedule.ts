/**
 * A run's schedule as the CLI prints it: a field of the `--json` end event,
 * and the transcript's last line with the command that replays it.
 */
import {encodeSchedule} from '../engine/policies.js';
import type {EventOf} from '../engine/trace.js';
import type {Resolved} from '../run/launch.js';

/** What a replay needs besides the schedule: the flags that shape a run. */
export interface ReplayFlags {
	spec?: string;
	policy?: string;
	quantum?: number;
	sched?: string;
	cores?: number;
	maxSteps?: number;
	options: Record<string, number>;
}

export function withSchedule(end: EventOf<'end'>, choices: readonly number[]): EventOf<'end'> & {schedule: string} {
	return {...end, schedule: encodeSchedule(choices)};
}

/** `conc-tui bank:unsafe --seed 1 --schedule …`: every flag that changes the run, so the replay is the same run. */
export function replayCommand(flags: ReplayFlags, resolved: Pick<Resolved, 'variant' | 'seed'>, schedule: string): string {
	const base = (flags.spec ?? '').replace(/:[\w-]+$/, '');
	const parts = ['conc-tui', `${base}:${resolved.variant}`, '--seed', String(resolved.seed)];
	if (flags.policy !== undefined) parts.push('--policy', flags.policy);
	if (flags.sched !== undefined) parts.push('--sched', flags.sched);
	if (flags.quantum !== undefined) parts.push('--quantum', String(flags.quantum));
	if (flags.cores !== undefined) parts.push('--cores', String(flags.cores));
	if (flags.maxSteps !== undefined) parts.push('--max-steps', String(flags.maxSteps));
	for (const [name, value] of Object.entries(flags.options)) parts.push(`--${name}`, String(value));
	parts.push('--schedule', schedule);
	return parts.join(' ');
}

export function scheduleLine(flags: ReplayFlags, resolved: Pick<Resolved, 'variant' | 'seed'>, choices: readonly number[]): string {
	if (choices.length === 0) return 'schedule: none (free mode: the OS chose)';
	const schedule = encodeSchedule(choices);
	return `schedule: ${schedule}\nreplay:   ${replayCommand(flags, resolved, schedule)}`;
}
