# What CPython prints for the values test/repr.test.ts gives pyrepr and pystr:
# python3 test/python/repr.py > test/python/repr.expected.json
# (the test runs it again where python3 is on the PATH, to keep the file honest).
import json

recursive_list = [1]
recursive_list.append(recursive_list)
recursive_dict = {}
recursive_dict['self'] = recursive_dict

CASES = {
    'str': 'hello',
    'str with a single quote': "it's",
    'str with double quotes': 'say "hi"',
    'str with both quotes': 'it\'s "x"',
    'str with newline, tab, return': 'a\nb\tc\rd',
    'str with a backslash': 'C:\\temp',
    'str with an escape sequence': '\x1b[31mred',
    'str with NUL, DEL and a C1 control': '\x00\x7f\x85',
    'str in Chinese': 'hello 你好',
    'str with é composed and decomposed': '\u00e9 e\u0301',
    'str with emoji': '\u263a\ufe0f \U0001f1e8\U0001f1f3 \U0001f44d\U0001f3fd',
    'str with a joiner, soft hyphen, no-break space, line separator': 'a\u200db\u00adc\u00a0d\u2028e',
    'str with a lone surrogate': '\ud800',
    'str with a private-use character': '\ue000',
    'empty str': '',
    'int 0': 0,
    'int -7': -7,
    'int 10**16': 10**16,
    'int 10**21': 10**21,
    'float 1.0': 1.0,
    'float 0.1': 0.1,
    'float 1e-7': 1e-7,
    'float 1e16': 1e16,
    'float nan': float('nan'),
    'float inf': float('inf'),
    'float -inf': float('-inf'),
    'float -0.0': -0.0,
    'float 1.5': 1.5,
    'float 123456789.123': 123456789.123,
    'float 1e15': 1e15,
    'float 1e-4': 1e-4,
    'float 1e-5': 1e-5,
    'float 0.1 + 0.2': 0.1 + 0.2,
    'float 2.5e-10': 2.5e-10,
    'float 5e-324': 5e-324,
    'float max': 1.7976931348623157e308,
    'float -1234.5': -1234.5,
    'True': True,
    'False': False,
    'None': None,
    'empty list': [],
    'list': ['a', 1],
    'nested lists': [1, [2, ['x', None]], True],
    'list of strs that need quoting': ["it's", 'a\nb'],
    'list holding itself': recursive_list,
    'empty dict': {},
    'dict': {'a': 1, 'b': [1.5, 'c']},
    'nested dict': {'k': {'n': None}},
    'dict holding itself': recursive_dict,
    'dict with int keys': {1: 'one', 2: 'two'},
    'set': {1},
    'empty set': set(),
    'tuple': (1, 'a'),
    'tuple of one': (1,),
    'empty tuple': (),
    'tuple in a list': [('x', 1.5), None],
}

print(json.dumps({name: {'repr': repr(v), 'str': str(v)} for name, v in CASES.items()}, indent=1))
