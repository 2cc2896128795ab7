/**
 * Manual mode's task numbers: a task's number is its place in the order
 * tasks were created (1, 2, …), the same all run long; 0 is the clock (the
 * time move, when it is a choice). Digits type a number, with no timer (a
 * key script types the same thing every time): each digit selects the task
 * the digits typed so far name, else starts over from that digit alone.
 * With tasks 1 to 11: `1` selects 1, `1` again 11, then `2` selects 2.
 */

/** What typing `digit` after `typed` selects: the number (0: the clock), if it names one, and the digits to go on from. */
export function typeDigit(typed: string, digit: number, tasks: number, clock: boolean): {typed: string; number?: number} {
	const names = (text: string) => {
		// No leading zeros: `0` is the clock, `01` is nothing.
		if (text !== String(Number(text))) return false;
		const n = Number(text);
		return n === 0 ? clock : n <= tasks;
	};
	const longer = `${typed}${digit}`;
	if (typed !== '' && names(longer)) return {typed: longer, number: Number(longer)};
	const alone = String(digit);
	return names(alone) ? {typed: alone, number: digit} : {typed: ''};
}

/** How many columns the numbers take: the widest task number. */
export function numberWidth(tasks: number): number {
	return String(Math.max(1, tasks)).length;
}
