/**
 * Ink's measuring caches kept between frames (source/ui/ink-caches.ts): they
 * install on the pinned Ink, and frames drawn with them are the frames drawn
 * without them, through changes, wide characters and colours.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {shareInkCaches} from '../source/ui/ink-caches.js';

function Panel({step, rows}: {step: number; rows: number}) {
	return (
		<Box flexDirection="column">
			<Box flexDirection="column" borderStyle="single" width={40}>
				{Array.from({length: rows}, (_, i) => (
					<Text key={i} color={i % 2 ? 'green' : undefined} wrap="truncate-end">
						{`${i === step ? '»' : ' '}Process-${i} ░█░ 进来唱歌了 ${'·'.repeat(i)} step ${step}`}
					</Text>
				))}
			</Box>
			{/* Clipped both ways: a box narrower and shorter than what is in it, beside a second column. */}
			<Box flexDirection="row">
				<Box height={2} width={12} overflow="hidden" flexDirection="column">
					<Text backgroundColor="blue">{`line one of ${step} and more`}</Text>
					<Text>{'two\nthree\nfour'}</Text>
				</Box>
				<Text bold>{` ${'█'.repeat(step + 1)}\n second`}</Text>
			</Box>
		</Box>
	);
}

/** The frames of a short session: steps forward, a resize of the list, steps back. */
function frames(): string[] {
	const out: string[] = [];
	const {lastFrame, rerender, unmount} = render(<Panel step={0} rows={5} />);
	out.push(lastFrame() ?? '');
	for (const [step, rows] of [[1, 5], [2, 5], [2, 7], [1, 7], [0, 3], [1, 5]] as const) {
		rerender(<Panel step={step} rows={rows} />);
		out.push(lastFrame() ?? '');
	}
	unmount();
	return out;
}

describe('Ink caches kept between frames', () => {
	it('install on the pinned Ink and leave every frame as Ink draws it alone', async () => {
		const before = frames();
		assert.equal(await shareInkCaches(), true, 'ink/build/output.js is what the patch expects');
		assert.equal(await shareInkCaches(), true, 'installing twice is once');
		const after = frames();
		assert.deepEqual(after, before);
		assert.ok(before.some(f => f.includes('进来唱歌了')));
		assert.notEqual(before[1], before[0], 'the frames do change');
	});
});
