# sys.exit(n): the process ends with exit code n and no traceback; in a thread it ends the thread.
import multiprocessing
import sys
import threading


def quits(code):
    print('child quits with', code)
    sys.exit(code)
    print('not reached')


def thread_quits():
    sys.exit(5)


if __name__ == '__main__':
    for code in (None, 0, 3, 'bye'):
        p = multiprocessing.Process(target=quits, args=(code,))
        p.start()
        p.join()
        print('exitcode', p.exitcode)
    t = threading.Thread(target=thread_quits)
    t.start()
    t.join()
    print('the thread ended quietly')
    try:
        sys.exit(2)
    except SystemExit as e:
        print('caught SystemExit', e.code)
    sys.exit(4)
