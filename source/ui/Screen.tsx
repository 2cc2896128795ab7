/**
 * One frame on screen: the panels laid out for the terminal's size, from a
 * Frame alone. No logic beyond choosing which rows fit.
 */
import {useRef} from 'react';
import {Box} from 'ink';
import {CLOCK} from '../engine/policies.js';
import {Caption, captionWants, wrapStory} from './Caption.js';
import {ChallengeBar, hintText} from './ChallengeBar.js';
import {CodePane, codeWindow, type CodeView} from './CodePane.js';
import {codeFor, type CodeShown} from './code-view.js';
import {storyText} from '../view/explain.js';
import {gils, objOf, onText} from './format.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {KeyBar, barStateOf} from './KeyBar.js';
import type {Command} from './keys.js';
import {layoutFor, scrollTo, type Layout} from './layout.js';
import {Output, outputRows} from './Output.js';
import {primitiveRows, Primitives, type PrimLine} from './Primitives.js';
import {topOf, type Panel, type PanelWindow} from './scroll.js';
import {overlayLines, RunOverlay} from './RunOverlay.js';
import {SchedulingPanel} from './SchedulingPanel.js';
import {schedulingView, type SchedulingView} from '../view/scheduling.js';
import {standingOf} from '../view/verdicts.js';
import type {Frame} from './session.js';
import {foldTasks, laneOf, TaskList, type TaskRow} from './TaskList.js';
import {Timeline} from './Timeline.js';
import {hasVariables, Variables} from './Variables.js';
import {words} from '../view/words.js';
import type {InvariantView} from '../view/state.js';

export interface ScreenProps {
	frame: Frame;
	columns: number;
	rows: number;
	/** Given, the plan of the frame last drawn is put here: the App and a key script read the panels' windows from it for Tab and PgUp/PgDn. */
	plan?: {current?: ScreenPlan};
}

/** What a frame puts where at a size: the layout, the task rows (folded, windowed), and each panel's window. */
export interface ScreenPlan {
	L: Layout;
	story?: string;
	alert?: string;
	cpu?: SchedulingView;
	jobRows: number;
	showStates: boolean;
	focus?: string;
	clockRow: boolean;
	/** The task rows drawn, and how many rows there are above and below them. */
	taskRows: TaskRow[];
	above: number;
	below: number;
	primRows: number;
	varRows: number;
	code: CodeShown;
	codeRows: number;
	/** The primitives' rows and the code pane's lines, as worked out for their windows: the panels draw these, not again. */
	primLines?: PrimLine[];
	codeView?: CodeView;
	/** The panels on screen and their windows (the tasks' counts folded rows). */
	windows: Partial<Record<Panel, PanelWindow>>;
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

/** A focus or page command carries the windows of the panels on screen (the Screen's last plan); the others go as they are. */
export function withWindows(c: Command, plan: ScreenPlan | undefined): Command {
	return plan && (c.name === 'focus' || c.name === 'pageup' || c.name === 'pagedown') ? {...c, windows: plan.windows} : c;
}

/**
 * The plan of a frame at a size (pure but for `fromTop`, the task window's
 * first row last drawn, which it moves as little as it can): the Screen
 * draws it; the App sends its windows with Tab and PgUp/PgDn.
 */
export function planFor(f: Frame, columns: number, rows: number, fromTop = 0): ScreenPlan {
	const v = f.view;
	const meta = f.scenario.meta;
	// A lesson about the CPU, or any lesson whose tasks have asked for it (work()), gets the CPU panel.
	const cpu = schedulingView(v);
	const hasCpu = cpu !== undefined || meta.cpu !== undefined;
	const parts = cpuParts(cpu);
	const story = f.why ? storyText(f.why.story, f.lang) : undefined;
	const width = Math.max(20, columns);
	const storyRows = story ? wrapStory(story, width - 2).length : 0;
	// A hint about the key just pressed (a task that cannot run) goes first, in the alert's place.
	const alert = f.hint ? hintText(f.hint, f.lang) : alertOf(f);
	const caption = captionWants({happened: f.happened, caption: f.caption?.[f.lang], alert, width});
	const invariants = (meta.invariants?.length ?? 0) > 0 || Object.keys(v.invariants).length > 0;
	const L = layoutFor(columns, rows, v.order.length, hasCpu ? parts.fixed + parts.jobs + parts.states : 0, storyRows, {invariants, caption, challenge: f.challenge !== undefined});
	const showStates = parts.states > 0 && L.cpu >= parts.fixed + Math.min(parts.jobs, 3) + parts.states;
	const jobRoom = Math.max(0, L.cpu - parts.fixed - (showStates ? parts.states : 0));
	// Jobs that do not fit are counted on a row of their own.
	const jobRows = jobRoom >= parts.jobs ? parts.jobs : Math.max(0, jobRoom - 1);
	const focus = f.selected ?? f.ran;
	// Manual, where a sleep could end: the clock is one more pickable row, under the tasks.
	const clockRow = f.manual && f.clock !== undefined;
	const taskRowCount = clockRow ? Math.max(1, L.tasks - 1) : L.tasks;
	// Tasks that do not fit fold (the finished ones, alike ones); what still does not fit scrolls with the focus, or as the viewer paged.
	const folded = foldTasks(v, taskRowCount, {keep: [f.ran, f.selected], manual: f.manual});
	// The clock's row is under the tasks: selected, the list shows its last rows.
	const focusRow = focus === CLOCK ? folded.length - 1 : Math.max(0, folded.findIndex(r => (r.kind === 'task' ? r.name === focus : focus !== undefined && r.names.includes(focus))));
	const scrolls = f.scroll?.tops ?? {};
	const taskTop = topOf(scrolls.tasks, scrollTo(fromTop, focusRow, taskRowCount, folded.length), taskRowCount, folded.length);
	const taskRows = folded.slice(taskTop, taskTop + taskRowCount);
	// A lesson with shared variables: the Primitives column gives its lower rows to the Variables panel.
	const primCount = v.primOrder.length + gils(v, f.ran).length;
	const splitRows = Math.max(1, Math.min(primCount, Math.floor((L.mid - 1) / 2)));
	const varRows = hasVariables(v.shared) ? L.mid - splitRows - 1 : 0;
	const primRows = varRows >= 2 ? splitRows : L.mid;
	const code = codeFor(f.scenario, f.settings.variant, f.code);
	const codeRows = L.codeBeside > 0 ? L.mid : L.code;
	const windows: Partial<Record<Panel, PanelWindow>> = {tasks: {top: taskTop, rows: taskRowCount, total: folded.length}};
	let primLines: PrimLine[] | undefined;
	if (!L.compact && L.mid > 0) {
		primLines = primitiveRows(v, f.changes.prims, f.ran, primRows, f.lang);
		const total = primLines.length;
		windows.prims = {top: topOf(scrolls.prims, 0, primRows, total), rows: primRows, total};
	}
	if (L.mid > 0) {
		const total = outputRows(v.output);
		windows.output = {top: topOf(scrolls.output, total - L.mid, L.mid, total), rows: L.mid, total};
	}
	const codeView = !L.compact && codeRows > 0 ? codeWindow(code, v, focus, codeRows, scrolls.code) : undefined;
	if (codeView) windows.code = codeView.window;
	return {
		L,
		...(story !== undefined ? {story} : {}),
		...(alert !== undefined ? {alert} : {}),
		...(cpu !== undefined ? {cpu} : {}),
		jobRows,
		showStates,
		...(focus !== undefined ? {focus} : {}),
		clockRow,
		taskRows,
		above: taskTop,
		below: Math.max(0, folded.length - taskTop - taskRows.length),
		primRows,
		varRows,
		code,
		codeRows,
		...(primLines ? {primLines} : {}),
		...(codeView ? {codeView} : {}),
		windows,
	};
}

export function Screen({frame: f, columns, rows, plan: planOut}: ScreenProps) {
	const scroll = useRef(0);
	const v = f.view;
	const meta = f.scenario.meta;
	const P = planFor(f, columns, rows, scroll.current);
	scroll.current = P.above;
	if (planOut) planOut.current = P;
	const {L, story, cpu, focus} = P;
	const hasCpu = cpu !== undefined || meta.cpu !== undefined;
	const scrolls = f.scroll?.tops ?? {};
	// No panel is marked before the first Tab.
	const panel = f.panel;
	const body = L.height - L.header - L.caption - L.keys - L.challenge;
	const tasks = (
		<Box flexDirection="row">
			<TaskList
				view={v}
				rows={P.taskRows}
				above={P.above}
				below={P.below}
				changed={f.changes.tasks}
				ran={f.ran}
				manual={f.manual}
				ready={f.ready}
				selected={f.selected}
				clock={P.clockRow ? f.clock : undefined}
				width={L.taskWidth}
				title={!L.compact}
				focused={panel === 'tasks' && !L.compact}
				lang={f.lang}
			/>
			{L.timeline > 0 && (
				<Box marginLeft={1}>
					<Timeline columns={f.columns} pos={f.pos} lanes={P.taskRows.map(r => laneOf(v, r))} width={L.timeline} title={!L.compact} legend={L.legend > 0} laneRows={L.tasks} lang={f.lang} />
				</Box>
			)}
		</Box>
	);
	const newFrom = v.output.length - f.changes.printed;
	const primitives = <Primitives view={v} changed={f.changes.prims} ran={f.ran} width={L.primsWidth} rows={P.primRows} top={scrolls.prims} focused={panel === 'prims'} lang={f.lang} lines={P.primLines} />;
	const output = (width: number) => <Output lines={v.output} newFrom={newFrom} width={width} rows={L.mid} top={scrolls.output} focused={panel === 'output' && !L.compact} title={true} lang={f.lang} />;
	const codePane = (width: number) => <CodePane code={P.code} view={v} focus={focus} width={width} rows={P.codeRows} top={scrolls.code} focused={panel === 'code'} lang={f.lang} shown={P.codeView} />;
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
				invariantsRow={L.invariants > 0}
				declared={(meta.invariants ?? []).map(i => ({name: i.name, text: i.text[f.lang]}))}
				lang={f.lang}
			/>
			{L.challenge > 0 && f.challenge && <ChallengeBar goal={f.challenge.goal} outcome={f.challenge.outcome} invariants={meta.invariants} lang={f.lang} width={L.width} />}
			{f.overlay ? (
				<RunOverlay overlay={f.overlay} width={L.width} rows={body} lang={f.lang} />
			) : f.help ? (
				<HelpOverlay width={L.width} rows={body} lang={f.lang} />
			) : (
				<Box flexDirection="column" height={body}>
					{tasks}
					{L.cpu > 0 && (
						<Box height={L.cpu} overflow="hidden">
							<SchedulingPanel view={cpu} width={L.width} jobRows={P.jobRows} states={P.showStates} lang={f.lang} />
						</Box>
					)}
					{L.compact ? (
						L.mid > 0 && output(L.width)
					) : (
						<>
							<Box flexDirection="row" height={L.mid + 1}>
								{P.varRows >= 2 ? (
									<Box flexDirection="column" width={L.primsWidth}>
										{primitives}
										<Variables shared={v.shared} focus={focus} width={L.primsWidth} rows={P.varRows} lang={f.lang} />
									</Box>
								) : (
									primitives
								)}
								<Box marginLeft={1}>{output(L.outputWidth)}</Box>
								{L.codeBeside > 0 && <Box marginLeft={1}>{codePane(L.codeBeside)}</Box>}
							</Box>
							{L.code > 0 && codePane(L.width)}
						</>
					)}
				</Box>
			)}
			{L.caption > 0 && <Caption happened={f.happened} caption={f.caption?.[f.lang]} alert={P.alert} story={story} width={L.width} rows={L.caption} />}
			<KeyBar manual={f.manual && f.ready.length > 0} why={f.why !== undefined} now={barStateOf(f)} width={L.width} lang={f.lang} />
		</Box>
	);
}
