#@note ?sentinel,joinable,many seed 001 hides this program behind "View Code": it is the lesson's own, on seed 000's producers and consumers
from multiprocessing import Process, Queue  #@ ?daemon,sentinel
from multiprocessing import Process, JoinableQueue  #@ ?joinable,many
import time


# 生产者
def producer(name, food, q):
    for i in range(10):
        data = food, i
        msg = f'用户{name}开始制作{data}'
        print(msg)  #@ producer.print
        q.put(data)  #@ producer.put
        time.sleep(0.1)  #@ producer.sleep
    q.join()  # 等消费者把队列里的都取完、task_done  #@ producer.join ?joinable,many


# 消费者
def consumer(name, q):
    while True:
        data = q.get()  #@ consumer.get
        if not data:
            break
        print(f'用户{name}开始吃{data}')  #@ consumer.print
        q.task_done()  #@ consumer.task_done ?joinable,many


if __name__ == '__main__':
    q = Queue()  #@ ?daemon,sentinel
    q = JoinableQueue()  #@ ?joinable,many
    p1 = Process(target=producer, args=('neo', '煎饼', q))
    p2 = Process(target=producer, args=('wick', '肉包', q))
    p3 = Process(target=producer, args=('trinity', '豆浆', q))  #@ ?many
    c1 = Process(target=consumer, args=('cwz', q))
    c2 = Process(target=consumer, args=('woods', q))
    c3 = Process(target=consumer, args=('morpheus', q))  #@ ?many
    p1.start()  #@ main.start
    p2.start()  #@ main.start
    p3.start()  #@ main.start ?many
    c1.daemon = True  #@ !sentinel
    c2.daemon = True  #@ !sentinel
    c3.daemon = True  #@ ?many
    c1.start()  #@ main.start2
    c2.start()  #@ main.start2
    c3.start()  #@ main.start2 ?many
    p1.join()  #@ main.join !daemon
    p2.join()  #@ main.join !daemon
    p3.join()  #@ main.join ?many
    q.put(None)  # 每个消费者一个结束信号  #@ main.put ?sentinel
    q.put(None)  #@ main.put ?sentinel
    print('主')  #@ main.print
