/**
 * The import direction is held by the linter `npm test` runs (eslint.config.js):
 * these cases show the rules bite, so a config that stopped enforcing them
 * would fail here rather than let the layers grow into each other.
 */
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {describe, it} from 'node:test';
import {ESLint} from 'eslint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({cwd: ROOT});

async function restricted(file: string, source: string): Promise<string[]> {
	const [result] = await eslint.lintText(source, {filePath: `${ROOT}/${file}`});
	return result!.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message);
}

describe('the import direction', () => {
	it('keeps the engine from importing the view, the lesson API, the UI or the threads that host it', async () => {
		for (const spec of ['../view/reducer.js', '../scenario/api.js', '../ui/App.js', '../host/host.js', '../run/launch.js', 'ink']) {
			const found = await restricted('source/engine/x.ts', `import '${spec}';\n`);
			assert.equal(found.length, 1, `${spec}: ${found.join('; ')}`);
		}
		assert.deepEqual(await restricted('source/engine/x.ts', `import './trace.js';\nimport '../primitives/futex.js';\n`), []);
	});

	it('keeps the primitives below everything, worker code away from React and Ink, and the view away from the screen', async () => {
		assert.equal((await restricted('source/primitives/x.ts', `import '../scenario/api.js';\n`)).length, 1);
		assert.equal((await restricted('source/host/x.ts', `import 'react';\n`)).length, 1);
		assert.equal((await restricted('source/scenario/x.ts', `import '../ui/App.js';\n`)).length, 1);
		assert.equal((await restricted('source/view/x.ts', `import '../ui/theme.js';\n`)).length, 1);
		assert.deepEqual(await restricted('source/view/x.ts', `import '../engine/trace.js';\n`), []);
	});
});
