# A Manager's dict and list, shared by processes (tutorial 001, 方式三).
import multiprocessing


def fill(d, l, me):
    d[me] = me * 10
    d['count'] = d.get('count', 0) + 1 if False else d.setdefault('seen', me)
    l.append(me)


if __name__ == '__main__':
    with multiprocessing.Manager() as m:
        d = m.dict({'name': 'tickets'})
        l = m.list([0])
        ps = [multiprocessing.Process(target=fill, args=(d, l, i)) for i in (1, 2)]
        for p in ps:
            p.start()
            p.join()
        print(d)
        print(l)
        print(len(d), len(l), d[1], l[-1], 'name' in d, d.get('missing', 'none'))
        try:
            d['missing']
        except KeyError as e:
            print('KeyError', e)
        l.remove(0)
        print(l.pop(), l[:], sorted(d.keys(), key=str))
        del d['name']
        print(dict(d))
