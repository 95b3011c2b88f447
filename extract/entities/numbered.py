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
