/**
 * Plays a cast's output in a terminal at its own pace (`--keys` without
 * `--record`): the script is recorded first, then shown, so what is seen
 * is the very recording `--record` would have written.
 */
import {parseCast} from './asciicast.js';

export async function playCast(text: string, out: NodeJS.WriteStream): Promise<void> {
	const {events} = parseCast(text);
	const start = performance.now();
	const LEAVE = '\u001b[?1049l\u001b[?25h';
	// Ctrl-C while it plays: the shell's screen comes back as it was.
	const onSigint = () => {
		out.write(LEAVE);
		process.exit(130);
	};
	process.once('SIGINT', onSigint);
	out.write('\u001b[?1049h');
	try {
		for (const [time, code, data] of events) {
			if (code !== 'o') continue;
			const wait = start + time * 1000 - performance.now();
			if (wait > 0) await new Promise(r => setTimeout(r, wait));
			out.write(data);
		}
	} finally {
		process.off('SIGINT', onSigint);
		out.write(LEAVE);
	}
}
