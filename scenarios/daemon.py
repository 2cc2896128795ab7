#@note ?daemon the daemon prints the time of the lesson's virtual clock, from 00:00:01
from multiprocessing import Process
import time


def func():  #@ ?daemon
    for i in range(10):  #@ ?daemon
        time.sleep(1)  #@ func.sleep ?daemon
        print(time.strftime('%H:%M:%S'))  #@ func.print ?daemon
def func1():  #@ ?children
    print('这里是孙子')  #@ ?children
#@ ?children
#@ ?children
def func():  #@ ?children
    p = Process(target=func1)  #@ ?children
    p.start()  # AssertionError: daemonic processes are not allowed to have children  #@ func_with_child.start ?children
    time.sleep(5)  #@ ?children
    print('这里是儿子哦')  #@ ?children


if __name__ == '__main__':
    p = Process(target=func)
    p.daemon = True  # 将p进程设置为守护进程,必须要在start之前设置
    p.start()  #@ main.start
    time.sleep(5)  #@ main.sleep ?daemon
    time.sleep(1)  #@ main.sleep ?children
    print('这是爸爸')  #@ main.print
