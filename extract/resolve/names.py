"""What of a name may change while the thing stays the same.

Reports write one name many ways over the years: with or without quotes
(“营改增”), a legal suffix (公司, 有限公司), the area's own name or a place in
front (周村区…, 长江三峡工程), a head noun behind (工程, 项目, 战略, 试点), a phase
(三峡三期工程). ``key`` sets all of these aside; two names with one key are
*variants* of one name. What stays in the key is what tells things apart:
numbers and ordinals (第一个, 十一五), lines and sections (东线, 二线), and every
word of the name proper.

Whatever is peeled, at least two characters that are not everyday words must
remain (``distinctive``): "能源中心" is a kind of thing, not one thing, so
周村区能源中心 and 王村镇能源中心 keep their places.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..entities.dictionary import all_common, dictionary, is_place_name, longest_word
from ..entities.lexicon import WORKS
from ..load import fold

QUOTES = frozenset("“”‘’「」『』\"'《》〈〉")
ADMIN_CHARS = "省市区县镇乡"
# "我国", "全省", "本市": the report speaking of its own area.
SELF_REF = re.compile(r"^[我全本][国省市区县镇乡州盟旗]")
# A country's short name, which a national report writes in front of its own things.
SHORT_NAMES = {"中华人民共和国": ("中国",)}
LEGAL_SUFFIXES = (
    "集团股份有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "集团公司",
    "股份公司",
    "公司",
    "集团",
)
# Head nouns that say what kind of undertaking a name is, without naming another one:
# 南水北调 and 南水北调工程, 西部大开发 and 西部大开发战略, 营改增 and 营改增试点,
# 新型农村社会养老保险试点 and 新型农村社会养老保险制度.
HEADS = (
    "规划纲要",
    "建设工程",
    "工程建设",
    "行动计划",
    "专项行动",
    "工程",
    "项目",
    "建设",
    "战略",
    "试点",
    "改革",
    "行动",
    "计划",
    "规划",
    "制度",
    "纲要",
)
# WORKS (lexicon): class nouns of large works, written or left out before 工程: 三峡水利枢纽工程 is 三峡工程.
# A campaign written as a battle or not: 脱贫攻坚战 and 脱贫攻坚 (工程) are one undertaking.
CAMPAIGN = "攻坚战"
# A phase is the stage a report's year has reached, not another thing: 三峡三期工程.
PHASE = re.compile(r"(?:首|[一二三四五六七八九十]+|\d+)期$")
ORDINAL = re.compile(r"第(?:[一二三四五六七八九十百]+|\d+)个?")
# 第十一个五年规划 is the 十一五规划: the plan counted in words is the plan counted short.
FIVE_YEAR = re.compile(r"^第([一二三四五六七八九十]+)个五年$")
PLAN_PERIOD = re.compile(r"^(?:十[一二三四五六七八九]?|[一二三四五六七八九])五$")
TIME_SCOPES = ("世纪", "时期", "时代", "年代", "阶段")
# Connectors after which a "place" is the start of a route (北京至上海…), not a prefix.
ROUTE = tuple("至到—－-~、和与及")


_NO_QUOTES = {ord(ch): None for ch in QUOTES}


def without_quotes(text: str) -> str:
    """``text`` with the characters of QUOTES left out (one translation, not a pass per character)."""
    return text.translate(_NO_QUOTES)


def normal(name: str) -> str:
    """The name as compared: simplified, half-width, no quotes, no spaces, one dash."""
    return _normal(name) if len(name) <= 64 else _plain(name)


@lru_cache(maxsize=500_000)
def _normal(name: str) -> str:
    return _plain(name)


def _plain(text: str) -> str:
    return plain_text(fold(text))


def plain_text(folded: str) -> str:
    """A report's folded text as names are compared with it: no quotes or spaces,
    full-width letters and digits made half-width (what ``normal`` does to a name,
    in one pass over the text)."""
    if len(folded) < _PLAIN_BY_REPLACE:
        return folded.translate(_PLAIN)
    # A long text: str.replace for each character of _PLAIN the text holds (a few) is faster than a
    # translation looking up every character. What a replacement writes is ASCII, so the ASCII
    # characters are replaced first: nothing written is replaced again, as in one translation.
    for ch, out in _PLAIN_STEPS:
        if ch in folded:
            folded = folded.replace(ch, out)
    return folded


_PLAIN = (
    {ord(ch): None for ch in QUOTES}
    | {c: None for c in (9, 10, 11, 12, 13, 32, 0x3000, 0xA0)}
    | {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    | {c: ord("-") for c in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212)}  # 中国—东盟, 中国-东盟: one dash
)
_PLAIN_STEPS = tuple(
    (chr(c), "" if out is None else chr(out)) for c, out in sorted(_PLAIN.items(), key=lambda kv: (kv[0] > 0x7F, kv[0]))
)
_PLAIN_BY_REPLACE = 2000  # characters from which plain_text replaces rather than translates


def area_forms(area: str | None) -> tuple[str, ...]:
    """The ways a report names its own area in front of a name: 周村区, 周村."""
    if not area:
        return ()
    area = normal(area)
    forms = {area, *SHORT_NAMES.get(area, ())}
    if len(area) > 2 and area[-1] in ADMIN_CHARS:
        forms.add(area[:-1])
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=200_000)
def distinctive(text: str) -> bool:
    """At least two characters outside everyday words of two or more characters
    (三峡, 营改增, 鲁铭高温, 大学城…, 雄安新区): a name of one thing. 能源中心,
    农业银行, 资本主义化 are words of a kind. The text is read longest dictionary
    word first."""
    common = dictionary().common
    i, n, own = 0, len(text), 0
    while i < n:
        w = longest_word(text, i, n) or text[i]
        if len(w) == 1 or w not in common:
            own += len(w)
        i += len(w)
    return own >= 2


TOWN = re.compile(r"^([\u4e00-\u9fff]{2})[镇乡](?=[\u4e00-\u9fff]{2})")


def strip_self(name: str, areas: tuple[str, ...]) -> str:
    """The name without the report's own area or a self-reference in front;
    a town written with or without 镇 is one town (王村镇能源中心, 王村能源中心)."""
    m = TOWN.match(name)
    d = dictionary()
    if m and name[:3] not in d.words and m.group(1) not in d.common:
        name = m.group(1) + name[3:]  # not 小城镇…, 重点镇…: words, not a town
    m = SELF_REF.match(name)
    if m and len(name) - m.end() >= 2:
        return name[m.end() :]
    for a in areas:
        rest = name[len(a) :]
        if name.startswith(a) and (len(rest) >= 3 or distinctive(rest)):
            return rest
    if len(name) > 3 and name[0] in "区市县" and name[1] not in ADMIN_CHARS:
        return name[1:]  # "区实验中学": the district's own
    return name


def strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for s in suffixes:
        if name.endswith(s) and len(name) >= len(s) + 2:
            return name[: -len(s)]
    return name


def strategy(name: str) -> str:
    """The name of a strategy without its head (乡村振兴战略 → 乡村振兴): the same
    strategy, also where the words are everyday ones and the key tells nothing."""
    return strip_suffix(name, ("战略",))


def strip_tail(name: str) -> str:
    """Legal suffix, head nouns, phase and class noun of works, as often as they come."""
    prev = None
    while prev != name:
        prev = name
        name = strip_suffix(name, LEGAL_SUFFIXES)
        name = strip_suffix(name, HEADS)
        m = PHASE.search(name)
        if m and m.start() >= 2:
            name = name[: m.start()]
        name = strip_suffix(name, WORKS)
        if name.endswith(CAMPAIGN) and len(name) > len(CAMPAIGN) + 1:
            name = name[:-1]  # 脱贫攻坚战 is the 脱贫攻坚 campaign
    return name


def place_prefix(name: str, headed: bool = False) -> int:
    """Length of a place name in front (长江, 淄博, 山东省: jieba's dictionary tags
    them) that leaves a name of its own behind it; 0 when there is none.

    What is left must open with a name the dictionary does not know (淄博|鸿铭高温)
    or with a place (上海|浦东新区), and be more than that one word, unless a head
    noun was set aside behind it (长江三峡工程 → 三峡); never a bare 新区."""
    for k in range(2, min(len(name) - 2, 6) + 1):  # the shortest place first: strip the least
        if not is_place_name(name[:k]):
            continue
        end = k + 1 if name[k] in ADMIN_CHARS + "村" else k  # 东岭 + 镇: the place is 东岭镇
        rest = name[end:]
        if rest.startswith(ROUTE) or not distinctive(rest):
            continue
        first = longest_word(rest, 0, len(rest))
        if first and not is_place_name(first):
            continue  # 南岭|调水…, 青溪|干流…: the place is the name's own
        if first != rest or headed:
            return end
    return 0


@lru_cache(maxsize=200_000)
def key(name: str, areas: tuple[str, ...] = ()) -> str:
    """The part of a name that stays when a report re-words it (see the module doc)."""
    return regional(integration(written_key(name, areas)))


@lru_cache(maxsize=200_000)
def written_key(name: str, areas: tuple[str, ...] = ()) -> str:
    """``key`` before its words are put in one order or one synonym (振兴东北地区 stays as written):
    what tells a merge by re-ordered words from one by words set aside."""
    n = strip_self(normal(name), areas)
    k = strip_tail(n)
    m = ORDINAL.search(k)
    if m and ordinal_scope(k) == "":
        k = k[m.start() :]  # (我国国民经济和社会发展)第六个五年计划: the area's own sixth plan
        five = FIVE_YEAR.match(k)
        return five.group(1) + "五" if five else k
    p = place_prefix(k, headed=k != n)
    return without_region_word(k[p:] if p else k)


# Two places made one, in either word: 济淄同城化 and 济淄一体化 (and 张周同城一体) are one undertaking.
INTEGRATIONS = ("同城一体化", "同城一体", "同城化")


def integration(k: str) -> str:
    """The key of two places made one in one word (济淄一体化); not everyday words (城乡, 公交)."""
    for word in INTEGRATIONS:
        if k.endswith(word) and len(k) > len(word) + 1 and not all_common(k[: -len(word)]):
            return k[: -len(word)] + "一体化"
    return k


# 区域 after a region's name, written or not, in a strategy of bringing it together:
# 长三角区域一体化发展 is 长三角一体化发展. Not 区域性 (a kind), not a centre or a firm named
# 区域… (澜川区域医疗中心 is a designation); 地区 is left: 中部地区崛起 and its plans keep it in
# their keys, and ``regional`` writes it for revivals.
_REGION_WORD = re.compile(r"(?<=[\u4e00-\u9fff]{2})区域(?!性)(?=[\u4e00-\u9fff]{2})")
_TOGETHER = ("一体化", "一体化发展", "协同发展", "协调发展", "合作")


def without_region_word(k: str) -> str:
    """``k`` without the 区域 of a region brought together (the same strategy, written or not)."""
    return _REGION_WORD.sub("", k, count=1) if "区域" in k and k.endswith(_TOGETHER) else k


REGIONS = ("东北", "西北", "西南", "东南", "中部", "西部", "东部", "中西部")
# A region's revival or rise, in either order and with or without 地区 or 全面:
# 振兴东北地区, 东北地区振兴, 东北全面振兴, 全面振兴东北 are one strategy.
_REGION = "|".join(REGIONS)
_REGION_LAST = re.compile(rf"^(?:全面)?(振兴|开发)({_REGION})(?:地区)?$")
_REGION_FIRST = re.compile(rf"^({_REGION})(?:地区)?(?:全面|加快)?(振兴|崛起|开发)$")


def leading_region(k: str) -> str:
    """The region word a key opens with, longest first (中西部 before 西部); "" for none."""
    return next((r for r in _REGIONS_LONGEST if k.startswith(r)), "")


_REGIONS_LONGEST = tuple(sorted(REGIONS, key=lambda r: (-len(r), r)))


def regional(k: str) -> str:
    """The key of a region's strategy in one form: region, 地区, verb (东北地区振兴)."""
    m = _REGION_LAST.match(k)
    if m:
        return m.group(2) + "地区" + m.group(1)
    m = _REGION_FIRST.match(k)
    return m.group(1) + "地区" + m.group(2) if m else k


@lru_cache(maxsize=200_000)
def ordinal_scope(name: str) -> str | None:
    """What an ordinal counts within: "" for the area's own series, the place or
    time words in front otherwise (苏联, 世纪); None without an ordinal."""
    m = ORDINAL.search(name)
    if not m:
        return "" if PLAN_PERIOD.match(name) else None  # 十一五: the area's own series
    before = name[: m.start()]
    found = [w for w in TIME_SCOPES if w in before]
    i = 0
    while i < len(before):
        w = longest_word(before, i, len(before))
        if w and is_place_name(w):
            found.append(w)
        i += len(w) or 1
    return "".join(sorted(found))


def specific(k: str) -> bool:
    """A key that names one thing: distinctive, counted by an ordinal (第六个五年),
    or a plan period (十一五: the eleventh five-year plan, however it is written)."""
    return distinctive(k) or bool(ORDINAL.search(k)) or bool(PLAN_PERIOD.match(k))


def core(name: str, areas: tuple[str, ...]) -> str:
    """The name without the area's own name in front and one legal or project suffix behind."""
    return strip_suffix(strip_self(name, areas), LEGAL_SUFFIXES + ("项目", "工程", "建设"))


@lru_cache(maxsize=200_000)
def phase(name: str) -> str:
    """The phase a name names (三峡三期工程 → 三期, 东线一期 → 一期); "" for none."""
    m = PHASE.search(strip_suffix(strip_suffix(normal(name), LEGAL_SUFFIXES), HEADS))
    return m.group(0) if m and m.start() >= 2 else ""


def has_phase(name: str) -> bool:
    """三峡三期工程, 东线一期: a name of one phase of a longer undertaking."""
    return bool(phase(name))
