#@note seed 003 describes concurrency and parallelism (并发与并行) in words only: this program is the lesson's own
#@note work(n) is n units of CPU and the clock counts units; conc-tui's CPU runs on one core or two, by variant, CPython's is the OS's
from multiprocessing import Process, Queue
from threading import Thread  #@ ?threads
import time

UNIT = 1.0  # seconds a unit of CPU or I/O takes
START = time.time()


def now():
    return round((time.time() - START) / UNIT, 2)


def work(units):
    """A CPU burst: the scheduler decides when it runs, and for how long at a time."""
    end = time.process_time() + units * UNIT
    while time.process_time() < end:
        pass


JOBS = [
    ('A', 0, [4]),
    ('B', 0, [4]),
]


def job(name, arrival, bursts, results):
    time.sleep(arrival * UNIT)  #@ job.sleep
    print(f'{name} 开始 t={now():g}')  #@ job.print
    for k, burst in enumerate(bursts):
        if k % 2 == 0:
            work(burst)  # a CPU burst  #@ job.work
        else:
            time.sleep(burst * UNIT)  # I/O
    turnaround = now() - arrival
    waiting = turnaround - sum(bursts[0::2]) - sum(bursts[1::2])
    print(f'{name} 完成 t={now():g}: 等待 {waiting:g}, 周转 {turnaround:g}')  #@ job.print2
    results.put((waiting, turnaround))  #@ job.put


if __name__ == '__main__':
    results = Queue()
    tasks = [Process(target=job, args=(name, arrival, bursts, results), name=name) for name, arrival, bursts in JOBS]  #@ !threads
    tasks = [Thread(target=job, args=(name, arrival, bursts, results), name=name) for name, arrival, bursts in JOBS]  #@ ?threads
    for t in tasks:
        t.start()  #@ main.start
    for t in tasks:
        t.join()  #@ main.join
    print(f'全部完成 t={now():g}')  #@ main.print
