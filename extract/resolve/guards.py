"""Names that look alike but name two things: never merged, whatever the scores.

- numbers: 三年行动 and 五年提升行动; 第一个五年计划 and 第二个五年计划; 十一五 and 十二五.
- lines and sections: 南水北调东线 and 南水北调中线, 西气东输 and 西气东输二线; a
  direction added to a name (南水北调东) names one part of it.
- the scope of an ordinal: 新世纪第一个五年计划 is the first plan of a new century,
  苏联第一个五年计划 another country's first; 我国第一个五年计划 is the first.
- buildings of different kinds (实验中学, 实验小学), a building on a street and the street.
- what serves an undertaking: 脱贫攻坚 and 脱贫攻坚责任制, 乡村振兴 and 乡村振兴资金.
- coordinations: 载人航天与探月工程 joins two names the corpus knows on their own;
  it is neither of them.
- places: 上海自贸试验区 and 福建自贸试验区 share their key (the place set aside) but are
  two zones; a place before one name only (淄博大学城… and 大学城…), a parent place
  before the same place (济南市平阴县… and 平阴县…), or a place with or without its rank
  (平阴县… and 平阴…), is no guard.
- a list names different things: 中国农业银行、中国农业发展银行 written side by side
  in one sentence are two banks, in every report of the corpus.
- a report that writes both names of a rename names two things: 城镇职工基本医疗保险
  and 城镇居民基本医疗保险 (the resolver checks the texts of the reports concerned).

A phase (一期, 三期) is not a guard: it is a stage of one undertaking (names.PHASE).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..entities.dictionary import is_place_chain
from ..records import DocumentResult
from .names import leading_region, normal, ordinal_scope

NUMERALS = re.compile(r"[0-9一二三四五六七八九十百千两]+")
COMPONENT = re.compile(r"[东西南北中](?:、[东西南北中])*[线段]|(?:[一二三四五六七八九十]+|\d+)号?线")
DIRECTIONS = frozenset("东西南北中")
PLACES = ("路", "大道", "街", "巷", "河", "湖", "山", "村", "镇", "社区")
SCHOOLS = ("幼儿园", "小学", "中学", "学校", "医院", "卫生院")  # inserted in a rename, another programme
BUILDINGS = ("幼儿园", "小学", "中学", "一中", "学校", "医院", "卫生院", "公园", "广场", "中心", "馆")
COORDINATORS = ("以及", "和", "与", "及", "、", "同")
LIST_GAPS = frozenset({"、", "和", "与", "及", "以及", "、以及", "或", "同"})
GAP_NOISE = frozenset("“”‘’「」『』\"'《》 \u3000")


@lru_cache(maxsize=200_000)
def numbers(name: str) -> tuple[str, ...]:
    return tuple(NUMERALS.findall(name))


def other_numbers(a: str, b: str) -> bool:
    """Both names carry numbers, and not the same ones."""
    na, nb = numbers(a), numbers(b)
    return bool(na and nb and na != nb)


@lru_cache(maxsize=200_000)
def components(name: str) -> tuple[str, ...]:
    return tuple(COMPONENT.findall(name))


def other_component(a: str, b: str) -> bool:
    """Different lines or sections (东线, 中线, 二线, 西段), or a direction added to a name."""
    if components(a) != components(b):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and len(long_) == len(short) + 1 and long_.startswith(short) and long_[-1] in DIRECTIONS


def other_scope(a: str, b: str) -> bool:
    sa, sb = ordinal_scope(a), ordinal_scope(b)
    return sa is not None and sb is not None and sa != sb


def other_kind(a: str, b: str) -> bool:
    """ "实验中学" and "实验小学": two buildings of different kinds are two things."""
    ka = next((x for x in BUILDINGS if a.endswith(x)), None)
    kb = next((x for x in BUILDINGS if b.endswith(x)), None)
    return ka is not None and kb is not None and ka != kb


def new_thing(short: str, long_: str) -> bool:
    """ "中和街" and "中和街幼儿园", "实验幼儿园" and "实验幼儿园综合楼": a place or
    a building, then a building after it, is another thing."""
    i = long_.find(short)
    rest = long_[i + len(short) :] if i >= 0 else ""
    return bool(rest) and short.endswith(PLACES + BUILDINGS) and rest.endswith(BUILDINGS + ("楼",))


# What serves an undertaking without being it: 脱贫攻坚 and 脱贫攻坚责任制 (the duty to carry it
# out), 乡村振兴 and 乡村振兴资金.
INSTRUMENTS = ("责任制", "资金", "基金", "考核", "督查", "巡视", "普查", "成果", "精神")


def instrument(short: str, long_: str) -> bool:
    """ "脱贫攻坚" and "脱贫攻坚责任制": the longer adds, after the shorter, what serves it."""
    i = long_.find(short)
    rest = long_[i + len(short) :] if i >= 0 else ""
    return bool(rest) and rest.endswith(INSTRUMENTS) and not short.endswith(INSTRUMENTS)


@lru_cache(maxsize=200_000)
def leading_places(name: str) -> str:
    """The run of place names a name opens with (上海, 济南市平阴县), longest first; "" for none."""
    for k in range(min(len(name) - 1, 10), 1, -1):
        if is_place_chain(name[:k]):
            return name[:k]
    return ""


def other_place(a: str, b: str) -> bool:
    """ "上海自贸试验区" and "福建自贸试验区": the same name after two places, neither of
    which ends the other's run (济南市平阴县 and 平阴县 are one place)."""
    la, lb = leading_places(a), leading_places(b)
    if not (la and lb) or a[len(la) :].lstrip(ADMIN) != b[len(lb) :].lstrip(ADMIN):
        return False  # only names told apart by nothing but their places (滨河公园 is a place too)
    pa, pb = _bare_places(la), _bare_places(lb)
    return not pa.endswith(pb) and not pb.endswith(pa)


ADMIN = "省市县区镇乡"


def _bare_places(places: str) -> str:
    """A run of places without the characters of their ranks (济南市平阴县 → 济南平阴), the
    country in one form: 平阴县 and 平阴, 济南市高新区 and 济南高新区 name one place."""
    places = _one_country(places)
    return "".join(ch for ch in places if ch not in ADMIN) or places


COUNTRY = ("中华人民共和国", "中国")  # one country, written in full or short


def _one_country(places: str) -> str:
    return "中国" + places[len(COUNTRY[0]) :] if places.startswith(COUNTRY[0]) else places


def other_region(a: str, b: str) -> bool:
    """ "中西部地区开发" and "西部地区开发": strategies of two regions, one inside the other's name."""
    ra, rb = leading_region(a), leading_region(b)
    return bool(ra and rb and ra != rb)


def apart(a: str, b: str) -> bool:
    """Any guard between two names (as ``names.key`` gives them)."""
    return other_numbers(a, b) or other_component(a, b) or other_scope(a, b) or other_kind(a, b) or other_region(a, b)


def is_coordination(name: str, known: frozenset[str]) -> bool:
    """True when ``name`` joins two names ``known`` elsewhere in the corpus with 和, 与, 、 …
    (长江三峡和黄河小浪底…工程: 三峡 and 黄河小浪底 are known names)."""
    if not any(c in name for c in COORDINATORS):
        return False  # most names hold no coordinator
    for i in range(2, len(name) - 2):
        for c in COORDINATORS:
            if name.startswith(c, i):
                left, right = name[:i], name[i + len(c) :]
                if any(left[k:] in known for k in range(len(left) - 1)) and any(
                    right[:k] in known for k in range(2, len(right) + 1)
                ):
                    return True
    return False


def listed_together(results: Iterable[DocumentResult]) -> set[frozenset[str]]:
    """Pairs of names (``normal``) that some report writes side by side in one list
    (A、B; A和B): a report lists different things."""
    out: set[frozenset[str]] = set()
    for r in results:
        text = r.document.text
        mentions = sorted((m for e in r.entities for m in e.mentions), key=lambda m: (m.start, m.end))
        for m1, m2 in zip(mentions, mentions[1:]):
            if m2.start < m1.end or m1.sentence_start != m2.sentence_start:
                continue
            gap = "".join(ch for ch in text[m1.end : m2.start] if ch not in GAP_NOISE)
            a, b = normal(m1.text), normal(m2.text)
            if gap in LIST_GAPS and a != b:
                out.add(frozenset((a, b)))
    return out
