#@note ?unsafe,lock 3 processes (--procs N), as in seed 002's lockless example and seed 004; 002's 实例一 starts 10
#@note ?004,004-lock 3 processes, as 004 starts (--procs N)
#@from ?004,004-lock 004 (1. Multiple processes sharing the same print terminal)
import os
import time
import random  #@ ?unsafe,lock
from multiprocessing import Process, Lock  #@ ?lock,004-lock
from multiprocessing import Process  #@ ?unsafe,004


def work(n, lock):  #@ ?lock
    lock.acquire()  #@ work.acquire ?lock
def work(n):  #@ ?unsafe
    print('%s: %s is running' % (n, os.getpid()))  #@ work.print ?unsafe,lock
    time.sleep(random.random())  #@ work.sleep ?unsafe,lock
    print('%s:%s is done' % (n, os.getpid()))  #@ work.print2 ?unsafe,lock
    lock.release()  #@ work.release ?lock
def work():  #@ ?004
def work(lock):  #@ ?004-lock
    lock.acquire()  #@ work004.acquire ?004-lock
    print('%s is running' % os.getpid())  #@ work004.print ?004,004-lock
    time.sleep(2)  #@ work004.sleep ?004,004-lock
    print('%s is done' % os.getpid())  #@ work004.print2 ?004,004-lock
    lock.release()  #@ work004.release ?004-lock


if __name__ == '__main__':
    lock = Lock()  #@ ?lock,004-lock
    for i in range(3):
        p = Process(target=work, args=(i, lock))  #@ ?lock
        p = Process(target=work, args=(i,))  #@ ?unsafe
        p = Process(target=work)  #@ ?004
        p = Process(target=work, args=(lock,))  #@ ?004-lock
        p.start()  #@ main.start
