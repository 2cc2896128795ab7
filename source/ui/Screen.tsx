/**
 * One frame on screen: the panels laid out for the terminal's size, from a
 * Frame alone. No logic beyond choosing which rows fit.
 */
import {useRef} from 'react';
import {Box} from 'ink';
import {Caption, wrapStory} from './Caption.js';
import {CodePane} from './CodePane.js';
import {codeFor} from './code-view.js';
import {storyText} from '../view/explain.js';
import {gils, objOf, onText} from './format.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {KeyBar, barStateOf} from './KeyBar.js';
import {layoutFor, scrollTo} from './layout.js';
import {Output} from './Output.js';
import {Primitives} from './Primitives.js';
import {overlayLines, RunOverlay} from './RunOverlay.js';
import {SchedulingPanel} from './SchedulingPanel.js';
import {schedulingView, type SchedulingView} from '../view/scheduling.js';
import {standingOf} from '../view/verdicts.js';
import type {Frame} from './session.js';
import {TaskList} from './TaskList.js';
import {Timeline} from './Timeline.js';
import {hasVariables, Variables} from './Variables.js';
import {words} from '../view/words.js';
import type {InvariantView} from '../view/state.js';

export interface ScreenProps {
	frame: Frame;
	columns: number;
	rows: number;
}

/** What the caption's alert line says: an error, a deadlock, a broken invariant (not a demonstration that happened: the header says it as shown). */
export function alertOf(f: Frame): string | undefined {
	if (f.error) return f.error;
	const w = words(f.lang).alert;
	const v = f.view;
	if (f.status === 'deadlock' && v.end) {
		// By the name the lesson gave it (B), else as the panels write it (pipe#1[0].recv), not by a bare id.
		const shown = (on: string) => {
			const obj = objOf(on);
			const name = obj ? v.prims[obj]?.name : undefined;
			return name && obj ? `${name}${on.slice(obj.length)}` : onText(on, v, f.lang);
		};
		return w.deadlock((v.end.waits ?? []).map(x => w.waitsOn(x.task, shown(x.on), x.heldBy)));
	}
	if (v.busy && (v.busy.action === 'terminated' || v.tasks[v.busy.task]?.state !== 'done')) {
		return w.busy(v.busy.task, v.busy.ms, v.busy.action === 'terminated');
	}
	// A demonstration that happened is the lesson's point, said in the header as shown: no alarm.
	const broken = Object.entries(v.invariants).filter(([, inv]) => ['broken', 'exposed'].includes(standingOf(inv)))
		.sort(([, a], [, b]) => Number(b.expected === 'hold') - Number(a.expected === 'hold'));
	if (broken.length > 0) {
		const [name, inv] = broken[0]!;
		const text = f.scenario.meta.invariants?.find(i => i.name === name)?.text[f.lang] ?? inv.text;
		return w.broken(text, inv.expected === 'hold');
	}
	return undefined;
}

/** The invariants as the header says them: in English the run's own words; in Chinese the lesson's, where it has them. */
function invariantsIn(f: Frame): Record<string, InvariantView> {
	if (f.lang === 'en') return f.view.invariants;
	const meta = f.scenario.meta.invariants ?? [];
	return Object.fromEntries(
		Object.entries(f.view.invariants).map(([name, inv]) => {
			const own = meta.find(i => i.name === name);
			const shown = own?.shown?.[f.settings.variant]?.[f.lang];
			return [name, {...inv, text: own?.text[f.lang] ?? inv.text, ...(inv.shown !== undefined && shown ? {shown} : {})}];
		}),
	);
}

/** Rows of the CPU panel's parts: title, a row per core, the queues, a row for jobs entering; the Gantt chart and its axis; the jobs' table with its head and averages. */
function cpuParts(cpu: SchedulingView | undefined): {fixed: number; jobs: number; states: number} {
	if (!cpu) return {fixed: 2, jobs: 0, states: 0};
	const fixed = 1 + cpu.cores + cpu.queues.length + 1 + cpu.cores + 1 + 1 + 1;
	// The state diagram once a job has done I/O: only then do all of its arrows mean something.
	const states = (cpu.moves['running>blocked'] ?? 0) > 0 ? 7 : 0;
	return {fixed, jobs: cpu.jobs.length, states};
}

export function Screen({frame: f, columns, rows}: ScreenProps) {
	const scroll = useRef(0);
	const v = f.view;
	const meta = f.scenario.meta;
	// A lesson about the CPU, or any lesson whose tasks have asked for it (work()), gets the CPU panel.
	const cpu = schedulingView(v);
	const hasCpu = cpu !== undefined || meta.cpu !== undefined;
	const parts = cpuParts(cpu);
	const story = f.why ? storyText(f.why.story, f.lang) : undefined;
	const storyRows = story ? wrapStory(story, Math.max(20, columns) - 2).length : 0;
	const L = layoutFor(columns, rows, v.order.length, hasCpu ? parts.fixed + parts.jobs + parts.states : 0, storyRows);
	const showStates = parts.states > 0 && L.cpu >= parts.fixed + Math.min(parts.jobs, 3) + parts.states;
	const jobRoom = Math.max(0, L.cpu - parts.fixed - (showStates ? parts.states : 0));
	// Jobs that do not fit are counted on a row of their own.
	const jobRows = jobRoom >= parts.jobs ? parts.jobs : Math.max(0, jobRoom - 1);
	const focus = f.selected ?? f.ran;
	const focusIndex = Math.max(0, focus ? v.order.indexOf(focus) : 0);
	// Manual, where a sleep could end: the clock is one more pickable row, under the tasks.
	const clockRow = f.manual && f.clock !== undefined;
	const taskRows = clockRow ? Math.max(1, L.tasks - 1) : L.tasks;
	scroll.current = scrollTo(scroll.current, focusIndex, taskRows, v.order.length);
	const names = v.order.slice(scroll.current, scroll.current + taskRows);
	const picking = f.manual && f.ready.length > 0;
	const body = L.height - L.header - L.caption - L.keys;
	const tasks = (
		<Box flexDirection="row">
			<TaskList
				view={v}
				names={names}
				above={scroll.current}
				below={Math.max(0, v.order.length - scroll.current - names.length)}
				changed={f.changes.tasks}
				ran={f.ran}
				manual={f.manual}
				ready={f.ready}
				selected={f.selected}
				clock={clockRow ? f.clock : undefined}
				width={L.taskWidth}
				title={!L.compact}
				lang={f.lang}
			/>
			{L.timeline > 0 && (
				<Box marginLeft={1}>
					<Timeline columns={f.columns} pos={f.pos} lanes={names.map(n => v.order.indexOf(n))} width={L.timeline} title={!L.compact} legend={L.legend > 0} laneRows={L.tasks} lang={f.lang} />
				</Box>
			)}
		</Box>
	);
	const newFrom = v.output.length - f.changes.printed;
	// A lesson with shared variables: the Primitives column gives its lower rows to the Variables panel.
	const primCount = v.primOrder.length + gils(v, f.ran).length;
	const primRows = Math.max(1, Math.min(primCount, Math.floor((L.mid - 1) / 2)));
	const varRows = hasVariables(v.shared) ? L.mid - primRows - 1 : 0;
	const primitives = <Primitives view={v} changed={f.changes.prims} ran={f.ran} width={L.primsWidth} rows={L.mid} lang={f.lang} />;
	const code = codeFor(f.scenario, f.settings.variant, f.code);
	// An overlay too long for the panels' room (a long schedule on a small screen) takes the whole screen: it is never cut.
	if (f.overlay && overlayLines(f.overlay, L.width, Infinity, f.lang).length > body) {
		return <RunOverlay overlay={f.overlay} width={L.width} rows={L.height} lang={f.lang} />;
	}
	return (
		<Box flexDirection="column" width={L.width} height={L.height}>
			<Header
				title={meta.title[f.lang]}
				name={meta.name}
				variant={f.settings.variant}
				policy={f.settings.policy}
				sched={hasCpu ? (v.run?.sched ?? cpu?.sched) : undefined}
				cores={v.run?.cores ?? f.settings.cores ?? 1}
				seed={f.settings.seed}
				free={f.settings.free}
				status={f.status}
				step={v.step}
				total={f.steps}
				time={v.time}
				speed={f.speed}
				invariants={invariantsIn(f)}
				busy={f.busy}
				compact={L.compact}
				width={L.width}
				lang={f.lang}
			/>
			{f.overlay ? (
				<RunOverlay overlay={f.overlay} width={L.width} rows={body} lang={f.lang} />
			) : f.help ? (
				<HelpOverlay width={L.width} rows={body} lang={f.lang} />
			) : (
				<Box flexDirection="column" height={body}>
					{tasks}
					{L.cpu > 0 && (
						<Box height={L.cpu} overflow="hidden">
							<SchedulingPanel view={cpu} width={L.width} jobRows={jobRows} states={showStates} lang={f.lang} />
						</Box>
					)}
					{L.compact ? (
						L.mid > 0 && <Output lines={v.output} newFrom={newFrom} width={L.width} rows={L.mid} lang={f.lang} />
					) : (
						<>
							<Box flexDirection="row" height={L.mid + 1}>
								{varRows >= 2 ? (
									<Box flexDirection="column" width={L.primsWidth}>
										<Primitives view={v} changed={f.changes.prims} ran={f.ran} width={L.primsWidth} rows={primRows} lang={f.lang} />
										<Variables shared={v.shared} focus={focus} width={L.primsWidth} rows={varRows} lang={f.lang} />
									</Box>
								) : (
									primitives
								)}
								<Box marginLeft={1}>
									<Output lines={v.output} newFrom={newFrom} width={L.outputWidth} rows={L.mid} lang={f.lang} />
								</Box>
								{L.codeBeside > 0 && (
									<Box marginLeft={1}>
										<CodePane code={code} view={v} focus={focus} width={L.codeBeside} rows={L.mid} lang={f.lang} />
									</Box>
								)}
							</Box>
							{L.code > 0 && <CodePane code={code} view={v} focus={focus} width={L.width} rows={L.code} lang={f.lang} />}
						</>
					)}
				</Box>
			)}
			{L.caption > 0 && <Caption happened={f.happened} caption={f.caption?.[f.lang]} alert={alertOf(f)} story={story} width={L.width} rows={L.caption} />}
			<KeyBar manual={picking} why={f.why !== undefined} now={barStateOf(f)} width={L.width} lang={f.lang} />
		</Box>
	);
}
