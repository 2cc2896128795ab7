from multiprocessing import Process
import time
import random


def func(i):
    print('我是%s' % i)  #@ func.print


if __name__ == '__main__':
    l = []
    addr = ['河南的', '山东的', '辽宁的', '湖南的']
    for i in addr:
        p = Process(target=func, args=(i,))
        p.start()  #@ main.start
        # p.join()
        l.append(p)
    [p.join() for p in l]  #@ main.join
    time.sleep(1)  #@ main.sleep
    print('我选%s' % (random.choice(addr)))  #@ main.print
