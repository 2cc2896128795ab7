# A queue holds what CPython's holds: no reader, and still no wait.
import multiprocessing


def reader(q, n):
    print('reader got', sum(len(q.get()) for _ in range(n)), 'characters')


if __name__ == '__main__':
    q = multiprocessing.Queue()
    for i in range(120):
        q.put(str(i % 10) * 10000)
    print('put 120 items of 10000 characters')
    big = multiprocessing.Queue()
    big.put('y' * 2000000)
    print('put one item of 2000000 characters')
    first = q.get()
    print('first item', first[:3], len(first))
    p = multiprocessing.Process(target=reader, args=(q, 119))
    p.start()
    p.join()
    print('big item', len(big.get()))
