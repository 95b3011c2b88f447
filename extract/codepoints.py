"""A text as an array of its code points, for the passes of loading that look at every character.

A pass of a pattern over a whole report, or a step per character in Python, costs far more than
the same test over an array of code points (numpy, spaCy's own): the loader folds, maps and
counts characters this way, the segmenter finds sentence ends. numpy is imported when the first
report is read, as spaCy would be soon after.
"""

from __future__ import annotations

from functools import cache


@cache
def np():
    import numpy

    return numpy


def codes(text: str):
    """The code points of ``text``, one 32-bit number each (a lone surrogate, a reader's slip, is
    one too)."""
    return np().frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np().uint32)


def text_of(points) -> str:
    """The text of an array of code points (``codes`` undone)."""
    return points.astype(np().uint32, copy=False).tobytes().decode("utf-32-le", "surrogatepass")
