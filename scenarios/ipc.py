from multiprocessing import Process, Queue


def task1(q):
    data = 'hello 你好'
    q.put(data)  #@ task1.put
    print('进程1添加数据到队列')  #@ task1.print


def task2(q):
    print(q.get())  #@ task2.print
    print('进程2从队列中获取数据')  #@ task2.print2


if __name__ == '__main__':
    q = Queue()
    p1 = Process(target=task1, args=(q, ))
    p2 = Process(target=task2, args=(q, ))
    p1.start()  #@ main.start
    p2.start()  #@ main.start2
    print('主进程')  #@ main.print
