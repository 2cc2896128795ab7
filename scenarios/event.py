from multiprocessing import Event

e = Event()  # 创建一个事件的对象
print(e.is_set())  # 在事件的创世之初,状态为False  #@ main.print
e.wait()  #@ main.wait
print('1')
