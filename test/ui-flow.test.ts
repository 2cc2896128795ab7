/**
 * The teacher's flow between runs: what carries over into the next run and
 * what starts again (the session, with real workers on the ktv lesson).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {sessionsOf, until} from './helpers/session.js';

const {open} = await sessionsOf('ktv');

describe('the flow between runs', {timeout: 120_000}, () => {
	it('a new variant starts at speed ×1; a new seed keeps the speed asked for', async () => {
		const s = open();
		await until(s, f => f.status === 'paused', 'step 0');
		s.command({name: 'faster'});
		s.command({name: 'faster'});
		assert.equal(s.frame().speed, 4);
		s.command({name: 'seed'});
		await until(s, f => !f.busy && f.settings.seed === 2 && f.status !== 'starting', 'the new seed');
		assert.equal(s.frame().speed, 4, 'the same variant again: the pace stays');
		s.command({name: 'variant'});
		const f = await until(s, f => !f.busy && f.view.run?.variant === 'unsafe', 'the next variant');
		assert.equal(f.speed, 1);
		s.command({name: 'slower'});
		assert.equal(s.frame().speed, 0.5, 'and from there the keys change it as before');
	});
});
