#@note num.value -= 1 is a read then a write: the lesson takes them as two steps, where the lost update can happen
from multiprocessing import Process, Value, Lock
import time


def get_money(num, l):  # 取钱
    l.acquire()  # 拿走钥匙,锁上门,不允许其他人进屋  #@ change.acquire ?lock
    for i in range(100):
        num.value -= 1  #@ change.store
        print(num.value)  #@ change.print
        time.sleep(0.01)  #@ change.sleep
    l.release()  # 还钥匙,打开门,允许其他人进屋  #@ change.release ?lock


def put_money(num, l):  # 存钱
    l.acquire()  #@ change.acquire ?lock
    for i in range(100):
        num.value += 1  #@ change.store
        print(num.value)  #@ change.print
        time.sleep(0.01)  #@ change.sleep
    l.release()  #@ change.release ?lock


if __name__ == '__main__':
    num = Value('i', 100)
    l = Lock()  #@ ?lock
    l = None  #@ ?unsafe
    p = Process(target=get_money, args=(num, l))
    p.start()  #@ main.start
    p1 = Process(target=put_money, args=(num, l))
    p1.start()  #@ main.start2
    p.join()  #@ main.join
    p1.join()  #@ main.join2
    print(num.value)  #@ main.print
