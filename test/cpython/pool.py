# A Pool of worker processes: map, apply_async, apply, and a job that raises.
import multiprocessing
import time


def square(x):
    return x * x


def slow_add(a, b, pause=0.1):
    time.sleep(pause)
    return a + b


def fails(x):
    raise ValueError(f'no {x}')


def who(_):
    return multiprocessing.current_process().name.startswith('ForkPoolWorker-')


if __name__ == '__main__':
    with multiprocessing.Pool(2) as pool:
        print(pool.map(square, range(6)))
        r = pool.apply_async(slow_add, (1, 2), {'pause': 0.2})
        print('ready at once', r.ready())
        print('get', r.get(), 'ready', r.ready(), 'successful', r.successful())
        print('apply', pool.apply(slow_add, (3, 4)))
        print('starmap', pool.starmap(slow_add, [(1, 1), (2, 2)]))
        print('workers', set(pool.map(who, range(4))))
        try:
            pool.map(fails, [1])
        except ValueError as e:
            print('map raised', type(e).__name__, e)
        bad = pool.apply_async(fails, (3,))
        bad.wait()
        print('successful', bad.successful())
        try:
            pool.apply_async(slow_add, (1, 1), {'pause': 5}).get(timeout=0.1)
        except multiprocessing.TimeoutError:
            print('get(timeout=0.1): TimeoutError')
    p2 = multiprocessing.Pool(2)
    print(p2.map(square, [7]))
    try:
        p2.join()
    except ValueError as e:
        print('join before close:', e)
    p2.close()
    p2.join()
    try:
        p2.map(square, [1])
    except ValueError as e:
        print('map after close:', e)
