#@note range(500) → 10 and range(100) → 5: the lesson shortens the son's and the father's lines
from multiprocessing import Process
import time


def func():
    for i in range(10):
        time.sleep(0.01)  #@ func.sleep
        print('儿子在这里')  #@ func.print


if __name__ == '__main__':
    p = Process(target=func)
    p.start()  #@ main.start
    p.join()  # 是让主进程等待子进程执行完  #@ main.join ?join
    for i in range(5):
        time.sleep(0.01)  #@ main.sleep
        print('爸爸在这里')  #@ main.print
