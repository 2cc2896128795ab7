#@note 3 processes (--procs N), as in seed 002's lockless example and seed 004; 002's 实例一 starts 10
import os
import time
import random
from multiprocessing import Process, Lock  #@ ?lock
from multiprocessing import Process  #@ ?unsafe


def work(n, lock):  #@ ?lock
    lock.acquire()  #@ work.acquire ?lock
def work(n):  #@ ?unsafe
    print('%s: %s is running' % (n, os.getpid()))  #@ work.print
    time.sleep(random.random())  #@ work.sleep
    print('%s:%s is done' % (n, os.getpid()))  #@ work.print2
    lock.release()  #@ work.release ?lock


if __name__ == '__main__':
    lock = Lock()  #@ ?lock
    for i in range(3):
        p = Process(target=work, args=(i, lock))  #@ ?lock
        p = Process(target=work, args=(i,))  #@ ?unsafe
        p.start()  #@ main.start
