#@note the lesson also prints p.exitcode before start() and after join(): None, then 0
from multiprocessing import Process
import time
import os


def func():
    print('这里是儿子,儿子的pid是%s' % (os.getpid()))  #@ func.print


if __name__ == '__main__':
    p = Process(target=func)
    print('p.exitcode =', p.exitcode)  #@ main.print
    p.start()  #@ main.start
    p.name = 'alex'
    print('儿子的名字是%s' % p.name)  #@ main.print2
    print('儿子的pid是%s' % p.pid)  #@ main.print3
    print('儿子是不是守护进程?', p.daemon)  #@ main.print4
    p.join()  #@ main.join
    print('p.exitcode =', p.exitcode)  #@ main.print5
