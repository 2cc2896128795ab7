/** How the scheduling panels colour jobs and write times: one colour per job, in the order jobs first asked for the CPU. */

export const JOB_COLORS = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red', 'cyanBright', 'magentaBright', 'yellowBright', 'greenBright', 'blueBright', 'redBright'] as const;

export function jobColor(index: number): string {
	return JOB_COLORS[((index % JOB_COLORS.length) + JOB_COLORS.length) % JOB_COLORS.length]!;
}

/** A time or a figure as short as it can be: `8`, `8.75`, `4.67`; `-` when there is none yet. */
export function fig(x: number | undefined): string {
	return x === undefined || !Number.isFinite(x) ? '-' : String(Math.round(x * 100) / 100);
}
