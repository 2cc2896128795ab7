/**
 * QueueCore's byte ring on one thread, against a model: items of many sizes
 * and scripts go round small rings thousands of times, so every way an item
 * can straddle the end of the ring (its length header, its body, neither)
 * happens, and the byte accounting is checked exactly at every step.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {serialize} from 'node:v8';
import {Rng} from '../source/engine/rng.js';
import {EMPTY, QueueCore} from '../source/primitives/queue.js';

const LENGTH_BYTES = 4;
const HEAD = 2;
const TAIL = 3;
const USED = 4;

const SAMPLES: unknown[] = [
	'',
	'a',
	'抢票成功!',
	'用户3抢票成功!'.repeat(3),
	'😀 emoji and 中文 mixed',
	0,
	-1,
	2 ** 40,
	3.25,
	null,
	true,
	[1, '二', [3]],
	{ticket_num: 1, 名字: '张三'},
	'x'.repeat(40),
];

function randomItem(rng: Rng): unknown {
	const base = SAMPLES[rng.below(SAMPLES.length)];
	// Strings of any length up to a few dozen characters, so sizes vary byte by byte.
	return rng.random() < 0.4 ? '银'.repeat(rng.below(12)) + 'y'.repeat(rng.below(9)) : base;
}

interface Straddles {
	header: number;
	body: number;
}

/** Puts and gets at random on a ring of `ringBytes`, checking every answer against a model FIFO. */
function exercise(ringBytes: number, maxsize: number, seed: number, ops: number, straddles: Straddles): void {
	const core = QueueCore.create(maxsize, ringBytes);
	const rng = new Rng(seed);
	const model: {item: unknown; need: number}[] = [];
	let used = 0;
	let tail = 0;
	for (let i = 0; i < ops; i++) {
		if (rng.random() < 0.55) {
			const item = randomItem(rng);
			const encoded = core.encode(item);
			const need = LENGTH_BYTES + encoded.length;
			if (need > ringBytes) {
				assert.throws(() => core.tryPut(encoded), RangeError);
				continue;
			}
			const fits = used + need <= ringBytes && (maxsize === 0 || model.length < maxsize);
			const at = core.words[TAIL]!;
			assert.equal(at, tail, 'the tail is where the model says');
			assert.equal(core.tryPut(encoded), fits, `op ${i}: put of ${need} bytes with ${used} of ${ringBytes} used, ${model.length} items`);
			if (fits) {
				if (at + LENGTH_BYTES > ringBytes) straddles.header++;
				else if (at + need > ringBytes) straddles.body++;
				model.push({item, need});
				used += need;
				tail = (tail + need) % ringBytes;
			}
		} else {
			const got = core.tryGet();
			const want = model.shift();
			if (!want) {
				assert.equal(got, EMPTY, `op ${i}: get from an empty queue`);
				continue;
			}
			assert.deepEqual(got, want.item, `op ${i}: got the wrong item`);
			used -= want.need;
		}
		assert.equal(core.qsize(), model.length);
		assert.equal(core.words[USED], used, 'bytes in use, headers included');
		assert.equal(core.empty(), model.length === 0);
		assert.equal(core.full(), maxsize > 0 && model.length >= maxsize);
	}
	assert.deepEqual(core.snapshot(), model.map(m => m.item), 'snapshot lists the items in order without taking them');
	assert.equal(core.qsize(), model.length);
	// Drain: every byte comes back.
	for (const want of model) assert.deepEqual(core.tryGet(), want.item);
	assert.equal(core.tryGet(), EMPTY);
	assert.equal(core.words[USED], 0);
	assert.equal(core.words[HEAD], core.words[TAIL]);
}

describe('QueueCore ring', () => {
	it('keeps FIFO and exact byte counts while items of varied sizes and scripts wrap round rings of 37 to 160 bytes', () => {
		const straddles: Straddles = {header: 0, body: 0};
		for (let ringBytes = 37; ringBytes <= 160; ringBytes += 3) exercise(ringBytes, 0, ringBytes, 1500, straddles);
		// The cases that matter happened, many times: a length header split by the end, a body split by it.
		assert.ok(straddles.header > 200, `a header straddled the end only ${straddles.header} times`);
		assert.ok(straddles.body > 500, `a body straddled the end only ${straddles.body} times`);
	});

	it('refuses a put when full by count (maxsize) and takes it again after a get', () => {
		const straddles: Straddles = {header: 0, body: 0};
		for (const maxsize of [1, 2, 5]) exercise(256, maxsize, maxsize * 17, 3000, straddles);
		const q = QueueCore.create(2);
		assert.equal(q.tryPut(q.encode('一')), true);
		assert.equal(q.tryPut(q.encode('二')), true);
		assert.equal(q.tryPut(q.encode('三')), false);
		assert.equal(q.full(), true);
		assert.equal(q.tryGet(), '一');
		assert.equal(q.tryPut(q.encode('三')), true);
		assert.deepEqual(q.snapshot(), ['二', '三']);
	});

	it('fills a ring to its last byte, exactly', () => {
		const ring = 64;
		const q = QueueCore.create(0, ring);
		const item = 'abc';
		const need = LENGTH_BYTES + serialize(item).length;
		const n = Math.floor(ring / need);
		for (let i = 0; i < n; i++) assert.equal(q.tryPut(q.encode(item)), true);
		const rest = ring - n * need;
		// An item of exactly the bytes left fits; one byte more does not.
		const filler = 'z'.repeat(Math.max(0, rest - (need - item.length)));
		assert.equal(LENGTH_BYTES + serialize(filler).length, rest, 'the filler is the size of the room left');
		assert.equal(q.tryPut(q.encode(filler + 'z')), false);
		assert.equal(q.tryPut(q.encode(filler)), true);
		assert.equal(q.words[USED], ring);
		assert.equal(q.tryPut(q.encode('')), false, 'a full ring takes nothing more');
		assert.equal(q.tryGet(), item);
		assert.equal(q.tryPut(q.encode('')), true, 'a get frees room again, across the end');
	});

	it('refuses an item bigger than the whole ring with a RangeError, and stays usable', () => {
		const q = QueueCore.create(0, 32);
		assert.throws(() => q.tryPut(q.encode('x'.repeat(64))), {name: 'RangeError', message: /does not fit a queue of 32 bytes/});
		assert.equal(q.tryPut(q.encode('ok')), true);
		assert.equal(q.tryGet(), 'ok');
	});

	it('counts unfinished items for task_done, and raises ValueError when it is called once too often', () => {
		const q = QueueCore.create();
		for (const x of [1, 2, 3]) q.tryPut(q.encode(x));
		assert.equal(q.unfinished(), 3);
		q.tryGet();
		q.taskDone();
		assert.equal(q.unfinished(), 2);
		const seq = Atomics.load(q.words, QueueCore.SEQ_DONE);
		q.taskDone();
		assert.equal(Atomics.load(q.words, QueueCore.SEQ_DONE), seq, 'join is told only when the count reaches zero');
		q.taskDone();
		assert.equal(q.unfinished(), 0);
		assert.equal(Atomics.load(q.words, QueueCore.SEQ_DONE), seq + 1);
		assert.throws(() => q.taskDone(), {name: 'ValueError', message: 'task_done() called too many times'});
		assert.equal(q.unfinished(), 0);
	});
});

describe('a ring that grows', () => {
	it('keeps every item, in order, as it grows from 64 bytes with items wrapped round its end', () => {
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const core = QueueCore.create(0, 64, 1 << 16);
			const rng = new Rng(seed);
			const model: unknown[] = [];
			for (let i = 0; i < 3000; i++) {
				// More puts than gets at first (the ring must grow), then more gets (it drains and wraps).
				if (rng.random() < (i < 1500 ? 0.7 : 0.35)) {
					const item = randomItem(rng);
					assert.equal(core.tryPut(core.encode(item)), true, `seed ${seed}, op ${i}: a put was refused with room to grow`);
					model.push(item);
				} else {
					const got = core.tryGet();
					assert.deepEqual(got, model.length > 0 ? model.shift() : EMPTY, `seed ${seed}, op ${i}`);
				}
				assert.equal(core.qsize(), model.length);
			}
			assert.deepEqual(core.snapshot(), model, `seed ${seed}: what is left`);
		}
	});

	it('refuses a put (full) only once it cannot grow any more, and throws for an item larger than it can ever be', () => {
		const core = QueueCore.create(0, 64, 256);
		let puts = 0;
		while (core.tryPut(core.encode('x'.repeat(20)))) puts++;
		assert.ok(puts >= 8, `only ${puts} puts before full`);
		assert.throws(() => core.tryPut(core.encode('y'.repeat(300))), RangeError);
		for (let i = 0; i < puts; i++) assert.equal(core.tryGet(), 'x'.repeat(20));
		assert.equal(core.tryGet(), EMPTY);
	});
});

