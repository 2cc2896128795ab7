#!/usr/bin/env node
/**
 * conc-tui's command line: parse, load the lesson, run it headless (JSON
 * Lines or a transcript). Exit 0 when the run ends, 1 when an invariant
 * expected to hold broke, 2 on bad input (one line, no stack trace).
 */
import {parseArgs} from './cli/args.js';
import {listLessons} from './cli/list.js';
import {runHeadless} from './cli/headless.js';
import {InputError, loadScenario, resolveScenario} from './scenario/load.js';

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	const lang = args.lang ?? (/^zh/i.test(process.env.LANG ?? '') ? 'zh' : 'en');
	if (args.command === 'list') {
		process.stdout.write(`${await listLessons(lang)}\n`);
		return 0;
	}
	const {module, variant, label} = resolveScenario(args.spec!);
	const scenario = await loadScenario(module, label);
	return runHeadless(scenario, variant, args);
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
