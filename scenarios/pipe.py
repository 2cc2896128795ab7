#@note seed 001 names the pipe (方式二) without its code: this program is the lesson's own
from multiprocessing import Process, Pipe


def child(conn):  #@ ?duplex
    msg = conn.recv()  #@ child.get ?duplex
    print('子进程收到:', msg)  #@ child.print ?duplex
    conn.send('你好, 我收到了')  #@ child.put ?duplex
def reader(conn, name):  #@ ?two-readers
    while True:  #@ ?two-readers
        baozi = conn.recv()  #@ reader.get ?two-readers
        if baozi is None:  #@ ?two-readers
            break  #@ ?two-readers
        print('%s 收到包子:%s' % (name, baozi))  #@ reader.print ?two-readers
def consumer(left, right, name):  #@ ?eof
    left.close()  # 不用的一端关掉:否则自己这份 left 开着,永远等不到 EOF  #@ consumer.close ?eof
    while True:  #@ ?eof
        try:  #@ ?eof
            baozi = right.recv()  #@ consumer.get ?eof
            print('%s 收到包子:%s' % (name, baozi))  #@ consumer.print ?eof
        except EOFError:  #@ ?eof
            print('%s 收到 EOFError: 没有包子了' % name)  #@ consumer.print2 ?eof
            right.close()  #@ consumer.close2 ?eof
            break  #@ ?eof
#@ ?eof
#@ ?eof
def producer(left, right):  #@ ?eof
    right.close()  #@ producer.close ?eof
    for i in range(6):  #@ ?eof
        left.send(i)  #@ producer.put ?eof
    left.close()  #@ producer.close2 ?eof


if __name__ == '__main__':
    left, right = Pipe()  # 两个连接端,默认双工
    p = Process(target=child, args=(right,))  #@ ?duplex
    p.start()  #@ main.start2 ?duplex
    left.send('你好')  #@ main.put ?duplex
    print('主进程收到:', left.recv())  #@ main.print2 ?duplex
    p.join()  #@ main.join2 ?duplex
    readers = [Process(target=reader, args=(right, name)) for name in ['c1', 'c2']]  #@ ?two-readers
    for c in readers:  #@ ?two-readers
        c.start()  #@ main.start3 ?two-readers
    for i in range(6):  #@ ?two-readers
        left.send(i)  #@ main.put2 ?two-readers
    for c in readers:  #@ ?two-readers
        left.send(None)  #@ main.put3 ?two-readers
    for c in readers:  #@ ?two-readers
        c.join()  #@ main.join3 ?two-readers
    print('主进程')  #@ main.print3 ?two-readers
    c1 = Process(target=consumer, args=(left, right, 'c1'))  #@ ?eof
    c1.start()  #@ main.start ?eof
    producer(left, right)  #@ ?eof
    c1.join()  #@ main.join ?eof
    print('主进程')  #@ main.print ?eof
