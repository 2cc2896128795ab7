#@note ?terminate time.sleep(0.002) is virtual here: the child is gone by then, as it usually is under CPython
#@note ?terminate the lesson also joins and prints p.exitcode: -15, the SIGTERM that ended it
#@note ?holding-lock,children 003 warns of this in words (p.terminate()); the program is the lesson's own
#@note ?holding-lock under CPython the program hangs at lock.acquire(); the lesson ends there as a deadlock
#@note ?children the grandson is adopted by init: under CPython its os.getppid() is 1 from then on
from multiprocessing import Process  #@ !holding-lock
from multiprocessing import Process, Lock  #@ ?holding-lock
import time


def func():  #@ ?terminate
    time.sleep(1)  #@ func.sleep ?terminate
    print(123)  #@ ?terminate
def func(lock):  #@ ?holding-lock
    lock.acquire()  #@ holder.acquire ?holding-lock
    print('儿子拿到了锁')  #@ holder.print ?holding-lock
    time.sleep(100)  #@ holder.sleep ?holding-lock
    lock.release()  #@ ?holding-lock
def grandson():  #@ ?children
    time.sleep(2)  #@ grandson.sleep ?children
    print('孙子还活着')  #@ grandson.print ?children
#@ ?children
#@ ?children
def func():  #@ ?children
    Process(target=grandson).start()  #@ son.start ?children
    print('儿子开了孙子')  #@ son.print ?children
    time.sleep(100)  #@ son.sleep ?children


if __name__ == '__main__':
    p = Process(target=func,)  #@ ?terminate
    p.start()  #@ main.start ?terminate
    p.terminate()  # 杀死p进程,让解释器告诉操作系统,请杀掉p进程。  #@ main.terminate ?terminate
    print('子进程是否还活着?', p.is_alive())  #@ main.print ?terminate
    time.sleep(0.002)  #@ main.sleep ?terminate
    print('子进程是否还活着?', p.is_alive())  #@ main.print2 ?terminate
    # 返回一个bool值,如果返回True,代表进程还活着,如果返回False,代表子进程死了  #@ ?terminate
    p.join()  #@ main.join ?terminate
    print('p.exitcode =', p.exitcode)  #@ main.print3 ?terminate
    lock = Lock()  #@ ?holding-lock
    p = Process(target=func, args=(lock,))  #@ ?holding-lock
    p.start()  #@ main.start2 ?holding-lock
    time.sleep(1)  #@ main.sleep2 ?holding-lock
    p.terminate()  # 如果p还保存了一个锁那么也将不会被释放,进而导致死锁  #@ main.terminate2 ?holding-lock
    p.join()  #@ main.join2 ?holding-lock
    print('儿子被杀了, exitcode =', p.exitcode)  #@ main.print4 ?holding-lock
    lock.acquire()  # 锁没有被释放: 死锁  #@ main.acquire ?holding-lock
    print('父亲拿到了锁')  #@ ?holding-lock
    p = Process(target=func)  #@ ?children
    p.start()  #@ main.start3 ?children
    time.sleep(1)  #@ main.sleep3 ?children
    p.terminate()  # 如果p创建了子进程,该子进程就成了孤儿  #@ main.terminate3 ?children
    p.join()  #@ main.join3 ?children
    print('儿子被杀了, exitcode =', p.exitcode)  #@ main.print5 ?children
