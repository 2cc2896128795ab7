#@note seed 002 describes the traffic light in words only: this program is the lesson's own
from multiprocessing import Process, Event
import time
import random


def cars(e, i):
    if not e.is_set():
        print(f'car{i}在等待')  #@ cars.print
        e.wait()  #@ cars.wait
    print(f'car{i}通过')  #@ cars.print2


def traffic_lights(e):
    while True:
        if e.is_set():
            e.clear()  #@ traffic_lights.clear
            print('红灯亮了')  #@ traffic_lights.print
        else:
            e.set()  #@ traffic_lights.set
            print('绿灯亮了')  #@ traffic_lights.print2
        time.sleep(2)  #@ traffic_lights.sleep


if __name__ == '__main__':
    e = Event()
    traffic = Process(target=traffic_lights, args=(e,))
    traffic.daemon = True
    traffic.start()  #@ main.start
    all_cars = []
    for i in range(4):
        car = Process(target=cars, args=(e, i))
        car.start()  #@ main.start2
        all_cars.append(car)
        time.sleep(0.5 + random.random())  #@ main.sleep
    for car in all_cars:
        car.join()  #@ main.join
