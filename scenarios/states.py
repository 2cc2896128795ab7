#@note seed 003 describes the three states (就绪, 运行, 阻塞) in words only: this program is the lesson's own
#@note work(n) is n units of CPU and the clock counts units; conc-tui's CPU runs round robin or FCFS, by variant, CPython's is the OS's
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
    ('editor', 0, [1, 3, 1, 3, 1]),
    ('compiler', 0, [6]),
    ('download', 1, [1, 4, 2]),
]


def job(name, arrival, bursts, results):
    time.sleep(arrival * UNIT)  #@ job.sleep
    for k, burst in enumerate(bursts):
        if k % 2 == 0:
            work(burst)  # ready → running (→ ready when a slice runs out)  #@ job.work
        else:
            print(f'{name} 发起I/O，阻塞 {burst}')  #@ job.print
            time.sleep(burst * UNIT)  # running → blocked → ready  #@ job.sleep2
    turnaround = now() - arrival
    waiting = turnaround - sum(bursts[0::2]) - sum(bursts[1::2])
    print(f'{name} 完成 t={now():g}: 等待 {waiting:g}, 周转 {turnaround:g}')  #@ job.print2
    results.put((waiting, turnaround))  #@ job.put


if __name__ == '__main__':
    results = Queue()
    procs = [Process(target=job, args=(name, arrival, bursts, results), name=name) for name, arrival, bursts in JOBS]
    for p in procs:
        p.start()  #@ main.start
    waiting = 0
    for i in range(len(procs)):
        waiting += results.get()[0]  #@ main.get
    for p in procs:
        p.join()  #@ main.join
    print(f'平均等待时间 {waiting / len(procs):g}')  #@ main.print
