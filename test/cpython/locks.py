# Releasing what one does not hold: threading and multiprocessing raise differently.
import multiprocessing
import threading


def attempt(label, f):
    try:
        f()
        print(label, 'no error')
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


if __name__ == '__main__':
    attempt('threading.Lock', threading.Lock().release)
    attempt('multiprocessing.Lock', multiprocessing.Lock().release)
    attempt('threading.RLock', threading.RLock().release)
    attempt('multiprocessing.RLock', multiprocessing.RLock().release)
    attempt('threading.BoundedSemaphore', threading.BoundedSemaphore(1).release)
    attempt('multiprocessing.BoundedSemaphore', multiprocessing.BoundedSemaphore(1).release)
    attempt('threading.Semaphore(-1)', lambda: threading.Semaphore(-1))
    attempt('multiprocessing.Semaphore(-1)', lambda: multiprocessing.Semaphore(-1))
    for module in (threading, multiprocessing):
        rlock = module.RLock()
        rlock.acquire()
        other = threading.Thread(target=attempt, args=(module.__name__ + '.RLock by another thread', rlock.release))
        other.start()
        other.join()
        rlock.release()
    threading.Lock().release()
