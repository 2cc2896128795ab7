# An orphan: the child that started it is terminated, and init adopts it, so os.getppid() is no longer the child's pid.
import os
import time
from multiprocessing import Process


def grandchild(parent):
    print('adopted by the child:', os.getppid() == parent)
    time.sleep(0.5)
    print('still the child’s after it was terminated:', os.getppid() == parent)


def child():
    g = Process(target=grandchild, args=(os.getpid(),))
    g.start()
    time.sleep(10)


if __name__ == '__main__':
    c = Process(target=child)
    c.start()
    time.sleep(0.2)
    c.terminate()
    c.join()
    print('child exit code', c.exitcode)
    time.sleep(0.6)
