import time
import random
from multiprocessing import Process, Semaphore


def ktv(i, sem):  #@ ?semaphore
    sem.acquire()  #@ ktv.acquire ?semaphore
def ktv(i):  #@ ?unsafe
    print('person %s 进来唱歌了' % i)  #@ ktv.print
    time.sleep(random.randint(1, 5))  #@ ktv.sleep
    print('person %s 从ktv出去了' % i)  #@ ktv.print2
    sem.release()  #@ ktv.release ?semaphore


if __name__ == '__main__':
    sem = Semaphore(4)  # 初始化信号量,数量为4  #@ ?semaphore
    for i in range(6):  # 模拟6个人
        Process(target=ktv, args=(i, sem)).start()  #@ main.start ?semaphore
        Process(target=ktv, args=(i,)).start()  #@ main.start ?unsafe
