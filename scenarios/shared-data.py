#@note The tutorial (001, 方式三) only warns that shared data takes no lock of its own; this program is the lesson's own
#@note d['count'] -= 1 is two requests to the manager, a read and a write: the lesson takes them as two steps
from multiprocessing import Manager, Process, Lock


def work(d, lock):
    lock.acquire()  #@ work.acquire ?lock
    d['count'] -= 1  #@ work.update
    lock.release()  #@ work.release ?lock


if __name__ == '__main__':
    with Manager() as m:
        d = m.dict({'count': 10})
        lock = Lock()  #@ ?lock
        lock = None  #@ ?unsafe
        ps = [Process(target=work, args=(d, lock)) for _ in range(10)]
        for p in ps:
            p.start()  #@ main.start
        for p in ps:
            p.join()  #@ main.join
        print('count', d['count'])  #@ main.print
