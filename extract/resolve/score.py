"""How alike two names are, and whether the second is a variant or a rename of the first.

Two names of one type (``names.normal`` forms, and their ``names.key``):

- same name                                                   1.0
- same key (quotes, place, legal suffix, head, phase aside)    0.95
- one inside the other (a short form), on names or keys       0.70 + 0.25 × coverage
- renamed: the shorter's first two characters (its distinctive
  part) and most of the rest kept in the longer, with a shared
  stretch of three characters (two for a firm's brand)       0.50 + 0.40 × coverage × …

A guard (``guards.apart``) or a generic short name (能源中心) scores 0.
Abbreviations (``abbreviations``) are scored by the resolver, which knows
when each form is in use.
"""

from __future__ import annotations

import re
import unicodedata

from ..entities.dictionary import all_common, dictionary, is_place_name
from . import guards
from .abbreviations import words
from .names import distinctive, integration, regional, specific, written_key

THRESHOLD = 0.6
SAME = "same name"
SAME_KEY = "same name once quotes, place, suffix, head and phase are set aside"
REGION_ORDER = "the same region's strategy, its words in another order (振兴东北地区, 东北全面振兴)"
INTEGRATED = "two places made one, written 一体化 or 同城化"
SAME_STRATEGY = "the same strategy, with 战略 or without"
SHORT_FORM = "short form of a longer name"
RENAMED = "renamed: most of one name kept in the other"
WORDS_IN_FRONT = "the same name with words in front (a verb, a preposition)"
ABBREVIATION = "abbreviation: each character opens a word of the long form"
DEFINED = "abbreviation defined in the text"
NUMBERED = "abbreviation of a coordination, item by item (一带一路, 放管服)"
LISTED = "the same words written with a list mark between them or without (碳达峰、碳中和)"
CONTRACTED = "words of the name shortened to their first characters (自由贸易试验区, 自贸试验区)"
CODE = "the same code (1+N, 3341) named with other words around it"
# a programme's code: digits and letters joined by + (1+N, 4+1), or three digits or more that are no year
CODE_RE = re.compile(r"[0-9A-Za-z]+(?:\+[0-9A-Za-z]+)+|(?<![0-9])(?!(?:19|20)\d\d(?![0-9]))\d{3,}(?![0-9])")

# What a link says about the names: the same name written another way, an
# abbreviation of it, or a real change of name.
VARIANT, ABBREVIATED, RENAME = "variant", "abbreviation", "rename"


def same_key(kx: str, ky: str, typ: str) -> bool:
    return kx == ky and (specific(kx) or typ == "ENTERPRISE" and len(kx) >= 3)


def compare(x: str, y: str, cx: str, cy: str, typ: str) -> tuple[float, str]:
    """Score two names and their keys, of one type: (score, rule)."""
    if x == y:
        return 1.0, SAME
    if guards.other_place(x, y):
        return 0.0, ""  # 上海自贸试验区, 福建自贸试验区: one key, two places
    if typ == "PROGRAM" and _same_code(x, y):
        return 0.8, CODE  # 工业投资项目“1+N”审批制度改革 and “1+N”模式
    if same_key(cx, cy, typ):
        return 0.95, _reworded(x, y)
    if "、" in x + y and x.replace("、", "") == y.replace("、", "") and distinctive(x):
        return 0.95, LISTED  # 碳达峰、碳中和 and 碳达峰碳中和: the same two words, with a list mark or not
    if contracted(*sorted((x, y), key=len)):
        return 0.9, CONTRACTED
    short, long_ = (cx, cy) if len(cx) <= len(cy) else (cy, cx)
    if short[:2] not in long_ and not _inside_by_length(x, y) and not _one_word_changed(x, y):
        # neither the shorter name inside the longer, nor the shorter key's opening in the longer key,
        # nor one character changed: every rule below scores 0 (a short form needs the first, a
        # rename of one character the third, any other rename the second); most pairs
        return 0.0, ""
    if (
        len(short) < 2
        or (len(short) <= 4 and all_common(short))
        or guards.apart(cx, cy)
        or guards.other_component(x, y)
    ):
        return 0.0, ""
    best = 0.0
    for s, lg in ((short, long_), tuple(sorted((x, y), key=len))):
        if guards.new_thing(s, lg) or guards.instrument(s, lg):
            return 0.0, ""
        if s in lg and (len(s) >= 3 or lg.startswith(s)):
            best = max(best, 0.70 + 0.25 * len(s) / len(lg))
    if best:
        return best, SHORT_FORM
    if len(short) < 3:
        return 0.0, ""
    if _one_word_changed(x, y):
        return 0.80, RENAMED  # 亩均效益评价改革 → 亩产效益评价改革: one character of a long name changed
    lcs = _lcs(short, long_)
    coverage = lcs / len(short)
    brand = short[:2] == long_[:2] and typ == "ENTERPRISE"
    if (
        coverage < 0.7
        or len(long_) > 2.5 * len(short)
        or short[:2] not in long_
        or not (brand or _share_three(short, long_))
        or words(short)[0] in dictionary().verbal
    ):  # 创新…机制: a verb in front is no distinctive part
        return 0.0, ""
    if lcs == len(short):
        if not brand and any(_predicate(piece) for piece in _pieces(short, long_)):
            return 0.0, ""  # 宏观调控[留下更多]政策: words inserted are a clause, not a name's
    elif coverage < 0.75 or lcs < 4 or not distinctive(short) and _common_prefix(short, long_) < 5:
        return 0.0, ""  # words replaced in everyday vocabulary: another programme of the same kind
    if any(piece.endswith(guards.SCHOOLS) for piece in _pieces(short, long_)):
        return 0.0, ""  # 农村[中小学]危房改造 and 农村危房改造: schools' buildings, not houses
    return 0.50 + 0.40 * coverage * (0.5 + 0.5 * lcs / len(long_)), RENAMED


def contracted(short: str, long_: str) -> bool:
    """``short`` is ``long_`` with a run of two to four of its words each cut to its first
    character, the rest kept on both sides (上海|自贸|试验区 of 上海|自由贸易|试验区, 科创|中心 of
    科技创新|中心): the everyday way a name is shortened inside itself. The kept part must be a
    name's worth (two characters or more) and the shortened words two characters each or more."""
    n, m = len(short), len(long_)
    if m - n < 2 or n < 4 or short in long_:
        return False
    pre = _common_prefix(short, long_)
    suf = _common_prefix(short[::-1], long_[::-1])
    for p in range(min(pre, n - 2), -1, -1):
        for q in range(min(suf, n - p - 2), -1, -1):
            if p + q < 2:
                break
            cut, full = short[p : n - q], long_[p : m - q]
            if not 2 <= len(cut) <= 4:
                continue
            if _opened_by(cut, full):
                return True
    return False


def _opened_by(cut: str, full: str) -> bool:
    """``full`` split into dictionary words of two characters or more, one per character of
    ``cut``, each opening with it (自贸: 自由|贸易; jieba keeps 自由贸易 as one word, so the split
    is searched, not read off the longest match)."""
    if not cut:
        return not full
    if full[:1] != cut[0]:
        return False
    known = dictionary().words
    return any(full[:k] in known and _opened_by(cut[1:], full[k:]) for k in range(2, min(len(full), 4) + 1))


def _same_code(x: str, y: str) -> bool:
    """Two programmes named by one code, the rest of one of them a kind of programme
    (“1+N”模式): the code is the programme's name, the words around it say what it is."""
    cx, cy = CODE_RE.findall(x), CODE_RE.findall(y)
    if len(cx) != 1 or cx != cy or len(cx[0]) < 3:
        return False
    rest = sorted((x.replace(cx[0], "", 1), y.replace(cy[0], "", 1)), key=len)[0]
    return len(rest) <= 4 and all_common(rest)


def _reworded(x: str, y: str) -> str:
    """Which rule made two keys one: words set aside, or words put in one order or one synonym."""
    wx, wy = written_key(x), written_key(y)
    if wx != wy and integration(wx) == integration(wy):
        return INTEGRATED
    if wx != wy and regional(wx) == regional(wy):
        return REGION_ORDER
    return SAME_KEY  # (written as the keys were made, or told apart only by the area's own name)


def _inside_by_length(x: str, y: str) -> bool:
    """The shorter of two names (the first on a tie) inside the other."""
    return x in y if len(x) <= len(y) else y in x


def _one_word_changed(a: str, b: str) -> bool:
    """Two long names of one length that differ in one character, inside the name's
    first words and with the rest kept: a rename (亩均 → 亩产), unless the character
    is a number, a direction or part of a place (guards.apart has said no already)."""
    if len(a) != len(b) or len(a) < 7:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) != 1:
        return False
    i = diff[0]
    changed = a[i] + b[i]
    return 0 < i and not guards.NUMERALS.search(changed) and not set(changed) & guards.DIRECTIONS


def _pieces(short: str, long_: str) -> list[str]:
    """The stretches of ``long_`` left over when ``short`` is read inside it in order."""
    out, cur, i = [], "", 0
    for ch in long_:
        if i < len(short) and ch == short[i]:
            i += 1
            if cur:
                out.append(cur)
                cur = ""
        else:
            cur += ch
    return out + ([cur] if cur else [])


def _predicate(piece: str) -> bool:
    """A verb or a coordination among inserted words (留下更多, 和规范, 和领导)."""
    verbal = dictionary().verbal
    return any(c in piece for c in guards.COORDINATORS) or any(len(w) >= 2 and w in verbal for w in words(piece))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def junk_front(front: str) -> bool:
    """Words in front of a name that are not part of it: what governs the name,
    a frequent verb or a preposition right before it (认为兴建|三峡工程, 纵深推进|…,
    比|…, 〔注〕|…), with a self-reference between them (便使我国|第一个五年计划).
    Words that modify the name, verbal nouns among them (城乡居民…, …流转|价格形成机制),
    and places (苏联…) are part of it."""
    if not front:
        return False
    m = re.search(r"[我全本][国省市区县镇乡]$", front)
    if m:
        front = front[: m.start()]
        if not front:
            return True
    if unicodedata.category(front[-1])[0] == "P":
        return True
    ws = words(front)
    if any(is_place_name(w) for w in ws):
        return False
    return ws[-1] in dictionary().verbs or ws[-1] in FUNCTION_CHARS


FUNCTION_CHARS = frozenset("比便就但对把将在为从向使并而是的了")


def behind_front(name: str, known) -> str:
    """The longest name in ``known`` that ends ``name`` behind words in front
    that are no part of a name (``junk_front``): 认为兴建三峡工程 → 三峡工程; "" if none."""
    for k in range(1, len(name) - 2):
        inner = name[k:]
        if (
            inner in known
            and (distinctive(inner) or len(inner) >= 4)
            and junk_front(name[:k])
            and not guards.apart(name, inner)
        ):
            return inner
    return ""


def link_kind(xs, ys, rule: str = "") -> str:
    """What a merge says about the names, given each side's (name, key) forms:
    ``abbreviation`` for a short form made of the long one's first characters;
    ``variant`` when one side writes a form of the other's name (the same name,
    the same key, or one inside the other: quotes, legal suffix, place or words
    in front, head noun, phase, a short form); ``rename`` when no form of one is
    kept whole in the other: the name itself changed (西铁城新景精密机床 →
    西铁城精密数控机床)."""
    if rule in (ABBREVIATION, DEFINED, NUMBERED, CONTRACTED):
        return ABBREVIATED
    if rule in (CODE, LISTED):
        return VARIANT
    for x, kx in xs:
        for y, ky in ys:
            if x == y or kx == ky or _inside(x, y) or _inside(kx, ky):
                return VARIANT
    return RENAME


def _inside(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and short in long_


def _lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence, bit-parallel over ``b``
    (Hyyrö's formulation: one pass over ``a``, a few integer operations per
    character), so that scoring thousands of pairs stays fast."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for ch in a:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def _share_three(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` share a stretch of three characters."""
    return any(a[k : k + 3] in b for k in range(len(a) - 2))
