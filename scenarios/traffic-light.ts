/**
 * traffic-light — seed 002 ("事件 —— multiprocess.Event": 著名的计算机模型：红绿灯):
 * one process is the light, turning an Event's flag on (green) and off
 * (red) every 2 seconds; car processes wait() at red and go at green.
 *
 * 红绿灯 / A traffic light
 *   zh: 交通灯是一个进程：绿灯 set()，红灯 clear()，每2秒换一次。车也是进程：红灯时 wait() 阻塞，绿灯时通过。
 *       wait() 根据标志决定要不要阻塞：True 不阻塞，False 阻塞，直到有人 set()。
 *   en: The light is a process: set() for green, clear() for red, every 2 s. Each car is a process: at red, wait() blocks; at green it goes.
 *       wait() blocks or not by the flag: True goes on, False blocks until someone calls set().
 *
 * Variants
 *   lights  one light (a daemon) and four cars arriving 0.5–1.5 s apart; the main process
 *           joins the cars, and when its code ends the light, a daemon, is ended (-15).
 * Invariants
 *   no-car-on-red (hold): a car goes (…通过) only while the light is green.
 *   every-car-goes (hold): by the end all four cars have gone.
 *
 * The lines follow the well-known version of this example (car%i在等待, car%i通过, 红灯亮了,
 * 绿灯亮了; without its colour codes); 002 describes the model in prose. The main process
 * joins the cars before it ends: if it did not, and a car were waiting at red, the light
 * would die with the main program's code and the car would wait for ever, in CPython too.
 */
import {Event, Process, defineScenario, print, random, sleep, type ViewState} from '../source/scenario/api.js';

const CARS = 4;

function flag(s: ViewState): boolean | undefined {
	return Object.values(s.prims).find(p => p.type === 'Event')?.flag;
}

export const meta = defineScenario({
	name: 'traffic-light',
	title: {zh: '红绿灯：事件 Event', en: 'A traffic light: an Event'},
	summary: {
		zh: ['交通灯是一个进程：绿灯 set()，红灯 clear()，每2秒换一次；车也是进程，红灯时 wait() 阻塞。', 'wait() 根据标志决定要不要阻塞：True 不阻塞，False 阻塞，直到有人 set()。'],
		en: ['The light is a process: set() for green, clear() for red, every 2 s; each car is a process whose wait() blocks at red.', 'wait() blocks or not by the flag: True goes on, False blocks until someone calls set().'],
	},
	sources: ['002 (事件: set, clear, wait, is_set; 红绿灯模型)'],
	group: 'semaphores-events',
	variants: {lights: {zh: '一个红绿灯，4辆车', en: 'one light, four cars'}},
	defaultVariant: 'lights',
	invariants: [
		{
			name: 'no-car-on-red',
			text: {zh: '车只在绿灯时通过', en: 'a car goes only while the light is green'},
			check: s => !s.output.some(line => line.step === s.step && line.text.endsWith('通过')) || flag(s) === true,
		},
		{
			name: 'every-car-goes',
			text: {zh: '结束时4辆车都通过了', en: 'by the end all four cars have gone'},
			check: s => s.output.filter(line => line.text.endsWith('通过')).length === CARS,
			when: 'end',
		},
	],
	defaultSeed: 1,
	expectedEnd: 'completed',
	processes: () => CARS + 2,
	captions: [
		{
			when: e => e.kind === 'gate' && e.state === 'blocked' && e.op === 'wait',
			text: {zh: '红灯：标志是 False，车阻塞在 wait()', en: 'Red: the flag is False, and the car blocks in wait()'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'set',
			text: {zh: '绿灯：set() 把标志改成 True，所有等着的车都被唤醒', en: 'Green: set() makes the flag True, and every waiting car wakes'},
		},
		{
			when: e => e.kind === 'op' && e.op === 'clear',
			text: {zh: '红灯：clear() 把标志改成 False，之后来的车要等', en: 'Red: clear() makes the flag False; cars that come now must wait'},
		},
		{
			when: (e, s) => e.kind === 'state' && e.state === 'done' && e.exitcode === -15 && s.tasks[e.task]?.daemon === true,
			text: {zh: '主进程的代码结束了：红绿灯是守护进程，跟着结束', en: "The main program's code is over: the light, a daemon, ends with it"},
		},
	],
});

export async function cars(e: Event, i: number): Promise<void> {
	if (!e.is_set()) {
		await print(`car${i}在等待`); // py:cars.print
		await e.wait(); // py:cars.wait
	}
	await print(`car${i}通过`); // py:cars.print2
}

export async function traffic_lights(e: Event): Promise<void> {
	for (;;) {
		if (e.is_set()) {
			await e.clear(); // py:traffic_lights.clear
			await print('红灯亮了'); // py:traffic_lights.print
		} else {
			await e.set(); // py:traffic_lights.set
			await print('绿灯亮了'); // py:traffic_lights.print2
		}
		await sleep(2); // py:traffic_lights.sleep
	}
}

export async function main(): Promise<void> {
	const e = new Event();
	const traffic = new Process({target: traffic_lights, args: [e]});
	traffic.daemon = true;
	await traffic.start(); // py:main.start
	const all: Process[] = [];
	for (let i = 0; i < CARS; i++) {
		const car = new Process({target: cars, args: [e, i]});
		await car.start(); // py:main.start2
		all.push(car);
		await sleep(0.5 + random()); // py:main.sleep
	}
	for (const car of all) await car.join(); // py:main.join
}
