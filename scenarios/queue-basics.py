#@note ?caught queue.Full and queue.Empty are caught (try/except), so the program runs to its end
#@note ?as-written as the tutorial writes it: put_nowait(6) on a full queue raises queue.Full, and the program stops there
import queue  #@ ?caught
from multiprocessing import Queue

# 调用队列类,实例化队列对象
q = Queue(5)  # 队列中存放5个数据
# put添加数据,若队列里的数据满了就会卡住
q.put(1)  #@ main.put1
print('进入数据1')  #@ main.print1
q.put(2)  #@ main.put2
print('进入数据2')  #@ main.print2
q.put(3)  #@ main.put3
print('进入数据3')  #@ main.print3
q.put(4)  #@ main.put4
print('进入数据4')  #@ main.print4
q.put(5)  #@ main.put5
print('进入数据5')  #@ main.print5
# 查看队列是否满了
print(q.full())  #@ main.print_full
# 添加数据, 若队列满了也会报错
q.put_nowait(6)  #@ main.put_nowait ?as-written
try:  #@ ?caught
    q.put_nowait(6)  #@ main.put_nowait2 ?caught
except queue.Full:  #@ ?caught
    print('queue.Full')  #@ main.full ?caught
# q.get() 获取的数据遵循先进先出
print(q.get())  #@ main.get1
print(q.get())  #@ main.get2
print(q.get())  #@ main.get3
print(q.get())  #@ main.get4
print(q.get())  #@ main.get5
# print(q.get())
print(q.get_nowait())  # 获取队列数据, 队列中没有就会报错  #@ main.get_nowait ?as-written
try:  #@ ?caught
    print(q.get_nowait())  # 获取队列数据, 队列中没有就会报错  #@ main.get_nowait ?caught
except queue.Empty:  #@ ?caught
    print('queue.Empty')  #@ main.empty ?caught
# 判断队列是否为空
print(q.empty())  #@ main.print_empty
q.put(6)  #@ main.put6
print('进入数据6')  #@ main.print6
