/**
 * The check shared by the raw and the engine queue stress tests: what the
 * consumers got, per producer, is exactly what was put, once each, and each
 * consumer got each producer's items in the order they were put.
 */
import assert from 'node:assert/strict';

export interface ConsumerResult {
	/** Per producer, the sequence numbers this consumer got, in the order it got them. */
	got: number[][];
	/** Items whose body did not match their producer and number (`p/seq`). */
	corrupt: string[];
}

export function checkDelivery(results: readonly ConsumerResult[], producers: number, count: number): void {
	for (const [c, r] of results.entries()) {
		assert.deepEqual(r.corrupt, [], `consumer ${c} got items whose bodies do not match their producer and number`);
		for (let p = 0; p < producers; p++) {
			const seqs = r.got[p]!;
			for (let i = 1; i < seqs.length; i++) assert.ok(seqs[i - 1]! < seqs[i]!, `consumer ${c} got producer ${p}'s item ${seqs[i]} after ${seqs[i - 1]}: not FIFO`);
		}
	}
	for (let p = 0; p < producers; p++) {
		const all = results.flatMap(r => r.got[p]!).sort((a, b) => a - b);
		assert.equal(all.length, count, `producer ${p}: ${all.length} items got of ${count} put`);
		for (let i = 0; i < count; i++) assert.equal(all[i], i, `producer ${p}: item ${i} lost or duplicated`);
	}
}
