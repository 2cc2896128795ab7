from threading import Thread
from threading import Lock  #@ ?lock
import time

mutex = Lock()  #@ ?lock
n = 100


def task(i):
    print(f'线程{i}启动')  #@ task.print
    global n
    mutex.acquire()  #@ task.acquire ?lock
    temp = n
    time.sleep(0.1)  #@ task.sleep
    n = temp - 1
    print(n)  #@ task.print2
    mutex.release()  #@ task.release ?lock


if __name__ == '__main__':
    t_l = []
    for i in range(100):
        t = Thread(target=task, args=(i, ))
        t_l.append(t)
        t.start()  #@ main.start
    for t in t_l:
        t.join()  #@ main.join
    print(n)  #@ main.print
