#@note ?methods,daemon t.isAlive() → t.is_alive(): isAlive was removed in Python 3.9
from threading import Thread
from threading import current_thread  #@ ?methods,daemon
import time


# 创建线程方式1  #@ ?function
def task():  #@ ?function
    print('线程开启')  #@ task.print ?function
    time.sleep(1)  #@ task.sleep ?function
    print('线程结束')  #@ task.print2 ?function
# 创建线程方式2  #@ ?subclass
class MyThread(Thread):  #@ ?subclass
    def run(self):  #@ ?subclass
        print('线程开启...')  #@ MyThread.print ?subclass
        time.sleep(1)  #@ MyThread.sleep ?subclass
        print('线程结束...')  #@ MyThread.print2 ?subclass
def task():  #@ ?methods,daemon
    print(f'线程开启{current_thread().name}')  #@ task_named.print ?methods,daemon
    time.sleep(1)  #@ task_named.sleep ?methods,daemon
    print(f'线程结束{current_thread().name}')  #@ task_named.print2 ?methods,daemon


if __name__ == '__main__':
    t = Thread(target=task)  #@ ?function
    t.start()  #@ main.start ?function
    t = MyThread()  #@ ?subclass
    t.start()  #@ main.start2 ?subclass
    t = Thread(target=task)  #@ ?methods,daemon
    print(t.is_alive())  #@ main.print ?methods,daemon
    # t.daemon = True  #@ ?methods
    t.daemon = True  #@ ?daemon
    t.start()  #@ main.start3 ?methods,daemon
    print(t.is_alive())  #@ main.print2 ?methods,daemon
