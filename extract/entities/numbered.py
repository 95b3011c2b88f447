"""Short forms that abbreviate a coordination, item by item.

A slogan of parallel items is known by a short form built from the items, not
from the characters of one name: 放管服 takes one character of each of
简政放权、放管结合、优化服务; 一带一路 counts the items by the character they end
in (丝绸之路经济带 → 一带, 21世纪海上丝绸之路 → 一路); 三去一降一补 counts them by
the one they open with (去产能、去库存、去杠杆 → 三去, 降成本 → 一降, 补短板 → 一补).
Counted forms are taken from four items or more only: two or three items opening or
ending alike are everyday lists (沿江产业带、环城公路 is no 一带一路).
A report introduces the long coordination, later ones write the short form:
these functions tell whether a short form abbreviates a coordination, for the
gazetteer (which proposes the coordination as one name where the corpus knows
its short form) and the resolver (which then merges the two, saying why).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import product

NUMERALS = "一二三四五六七八九十"
COUNTS = NUMERALS + "两"
SEPARATORS = "、"
PAIRS = "和与及"  # two items joined by a word, not a comma
MAX_ITEMS = 6
MAX_ITEM = 12
MIN_PER_ITEM, MAX_PER_ITEM = 3, 4  # parallel items of one character each: 去产能, 简政放权 (偷税 is a word)
MAX_PER_ITEMS = 4  # and no more of them than this
QUOTES = "“”‘’\"'"
MIN_COUNTED_ITEMS = 4  # fewer items counted alike are everyday lists (沿江产业带、环城公路 is no 一带一路)


def items_of(name: str) -> list[str]:
    """The items of a coordination (2 to MAX_ITEMS of 2 to MAX_ITEM characters), or []."""
    bare = "".join(ch for ch in name if ch not in QUOTES)
    parts = bare.split(SEPARATORS) if SEPARATORS in bare else _pair(bare)
    if not 2 <= len(parts) <= MAX_ITEMS or any(not 2 <= len(p) <= MAX_ITEM for p in parts):
        return []
    return parts


def _pair(bare: str) -> list[str]:
    """ "丝绸之路经济带和21世纪海上丝绸之路": two items joined by one word."""
    cuts = [i for i, ch in enumerate(bare) if ch in PAIRS]
    if len(cuts) != 1:
        return []
    return [bare[: cuts[0]], bare[cuts[0] + 1 :]]


def numbered_forms(items: list[str]) -> set[str]:
    """The counted short forms of ``items``: by the character each opens with, and by
    the one each ends in (consecutive items sharing it counted together)."""
    return counted([item[0] for item in items]) | counted([item[-1] for item in items])


def counted(chars: list[str]) -> set[str]:
    """The counted forms of one side's characters: 去去去降补 → 三去一降一补 (two is 二 or 两)."""
    runs: list[list] = []
    for ch in chars:
        if runs and runs[-1][0] == ch:
            runs[-1][1] += 1
        else:
            runs.append([ch, 1])
    if any(n > len(NUMERALS) for _, n in runs) or any(ch in COUNTS for ch, _ in runs):
        return set()
    out = {"".join(NUMERALS[n - 1] + ch for ch, n in runs)}
    if any(n == 2 for _, n in runs):  # two is 两 as often as 二: 两学一做
        out.add("".join(("两" if n == 2 else NUMERALS[n - 1]) + ch for ch, n in runs))
    return out


def per_item(short: str, items: list[str]) -> bool:
    """One character of each parallel item, in order: 放管服 of 简政放权、放管结合、优化服务."""
    if len(short) != len(items) or not 3 <= len(items) <= MAX_PER_ITEMS:
        return False
    if len({len(i) for i in items}) != 1 or not MIN_PER_ITEM <= len(items[0]) <= MAX_PER_ITEM:
        return False  # parallel items of one length only: a list of names is no slogan
    return all(ch in item for ch, item in zip(short, items))


def abbreviates(short: str, long_: str) -> bool:
    """Whether ``short`` abbreviates the coordination ``long_`` (quotes aside)."""
    items = items_of(long_)
    if not items:
        return False
    bare = "".join(ch for ch in short if ch not in QUOTES)
    return (len(items) >= MIN_COUNTED_ITEMS and bare in numbered_forms(items)) or per_item(bare, items)


def short_forms(items: list[str]) -> set[str]:
    """Every short form ``abbreviates`` accepts for ``items`` (at most 4**4 per-item forms):
    what the gazetteer looks up among the names it knows."""
    out = numbered_forms(items) if len(items) >= MIN_COUNTED_ITEMS else set()
    if (
        3 <= len(items) <= MAX_PER_ITEMS
        and len({len(i) for i in items}) == 1
        and MIN_PER_ITEM <= len(items[0]) <= MAX_PER_ITEM
    ):
        out |= {"".join(p) for p in product(*items)}
    return out


# -- finding them in a report's text (the gazetteer's second pass)

# heads of programmes, found with a name or left out of it (营改增 and 营改增试点); a short form's
# head is written after its coordination too (放管服改革)
PROGRAMME_HEADS = ("试点", "制度", "工程", "改革", "计划", "战略", "行动", "规划", "政策")
# a counted form: numerals and the characters they count, in turn (一带一路, 三去一降一补, 两学一做)
COUNTED_RE = re.compile(r"^(?:[一二三四五六七八九十两][^一二三四五六七八九十两]){2,}$")
# a stretch holding a coordination: items between 、 (or joined by one 和/与/及), no other punctuation
COORDINATION_RE = re.compile(r"[^，。；：！？\n（）()“”]{5,80}")


def counted_chars(shorts) -> frozenset[str]:
    """The characters the known counted forms count (带 and 路 of 一带一路): a list none of
    whose items opens or ends with one of them is counted by none."""
    return frozenset(ch for stem in shorts if COUNTED_RE.match(stem) for ch in stem[1::2])


def coordinations(
    text: str, shorts: dict[str, str], counted: frozenset[str], start_of: Callable[[int, int], int]
) -> list[tuple[int, int, str]]:
    """(start, end, known form) of every coordination in ``text`` that a known short form
    (``shorts``: short form → the programme's form) abbreviates; ``start_of(a, b)`` is where
    a name starts in the clause ``text[a:b]`` once its governing words are peeled."""
    out = []
    for m in COORDINATION_RE.finditer(text):
        a, b = m.span()
        if not _may_abbreviate(m.group(0), counted):
            continue  # most clauses: no coordination, or none a known short form could count
        start = start_of(a, b)
        hit = _abbreviating(text[start:b], shorts, counted)
        if hit is None:
            continue
        end, form = hit
        if _short_written(text, form):
            continue  # a report writing the short form names the programme so: its lists are other things
        out.append((start, start + end, form))
    return out


def _may_abbreviate(clause: str, counted_chars: frozenset[str]) -> bool:
    """A cheap test before the governing words are peeled: a coordination whose items a
    known counted form could count, or parallel items one character each could abbreviate."""
    if "、" not in clause:
        return False  # (a pair joined by 和 abbreviates nothing: two items are too few)
    parts = clause.split("、")
    middle = parts[1:-1]
    if len(parts) > MAX_ITEMS or len(parts[0]) < 2 or len(parts[-1]) < 2:
        return False
    if any(not 2 <= len(p) <= MAX_ITEM for p in middle):
        return False
    lengths = {len(p) for p in middle}
    if 3 <= len(parts) <= MAX_PER_ITEMS and len(lengths) == 1 and MIN_PER_ITEM <= min(lengths) <= MAX_PER_ITEM:
        return True  # parallel items: a form of one character each may name them
    if len(parts) < MIN_COUNTED_ITEMS:
        return False
    lasts = all(p[-1] in counted_chars for p in parts[:-1])
    firsts = all(p[0] in counted_chars for p in middle) and any(ch in counted_chars for ch in parts[0])
    return lasts or firsts


def _abbreviating(stretch: str, shorts: dict[str, str], counted_chars: frozenset[str]) -> tuple[int, str] | None:
    """The end of the longest coordination opening ``stretch`` whose short form is known,
    and that form. The separators fix every item but the last, whose end is sought: the
    counted forms of the fixed items are built once, and one character is added per end.

    Two shapes only, each narrow, since a county report's lists are full of items that
    open or end alike (沿江产业带、环城公路 is no 一带一路): a counted form of four items or
    more (三去一降一补), and one character of each of three or four parallel items
    followed by the head the short form has (简政放权、放管结合、优化服务改革 of 放管服改革)."""
    if "、" not in stretch:
        return None
    parts = stretch.split("、")
    fixed, rest = parts[:-1], parts[-1]
    if len(parts) > MAX_ITEMS or any(not 2 <= len(p) <= MAX_ITEM for p in fixed):
        return None
    last = len(stretch) - len(rest)
    firsts, lasts = [p[0] for p in fixed], [p[-1] for p in fixed]
    counting = len(parts) >= MIN_COUNTED_ITEMS
    # a counted form of the known ones needs each item's character among theirs: most lists have none
    by_first, by_last = counting and set(firsts) <= counted_chars, counting and set(lasts) <= counted_chars
    lengths = {len(p) for p in fixed}
    parallel = next(iter(lengths)) if len(lengths) == 1 and len(parts) >= 3 else 0
    if not (by_first or by_last or parallel):
        return None
    stop = rest.find("等")
    limit = last + stop if stop > 0 else min(len(stretch), last + MAX_ITEM + 3)  # 等 ends the list
    for end in range(limit, last + 1, -1):
        name = stretch[last:end]
        for head in ("", *(h for h in PROGRAMME_HEADS if name.endswith(h))):
            item = name[: len(name) - len(head)]
            if not 2 <= len(item) <= MAX_ITEM:
                continue
            forms = set()
            if by_first and item[0] in counted_chars:
                forms |= counted([*firsts, item[0]])
            if by_last and item[-1] in counted_chars:
                forms |= counted([*lasts, item[-1]])
            for short in sorted(forms):
                form = shorts.get(short)
                if form is not None:
                    return end, form
            if parallel and len(item) == parallel and head:
                for short in sorted(short_forms([*fixed, item])):
                    form = shorts.get(short)
                    if form is not None and form.endswith(head):  # 放管服改革 named at length with its 改革
                        return end, form
    return None


def _short_written(text: str, form: str) -> bool:
    """Whether ``text`` writes the short form ``form`` (its stem, a programme's head aside):
    "把“一带一路”建成和平友谊纽带、共同繁荣之路" says what it is made, not its long form."""
    stem = next((form[: -len(h)] for h in PROGRAMME_HEADS if form.endswith(h) and len(form) > len(h) + 2), form)
    return stem in text
