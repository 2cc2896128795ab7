# Tuples stay tuples through pipes, queues and a process's args; floats print as floats.
import multiprocessing


def child(conn, q, pair):
    print('child args', pair, pair[1])
    conn.send((1, 'a'))
    q.put((2, ('b', 3.5)))
    print('child got', conn.recv())


if __name__ == '__main__':
    a, b = multiprocessing.Pipe()
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(b, q, (5, 'x')))
    p.start()
    got = a.recv()
    print(got, got[0], len(got))
    first, second = q.get()
    print(first, second, second[1])
    a.send([(1,), (), ('end',)])
    p.join()
    v = multiprocessing.Value('d', 1.0)
    print(v.value)
    v.value = v.value + 0.5
    print(v.value, v.value * 2)
    print(multiprocessing.Value('i', 3).value)
    print(v, multiprocessing.Value('i', 2, lock=False))
    print((1, 'a'), [1.0, 2], {'k': (1, 2)}, (('nested',),))
    print(1e-05, 1 / 3, 2.5, 1e16)
