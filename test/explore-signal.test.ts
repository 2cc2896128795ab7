/**
 * `conc-tui explore` ended by a signal: the runs going are ended, no run is
 * started after the signal, and no run's folder is left in TMPDIR.
 */
import assert from 'node:assert/strict';
import type {ChildProcess} from 'node:child_process';
import {describe, it} from 'node:test';
import {runCli, signalWhenFolder} from './helpers/cli-run.js';

describe('conc-tui explore and signals', () => {
	it('ends a search on SIGINT with 130, leaving no folder', async () => {
		// At the first run's folder, and well into the search (runs ending as they are stopped must not start the next).
		const later = (child: ChildProcess) => void setTimeout(() => child.kill('SIGINT'), 1500);
		for (const when of [signalWhenFolder('SIGINT'), later]) {
			const r = await runCli(['explore', 'ticket:unsafe', '--runs', '5000'], {env: {NO_COLOR: '1'}, with: when});
			assert.equal(r.hung, false);
			assert.equal(r.code, 130, r.stderr);
			assert.deepEqual(r.leftovers, []);
		}
	});
});
