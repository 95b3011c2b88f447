"""Common words and place names, from the dictionary that ships with jieba.

A name without a head noun (a list item, a firm's short form, a partner) is
only a name if it is not an everyday word: "商业", "证券", "体育" and "香港"
are words; "鲁铭高温", "大染坊", "万梦众创" are not (or barely). jieba's
dictionary (word, corpus frequency, part of speech) draws that line for any
report, where a hand-made list would only cover the words we happened to see.
It is read once, lazily, from the installed jieba package; nothing is
downloaded and nothing of it is copied into the project.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

COMMON_FREQ = 200  # a word this frequent in jieba's corpus is everyday vocabulary
MAX_LEN = 6
# Person names, organisation and other proper names: not "common" whatever their frequency.
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "nt"})
PLACE_TAGS = frozenset({"ns"})


@dataclass(frozen=True)
class Dictionary:
    common: frozenset[str]
    places: frozenset[str]


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    try:
        import jieba
    except ImportError:  # declared as a dependency; an empty dictionary only loosens the filters
        return Dictionary(frozenset(), frozenset())
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    common, places = set(), set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split(" ", 2)
            if len(word) > MAX_LEN:
                continue
            tag = tag.strip()
            if tag in PLACE_TAGS:
                places.add(word)
            elif tag not in PROPER_TAGS and int(freq) >= COMMON_FREQ:
                common.add(word)
    return Dictionary(frozenset(common), frozenset(places))


def is_word(text: str) -> bool:
    """True for an everyday word or a place name: not a name of its own."""
    d = dictionary()
    return text in d.common or text in d.places


def all_common(text: str) -> bool:
    """True when ``text`` splits, longest word first, into everyday words only
    ("高标准农田", "社会事业"): a sector or a kind of thing, not one thing."""
    common = dictionary().common
    i, n = 0, len(text)
    if n < 2:
        return False
    while i < n:
        for k in range(min(MAX_LEN, n - i), 1, -1):
            if text[i:i + k] in common:
                i += k
                break
        else:
            return False
    return True
