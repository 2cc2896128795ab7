#@note seed 003 tells the bank-queue story in words only: this program is the lesson's own
#@note work(n) is n units of CPU (the teller serving) and the clock counts seconds of the lesson
from multiprocessing import Process, Queue, Event
from threading import Thread  #@ ?notified,async-blocking
import time

CUSTOMERS = ['zhang', 'li', 'wang']
ARRIVAL = [0, 0.2, 0.4]
SERVICE = 1.4
CALL = 3
LOOK_EVERY = 1  #@ ?polling
START = time.time()


def now():
    return round(time.time() - START, 2)


def work(units):
    """A CPU burst: the teller serving one customer."""
    end = time.process_time() + units
    while time.process_time() < end:
        pass


def teller(line, served):
    for n in range(len(CUSTOMERS)):
        i = line.get()  #@ teller.get
        work(SERVICE)  # serving customer i  #@ teller.work
        print(f'柜员：{CUSTOMERS[i]} 的业务办完了')  #@ teller.print
        served[i].set()  #@ teller.set


def manager(name, served):  #@ ?notified,async-blocking
    served.wait()  #@ manager.wait ?notified,async-blocking
    print(f'经理：{name}，您的业务办好了')  #@ manager.print ?notified,async-blocking
#@ ?notified,async-blocking
#@ ?notified,async-blocking
def customer(i, line, served):
    name = CUSTOMERS[i]
    time.sleep(ARRIVAL[i])  #@ customer.sleep
    print(f'{name} 到了银行 t={now():g}')  #@ customer.print
    line.put(i)  #@ customer.put
    served.wait()  # 同步阻塞: 专心排队,什么别的事都不做  #@ customer.wait ?blocking
    time.sleep(CALL)  # then the phone call  #@ customer.sleep2 ?blocking
    called = 0  #@ ?polling
    while not served.is_set():  # 同步非阻塞: 一边打电话一边抬头看  #@ ?polling
        print(f'{name} 看一眼：还没办好')  #@ customer.print2 ?polling
        bit = min(LOOK_EVERY, CALL - called)  #@ ?polling
        if bit > 0:  #@ ?polling
            time.sleep(bit)  # a bit of the phone call  #@ customer.sleep3 ?polling
            called += bit  #@ ?polling
        else:  #@ ?polling
            time.sleep(LOOK_EVERY)  # the call is over: only looking now  #@ customer.sleep4 ?polling
    if called < CALL:  #@ ?polling
        time.sleep(CALL - called)  #@ customer.sleep5 ?polling
    lobby = Thread(target=manager, args=(name, served), name=f'{name}-manager')  # 异步: 领个号,大堂经理通知你  #@ ?notified
    lobby.start()  #@ customer.start ?notified
    time.sleep(CALL)  #@ customer.sleep6 ?notified
    lobby.join()  #@ customer.join ?notified
    lobby = Thread(target=manager, args=(name, served), name=f'{name}-manager')  # 异步阻塞: 领了号,经理会通知  #@ ?async-blocking
    lobby.start()  #@ customer.start2 ?async-blocking
    lobby.join()  # 却在原地等通知,什么别的事都不做  #@ customer.join2 ?async-blocking
    time.sleep(CALL)  # only then the phone call  #@ customer.sleep7 ?async-blocking
    print(f'{name} 办完了，电话也打完了 t={now():g}')  #@ customer.print3


if __name__ == '__main__':
    line = Queue()
    served = [Event() for c in CUSTOMERS]
    procs = [Process(target=teller, args=(line, served), name='teller')]
    for i in range(len(CUSTOMERS)):
        procs.append(Process(target=customer, args=(i, line, served[i]), name=CUSTOMERS[i]))
    for p in procs:
        p.start()  #@ main.start
    for p in procs:
        p.join()  #@ main.join
