/**
 * Floor for target 1: async tasks handing a gate to each other on one
 * thread, with no engine. Each step, the task that holds the gate resolves
 * the promise the next task waits on and then waits on its own: the
 * cheapest in-thread hand-off there is, and what a controlled step is at its
 * core now that a run's processes live beside the step loop.
 */
export async function handoff(durationMs: number, tasks = 2): Promise<number> {
	const waiting: ((() => void) | undefined)[] = new Array(tasks).fill(undefined);
	let steps = 0;
	let running = true;
	const until = performance.now() + durationMs;
	const park = (i: number) => new Promise<void>(resolve => (waiting[i] = resolve));
	const body = async (i: number) => {
		while (running) {
			await park(i);
			steps++;
			if ((steps & 1023) === 0 && performance.now() >= until) running = false;
			const next = waiting[(i + 1) % tasks];
			waiting[(i + 1) % tasks] = undefined;
			next?.();
		}
		for (const w of waiting) w?.();
	};
	const all = Array.from({length: tasks}, (_, i) => body(i));
	const started = performance.now();
	// Let every task park, then start the ring.
	await Promise.resolve();
	waiting[0]?.();
	await Promise.all(all);
	return (steps / (performance.now() - started)) * 1000;
}
