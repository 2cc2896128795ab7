#!/usr/bin/env node
/**
 * conc-tui's command line: parse, load the lesson, then the TUI when both
 * ends are a terminal (and neither --json nor --headless is given), else run
 * it headless (JSON Lines or a transcript). Headless: exit 0 when the run
 * ends, 1 when an invariant expected to hold broke. The TUI exits 0 when the
 * viewer quits. Bad input, or output that cannot be written: 2 (one line, no
 * stack trace). SIGHUP, SIGINT, SIGTERM: 128 + N, once every run has ended
 * and removed its folder; to the TUI a signal is a quit, 0 (the README's table).
 */
import {parseArgs, runSettings} from './cli/args.js';
import {listLessons} from './cli/list.js';
import {runHeadless} from './cli/headless.js';
import {InputError, loadScenario, resolveScenario} from './scenario/load.js';
import {resolveRequest, scheduleOf} from './run/launch.js';
import {leave, leaveOnSignals} from './cli/shutdown.js';
import {hosts} from './run/pool.js';
import {challengeFor, checkChallenge} from './cli/challenge.js';

async function main(): Promise<number> {
	// `conc-tui ticket | head`: a reader that stops early is not an error. A full disk is: said, and exit 2.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') leave(0);
		else leave(2, `cannot write the output: ${error.code ?? error.message}`);
	});
	// The TUI has its own (it must give the terminal back first); every other path ends its runs and exits 128 + N.
	const keepSignals = leaveOnSignals();
	const terminal = Boolean(process.stdout.isTTY && process.stdin.isTTY);
	// No lesson named: the lesson menu in a terminal; elsewhere still the one line that asks for a lesson.
	const args = parseArgs(process.argv.slice(2), {menu: terminal});
	const lang = args.lang ?? (/^zh/i.test(process.env.LANG ?? '') ? 'zh' : 'en');
	if (args.command === 'list') {
		process.stdout.write(`${await listLessons(lang)}\n`);
		return 0;
	}
	// An engine host boots (tens of ms) while the lesson is found and loaded here.
	hosts.warm(1);
	if (args.command === 'menu') {
		keepSignals();
		return runTuiFor(undefined, undefined, args, lang);
	}
	if (args.command === 'compare') return (await import('./cli/compare.js')).runCompare(args);
	if (args.command === 'explore') return (await import('./cli/explore.js')).runExplore(args);
	if (args.command === 'compare-variants') return (await import('./cli/compare-variants.js')).runCompareVariants(args);
	const {module, variant, label} = resolveScenario(args.spec!);
	const scenario = await loadScenario(module, label);
	if (args.challenge) await checkChallenge(scenario, variant);
	if (args.keys) return exitSoon(await (await import('./cli/record.js')).recordLesson(tuiInit(scenario, variant, args, lang), args));
	// In a terminal a schedule opens the TUI on the run it gives (a transcript with --headless, or when piped).
	if (terminal && !args.json && !args.headless) {
		keepSignals();
		return runTuiFor(scenario, variant, args, lang);
	}
	if (args.record || args.size || args.showKeys) throw new InputError(`--record, --size and --show-keys without a terminal need a key script: --keys "2s n n q"`);
	return runHeadless(scenario, variant, args);
}

/** The TUI's session for these arguments, refused here if bad, before the screen is taken over. */
function tuiInit(scenario: Awaited<ReturnType<typeof loadScenario>>, variant: string | undefined, args: ReturnType<typeof parseArgs>, lang: 'zh' | 'en') {
	if (args.policy !== undefined && !['random', 'fifo', 'rr', 'manual'].includes(args.policy)) {
		throw new InputError(`unknown policy '${args.policy}'; policies: random, fifo, rr, manual`);
	}
	const settings = runSettings(args);
	resolveRequest({scenario, variant, ...settings});
	// A schedule the TUI is to follow is refused here (one line, exit 2) before the screen is taken over.
	if (args.schedule !== undefined) scheduleOf(args.schedule);
	// --challenge: refused here too when the variant has none; the session opens it in manual mode.
	if (args.challenge) challengeFor(scenario, variant);
	return {scenario, variant, ...settings, ...(args.schedule !== undefined ? {schedule: args.schedule} : {}), ...(args.challenge ? {challenge: true} : {}), paused: args.paused, speed: args.speed, lang};
}


/**
 * The TUI, loaded only now: a headless run never loads React or Ink. No
 * scenario: the lesson menu. A lesson opened in the TUI starts paused on its
 * intro card, unless --paused asks for its first step at once (the PTY tests
 * use --paused, and so see the screen they always saw).
 */
async function runTuiFor(scenario: Awaited<ReturnType<typeof loadScenario>> | undefined, variant: string | undefined, args: ReturnType<typeof parseArgs>, lang: 'zh' | 'en'): Promise<number> {
	const init = scenario ? {...tuiInit(scenario, variant, args, lang), card: !args.paused} : undefined;
	if (args.record) (await import('./cli/record.js')).checkRecordPath(args.record);
	// React's development build is slower per frame and keeps performance entries for ever.
	process.env.NODE_ENV ??= 'production';
	const {runTui} = await import('./ui/tui.js');
	return exitSoon(await runTui(init, {record: args.record, size: args.size, showKeys: args.showKeys, lang}));
}

/** Nothing of the run may keep the process alive once the viewer has quit (or the recording is written). */
function exitSoon(code: number): number {
	setTimeout(() => process.exit(code), 50).unref();
	return code;
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof InputError) {
			process.stderr.write(`conc-tui: ${error.message}\n`);
			process.exitCode = 2;
			return;
		}
		process.stderr.write(`conc-tui: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 70;
	},
);
