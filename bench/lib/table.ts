/**
 * The one table every figure lands in: what was measured, the floor measured
 * in the same run, the target, and a verdict. Plain text for the terminal,
 * Markdown for bench/RESULTS.md.
 */

export type Verdict = 'PASS' | 'MISS' | 'INFO';

export interface Row {
	/** Which target (1–4) the row belongs to. */
	target: string;
	figure: string;
	measured: string;
	floor: string;
	goal: string;
	verdict: Verdict;
	/** How it was measured (repetitions, best/median). */
	note?: string;
}

const HEADERS = ['#', 'figure', 'measured', 'floor (same run)', 'target', 'verdict'] as const;

function cells(r: Row): string[] {
	return [r.target, r.figure, r.measured, r.floor, r.goal, r.verdict];
}

export function textTable(rows: readonly Row[]): string {
	const all = [HEADERS.slice(), ...rows.map(cells)];
	const widths = HEADERS.map((_, i) => Math.max(...all.map(c => c[i]!.length)));
	const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
	const out = [line(all[0]!), widths.map(w => '-'.repeat(w)).join('  ')];
	for (const r of rows) {
		out.push(line(cells(r)));
		if (r.note) out.push(`${' '.repeat(widths[0]! + 2)}  ↳ ${r.note}`);
	}
	return out.join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
	const esc = (s: string) => s.replace(/\|/g, '\\|');
	const out = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`];
	for (const r of rows) out.push(`| ${cells(r).map(esc).join(' | ')} |`);
	const notes = rows.filter(r => r.note).map(r => `- ${r.target} ${esc(r.figure)}: ${r.note}`);
	return [...out, '', ...notes].join('\n');
}

/** 1234567 → "1.23M", 45678 → "45.7k". */
export function si(n: number): string {
	if (!Number.isFinite(n)) return String(n);
	const a = Math.abs(n);
	if (a >= 1e6) return `${(n / 1e6).toFixed(a >= 1e8 ? 0 : 2)}M`;
	if (a >= 1e3) return `${(n / 1e3).toFixed(a >= 1e5 ? 0 : 1)}k`;
	return n.toFixed(a >= 100 ? 0 : 1);
}

export function ms(n: number): string {
	return `${n >= 100 ? n.toFixed(0) : n.toFixed(1)} ms`;
}

export function mb(bytes: number): string {
	return `${(bytes / (1 << 20)).toFixed(0)} MB`;
}
