#@note ?unsafe,lock the user is passed as '3', not '用户3': the tutorial's lines would read 用户用户3
#@note ?unsafe,lock the write waits 0.2 s first (seed 004's write delay), where seed 000 writes at once
#@note ?002,002-lock,003,004,004-lock the tutorial's own program; 10 clients here, as everywhere in this lesson (--clients N)
#@note ?004,004-lock the tutorial colours its lines (\033[43m): the lesson prints them plain
#@note 10 clients by default (--clients N); the database is a file the lesson's processes share
#@from ?002,002-lock 002 (模拟抢票: 程序1, then 加锁)
#@from ?003 003 (模拟12306抢票: 多个人同时抢票; its locked program is cut off in the seed)
#@from ?004,004-lock 004 (2. Multiple processes sharing the same file)
# data.json文件内容为 {"ticket_num": 1}  #@ ?unsafe,lock
# ticket文件内容为 {"count":1}  #@ ?002,002-lock
# 注意,文件中存储需要以{'c':1}这种形式,c的引号一定要带  #@ ?003
# the contents of the file db are: {"Count": 1}  #@ ?004,004-lock
import json
import time
import random  #@ ?002,002-lock
from multiprocessing import Process, Lock  #@ !unsafe,002
from multiprocessing import Process  #@ ?unsafe,002
#@ ?unsafe,lock
#@ ?unsafe,lock
def search(user):  #@ ?unsafe,lock
    with open('data.json', 'r', encoding='utf-8') as f:  #@ ?unsafe,lock
        dic = json.load(f)  #@ search.read ?unsafe,lock
    print(f'用户{user}查看余票,还剩{dic.get("ticket_num")}...')  #@ search.print ?unsafe,lock
#@ ?unsafe,lock
#@ ?unsafe,lock
def buy(user):  #@ ?unsafe,lock
    with open('data.json', 'r', encoding='utf-8') as f:  #@ ?unsafe,lock
        dic = json.load(f)  #@ buy.read ?unsafe,lock
    time.sleep(0.1)  #@ buy.sleep ?unsafe,lock
    if dic['ticket_num'] > 0:  #@ ?unsafe,lock
        dic['ticket_num'] -= 1  #@ ?unsafe,lock
        time.sleep(0.2)  #@ buy.sleep2 ?unsafe,lock
        with open('data.json', 'w', encoding='utf-8') as f:  #@ ?unsafe,lock
            json.dump(dic, f)  #@ buy.write ?unsafe,lock
        print(f'用户{user}抢票成功!')  #@ buy.print ?unsafe,lock
    else:  #@ ?unsafe,lock
        print(f'用户{user}抢票失败')  #@ buy.print2 ?unsafe,lock
#@ ?unsafe,lock
#@ ?unsafe,lock
def run(user, mutex):  #@ ?lock
def run(user):  #@ ?unsafe
    search(user)  #@ ?unsafe,lock
    mutex.acquire()  # 加锁  #@ run.acquire ?lock
    buy(user)  #@ ?unsafe,lock
    mutex.release()  # 释放锁  #@ run.release ?lock
def buy_ticket(i):  # 购票  #@ ?002
def buy_ticket(i, lock):  # 购票  #@ ?002-lock
    lock.acquire()  # 取得锁  #@ buy_ticket.acquire ?002-lock
    with open('ticket') as f:  # 读取文件  #@ ?002,002-lock
        tick_count = json.load(f)  # 反序列化  #@ buy_ticket.read ?002,002-lock
        time.sleep(random.random())  # 读取延时  #@ buy_ticket.sleep ?002,002-lock
    if tick_count['count'] > 0:  #@ ?002,002-lock
        print('person%s购票成功' % i)  #@ buy_ticket.print ?002,002-lock
        tick_count['count'] -= 1  # 票数减1  #@ ?002,002-lock
    else:  #@ ?002,002-lock
        print('余票不足,person%s购票失败' % i)  #@ buy_ticket.print2 ?002,002-lock
    time.sleep(random.random())  # 写入延时  #@ buy_ticket.sleep2 ?002,002-lock
    with open('ticket', 'w') as f:  #@ ?002,002-lock
        json.dump(tick_count, f)  # 写入文件  #@ buy_ticket.write ?002,002-lock
    lock.release()  # 释放锁  #@ buy_ticket.release ?002-lock
def check(i, l):  #@ ?003
    with open('a.txt', 'r', encoding='utf-8') as f:  #@ ?003
        dic = json.load(f)  #@ check.read ?003
    print('第%s个人在查票,余票为%s' % (i, dic['c']))  #@ check.print ?003
    pay(i, l)  #@ ?003
#@ ?003
#@ ?003
def pay(i, l):  #@ ?003
    with open('a.txt', 'r', encoding='utf-8') as f:  #@ ?003
        dic = json.load(f)  #@ pay.read ?003
    time.sleep(0.5)  # 模拟网络延迟,当购买过程中也会有网络延迟  #@ pay.sleep ?003
    if dic['c']:  #@ ?003
        print('第%s个人买到票了 ' % i)  #@ pay.print ?003
        dic['c'] -= 1  #@ ?003
    else:  #@ ?003
        print('第%s个人没买到票' % i)  #@ pay.print2 ?003
    with open('a.txt', 'w') as f:  #@ ?003
        json.dump(dic, f)  #@ pay.write ?003
def search():  #@ ?004,004-lock
    dic = json.load(open('db.txt'))  #@ search004.read ?004,004-lock
    print('Number of votes left%s' % dic['Count'])  #@ search004.print ?004,004-lock
#@ ?004,004-lock
#@ ?004,004-lock
def get():  #@ ?004,004-lock
    dic = json.load(open('db.txt'))  #@ get.read ?004,004-lock
    time.sleep(0.1)  # network latency for analog read data  #@ get.sleep ?004,004-lock
    if dic['Count'] > 0:  #@ ?004,004-lock
        dic['Count'] -= 1  #@ ?004,004-lock
        time.sleep(0.2)  # network latency for simulating write data  #@ get.sleep2 ?004,004-lock
        json.dump(dic, open('db.txt', 'w'))  #@ get.write ?004,004-lock
        print('Purchase ticket success')  #@ get.print ?004,004-lock
#@ ?004,004-lock
#@ ?004,004-lock
def task(lock):  #@ ?004,004-lock
    search()  #@ ?004,004-lock
    lock.acquire()  #@ task.acquire ?004-lock
    get()  #@ ?004,004-lock
    lock.release()  #@ task.release ?004-lock


if __name__ == '__main__':
    # 调用Lock()类得到一个锁对象  #@ ?lock
    mutex = Lock()  #@ ?lock
    for i in range(10):  # 模拟10个用户抢票  #@ ?unsafe,lock
        p = Process(target=run, args=(f'{i}', mutex))  #@ ?lock
        p = Process(target=run, args=(f'{i}', ))  #@ ?unsafe
        p.start()  #@ main.start ?unsafe,lock
    for i in range(10):  #@ ?002
        Process(target=buy_ticket, args=(i,)).start()  #@ main.start002 ?002
    lock = Lock()  # 创建锁  #@ ?002-lock,004,004-lock
    for i in range(10):  # 模拟10个用户抢票  #@ ?002-lock
        Process(target=buy_ticket, args=(i, lock)).start()  #@ main.start002 ?002-lock
    l = Lock()  #@ ?003
    for i in range(10):  #@ ?003
        p = Process(target=check, args=(i + 1, l))  #@ ?003
        p.start()  #@ main.start003 ?003
    for i in range(10):  # simulate concurrent 100 clients to rob a ticket  #@ ?004,004-lock
        p = Process(target=task, args=(lock,))  #@ ?004,004-lock
        p.start()  #@ main.start004 ?004,004-lock
