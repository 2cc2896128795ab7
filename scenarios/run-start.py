#@note ?run 003 shows p1.run() commented out beside p1.start(); here it is called, and p.join() added to show what 003 says of it
from multiprocessing import Process
import os


def func():
    print('这里是儿子,儿子的pid是%s' % os.getpid())  #@ func.print


if __name__ == '__main__':
    p = Process(target=func)
    p.run()  # 告诉操作系统,现在马上帮我执行这个子进程: 不开进程,就在父进程里执行  #@ main.run ?run
    p.start()  # 解释器告诉操作系统,去帮我开启一个进程  #@ main.start ?start
    print('这里是父亲,父亲的pid是%s' % os.getpid())  #@ main.print
    p.join()  # run: AssertionError: can only join a started process  #@ main.join
