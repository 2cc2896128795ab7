# A negative timeout is not "for ever": it has passed already.
import multiprocessing
import queue
import threading
import time


def nap():
    time.sleep(0.3)


def send_later(conn):
    time.sleep(0.2)
    conn.send('late')


if __name__ == '__main__':
    print('threading.Event().wait(-1):', threading.Event().wait(-1))
    print('multiprocessing.Event().wait(-1):', multiprocessing.Event().wait(-1))
    print('Event().wait(0.1):', multiprocessing.Event().wait(0.1))
    t = threading.Thread(target=nap)
    t.start()
    t.join(-1)
    print('thread alive after join(-1):', t.is_alive())
    t.join()
    p = multiprocessing.Process(target=nap)
    p.start()
    p.join(-1)
    print('process alive after join(-1):', p.is_alive())
    p.join()
    print('exitcode', p.exitcode)
    a, b = multiprocessing.Pipe()
    print('poll():', a.poll())
    print('poll(-1):', a.poll(-1))
    print('poll(0.1):', a.poll(0.1))
    child = multiprocessing.Process(target=send_later, args=(b,))
    child.start()
    print('poll(None):', a.poll(None))
    print('recv:', a.recv())
    child.join()
    lock = multiprocessing.Lock()
    lock.acquire()
    print('multiprocessing.Lock().acquire(True, -1):', lock.acquire(True, -1))
    tlock = threading.Lock()
    tlock.acquire()
    print('threading.Lock().acquire(True, 0.1):', tlock.acquire(True, 0.1))
    try:
        tlock.acquire(True, -5)
    except ValueError as e:
        print('threading.Lock().acquire(True, -5):', type(e).__name__, e)
    print('multiprocessing.Semaphore(0).acquire(True, -1):', multiprocessing.Semaphore(0).acquire(True, -1))
    try:
        multiprocessing.Queue().get(True, -1)
    except queue.Empty:
        print('Queue().get(True, -1): Empty')
