# threading.enumerate() lists the calling process's threads only.
import multiprocessing
import threading
import time


def nap():
    time.sleep(0.3)


def child():
    t = threading.Thread(target=nap, name='child-thread')
    t.start()
    print('child sees', [x.name for x in threading.enumerate()], threading.current_thread().name)
    t.join()


if __name__ == '__main__':
    mine = [threading.Thread(target=nap, name=f'main-{i}') for i in range(2)]
    for t in mine:
        t.start()
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    print('main sees', [x.name for x in threading.enumerate()], threading.active_count())
    for t in mine:
        t.join()
    print('main sees', [x.name for x in threading.enumerate()])
