from multiprocessing import Process
import time
import os


def func(i):  #@ ?function
    time.sleep(1)  #@ func.sleep ?function
    print('这里是儿子进程,儿子自己的pid是%s,儿子的父进程的pid是%s' % (os.getpid(), os.getppid()))  #@ func.print ?function
class MyProcess(Process):  #@ ?subclass
    def __init__(self):  #@ ?subclass
        super(MyProcess, self).__init__()  # 执行父类的__init__方法  #@ ?subclass
#@ ?subclass
    def run(self):  #@ ?subclass
        print('这是以继承类的方式开启的子进程,他的名字是%s' % self.name)  #@ MyProcess.print ?subclass


# os.getpid()获取的是当前进程自己的pid
# os.getppid()获取的是当前进程的父进程的pid
if __name__ == '__main__':
    p = Process(target=func, args=(1,))  # 实例化一个进程对象  #@ ?function
    p.start()  # 开启一个子进程  #@ main.start2 ?function
    print('这里是父亲进程,父进程自己的pid是:%s,父亲的父亲的pid是%s' % (os.getpid(), os.getppid()))  #@ main.print ?function
    p1 = MyProcess()  #@ ?subclass
    p1.start()  # 是指,解释器告诉操作系统,去帮我开启一个进程,   就绪状态  #@ main.start ?subclass
