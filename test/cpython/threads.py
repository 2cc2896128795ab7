# Thread and Process objects as CPython 3.11 has them: names, daemon, join, is_alive, kwargs.
import multiprocessing
import threading


def task():
    me = threading.current_thread()
    print('inside', me.name, 'alive', me.is_alive(), 'same object', me is t)
    try:
        me.join()
    except RuntimeError as e:
        print('join itself:', type(e).__name__, e)


def greet(who, punctuation='.', times=1):
    print('hello', who + punctuation * times)


def boom():
    raise ValueError('from a thread')


if __name__ == '__main__':
    print(threading.current_thread().name, threading.current_thread() is threading.main_thread())
    t = threading.Thread(target=task)
    print(t.name, t.is_alive())
    t.start()
    t.join()
    try:
        t.daemon = True
    except RuntimeError as e:
        print('daemon after start:', type(e).__name__, e)
    named = threading.Thread(target=task, name='worker')
    print(named.name, threading.Thread(target=greet).name, threading.Thread().name)
    k = threading.Thread(target=greet, args=('thread',), kwargs={'punctuation': '!', 'times': 3})
    k.start()
    k.join()
    first = multiprocessing.Process(target=greet, args=('process',), kwargs={'times': 2}, name='first')
    second = multiprocessing.Process(target=greet, args=('second',))
    print(first.name, second.name)
    first.start()
    first.join()
    try:
        first.daemon = True
    except AssertionError as e:
        print('process daemon after start:', type(e).__name__, e)
    b = threading.Thread(target=boom)
    b.start()
    b.join()
    print('active', threading.active_count(), [x.name for x in threading.enumerate()])
