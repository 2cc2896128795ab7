# Python's exceptions, raised and caught as themselves; an uncaught one ends its process with exit code 1.
import multiprocessing


class NotEnoughTickets(Exception):
    pass


def child():
    raise RuntimeError('the child gives up')


def sell(n):
    if n > 2:
        raise NotEnoughTickets(f'only 2 left, {n} wanted')
    return n


if __name__ == '__main__':
    try:
        multiprocessing.Value('i', 1, lock=False).get_lock()
    except AttributeError as e:
        print('AttributeError:', e)
    for error in (ValueError('v'), RuntimeError('r'), KeyError('k'), IndexError('i'), TypeError('t'), ZeroDivisionError('z')):
        try:
            raise error
        except Exception as e:
            print(type(e).__name__, isinstance(e, Exception), str(e))
    try:
        sell(3)
    except NotEnoughTickets as e:
        print('caught', type(e).__name__, e)
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    print('child exitcode', p.exitcode)
    raise ValueError('the main program gives up')
