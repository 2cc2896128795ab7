# Condition: wait releases the lock and takes it back; notify wakes the oldest waiters; Barrier lets parties go together.
import multiprocessing
import threading
import time

items = []


def consumer(cond, name):
    with cond:
        cond.wait_for(lambda: len(items) > 0)
        print(name, 'got', items.pop(0))


passed = []


def party(barrier, name, delay):
    time.sleep(delay)
    index = barrier.wait()
    passed.append((index, name))  # printed by main in index order: the threads' own prints would race


def report():
    print('the last to arrive runs the action')


if __name__ == '__main__':
    cond = threading.Condition()
    consumers = [threading.Thread(target=consumer, args=(cond, f'c{i}')) for i in range(3)]
    for c in consumers:
        c.start()
        time.sleep(0.01)  # each waits before the next starts: the oldest waiter is c0
    time.sleep(0.1)
    for i in range(3):
        with cond:
            items.append(i)
            cond.notify()
        time.sleep(0.1)
    for c in consumers:
        c.join()
    with cond:
        print('wait(0.1) times out:', cond.wait(0.1))
    for module in (threading, multiprocessing):
        try:
            module.Condition().notify()
        except Exception as e:
            print(module.__name__, type(e).__name__ + ':', e)
        try:
            module.Condition().wait()
        except Exception as e:
            print(module.__name__, type(e).__name__ + ':', e)
    barrier = threading.Barrier(3, action=report)
    parties = [threading.Thread(target=party, args=(barrier, f'p{i}', 0.1 * i)) for i in range(3)]
    for p in parties:
        p.start()
    for p in parties:
        p.join()
    for index, name in sorted(passed):
        print(name, 'passed with index', index)
    print('parties', barrier.parties, 'waiting', barrier.n_waiting, 'broken', barrier.broken)
    lonely = threading.Barrier(2)
    try:
        lonely.wait(0.1)
    except threading.BrokenBarrierError as e:
        print('a lonely wait times out:', type(e).__name__, 'broken', lonely.broken)
    lonely.reset()
    print('after reset broken', lonely.broken)
