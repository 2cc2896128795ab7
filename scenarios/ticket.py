#@note the lesson's database is a file conc-tui shares between its processes; its ticket count is the same JSON
#@note 10 clients by default (--clients N); seed 004 rushes 100
#@note the write waits 0.2 s first (seed 004's write delay), where seed 000 writes at once
#@note the user is passed as '3', not '用户3': the tutorial's lines would read 用户用户3
# data.json文件内容为 {"ticket_num": 1}
import json
import time
from multiprocessing import Process, Lock  #@ ?lock
from multiprocessing import Process  #@ ?unsafe


def search(user):
    with open('data.json', 'r', encoding='utf-8') as f:
        dic = json.load(f)  #@ search.read
    print(f'用户{user}查看余票,还剩{dic.get("ticket_num")}...')  #@ search.print


def buy(user):
    with open('data.json', 'r', encoding='utf-8') as f:
        dic = json.load(f)  #@ buy.read
    time.sleep(0.1)  #@ buy.sleep
    if dic['ticket_num'] > 0:
        dic['ticket_num'] -= 1
        time.sleep(0.2)  #@ buy.sleep2
        with open('data.json', 'w', encoding='utf-8') as f:
            json.dump(dic, f)  #@ buy.write
        print(f'用户{user}抢票成功!')  #@ buy.print
    else:
        print(f'用户{user}抢票失败')  #@ buy.print2


def run(user, mutex):  #@ ?lock
def run(user):  #@ ?unsafe
    search(user)
    mutex.acquire()  # 加锁  #@ run.acquire ?lock
    buy(user)
    mutex.release()  # 释放锁  #@ run.release ?lock


if __name__ == '__main__':
    # 调用Lock()类得到一个锁对象  #@ ?lock
    mutex = Lock()  #@ ?lock
    for i in range(10):  # 模拟10个用户抢票
        p = Process(target=run, args=(f'{i}', mutex))  #@ ?lock
        p = Process(target=run, args=(f'{i}', ))  #@ ?unsafe
        p.start()  #@ main.start
