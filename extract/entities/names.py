"""Where a name starts, and whether a stretch of text is a name at all.

Pure functions over strings and offsets, shared by the pipeline components.
A name in these reports is a noun phrase ending in a head noun; on its left
it meets punctuation, a function word, a count, or the verbs and adverbs
that govern it ("加快推进" + name). The rules find the longest stretch that
reaches back to such a boundary and then peel the governing words off.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import COUNT_RE, HARD, QUOTE_CLOSE, QUOTE_OPEN, Lexicon

MAX_NAME = 28
MEASURES = frozenset("个家项条处所座支批名位次栋套户台类件万亿元人年月日天%")
NUMERALS = frozenset("一二三四五六七八九十百千两")


@dataclass(frozen=True, slots=True)
class Edge:
    start: int
    stripped: str  # the governing words peeled off the left, for award checks


def region_start(text: str, end: int, floor: int = 0, max_len: int = MAX_NAME) -> int:
    """Scan left from ``end`` to the nearest hard boundary.

    Quoted stretches (“…”) and short parentheticals are stepped over whole, so
    “百企建百园”工程 stays one name.
    """
    i = end
    limit = max(floor, end - max_len)
    while i > limit:
        ch = text[i - 1]
        if ch in QUOTE_CLOSE:
            j = max(text.rfind(q, max(limit, i - 26), i - 1) for q in QUOTE_OPEN)
            if j < 0:
                break
            i = j
            continue
        if ch == "）":
            j = text.rfind("（", max(limit, i - 8), i - 1)
            if j < 0 or any(c in HARD for c in text[j + 1:i - 1]):
                break
            i = j
            continue
        if ch in HARD:
            break
        if ch in MEASURES and i >= 2 and (text[i - 2].isdigit() or text[i - 2] in "两几数多"):
            break
        i -= 1
    return i


def word_at(text: str, i: int, end: int, lex: Lexicon) -> str:
    """The longest known word starting at ``i`` (empty if none)."""
    for n in range(min(lex.vocab_max, end - i), 0, -1):
        w = text[i:i + n]
        if w in lex.vocab:
            return w
    return ""


def strip_leads(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, str]:
    """Peel governing verbs, adverbs and scope words off the left of ``text[start:end]``."""
    peeled = []
    while start < end:
        w = word_at(text, start, end, lex)
        if not w or w not in lex.leads:
            break
        peeled.append(w)
        start += len(w)
    return start, "".join(peeled)


def last_cut(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Offset just after the rightmost cut word inside ``text[start:end]``, or ``start``."""
    best = start
    span = text[start:end]
    for w in lex.cuts:
        j = span.rfind(w)
        if j > 0 and start + j + len(w) > best:
            best = start + j + len(w)
    return best


def left_edge(text: str, head_start: int, lex: Lexicon, floor: int = 0) -> Edge:
    """Where the name ending in the head at ``head_start`` begins."""
    start = region_start(text, head_start, floor)
    start, peeled = strip_leads(text, start, head_start, lex)
    cut = last_cut(text, start, head_start, lex)
    if cut > start:
        peeled += text[start:cut]
        start, more = strip_leads(text, cut, head_start, lex)
        peeled += more
    return Edge(start, peeled)


def unquote(name: str) -> str:
    return "".join(ch for ch in name if ch not in "“”‘’「」『』\"'《》")


def is_generic(modifier: str, lex: Lexicon) -> bool:
    """True when ``modifier`` is nothing but generic words ("重点", "产业", "省级"…)."""
    i, n = 0, len(modifier)
    if n == 0:
        return True
    while i < n:
        for k in range(min(lex.generic_max, n - i), 0, -1):
            if modifier[i:i + k] in lex.generic:
                i += k
                break
        else:
            return False
    return True


def has_facility(modifier: str, lex: Lexicon) -> bool:
    return any(f in modifier for f in lex.facilities) or any(ch.isdigit() for ch in modifier)


def is_slogan(modifier: str) -> bool:
    """Numbered slogans and formulas name programmes: 一号, 六个一, 1+N, 四减四增."""
    return bool(modifier) and (modifier[0] in NUMERALS or "+" in modifier or any(ch.isdigit() for ch in modifier))


def acceptable(name: str, head: str, typ: str, kind: str, lex: Lexicon) -> str | None:
    """Why ``name`` is not a name of type ``typ`` (None when it is one)."""
    modifier = unquote(name[: len(name) - len(head)] if head and name.endswith(head) else name)
    if typ == "PROGRAM":
        if head.endswith("长制") and modifier:
            return None
        if len(modifier) < 2:
            return "too short"
        if is_slogan(modifier):
            return None
        if len(modifier) < 6 and is_generic(modifier, lex):
            return "generic"
        return None
    if len(modifier) < 2:
        return "too short"
    if is_generic(modifier, lex):
        return "generic"
    if kind == "works" and not has_facility(modifier, lex):
        return "works on no named facility"
    return None


def after_award(peeled: str, lex: Lexicon) -> bool:
    return any(peeled.endswith(a) for a in lex.awards)


def count_before(text: str, start: int) -> bool:
    """True when a count ("6个", "两家") stands right before ``start``."""
    m = COUNT_RE.search(text, max(0, start - 8), start)
    return bool(m and m.end() == start)
