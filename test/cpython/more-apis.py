# Timer, threading.local, the queue module's queues, SimpleQueue, Array and kill().
import multiprocessing
import queue
import threading
import time

data = threading.local()


def ring():
    print('the timer rings')


def own(name):
    data.name = name
    # Both have set their name before either prints; one after the other, so the lines never mix.
    time.sleep(0.1 if name == 't0' else 0.3)
    print('thread sees', data.name)


def doubles(arr):
    for i in range(len(arr)):
        arr[i] = arr[i] * 2


def forever():
    time.sleep(100)


if __name__ == '__main__':
    t = threading.Timer(0.2, ring)
    t.start()
    t.join()
    cancelled = threading.Timer(0.2, ring)
    cancelled.start()
    cancelled.cancel()
    cancelled.join()
    print('cancelled timer is silent')
    data.name = 'main'
    threads = [threading.Thread(target=own, args=(f't{i}',)) for i in range(2)]
    for x in threads:
        x.start()
        time.sleep(0.01)
    for x in threads:
        x.join()
    print('main sees', data.name)
    lifo = queue.LifoQueue()
    for i in range(3):
        lifo.put(i)
    print('lifo', [lifo.get() for _ in range(3)])
    pq = queue.PriorityQueue()
    for item in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'A')]:
        pq.put(item)
    print('priority', [pq.get() for _ in range(4)])
    try:
        queue.LifoQueue(1).get_nowait()
    except queue.Empty:
        print('empty LifoQueue: Empty')
    sq = queue.SimpleQueue()
    sq.put('s')
    print('queue.SimpleQueue', sq.get(), sq.empty())
    msq = multiprocessing.SimpleQueue()
    msq.put((1, 'x'))
    print('multiprocessing.SimpleQueue', msq.get(), msq.empty())
    arr = multiprocessing.Array('i', [1, 2, 3])
    p = multiprocessing.Process(target=doubles, args=(arr,))
    p.start()
    p.join()
    print('array', arr[:], len(arr), arr[-1])
    farr = multiprocessing.Array('d', 2)
    print('float array', farr[:])
    k = multiprocessing.Process(target=forever)
    k.start()
    k.kill()
    k.join()
    print('killed: alive', k.is_alive(), 'exitcode', k.exitcode)
