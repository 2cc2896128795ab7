#@note seed 001 explains zombies in words only: this program is the lesson's own
from multiprocessing import Process
import time
import os


def child():
    print(f'子进程{os.getpid()}: 运行结束')  #@ child.print


if __name__ == '__main__':
    p = Process(target=child)
    p.start()  #@ main.start
    print('父进程: 忙别的事, 还没有 join 子进程')  #@ main.print
    time.sleep(3)  #@ main.sleep
    # is_alive() polls the child (waitpid): a child that has ended is reaped right here  #@ ?poll
    print('父进程: 子进程还活着吗?', p.is_alive())  #@ main.print2 ?poll
    print('父进程: 问 is_alive() 时已经回收完毕, exitcode =', p.exitcode)  #@ main.print3 ?poll
    p.join()  # 回收:子进程不再是僵尸  #@ main.join ?zombie
    print('父进程: join 了子进程, 回收完毕, exitcode =', p.exitcode)  #@ main.print4 ?zombie
