#@note n = 0 at the top: the tutorial's child, spawned, would find no n at all (NameError)
#@note ?threads the threads variant is the lesson's own: the same func on Thread instead of Process
from multiprocessing import Process  #@ ?processes
from threading import Thread  #@ ?threads

n = 0


def func(i):
    print('我是%s' % i)  #@ func.print
    print(n)  #@ func.print2


if __name__ == '__main__':
    n = 100
    addr = ['河南的', '山东的', '辽宁的', '湖南的']
    for i in addr:
        p = Process(target=func, args=(i,))  #@ ?processes
        p = Thread(target=func, args=(i,))  #@ ?threads
        p.start()  #@ main.start
