/**
 * Repetition: the machine has two cores and is shared, so every figure is
 * taken several times and reported as its best and its median.
 */

export interface Sample {
	best: number;
	median: number;
	all: number[];
}

/** Best and median of figures already taken; `higher` says whether a bigger figure is better. */
export function sample(all: number[], higher = true): Sample {
	const sorted = [...all].sort((a, b) => (higher ? b - a : a - b));
	return {best: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, all};
}

/** Runs `fn` `n` times in a row. */
export async function repeat(n: number, fn: (i: number) => Promise<number>, higher = true): Promise<Sample> {
	const all: number[] = [];
	for (let i = 0; i < n; i++) all.push(await fn(i));
	return sample(all, higher);
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));
