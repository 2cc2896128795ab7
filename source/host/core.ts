/**
 * The entry point of a free-mode core: a worker thread that runs processes
 * with their gates open, in parallel with the other cores. Each process is
 * its own instance of the lesson module and its own FreeRuntime; their
 * events go to the engine host, stamped (engine/runtime-free.ts).
 */
import {parentPort, receiveMessageOnPort} from 'node:worker_threads';
import {currentTask} from '../engine/current.js';
import {setWaitGuard} from '../primitives/futex.js';
import {resetCurrent} from '../engine/current.js';
import type {FromCore, ToCore} from '../engine/host-protocol.js';
import {RUN_SEQ, type StampedEvent} from '../engine/protocol.js';
import {FreeRuntime} from '../engine/runtime-free.js';
import {containLessonIo} from './lesson-io.js';
import {startLesson} from './lesson-process.js';
import '../scenario/api.js';

const port = parentPort!;
process.setSourceMapsEnabled(true);
containLessonIo();
// A pending Atomics.waitAsync does not keep a thread alive: hold a handle.
setInterval(() => {}, 1 << 30);

const processes = new Map<number, FreeRuntime>();
const link = {
	post(runtime: FreeRuntime, events: StampedEvent[]): void {
		port.postMessage({type: 'events', pid: runtime.pid, events} satisfies FromCore);
	},
};

port.on('message', handle);

// A task alone in this thread may block it in Atomics.wait (primitives/futex.ts): it takes the
// messages that came meanwhile from there, and stops waiting once its own process is ended.
setWaitGuard(() => {
	for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) handle(m.message as ToCore);
	try {
		return currentTask().runtime.dead;
	} catch {
		return true;
	}
});

function handle(m: ToCore): void {
	switch (m.type) {
		case 'assign': {
			const runtime = new FreeRuntime(m.assignment, link);
			processes.set(m.assignment.pid, runtime);
			void startLesson(runtime);
			break;
		}
		case 'kill': {
			const runtime = processes.get(m.pid);
			if (!runtime) break;
			processes.delete(m.pid);
			runtime.kill();
			// After everything it recorded: the engine ends it in the trace at this point of the history.
			const seq = Atomics.add(runtime.runWords, RUN_SEQ, 1);
			link.post(runtime, [{k: 'killed', seq}]);
			break;
		}
		case 'reset':
			for (const runtime of processes.values()) runtime.kill();
			processes.clear();
			resetCurrent();
			break;
	}
}
