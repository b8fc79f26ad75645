#!/usr/bin/env python3
"""Module docstring: cloc counts docstrings as comments.

It spans lines.
"""

import os  # a trailing comment makes no difference: the line is code


def f(path):
    '''A one-line docstring.'''
    text = "a # inside a string"
    quote = '"""'  # a triple quote inside a string opens nothing
    return os.path.join(path, text, quote)

# a full-line comment
