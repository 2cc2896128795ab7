/**
 * `node dist/bench/ui.js [--reps N]`: the TUI's figures of issue 3 (frame
 * cost, key latency, frame cap, paused CPU, first frame), in the same table
 * as `npm run bench`. The frame is measured in a child process of its own,
 * so that React is loaded in production mode and nothing else shares it.
 */
import {parseArgs} from 'node:util';
import {textTable, markdownTable} from './lib/table.js';
import {uiFrameFigure} from './ui-frame.js';
import {uiTerminalFigures} from './ui-terminal.js';

const {values} = parseArgs({options: {reps: {type: 'string', default: '3'}, markdown: {type: 'boolean', default: false}}});
const rows = [...(await uiFrameFigure()), ...(await uiTerminalFigures(Math.max(1, Number(values.reps))))];
process.stdout.write(`${values.markdown ? markdownTable(rows) : textTable(rows)}\n`);
