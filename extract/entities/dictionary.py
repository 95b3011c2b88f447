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
NOUN_TAGS = frozenset({"n", "nz", "nt", "nr", "b"})  # nouns, other proper names, organisations, attributives (高等级)


VERB_TAGS = frozenset({"v"})  # verbs only: adverbs and conjunctions sit inside names too (长期护理)
VERB_FREQ = 1000  # frequent enough to be a governing word, not part of a name (节能 274, 突发 892)
ADVERBIAL_TAGS = frozenset({"i", "l", "d", "ad", "a", "v", "vd"})  # what turns into an adverb with 地


@dataclass(frozen=True)
class Dictionary:
    common: frozenset[str]
    places: frozenset[str]
    verbs: frozenset[str]  # frequent verbs: they open a predicate
    verbal: frozenset[str]  # every verb and verbal noun: a verb followed by one is a compound (收入分配)
    adverbials: frozenset[str]  # idioms and adverbs that take 地 (坚定不移地, 有步骤地)
    words: frozenset[str]  # every word: the longest one at a position is the word there
    nouns: frozenset[str]
    openings: dict[str, int]  # first two characters → the longest word they open


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    try:
        import jieba
    except ImportError:  # declared as a dependency; an empty dictionary only loosens the filters
        return Dictionary(*(frozenset(),) * 7, {})
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    common, places, verbs, verbal, adverbials, words, nouns = set(), set(), set(), set(), set(), set(), set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split(" ", 2)
            if len(word) > MAX_LEN:
                continue
            tag, n = tag.strip(), int(freq)
            words.add(word)
            if tag in PLACE_TAGS:
                places.add(word)
            elif tag not in PROPER_TAGS and n >= COMMON_FREQ:
                common.add(word)
            if tag in VERB_TAGS and n >= VERB_FREQ and len(word) >= 2:
                verbs.add(word)
            if tag in ("v", "vn"):
                verbal.add(word)
            if tag in ADVERBIAL_TAGS and len(word) >= 2:
                adverbials.add(word)
            if tag in NOUN_TAGS:
                nouns.add(word)
    return Dictionary(
        frozenset(common),
        frozenset(places),
        frozenset(verbs),
        frozenset(verbal),
        frozenset(adverbials),
        frozenset(words),
        frozenset(nouns),
        _openings(words),
    )


def is_word(text: str) -> bool:
    """True for an everyday word or a place name: not a name of its own."""
    d = dictionary()
    return text in d.common or text in d.places


def is_common(text: str) -> bool:
    """True for an everyday word (a place name is not one: 兰州银行 is a bank, 商业银行 a kind)."""
    return text in dictionary().common


def is_place_chain(text: str) -> bool:
    """True when ``text`` is nothing but place names jieba knows, longest first
    ("北京朝阳", "长春"): the front of an administrative unit's name."""
    places = dictionary().places
    i, n = 0, len(text)
    if n < 2:
        return False
    while i < n:
        for k in range(min(MAX_LEN, n - i), 1, -1):
            if text[i : i + k] in places:
                i += k
                break
        else:
            return False
    return True


def all_common(text: str) -> bool:
    """True when ``text`` splits, longest word first, into everyday words only
    ("高标准农田", "社会事业"): a sector or a kind of thing, not one thing."""
    common = dictionary().common
    i, n = 0, len(text)
    if n < 2:
        return False
    while i < n:
        for k in range(min(MAX_LEN, n - i), 1, -1):
            if text[i : i + k] in common:
                i += k
                break
        else:
            return False
    return True


def leading_verb(text: str, start: int, end: int) -> int:
    """Length of a governing word jieba knows at ``text[start:]`` (0 if none):
    the longest dictionary word there, when it is a frequent verb followed by
    something other than a verb (降低物流成本 yes, 收入分配 no: a compound), or an
    idiom turned adverb by 地 (坚定不移地, 有步骤地), 地 included. The longest
    word decides: 过渡期 is not 过渡 + 期."""
    d = dictionary()
    w = _longest(text, start, end, d)
    if not w:
        return 0
    k = len(w)
    if start + k < end and text[start + k] == "地" and w in d.adverbials:
        return k + 1
    if w in d.verbs and _longest(text, start + k, end, d) not in d.verbal:
        return k + 1 if text.startswith(("好", "了"), start + k) else k  # 安排好, 完成了
    return 0


def _longest(text: str, start: int, end: int, d: Dictionary) -> str:
    # the first two characters tell how long a word opening here can be (most open none)
    for k in range(min(d.openings.get(text[start : start + 2], 0), end - start), 1, -1):
        if text[start : start + k] in d.words:
            return text[start : start + k]
    return ""


def _openings(words) -> dict[str, int]:
    """The first two characters of the words of two or more, each with the longest word they open."""
    out: dict[str, int] = {}
    for w in words:
        if len(w) >= 2:
            out[w[:2]] = max(out.get(w[:2], 0), len(w))
    return out


def longest_word(text: str, start: int, end: int) -> str:
    """The longest word of the dictionary at ``text[start:]`` (two characters or more; empty if none)."""
    return _longest(text, start, end, dictionary())


def is_adverbial(word: str) -> bool:
    """An idiom, adjective or adverb that takes 地 to modify a verb (积极稳妥, 有步骤)."""
    return word in dictionary().adverbials


def is_verb(text: str) -> bool:
    """A frequent verb of jieba's dictionary (新建, 恢复, 进入)."""
    return text in dictionary().verbs


def is_verb_any(text: str) -> bool:
    """A verb of jieba's dictionary, however rare (壮大, 做强): after an adverb, it opens a predicate."""
    return len(text) >= 2 and text in dictionary().verbal and text not in dictionary().nouns


def is_verbal(text: str) -> bool:
    """A verb or verbal noun of jieba's dictionary (招引, 投资)."""
    return text in dictionary().verbal


def is_name_word(text: str) -> bool:
    """A noun, place or other proper name of jieba's dictionary (那曲, 高等级, 呼和浩特)."""
    d = dictionary()
    return text in d.nouns or text in d.places


def is_noun(text: str) -> bool:
    """A noun of jieba's dictionary (不锈钢, 地区)."""
    return text in dictionary().nouns


def is_place_name(text: str) -> bool:
    """A country, province or city jieba's dictionary tags as a place (美国, 缅甸)."""
    return text in dictionary().places
