/**
 * CPython's multiprocessing, measured in the same run for comparison: lock
 * acquisitions per second between processes, Queue items per second between
 * two processes, and the time to spawn 100 processes. Each is a short
 * script that prints one JSON line, run from a temporary file (the spawn
 * start method re-imports the main module by path, which `-c` has not).
 * Skipped when there is no python3.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const LOCK = `
import json, multiprocessing as mp, sys, time
def hammer(lock, ready, go, end, out):
    ready.release()
    go.wait()
    deadline = end.value
    acq, rel, now = lock.acquire, lock.release, time.time
    n = 0
    while True:
        for _ in range(256):
            acq(); rel()
        n += 256
        if now() >= deadline:
            break
    out.put((n, now()))
if __name__ == '__main__':
    procs, window = int(sys.argv[1]), float(sys.argv[2])
    lock, ready, go, out = mp.Lock(), mp.Semaphore(0), mp.Event(), mp.Queue()
    end = mp.Value('d', 0.0, lock=False)
    ps = [mp.Process(target=hammer, args=(lock, ready, go, end, out)) for _ in range(procs)]
    for p in ps: p.start()
    for p in ps: ready.acquire()
    start = time.time()
    end.value = start + window
    go.set()
    got = [out.get() for _ in ps]
    for p in ps: p.join()
    total = sum(n for n, _ in got)
    print(json.dumps({'rate': total / (max(t for _, t in got) - start)}))
`;

const QUEUE = `
import json, multiprocessing as mp, sys, time
def producer(q, ready, go, n):
    ready.release()
    go.wait()
    put = q.put
    for i in range(n):
        put(i)
    put(None)
def consumer(q, ready, go, out):
    ready.release()
    go.wait()
    get = q.get
    n = 0
    while get() is not None:
        n += 1
    out.put((n, time.time()))
if __name__ == '__main__':
    items = int(sys.argv[1])
    q, ready, go, out = mp.Queue(), mp.Semaphore(0), mp.Event(), mp.Queue()
    c = mp.Process(target=consumer, args=(q, ready, go, out))
    p = mp.Process(target=producer, args=(q, ready, go, items))
    c.start(); p.start()
    ready.acquire(); ready.acquire()
    start = time.time()
    go.set()
    n, t = out.get()
    p.join(); c.join()
    print(json.dumps({'rate': n / (t - start)}))
`;

const SPAWN = `
import json, multiprocessing as mp, sys, time
def online(q):
    q.put(time.time())
if __name__ == '__main__':
    n = int(sys.argv[1])
    ctx = mp.get_context(sys.argv[2])
    q = ctx.Queue()
    start = time.time()
    ps = [ctx.Process(target=online, args=(q,)) for _ in range(n)]
    for p in ps: p.start()
    last = max(q.get(timeout=60) for _ in ps)
    for p in ps: p.join()
    print(json.dumps({'ms': (last - start) * 1000}))
`;

let available: boolean | undefined;

export function hasPython(): boolean {
	available ??= spawnSync('python3', ['-c', 'import multiprocessing'], {stdio: 'ignore'}).status === 0;
	return available;
}

function runPython(script: string, args: string[], timeoutMs = 60_000): Record<string, number> {
	const dir = mkdtempSync(join(tmpdir(), 'conc-tui-bench-'));
	try {
		const file = join(dir, 'bench.py');
		writeFileSync(file, script);
		const r = spawnSync('python3', [file, ...args], {encoding: 'utf8', timeout: timeoutMs});
		if (r.status !== 0) throw new Error(`python3 failed: ${(r.stderr || r.error?.message || '').split('\n').slice(-3).join(' ')}`);
		return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

/** multiprocessing.Lock acquisitions per second, all processes together. */
export function pythonLockRate(procs: number, windowMs: number): number {
	return runPython(LOCK, [String(procs), String(windowMs / 1000)]).rate!;
}

/** multiprocessing.Queue small items per second, one producer and one consumer. */
export function pythonQueueRate(items: number): number {
	return runPython(QUEUE, [String(items)]).rate!;
}

/** Milliseconds until `n` processes started with the spawn method have all run their first line. */
/** CPython starting `n` processes until each has run its first line, with the `spawn` or `fork` start method. */
export function pythonSpawnMs(n: number, method: 'spawn' | 'fork' = 'spawn'): number {
	return runPython(SPAWN, [String(n), method], 120_000).ms!;
}
