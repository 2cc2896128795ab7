#@note beyond the tutorials: the lesson's own example of two locks taken in opposite orders
from multiprocessing import Process, Lock
import time


def worker(name, first, second):
    first.acquire()  #@ worker.acquire
    print(f'{name} 拿到了第一把锁')  #@ worker.print
    time.sleep(0.1)  #@ worker.sleep
    second.acquire()  #@ worker.acquire2
    print(f'{name} 拿到了两把锁')  #@ worker.print2
    second.release()  #@ worker.release
    first.release()  #@ worker.release2


if __name__ == '__main__':
    a = Lock()
    b = Lock()
    Process(target=worker, args=('P1', a, b)).start()  #@ main.start
    Process(target=worker, args=('P2', b, a)).start()  #@ main.start2 ?opposite
    Process(target=worker, args=('P2', a, b)).start()  #@ main.start2 ?ordered
