#@note seed 003 describes shortest job first (短作业优先) in words only: this program is the lesson's own
#@note work(n) is n units of CPU and the clock counts units; conc-tui's CPU runs SJF, FCFS or SRTF, by variant, CPython's is the OS's
from multiprocessing import Process, Queue
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
    ('P1', 0, [8]),
    ('P2', 1, [4]),
    ('P3', 2, [9]),
    ('P4', 3, [5]),
]


def job(name, arrival, bursts, results):
    time.sleep(arrival * UNIT)  #@ job.sleep
    print(f'{name} 到达 t={now():g}, 需要CPU {sum(bursts[0::2])}')  #@ job.print
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
    procs = [Process(target=job, args=(name, arrival, bursts, results), name=name) for name, arrival, bursts in JOBS]
    for p in procs:
        p.start()  #@ main.start
    waiting = turnaround = 0
    for i in range(len(procs)):
        w, t = results.get()  #@ main.get
        waiting += w
        turnaround += t
    for p in procs:
        p.join()  #@ main.join
    print(f'平均等待时间 {waiting / len(procs):g}, 平均周转时间 {turnaround / len(procs):g}')  #@ main.print
