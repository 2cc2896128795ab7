/**
 * Ink's measuring caches kept between frames, and rows built side by side
 * (source/ui/ink-caches.ts): they install on the pinned Ink, and every frame
 * drawn with them shows what the frame drawn without them shows: the same
 * characters in the same cells with the same colours and styles, read back
 * through a terminal emulator. Through changes, wide characters, colours,
 * clips, overlapping writes and characters Ink widens.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import xterm from '@xterm/headless';

// Colours are decided when chalk is first imported: ask for them before Ink is loaded.
process.env.FORCE_COLOR = '1';
const {Box, Text} = await import('ink');
const {render} = await import('ink-testing-library');
const {shareInkCaches} = await import('../source/ui/ink-caches.js');

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
			{/* Side by side: coloured cells in a lane, a badge, text after a gap. */}
			<Box flexDirection="row" gap={2}>
				<Text>
					{Array.from({length: 12}, (_, i) => (
						<Text key={i} color={(i + step) % 3 === 0 ? 'red' : (i + step) % 3 === 1 ? 'green' : undefined} bold={i === step}>
							{(i + step) % 2 ? '█' : '░'}
						</Text>
					))}
				</Text>
				<Text inverse>{` ready ${step} `}</Text>
				<Text dimColor>{`用户${step}查看余票`}</Text>
			</Box>
			{/* Clipped both ways: a box narrower and shorter than what is in it, beside a second column. */}
			<Box flexDirection="row">
				<Box height={2} width={12} overflow="hidden" flexDirection="column">
					<Text backgroundColor="blue">{`line one of ${step} and more`}</Text>
					<Text>{'two\nthree\nfour'}</Text>
				</Box>
				<Text bold>{` ${'█'.repeat(step + 1)}\n second`}</Text>
			</Box>
			{/* The clipped box's hidden lines fall on this row, beside what it shows. */}
			<Box marginLeft={8}>
				<Text color="green">{`after the clip ${step}`}</Text>
			</Box>
			{/* A write cut by its clip on the left of a row: left to Ink. */}
			<Box flexDirection="row">
				<Box width={6} overflow="hidden">
					<Box flexShrink={0} width={20}>
						<Text color="blue">{`abcdefghijklmnopq${step}`}</Text>
					</Box>
				</Box>
				<Box marginLeft={16}>
					<Text>next</Text>
				</Box>
			</Box>
			{/* Characters Ink gives a column that string-width does not: left to Ink. */}
			<Text color="yellow">{`e\u0301 tab\there \u200bzero ${step}`}</Text>
			<Box>
				<Text>{`a\u200bb${step}`}</Text>
				<Text color="red">X</Text>
			</Box>
			{/* Overlapping writes: an absolutely placed box over text. */}
			<Box>
				<Text color="cyan">{`under under under ${step}`}</Text>
				<Box position="absolute" marginLeft={step + 2}>
					<Text backgroundColor="magenta">over</Text>
				</Box>
			</Box>
		</Box>
	);
}

/** The frames of a short session: steps forward, a resize of the list, steps back. */
function frames(): string[] {
	const out: string[] = [];
	const {lastFrame, rerender, unmount} = render(<Panel step={0} rows={5} />);
	out.push(lastFrame() ?? '');
	for (const [step, rows] of [[1, 5], [2, 5], [2, 7], [1, 7], [0, 3], [1, 5], [4, 5]] as const) {
		rerender(<Panel step={step} rows={rows} />);
		out.push(lastFrame() ?? '');
	}
	unmount();
	return out;
}

/** What a terminal shows for a frame: each cell's characters, colours and styles. */
async function cells(frame: string): Promise<string[]> {
	const term = new xterm.Terminal({cols: 60, rows: 24, allowProposedApi: true});
	await new Promise<void>(resolve => term.write(frame.replaceAll('\n', '\r\n'), resolve));
	const b = term.buffer.active;
	const out: string[] = [];
	for (let y = 0; y < term.rows; y++) {
		const line = b.getLine(y)!;
		let row = '';
		for (let x = 0; x < term.cols; x++) {
			const c = line.getCell(x)!;
			row += `${c.getChars() || ' '}${c.getWidth()}:${c.getFgColorMode()}.${c.getFgColor()}/${c.getBgColorMode()}.${c.getBgColor()}/${c.isBold()}${c.isDim()}${c.isInverse()}${c.isItalic()}${c.isUnderline()}|`;
		}
		out.push(row);
	}
	term.dispose();
	return out;
}

describe('Ink caches kept between frames', () => {
	it('install on the pinned Ink and leave every frame showing what Ink shows alone', async () => {
		const before = frames();
		assert.equal(await shareInkCaches(), true, 'ink/build/output.js is what the patch expects');
		assert.equal(await shareInkCaches(), true, 'installing twice is once');
		const after = frames();
		assert.equal(after.length, before.length);
		for (let i = 0; i < before.length; i++) assert.deepEqual(await cells(after[i]!), await cells(before[i]!), `frame ${i}:\n${before[i]}\n${after[i]}`);
		assert.ok(before.some(f => f.includes('进来唱歌了')));
		assert.match(before[1]!, /\u001B\[3[0-7]m/, 'the frames are in colour');
		assert.notEqual(before[1], before[0], 'the frames do change');
		// Drawn again with the caches warm: still the same.
		const again = frames();
		for (let i = 0; i < before.length; i++) assert.deepEqual(await cells(again[i]!), await cells(before[i]!), `frame ${i}, again`);
	});
});
