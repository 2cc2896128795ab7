/** A look by hand (not a test): `node dist/test/helpers/show-frames.js ticket:unsafe 80 120x36 100x30 80x24` prints the frames at step 80 (or `last`). */
import {drawFrame, recordedSession} from './lesson-frame.js';

// Without a lesson named (as when the test runner loads every file under test/) it does nothing.
if (process.argv.length <= 2) process.exit(0);
const [spec = 'ktv', at = 'last', ...sizes] = process.argv.slice(2);
const s = await recordedSession(spec);
const pos = at === 'last' ? s.frame().last : Number(at);
s.goto(pos);
for (const size of sizes.length ? sizes : ['120x36', '100x30', '80x24']) {
	const [c, r] = size.split('x').map(Number);
	console.log(`=== ${spec} @${pos}/${s.frame().last} ${size}`);
	console.log(drawFrame(s.frame(), c!, r!).join('\n'));
}
await s.dispose();
process.exit(0);
