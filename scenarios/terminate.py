#@note time.sleep(0.002) is virtual here: the child is gone by then, as it usually is under CPython
#@note the lesson also joins and prints p.exitcode: -15, the SIGTERM that ended it
from multiprocessing import Process
import time


def func():
    time.sleep(1)  #@ func.sleep
    print(123)


if __name__ == '__main__':
    p = Process(target=func,)
    p.start()  #@ main.start
    p.terminate()  # 杀死p进程,让解释器告诉操作系统,请杀掉p进程。  #@ main.terminate
    print('子进程是否还活着?', p.is_alive())  #@ main.print
    time.sleep(0.002)  #@ main.sleep
    print('子进程是否还活着?', p.is_alive())  #@ main.print2
    # 返回一个bool值,如果返回True,代表进程还活着,如果返回False,代表子进程死了
    p.join()  #@ main.join
    print('p.exitcode =', p.exitcode)  #@ main.print3
