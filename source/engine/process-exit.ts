/**
 * CPython's rules for the end of a process, as pure decisions over what the
 * engine knows of a process and its children; the engine carries them out.
 *
 * - A process's code is over when its main task has returned; the process
 *   still waits for its non-daemon threads (threading's shutdown).
 * - Then multiprocessing's exit handler runs: active_children() reaps the
 *   children that have ended (zombies), the daemon children still running
 *   are terminated, and every child left is joined. Only then is the process
 *   done, with the main task's exit code.
 * - A child that ends while its parent is alive and not already in that
 *   exit handler (where it would be joined at once) is a zombie until its
 *   parent collects its exit status; one whose parent is gone is collected
 *   by init, an orphan.
 */

/** What the rules need to know of a task. */
export interface ExitTask {
	name: string;
	thread: boolean;
	daemon: boolean;
	done: boolean;
}

/** What the rules need to know of a process. */
export interface ExitProcess {
	name: string;
	daemon: boolean;
	done: boolean;
	/** Its main task has returned (with the exit code it will have). */
	mainEnded: boolean;
	/** Ended and not yet collected by its parent. */
	zombie: boolean;
	/** In multiprocessing's exit handler: its children are collected as they end. */
	exiting: boolean;
	/** Its threads, the main task excluded. */
	threads: readonly ExitTask[];
	children: readonly ExitProcess[];
}

/** Where a process is in its end, and what is to be done next. */
export type ExitStep =
	/** Its code runs: nothing to do. */
	| {kind: 'running'}
	/** Its code is over; it waits for these non-daemon threads. */
	| {kind: 'threads'; waitFor: string[]}
	/**
	 * The exit handler: reap these zombies, terminate these daemons; then
	 * wait for `waitFor` (the children not done once the daemons are ended,
	 * which the engine checks again after ending them).
	 */
	| {kind: 'children'; reap: string[]; terminate: string[]; waitFor: string[]}
	/** Nothing left to wait for: the process is done. */
	| {kind: 'done'};

export function exitStep(p: ExitProcess): ExitStep {
	if (p.done) return {kind: 'done'};
	if (!p.mainEnded) return {kind: 'running'};
	const threads = p.threads.filter(t => t.thread && !t.daemon && !t.done).map(t => t.name);
	if (threads.length > 0) return {kind: 'threads', waitFor: threads};
	const reap = p.children.filter(c => c.zombie).map(c => c.name);
	const terminate = p.children.filter(c => c.daemon && !c.done).map(c => c.name);
	const waitFor = p.children.filter(c => !c.done && !c.daemon).map(c => c.name);
	if (reap.length === 0 && terminate.length === 0 && waitFor.length === 0) return {kind: 'done'};
	return {kind: 'children', reap, terminate, waitFor};
}

/** Whether a process that ends now is a zombie: its parent is alive and not in its exit handler. */
export function endsAsZombie(parent: Pick<ExitProcess, 'done' | 'exiting'> | undefined): boolean {
	return parent !== undefined && !parent.done && !parent.exiting;
}

/** What the main task of an exiting process is shown waiting on. */
export function exitWait(names: readonly string[]): string {
	return `exit: join ${names.join(', ')}`;
}
