/**
 * Engine hosts booted ahead of need and reused. A host (host/host.ts) is a
 * worker thread that executes one run at a time; booting one costs tens of
 * milliseconds (Node's start, then the engine and the API), so a rerun, a
 * new seed or a thousand runs in a row take a warm one instead. A host that
 * is idle holds nothing of its last run and does not keep the program alive.
 * A host is ended only when its run could not be stopped (a busy loop) or
 * when the program closes.
 */
import {Worker} from 'node:worker_threads';

const ENTRY = new URL('../host/host.js', import.meta.url);

/** `--experimental-vm-modules`: each process is a vm.SourceTextModule (engine/module-instance.ts). */
export const HOST_ARGV = ['--experimental-vm-modules', '--no-warnings'];

/**
 * One host runs every process of a controlled run, so its heap holds them
 * all: a thousand processes fit in a few hundred MB.
 */
const LIMITS = {maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 2048};

export interface Host {
	readonly worker: Worker;
	/** Resolves when the worker has exited, however it ended. */
	readonly exited: Promise<void>;
	dead: boolean;
}

class HostPool {
	private readonly idle: Host[] = [];

	/** Boots hosts until `n` are idle. */
	warm(n: number): void {
		while (this.idle.length < n) this.idle.push(this.boot());
	}

	/** An idle host that is still alive, or a new one; one more is warmed for the next run. */
	take(): Host {
		for (;;) {
			const host = this.idle.shift();
			if (!host) {
				const fresh = this.boot();
				fresh.worker.ref();
				return fresh;
			}
			if (host.dead) continue;
			host.worker.ref();
			return host;
		}
	}

	/** A host whose run is over and which answered its end: ready for another. */
	give(host: Host): void {
		if (host.dead) return;
		// Listeners first: a message listener refs the worker's port again.
		host.worker.removeAllListeners('message');
		host.worker.unref();
		if (this.idle.length < 2) this.idle.push(host);
		else void host.worker.terminate();
	}

	/** A host that cannot be trusted with another run (its run would not stop). */
	discard(host: Host): Promise<void> {
		host.dead = true;
		return host.worker.terminate().then(
			() => {},
			() => {},
		);
	}

	private boot(): Host {
		const worker = new Worker(ENTRY, {resourceLimits: LIMITS, stdout: true, stderr: true, execArgv: HOST_ARGV, env: {...process.env, NODE_ENV: 'production'}});
		// Captured and never read, so nothing a host writes can tear the screen (lesson code's console goes
		// to the trace: host/lesson-io.ts). Reading the streams would keep the program alive (Node's stdio port).
		worker.on('error', () => {});
		worker.unref();
		const host: Host = {worker, dead: false, exited: new Promise(resolve => worker.once('exit', () => resolve()))};
		void host.exited.then(() => (host.dead = true));
		return host;
	}
}

export const hosts = new HostPool();
