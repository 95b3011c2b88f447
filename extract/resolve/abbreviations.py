"""Short forms that are not inside their long form: 营改增 for 营业税改征增值税.

Chinese abbreviates by keeping the first character of each word of the long
form: 营(业税)改(征)增(值税). Two ways of finding such pairs, neither a list
of names:

- a definition in the text: a name followed by （简称“…”）, （以下简称…）, （…）,
  or ，简称…, where the bracketed form keeps characters of the name in order;
- the shape alone: every character of the short form opens a word of the long
  one (jieba's dictionary splits it into words), in order, the first the
  first, with at most one word of the long form left unabbreviated. The
  resolver adds the corpus's evidence: the long form is in use no later than
  the short one (a report introduces the long form, later ones abbreviate it).

Numbered abbreviations (一带一路, 三去一降一补) count items of a coordination
rather than keep characters, and 放管服 takes one character of each item of
简政放权、放管结合、优化服务: those are ``extract.entities.numbered``'s, whose
coordinations the gazetteer proposes as one name where the corpus knows the
short form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..entities.dictionary import longest_word
from ..records import DocumentResult
from .names import distinctive, normal

MIN_SHORT, MAX_SHORT = 3, 6
_FORM = r"[“\"‘]?([^（）()“”\"‘’，。；、：\s]{2,10})[”\"’]?"
DEFINITION = re.compile(rf"[（(](?:以下)?(?:简称|称)?{_FORM}[）)]|，?(?:以下)?简称{_FORM}")


@lru_cache(maxsize=100_000)
def words(text: str) -> tuple[str, ...]:
    """``text`` split longest dictionary word first; a character no word covers stands alone."""
    out, i = [], 0
    while i < len(text):
        w = longest_word(text, i, len(text)) or text[i]
        out.append(w)
        i += len(w)
    return tuple(out)


def subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(ch in it for ch in short)


def abbreviation_score(short: str, long_: str) -> float:
    """How well ``short`` abbreviates ``long_`` by its words' first characters
    (1.0: one character for every word); 0.0 when it does not."""
    if (
        not (MIN_SHORT <= len(short) <= MAX_SHORT)
        or len(long_) < len(short) + 2
        or short in long_
        or not distinctive(short)
    ):
        return 0.0
    ws = words(long_)
    if not len(short) <= len(ws) <= len(short) + 1 or ws[0][0] != short[0]:
        return 0.0
    j = 0
    for ch in short:
        while j < len(ws) and ws[j][0] != ch:
            j += 1
        if j == len(ws):
            return 0.0
        j += 1
    return 1.0 - 0.5 * (len(ws) - len(short)) / len(ws)


def definitions(results: Iterable[DocumentResult]) -> set[tuple[str, str]]:
    """(long, short) pairs, ``normal`` names, that a report defines: a mention
    followed by a bracketed or 简称 form keeping its characters in order."""
    out = set()
    for r in results:
        text = r.document.folded or r.document.text
        for e in r.entities:
            for m in e.mentions:
                d = DEFINITION.match(text, m.end)
                if not d:
                    continue
                long_, short = normal(m.text), normal(d.group(1) or d.group(2))
                if len(short) < len(long_) and short != long_ and subsequence(short, long_):
                    out.add((long_, short))
    return out
