"""Figures as reports write them: a value, maybe a range, a unit, a qualifier.

A report states a quantity in a handful of shapes, and every one of them is a
regular expression over the normalised text (digits already half width):

- ``2.3%``, ``3.3‰``, ``1.2个百分点``, ``380.5亿元``, ``4915人``, ``189天``;
- ranges, with or without the first unit: ``6%-6.5%``, ``6－6.5%``, ``8%至10%``;
- approximations inside the figure: ``2000余人次``, ``2700多万人``, ``4万多亿元``;
- a qualifier after it: ``左右``, ``以上``, ``以内``, ``以下``.

Scraping damages figures in two ways this module can see. Two figures lose the
separator between them (``65.7%50%``): the figure ends where the next begins,
and ``Figure.glued`` says so (for two figures of one unit: ``577.2公里89个``
is only a lost comma between clauses), for the caller to split where the
sentence names as many things as there are values. Or the digits of two numbers run
together with the unit of the first lost (``39888293名`` for 3988户8293名):
an integer of seven or more digits with no 万/亿 is implausible in this genre
(which writes 1266万人, not 12660000人), and ``damaged`` reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Unit families decide the measure: a percentage can be a growth or a rate,
# points are always a change, everything else is a level.
PERCENT = "percent"
POINTS = "points"
MONEY = "money"
COUNT = "count"
TIME = "time"
PHYSICAL = "physical"

_BASE_UNITS: dict[str, str] = {}
for _family, _words in (
    (PERCENT, "% ‰"),
    (POINTS, "个百分点 百分点 倍"),
    (MONEY, "元 美元 欧元 港元 元人民币"),
    (TIME, "天 小时 分钟 个工作日 工作日"),
    (
        PHYSICAL,
        "公里 千米 米 平方米 平方公里 平方千米 亩 公顷 立方米 吨 千克 公斤 斤 千瓦时 千瓦 兆瓦 "
        "标箱 标准箱 升 微克/立方米 毫克/升",
    ),
    (
        COUNT,
        "个 家 处 项 条 件 支 座 所 名 人 户 位 批 台 套 辆 艘 架 栋 幢 间 张 场 场次 人次 户次 "
        "次 类 款 种 片 段 株 棵 头 篇 部 只 块 宗 笔 例 床 册 期 份",
    ),
):
    for _w in _words.split():
        _BASE_UNITS[_w] = _family

_MULT = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百"
_BASE = "|".join(re.escape(u) for u in sorted(_BASE_UNITS, key=len, reverse=True))
# possessive: a number is read whole, never shortened to make a unit fit (2020年 is no "202" figure)
_NUM = r"\d++(?:[,，]\d{3}(?!\d))*+(?:\.\d++)?+"
# a count "个" is a duration before 月/小时/工作日, and a noun in 个体/个人
_UNIT_FIRST = "".join(sorted({u[0] for u in _BASE_UNITS} | set("万亿千百十余多")))
# the look-ahead on the first character turns away 年, 月, 日 … before the alternation is tried
_UNIT = rf"(?=[{re.escape(_UNIT_FIRST)}])(?:{_MULT})?(?:余|多)?(?:{_MULT})?(?:{_BASE})(?<!个(?=月|体|人|性|税))"

# The pattern opens on a digit and only then looks back (not inside PM2.5, G309, 3.05.4):
# a pattern that opened on the look-behind would be tried at every character of the text.
# Thousands may be grouped with a comma, half or full width (28，049，780，000元 in the 1950s
# reports); a number does not open on a 0 followed by more digits (000元 is the tail of one).
_NUM_START = r"\d(?<![\d.A-Za-z_/]\d)(?<!(?<![\d.])0(?=\d))\d*+(?:[,，]\d{3}(?!\d))*+(?:\.\d++)?+"
FIGURE_RE = re.compile(
    rf"(?P<num>{_NUM_START})(?P<approx>余|多)?"
    rf"(?:\s*(?P<unit1>{_UNIT})?\s*(?P<dash>[-－~～—–至到])\s*(?P<num2>{_NUM}))?"
    rf"\s*(?P<unit>{_UNIT})"
    r"(?P<qual>左右|以上|以内|以下|上下|之内)?"
)
# the three sector shares of GDP, written as a ratio: 三次产业比例为4.1:43.1:52.8
RATIO_RE = re.compile(rf"(?P<a>\d(?<![\d.]\d)\d*+(?:\.\d++)?+)[:：](?P<b>{_NUM})[:：](?P<c>{_NUM})(?![\d.:：])")

_LONG_INT = re.compile(r"\d{7,}")
# 3.05.4%: two decimals run together; FIGURE_RE's look-behind refuses to read any part of it
TWO_POINTS_RE = re.compile(rf"\d(?<![\d.]\d)\d*\.\d+\.\d+(?:\.\d+)*(?P<unit>{_UNIT})")

QUALIFIER_SUFFIX = {"左右": "左右", "上下": "左右", "以上": "以上", "以内": "以内", "之内": "以内", "以下": "以下"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity in the text; offsets into the text it was read from."""

    start: int
    end: int  # after the unit and any qualifier
    value: float
    value_high: float | None
    unit: str  # as written, approximation marks dropped: "亿元", "%", "万人"
    family: str
    qualifier: str | None  # from the suffix only; the caller adds prefixes (不低于 …)
    approx: bool  # 余/多: "more than"
    glued: bool = False  # the next figure starts where this one ends (lost separator)
    damaged: str | None = None  # why the digits cannot be trusted, if they cannot


def parse_number(text: str) -> float:
    return float(text.replace(",", "").replace("，", ""))


def unit_family(unit: str) -> str:
    base = unit.lstrip("万亿千百十")
    return _BASE_UNITS.get(base) or _BASE_UNITS.get(unit, COUNT)


def _clean_unit(unit: str) -> str:
    return unit.replace("余", "").replace("多", "")


def _damage(num: str, unit: str) -> str | None:
    if _LONG_INT.fullmatch(num) and unit[:1] not in "万亿千百十":
        return "seven or more digits without 万/亿 (two numbers run together?)"
    return None


def scan(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every figure in ``text[start:end]``, in order, glued ones marked."""
    end = len(text) if end is None else end
    out: list[Figure] = []
    for m in FIGURE_RE.finditer(text, start, end):
        unit = _clean_unit(m.group("unit"))
        unit1 = m.group("unit1")
        num2 = m.group("num2")
        if unit1 is not None and _clean_unit(unit1) != unit:
            # "3万元至5亿元" is two figures, not a range of one unit
            out.append(_figure(m.group("num"), None, unit1, m.group("approx"), None, m.start(), m.start("dash")))
            out.append(_figure(num2, None, m.group("unit"), None, m.group("qual"), m.start("num2"), m.end()))
            continue
        # 增长-2.3%: a minus sign that does not close a range (6%-6.5%) makes the value negative
        negative = (
            m.start() > 0
            and text[m.start() - 1] in "-－−"
            and (m.start() < 2 or not (text[m.start() - 2].isdigit() or text[m.start() - 2] in "%‰"))
        )
        out.append(
            _figure(
                m.group("num"),
                num2,
                m.group("unit"),
                m.group("approx"),
                m.group("qual"),
                m.start() - negative,
                m.end(),
                negative,
            )
        )
    for m in TWO_POINTS_RE.finditer(text, start, end):
        out.append(
            Figure(
                start=m.start(),
                end=m.end(),
                value=float("nan"),
                value_high=None,
                unit=_clean_unit(m.group("unit")),
                family=unit_family(_clean_unit(m.group("unit"))),
                qualifier=None,
                approx=False,
                damaged="two decimal points in one number",
            )
        )
    out.sort(key=lambda f: f.start)
    glued = []
    for i, f in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.start == f.end and f.qualifier is None and nxt.unit == f.unit:
            f = replace(f, glued=True)
        glued.append(f)
    return glued


def _figure(
    num: str,
    num2: str | None,
    unit_written: str,
    approx: str | None,
    qual: str | None,
    start: int,
    end: int,
    negative: bool = False,
) -> Figure:
    unit = _clean_unit(unit_written)
    damaged = _damage(num, unit) or (_damage(num2, unit) if num2 else None)
    sign = -1.0 if negative else 1.0
    return Figure(
        start=start,
        end=end,
        value=sign * parse_number(num),
        value_high=sign * parse_number(num2) if num2 else None,
        unit=unit,
        family=unit_family(unit),
        qualifier=QUALIFIER_SUFFIX.get(qual or ""),
        approx=bool(approx) or unit != unit_written,
        damaged=damaged,
    )
