"""Report metadata read from the text: title, area, reviewed and plan year, date.

A report, or an article about one, states its years in many places: the title
(``关于周村区2019年度…执行情况与2020年计划草案的报告``, ``2019年…政府工作报告``),
the delivery line (``——2020年5月26日在…会议上``, sometimes damaged into
``2021312日``), the congress session it was given at (a provincial or national
term is five years, so ``第十四届人民代表大会第二次会议`` is 2024), section
headings (``一、2020年工作回顾``, ``首先报告２００１年的工作``), phrases of the
body (``回顾2013``, ``报告提出2025年主要预期目标``), the date a page was
published (``发布时间:2022-06-21``). Each of these is a *claim*; the strongest
claim found decides both years, and every field records the rule and the words
it came from (``Document.sources``). Claims that disagree with it are warned of.

A report is delivered early in the year it plans and reviews the year before;
one delivered in December reviews that same year and plans the next; a
mid-year report on the plan (``今年以来…计划执行情况``) reviews and plans the
same year. A text stating no year is still a document: its years are None and
a warning says so. Masked years (``20XX年``) are read as no year; what the text
says of a year that only one year can be (``新中国成立70周年``, ``“十四五”开局之年``)
settles them. The file name is the last resort (``2021年政府工作报告.docx``),
with a warning.

The area is the innermost administrative unit the report is about (周村区, not
淄博市周村区), read from the title, the delivery line, the congress, ``我代表X人民
政府``, or the division named most often, and checked against the gazetteer
(``extract.gazetteer``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.util import find_spec

from . import gazetteer
from .kind import find_kind, is_mid_year
from .records import Document, MetaSource

jieba_file = find_spec("jieba").origin  # where jieba's dictionary is, without importing jieba

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}

# a year: 2019 or 一九五四 / 二〇二一 (not inside a longer number)
# (written as four branches each opening on a literal, the look-behind after it, so that a pattern
# opening with a year is scanned for its first characters: the same matches as
# (?<![\d〇…九])((?:19|20)\d\d|[一二][九〇○零][〇…九]{2})(?![\d〇…九]))
_Y = (
    r"(1(?<![\d〇○零一二三四五六七八九]1)9\d\d|2(?<![\d〇○零一二三四五六七八九]2)0\d\d"
    r"|一(?<![\d〇○零一二三四五六七八九]一)[九〇○零][〇○零一二三四五六七八九]{2}"
    r"|二(?<![\d〇○零一二三四五六七八九]二)[九〇○零][〇○零一二三四五六七八九]{2})(?![\d〇○零一二三四五六七八九])"
)
_YEAR = re.compile(_Y + r"(?:年度|年)")
_MASKED = re.compile(r"(?<![\dA-Za-z])(?:19|20)XX(?=年)")


class _Opening:
    """The pattern ``(?:^|(?<=[stops]))`` + ``at``, a match that opens a clause or a line (``^`` +
    ``at`` with re.M is ``stops`` "\\n"), with the same ``search`` and ``finditer``, made fast: a scan
    for a stop with ``at`` after it (a pattern that opens on a character class is scanned fast, one
    that opens on a look-behind or ``^`` is tried at every character), then the pattern itself after
    that stop, so that the match is the pattern's own. Its matches are never empty."""

    def __init__(self, at: str, stops: str, flags: int = 0):
        self.pattern = re.compile(f"(?:^|(?<=[{stops}]))" + at, flags)
        self._after = re.compile(f"[{stops}]" + at, flags)  # the stop before the match, and the match

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        m = self.pattern.match(text, pos)
        if m:
            return m
        m = self._after.search(text, pos)
        return self.pattern.match(text, m.start() + 1) if m else None

    def finditer(self, text: str):
        pos = 0
        while m := self.search(text, pos):
            yield m
            pos = m.end()


# the delivery line opens with the date: ——2020年5月26日在…会议上 (or, damaged, ——2021312日在…)
_DELIVERY = _Opening(r"[ —－\-─（(]*((?:19|20)\d\d)(?:年)?(\d{1,2})?(?:月)?(\d{1,2})?日[在于]", "\n", re.M)
# a full date on a line of its own, or opening the delivery line (——2020年5月26日 / 在…)
_FULL_DATE_LINE = _Opening(r"[ —－\-─]*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日[ ]*(?:$|[在于（(])", "\n", re.M)
_ISO = re.compile(r"(?:发文日期|发布日期|成文日期|日期)\s*[:：]?\s*((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")
_PUB_LABEL = re.compile(
    r"(?:发布时间|发布日期|发文日期|时间|日期)\s*[:：]?\s*((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
_LABELLED_TITLE = _Opening(r"\s*(?:标题|题名|名称)\s*[:：]\s*(.+?)\s*$", "\n", re.M)
# a date a page was published: 2022-12-30 10:13, 2022年01月18日07:47, (来源:… 2023-02-10 22:36), 2021\n03/02
_PUBLISHED = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[-/.]|年|\s*\n\s*)(\d{1,2})(?:[-/.]|月)(\d{1,2})(?!\d)日?")
# 8 digits in parentheses after a title: (20221223)
_PACKED_DATE = re.compile(r"[（(]((?:19|20)\d\d)(\d\d)(\d\d)[)）]")

_CN_COUNT = "一二三四五六七八九十"


def cn_year(s: str) -> int:
    """``2019`` → 2019, ``一九五四`` → 1954."""
    if s.isdigit():
        return int(s)
    return int("".join(str(_CN_DIGIT[c]) for c in s))


def cn_count(s: str) -> int:
    """``十四`` → 14, ``5`` → 5; 0 when not a number."""
    if s.isdigit():
        return int(s)
    if not s or any(c not in _CN_COUNT for c in s):
        return 0
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_NUM.get(s[1:], 0)
    if s.endswith("十"):
        return _CN_NUM.get(s[:-1], 0) * 10
    if "十" in s:
        a, b = s.split("十", 1)
        return _CN_NUM.get(a, 0) * 10 + _CN_NUM.get(b, 0)
    return _CN_NUM.get(s, 0) if len(s) == 1 else 0


@dataclass(frozen=True, slots=True)
class Claim:
    """What one rule says of the years: ``reviewed`` and ``plan`` (either may be derived)."""

    rank: int  # lower is stronger
    rule: str
    words: str
    start: int | None
    reviewed: int | None
    plan: int | None
    certain: bool = True


def read_metadata(doc: Document) -> None:
    """Fill title, kind, date, years and area of ``doc`` in place; never refuses.

    What cannot be known stays None, with a warning.
    """
    text = doc.folded
    head = text[:4000]
    doc.title = find_title(head)
    title_start = head.find(doc.title) if doc.title else -1
    if doc.title:
        doc.sources["title"] = MetaSource("title", doc.title, title_start)
    doc.kind, kind_source = find_kind(text, doc.title)
    doc.sources["kind"] = kind_source
    doc.date = find_date(head, doc.warnings, "\n".join(doc.furniture))
    if doc.date:
        line = _DELIVERY.search(head) or _FULL_DATE_LINE.search(head)
        doc.sources["date"] = MetaSource("delivery-line" if line else "publication-date", doc.date)
    mid_year = is_mid_year(text[:3000], doc.title)
    claims = year_claims(doc, head, mid_year)
    _settle_years(doc, claims)
    _settle_area(doc, head)
    if doc.title and doc.folded is not doc.text and title_start >= 0:
        # report the title as written, not folded
        doc.title = doc.text[title_start : title_start + len(doc.title)]
        doc.sources["title"] = MetaSource("title", doc.title, title_start)


def _settle_years(doc: Document, claims: list[Claim]) -> None:
    if not claims:
        doc.reviewed_year = doc.plan_year = None
        doc.warnings.append(
            "no recognisable year (looked in the title, delivery line, congress session, headings, "
            "body and publication date): years left unknown; give them with --year or reports.tsv"
        )
        return
    claims.sort(key=lambda c: (c.rank, c.start if c.start is not None else 1 << 30))
    best = claims[0]
    doc.reviewed_year, doc.plan_year = best.reviewed, best.plan
    for f in ("reviewed_year", "plan_year"):
        doc.sources[f] = MetaSource(best.rule, best.words, _exposed(doc, best.start, best.words), best.certain)
    if not best.certain:
        doc.warnings.append(
            f"years estimated from {best.rule} {best.words!r}: reviewed {best.reviewed}, "
            f"plan {best.plan}; check them or give them with --year or reports.tsv"
        )
    others = sorted(
        {
            (c.reviewed, c.plan, c.rule, c.words)
            for c in claims[1:]
            if c.certain and c.rank <= 5 and (c.reviewed, c.plan) != (best.reviewed, best.plan)
        }
    )
    if others:
        r, p, rule, words = others[0]
        doc.warnings.append(
            f"years read from {best.rule} {best.words!r} (reviewed {best.reviewed}, plan {best.plan}) "
            f"disagree with {rule} {words!r} (reviewed {r}, plan {p})"
        )


def _exposed(doc: Document, start: int | None, words: str) -> int | None:
    """The offset, when the words are the exposed text's (not dropped furniture or a file name)."""
    if start is None:
        return None
    return start if doc.folded[start : start + len(words)] == words else None


# ---------------------------------------------------------------- years


def _relation(delivered: int, month: int | None, mid_year: bool) -> tuple[int, int]:
    """(reviewed, plan) of a report delivered in ``delivered`` (in ``month``, when known)."""
    if mid_year:
        return delivered, delivered
    if month == 12:
        return delivered, delivered + 1
    return delivered - 1, delivered


def _from_plan(plan: int, mid_year: bool) -> tuple[int, int]:
    return (plan, plan) if mid_year else (plan - 1, plan)


def _from_reviewed(reviewed: int, mid_year: bool) -> tuple[int, int]:
    return (reviewed, reviewed) if mid_year else (reviewed, reviewed + 1)


def year_claims(doc: Document, head: str, mid_year: bool) -> list[Claim]:
    """Every claim the text makes of the years, strongest rules first."""
    claims: list[Claim] = []
    title = doc.title or ""
    t0 = head.find(title) if title else None
    claims += _title_claims(title, t0, mid_year)
    claims += _heading_claims(head, mid_year)
    m_line = _DELIVERY.search(head) or _FULL_DATE_LINE.search(head)
    if doc.date and m_line:  # a date only a page gives is a publication date (_published_claims)
        y, m = int(doc.date[:4]), int(doc.date[5:7])
        words = m_line.group(0).strip(" —－-─")
        claims.append(Claim(4, "delivery-line", words, m_line.start(), *_relation(y, m, mid_year)))
    claims += _congress_claims(head, mid_year)
    claims += _body_claims(head, mid_year)
    claims += _published_claims(doc, head, mid_year)
    claims += _anniversary_claims(head, mid_year)
    claims += _dominant_claims(head, mid_year)
    if not claims:
        claims += _filename_claims(doc.path, mid_year)
    return claims


def _title_claims(title: str, start: int | None, mid_year: bool) -> list[Claim]:
    if not title:
        return []
    plain = re.sub(r"((?:19|20)\d\d)年\d{1,2}月\d{1,2}日", "", title)  # a date in the title is the delivery date
    years = [cn_year(y) for y in _YEAR.findall(plain)]
    out = []
    dated = None
    m = re.search(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日", title) or _PACKED_DATE.search(title)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        years_of_date = _relation(int(m.group(1)), int(m.group(2)), mid_year)
        dated = Claim(4, "title-date", m.group(0), start + m.start() if start is not None else None, *years_of_date)
    if len(years) >= 2 and years[1] == years[0] + 1:
        out.append(Claim(1, "title", title, start, years[0], years[1]))
    elif len(years) >= 1:
        y = years[0]
        if mid_year:
            years_of_title = (y, y)
        elif "执行情况" in title and "草案" not in title:
            years_of_title = (y, y + 1)
        else:
            years_of_title = (y - 1, y)
        # A title that names the reviewed year (2015年政府工作报告——2016年1月13日…) is told by
        # its own delivery date: the date is of the session, the year only the site's label.
        rank = 2 if dated is None or (dated.reviewed, dated.plan) == years_of_title else 5
        out.append(Claim(rank, "title", title, start, *years_of_title))
    if dated is not None:
        out.append(dated)
    return out


# a heading (a line, or a run after a full stop) saying which year is reviewed or planned
_NUMBER = r"(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分[ ]?)?"
_FYP = r"(?:(?:“十[一二三四五六七八九]五”(?:时期|期间|以来)?|过去五年)(?:及|和|暨))?"
_REVIEW_HEADING_AT = (
    r"[ ]*"
    + _NUMBER
    + r"[ ]*(?:首先|下面)?[，,]?(?:我)?(?:向大会)?(?:报告|回顾)?(?:一下)?"
    + _FYP
    + _Y
    + r"年(?:度)?(?!至|到|—|-|～)(?:(?:和|及)(?:“十.五”(?:时期)?|过去五年))?(?:的)?(?:政府)?"
    r"(?:工作(?:回顾|总结|情况)?(?!报告)|国民经济和社会发展计划执行情况|计划执行情况|经济社会发展(?:情况|回顾))"
    r"(?=$|[\n“”。，：]|[^\n]{0,30}$)"  # not the title: 2009年政府工作报告
)
_PLAN_HEADING_AT = (
    r"[ ]*" + _NUMBER + r"[ ]*" + _Y + r"年(?:度)?(?!至|到|—|-|～)(?:的)?(?:政府)?(?:经济社会发展)?"
    r"(?:工作安排|主要目标|目标任务|主要任务|重点工作|工作任务|工作建议|总体要求|国民经济和社会发展计划(?:草案)?(?:安排)?)(?!执行|完成)"
    r"(?=$|[\n“”。，：]|[^\n]{0,30}$)"
)


_REVIEW_HEADING = _Opening(_REVIEW_HEADING_AT, "。！？\n", re.M)
_PLAN_HEADING = _Opening(_PLAN_HEADING_AT, "。！？\n", re.M)


# what a plan heading names, one of them (a head without any is not searched)
_PLAN_HEADING_WORDS = (
    "工作安排",
    "主要目标",
    "目标任务",
    "主要任务",
    "重点工作",
    "工作任务",
    "工作建议",
    "总体要求",
    "国民经济和社会发展计划",
)


def _heading_claims(head: str, mid_year: bool) -> list[Claim]:
    out = []
    for pattern, rule, years, needs in (
        (_REVIEW_HEADING, "review-heading", _from_reviewed, None),
        (_PLAN_HEADING, "plan-heading", _from_plan, _PLAN_HEADING_WORDS),
    ):
        m = pattern.search(head) if _holds(head, needs) else None
        if m:
            words = m.group(0)
            out.append(
                Claim(
                    3,
                    rule,
                    words.strip(),
                    m.start() + len(words) - len(words.lstrip()),
                    *years(cn_year(m.group(1)), mid_year),
                )
            )
    return out


# the congress: 在X第十四届人民代表大会第二次会议上, X十二届人大三次会议, X十二届人大常委会第十次会议
_CONGRESS = re.compile(
    r"(第?)([一二三四五六七八九十]{1,3}|\d{1,2})届(全国)?人(?:民代表)?大(?:会)?\s*(常委会|常务委员会)?\s*"
    r"第?([一二三四五六七八九十]{1,3}|\d{1,2})次(?:全体)?会议"
)
# in 2023 the provincial-level congresses opened their 14th term, except these
_TERM_2023 = {
    "北京市": 16,
    "天津市": 18,
    "上海市": 16,
    "重庆市": 6,
    "海南省": 7,
    "宁夏回族自治区": 13,
    "西藏自治区": 12,
}


def congress_year(province: str | None, term: int, session: int) -> int | None:
    """The year of session ``session`` of term ``term`` of a national or provincial congress.

    Both have had five-year terms opening together since 1988 (the 7th NPC);
    the 14th NPC opened in 2023, and so did most provinces' 14th congresses.
    The NPC's earlier terms opened in 1954, 1959, 1964, 1975 and 1978. None for a
    term before these or a session number no five-year term has.
    """
    if not 1 <= session <= 5:
        return None
    if province is None:  # the National People's Congress
        opened = {1: 1954, 2: 1959, 3: 1964, 4: 1975}.get(term) or (1978 + 5 * (term - 5) if term >= 5 else None)
        if term <= 4 and session > 5:
            return None
    else:
        opened = 2023 - 5 * (_TERM_2023.get(province, 14) - term)
        if opened < 1988:
            return None
    return opened + session - 1 if opened else None


def name_before(text: str, end: int, longest: int = 14) -> tuple[str, gazetteer.Division | None, int]:
    """The administrative name written just before ``end`` (``海口市琼山区`` in ``…海口市琼山区第十五届``).

    Returns (name, division or None, start). A name not in the gazetteer is
    still returned when it ends in a unit word (an invented or very old name).
    """
    best = ("", None, end)
    for i in range(max(0, end - longest), end - 1):
        name = text[i:end]
        if (
            not gazetteer.unit_word(name)
            or not re.fullmatch(r"[\u4e00-\u9fff]+", name)
            or re.search(r"[在于日的和与及]", name)
        ):
            continue
        hit = gazetteer.match(name)
        if hit:
            return name, hit[0], i
        if not best[0]:
            best = (name, None, i)
    return best


def congress_matches(text: str) -> Iterator[re.Match]:
    """``_CONGRESS.finditer(text)``, the pattern tried only up to four characters before each 届
    (every match holds one there, after 第 and the term): a scan for 届 is fast, one of the
    pattern, which opens on an optional part, tries every character."""
    pos = tried = 0  # matches start at pos or later; the starts before tried failed already
    i = text.find("届")
    while i >= 0:
        for p in range(max(pos, tried, i - 4), i):
            m = _CONGRESS.match(text, p)
            if m:
                yield m
                pos = tried = m.end()
                break
        else:
            tried = i
        i = text.find("届", max(i + 1, pos))


def _congress_claims(head: str, mid_year: bool) -> list[Claim]:
    out = []
    for m in congress_matches(head):
        term, session = cn_count(m.group(2)), cn_count(m.group(5))
        national = bool(m.group(3))
        name, div, s = name_before(head, m.start())
        if not national and div is None and head[max(0, m.start() - 2) : m.start()] == "全国":
            national = True
        words = head[s if name else m.start() : m.end()]
        if m.group(4):  # a standing committee meets about six times a year: an estimate
            province = None if national else (div.name if div and div.level == gazetteer.PROVINCE else "")
            if province == "":
                continue
            opened = congress_year(province, term, 1)
            if opened:
                y = opened + (session - 1) // 6
                out.append(Claim(9, "standing-committee-meeting", words, s, *_relation(y, None, True), certain=False))
            continue
        if national:
            y = congress_year(None, term, session)
        elif div is not None and div.level == gazetteer.PROVINCE:
            y = congress_year(div.name, term, session)
        else:
            continue  # a county's or city's terms are its own: they fix no year
        if y:
            out.append(Claim(5, "congress-session", words, s, *_relation(y, None, mid_year)))
    return out[:1] + [c for c in out[1:] if c.rule != "congress-session"]


_BODY_RULES = [
    # (pattern, which year the match names, rule)
    (re.compile(r"回顾\s*" + _Y + r"(?:年)?"), "reviewed", "body: 回顾"),
    (re.compile(r"(?:刚刚|即将)?过去的\s*" + _Y + r"年"), "reviewed", "body: 过去的…年"),
    (
        re.compile(
            r"(?:报告|会议)?(?:提出|明确|确定|部署)(?:了)?\s*"
            + _Y
            + r"年[^。，；\n]{0,14}?(?:目标|思路|任务|重点|工作)"
        ),
        "plan",
        "body: 提出…目标",
    ),
    (re.compile(_Y + r"年(?:度)?[^。，；！？\n]{0,24}?政府工作报告"), "plan", "body: …年…政府工作报告"),
    (
        _Opening(r"\s*" + _Y + r"年[，,]?\s*(?:[\u4e00-\u9fff]{1,6}?)?(?:要|将|力争)", "。！？\n，"),
        "plan",
        "body: …年要",
    ),
    (
        # what the year ahead is to be: 2018年是贯彻落实…的开局之年 / …承上启下的关键一年 (a year
        # looked back on is 极不平凡的一年, which this does not read)
        _Opening(
            r"\s*(?:[\u4e00-\u9fff]{0,8}[，,])?" + _Y + r"年(?:是|为)(?![^。！？\n]{0,40}不平凡)[^。！？\n]{0,60}?"
            r"(?:(?:开局|关键|决胜|攻坚|起步|奠基|收官|决战|冲刺|转型|突破|提升|重要)之年|关键一年|承上启下)",
            "。！？\n",
        ),
        "plan",
        "body: …年是…之年",
    ),
]


# a plan report named in the body: 审议关于X市2015年国民经济和社会发展计划执行情况与2016年计划草案的报告
_PLAN_REPORT_NAMED = re.compile(
    _Y + r"年(?:度)?[^。，；\n]{0,16}?计[划画]执行情况[^。，；\n]{0,4}?(?:与|和|及|暨)" + _Y + r"年"
)


# Words one of which a match of a rule holds: a head without any is not searched (a search for a
# word is fast, a scan of a pattern is not). A rule missing here is always searched.
_BODY_NEEDS = {
    "body: 回顾": ("回顾",),
    "body: 过去的…年": ("过去的",),
    "body: 提出…目标": ("提出", "明确", "确定", "部署"),
    "body: …年…政府工作报告": ("政府工作报告",),
    "body: …年要": ("要", "将", "力争"),
    "body: …年是…之年": ("之年", "关键一年", "承上启下"),
}


# Rules whose every match holds one of its words at most this many characters after its start:
# the rule is tried only there (_search_near).
_BODY_NEAR = {"body: 过去的…年": 2, "body: 提出…目标": 2}


def _holds(head: str, words: tuple[str, ...] | None) -> bool:
    return words is None or any(w in head for w in words)


def _search_near(pattern: re.Pattern, text: str, words: tuple[str, ...], reach: int) -> re.Match | None:
    """``pattern.search(text)`` for a pattern whose every match holds one of ``words`` starting at
    most ``reach`` characters after its own start: it is tried only there (a search for a word is
    fast; a scan of a pattern that opens on an optional part tries every character)."""
    found = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            found.add(i)
            i = text.find(w, i + 1)
    tried = 0  # the starts before it failed
    for i in sorted(found):
        for p in range(max(tried, i - reach), i + 1):
            m = pattern.match(text, p)
            if m:
                return m
        tried = i + 1
    return None


def _body_claims(head: str, mid_year: bool) -> list[Claim]:
    out = []
    m = _PLAN_REPORT_NAMED.search(head) if "执行情况" in head else None
    if m and cn_year(m.group(2)) == cn_year(m.group(1)) + 1:
        out.append(Claim(6, "body: plan report named", m.group(0), m.start(), cn_year(m.group(1)), cn_year(m.group(2))))
    for pattern, which, rule in _BODY_RULES:
        needs = _BODY_NEEDS.get(rule)
        if rule in _BODY_NEAR and needs:
            m = _search_near(pattern, head, needs, _BODY_NEAR[rule])
        else:
            m = pattern.search(head) if _holds(head, needs) else None
        if m:
            y = cn_year(m.group(1))
            years = _from_reviewed(y, mid_year) if which == "reviewed" else _from_plan(y, mid_year)
            out.append(
                Claim(7, rule, m.group(0).strip(), m.start() + len(m.group(0)) - len(m.group(0).lstrip()), *years)
            )
    return out


# a news event: 12月29日,…人民代表大会第三次会议开幕 / 作政府工作报告
_EVENT = re.compile(r"(\d{1,2})月(\d{1,2})日[^。\n]{0,40}?(?:开幕|召开|举行|作(?:了)?(?:政府)?工作报告)")


def _published_claims(doc: Document, head: str, mid_year: bool) -> list[Claim]:
    """A page's publication date, in its furniture or first lines: the report it is about
    was delivered then (or, for an event in a later month, the year before)."""
    out = []
    sources = [(m, True) for m in _PUB_LABEL.finditer(head[:1500])]
    sources += [(m, True) for m in _PUBLISHED.finditer(head[:600])]
    furniture = "\n".join(doc.furniture)
    sources += [(m, False) for m in _PUB_LABEL.finditer(furniture)]
    sources += [(m, False) for m in _PUBLISHED.finditer(furniture)]
    for m, exposed in sources:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not _valid(y, mo, d):
            continue
        event = _EVENT.search(head[:1500])
        month = mo
        words = m.group(0)
        if event:
            em = int(event.group(1))
            if 1 <= em <= 12:
                month = em
                if em > mo:  # an event in December told of in January
                    y -= 1
                words = f"{m.group(0)} … {event.group(0)}"
        start = m.start() if exposed else None
        out.append(Claim(8, "publication-date", words, start, *_relation(y, month, mid_year)))
        break
    return out


# things said of a year that only one year can be
_ANNIVERSARY = [
    (re.compile(r"(?:新中国|中华人民共和国)成立(\d{1,3}|[一二三四五六七八九十]{1,3})周年"), 1949),
    (
        re.compile(
            r"(?:中国共产党|党)成立(\d{1,3}|[一二三四五六七八九十百]{1,4})周年|建党(\d{1,3}|[一二三四五六七八九十百]{1,4})周年"
        ),
        1921,
    ),
    (re.compile(r"改革开放(\d{1,2}|[一二三四五六七八九十]{1,3})周年"), 1978),
]
_FYP_YEAR = re.compile(
    r"“?十([一二三四五六七八九])五”?(?:规划)?(?:的)?(开局之年|起步之年|收官之年|决胜之年|最后一年|第一年)"
)
_PARTY_CONGRESS = {"十五": 1997, "十六": 2002, "十七": 2007, "十八": 2012, "十九": 2017, "二十": 2022, "二十一": 2027}
_PARTY = re.compile(r"党的(十[五六七八九]|二十一?)大(?:胜利)?召开之年")
_SUBJECT = re.compile(
    r"(?:^|(?<=[。！？\n]))\s*((?:19|20)XX年|过去一年|过去的一年|去年|今年|这一年|刚刚过去的一年)[，,]?(?:是)?[^。！？\n]{0,60}$"
)


def _anniversary_claims(head: str, mid_year: bool) -> list[Claim]:
    """Years a sentence fixes by what it says of its year (``20XX年是新中国成立70周年``).

    Only a sentence whose subject is a masked year, 今年 or 去年 counts: the
    fact then dates that year, reviewed (去年, 过去一年, a masked year under
    review) or planned (今年)."""
    out = []
    if "周年" not in head and "之年" not in head and "第一年" not in head and "最后一年" not in head:
        return out
    for sent in re.finditer(r"[^。！？\n]+", head):
        s = sent.group(0)
        if "周年" not in s and "之年" not in s and "一年" not in s:
            continue  # what every pattern below holds one of: most sentences hold none
        year = None
        for pattern, base in _ANNIVERSARY:
            m = pattern.search(s)
            if m:
                n = cn_count(next(g for g in m.groups() if g))
                year = base + n if n else None
                break
        if year is None:
            m = _FYP_YEAR.search(s)
            if m:
                # the Nth five-year plan (N = 10 + the digit) opened in 1966 + 5(N − 3): 十四五 in 2021
                first = 1966 + 5 * (10 + _CN_NUM[m.group(1)] - 3)
                year = first if m.group(2) in ("开局之年", "起步之年", "第一年") else first + 4
        if year is None:
            m = _PARTY.search(s)
            if m:
                year = _PARTY_CONGRESS.get(m.group(1))
        if year is None:
            continue
        subj = re.match(r"\s*((?:19|20)XX年|过去一年|过去的一年|去年|今年|这一年|刚刚过去的一年)", s)
        if not subj:
            continue
        word = subj.group(1)
        if word == "今年":
            years = _from_plan(year, mid_year)
        elif word.endswith("XX年") or word == "这一年":
            # a masked year: reviewed when a review cue comes before it
            before = head[max(0, sent.start() - 400) : sent.start()]
            reviewing = re.search(r"回顾|过去一年|一年来|执行情况", before) or not re.search(r"今年|新的一年", before)
            years = _from_reviewed(year, mid_year) if reviewing else _from_plan(year, mid_year)
        else:
            years = _from_reviewed(year, mid_year)
        out.append(Claim(6, "what-the-year-was", s.strip(), sent.start() + len(s) - len(s.lstrip()), *years))
        break
    return out


_PAST = re.compile(r"完成了?|实现了?|取得|呈现|增长|达到|引进|建成|开工")
_FUTURE = re.compile(r"要|将|力争|预期|目标|计划")


def _dominant_claims(head: str, mid_year: bool) -> list[Claim]:
    """The year the opening names most often, read as reviewed or planned by its verbs: an estimate."""
    counts: dict[int, list[re.Match]] = {}
    for m in _YEAR.finditer(head[:2500]):
        counts.setdefault(cn_year(m.group(1)), []).append(m)
    if not counts:
        return []
    year, ms = max(counts.items(), key=lambda kv: (len(kv[1]), -kv[1][0].start()))
    m = ms[0]
    sentence = re.split(r"[。\n]", head[m.start() : m.start() + 80])[0]
    past, future = len(_PAST.findall(sentence)), len(_FUTURE.findall(sentence))
    years = _from_plan(year, mid_year) if future > past else _from_reviewed(year, mid_year)
    return [Claim(10, "most-named-year", sentence, m.start(), *years, certain=False)]


def _filename_claims(path: str, mid_year: bool) -> list[Claim]:
    name = os.path.basename(path)
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", name)]
    if not years:
        return []
    if len(years) >= 2 and years[1] == years[0] + 1:
        return [Claim(12, "file name", name, None, years[0], years[1], certain=False)]
    return [Claim(12, "file name", name, None, *_from_plan(years[0], mid_year), certain=False)]


# ---------------------------------------------------------------- title


def find_title(head: str) -> str | None:
    m = _LABELLED_TITLE.search(head)
    if m and "报告" in m.group(1):
        return m.group(1)
    lines = [ln.strip() for ln in head.split("\n")]
    lines = [ln for ln in lines if ln][:20]
    for i, line in enumerate(lines):
        if "报告" not in line or len(line) > 80 or not _fragment(line):
            continue
        if line.startswith(("——", "—", "在", "─")) or "各位代表" in line:
            continue
        if not re.search(r"工作报告|计划草案|执行情况", line):
            continue
        return _join_title(lines, i)
    return None


def _fragment(line: str) -> bool:
    """A line that can be part of a title: no sentence in it, no label, no delivery line."""
    return not re.search(r"[。；！？:：]", line) and not line.startswith(("——", "—", "─"))


def _join_title(lines: list[str], i: int) -> str:
    """The title ending on ``lines[i]``, joined with the lines it was broken from.

    A title broken over lines starts with 关于 a line or two above; without
    one, only a line the title plainly continues (…发展 / 计划执行情况…) is joined.
    """
    for j in range(i - 1, max(i - 3, 0) - 1, -1):
        if not _fragment(lines[j]) or len("".join(lines[j : i + 1])) > 100:
            break
        if lines[j].startswith("关于"):
            return "".join(lines[j : i + 1])
    title = lines[i]
    if (
        i > 0
        and _fragment(lines[i - 1])
        and len(lines[i - 1]) + len(title) <= 90
        and title.startswith(("计划", "执行", "国民", "的报告", "和社会", "政府工作", "经济和社会"))
    ):
        title = lines[i - 1] + title
    return title


def find_years(title: str, text: str, iso_date: str | None) -> tuple[int | None, int | None]:
    """The (reviewed, plan) years a title, a text and a delivery date give (the strongest claim)."""
    doc = Document(path="<text>", text=text, folded=text, encoding="utf-8", script="simplified", title=title or None)
    doc.date = iso_date
    claims = year_claims(doc, text[:4000], is_mid_year(text[:3000], title))
    if not claims:
        return None, None
    best = min(claims, key=lambda c: (c.rank, c.start if c.start is not None else 1 << 30))
    return best.reviewed, best.plan


# ---------------------------------------------------------------- area

_WE_REPRESENT = re.compile(r"我代表(?:[一二三四五六七八九十]+届)?([\u4e00-\u9fff]{2,16}?)人民政府")
_IN_CONGRESS = re.compile(r"在\s*([\u4e00-\u9fff\s]{2,24}?)\s*第\s*[一二三四五六七八九十\d]{1,3}\s*[届屆]")
_TITLE_AREA = [
    re.compile(r"关于([\u4e00-\u9fff]{2,20}?)(?:人民政府)?(?:(?:19|20)\d\d|国民经济|政府工作)"),
    re.compile(r"(?:19|20)\d\d年(?:度)?([\u4e00-\u9fff]{2,20}?)(?:国务院|人民政府)?(?:政府工作报告|国民经济)"),
    re.compile(
        r"^(?:[（(][\u4e00-\u9fff]{2,8}[)）])?([\u4e00-\u9fff]{2,20}?)(?:(?:19|20)\d\d年(?:度)?)?(?:人民政府)?(?:政府工作报告|国民经济)"
    ),
]
# which level the text speaks as: 县委, 全市, 地委 …
_LEVEL_CUE = re.compile(
    r"(自治区|自治州|自治县|地区|省|市|县|区|州|旗|盟)(?:委|人民政府|政府|人大|政协)|全(省|市|县|区|州|旗|盟)|(地)委|(行署)"
)


def _settle_area(doc: Document, head: str) -> None:
    text = doc.folded
    found = find_area(doc.title or "", head, text[:6000], "\n".join(doc.furniture))
    if found is None:
        doc.area = None
        doc.warnings.append(
            "no area found (looked for the title, the delivery line, the congress, 我代表…人民政府 and "
            "the divisions named): give it with --area or reports.tsv"
        )
        return
    name, start, rule, div = found
    if start is not None and doc.folded[start : start + len(name)] == name:
        name = doc.text[start : start + len(name)]
    words = name
    if rule == "national":  # the country is no division of the gazetteer: the words are what says national
        m = re.search(r"全国人民代表大会|全国人大|受国务院委托|国务院关于|国务院政府工作报告", doc.folded[:3000])
        words, start = (doc.text[m.start() : m.end()], m.start()) if m else (name, None)
    doc.area = name
    doc.area_code = div.code if div else None
    certain = rule not in ("short-name", "most-named")
    doc.sources["area"] = MetaSource(
        rule + ("" if div or rule == "national" else " (not in the gazetteer)"), words, start, certain
    )
    if not certain:
        doc.warnings.append(f"area {name} estimated ({rule}): check it or give it with --area or reports.tsv")


_SITE = re.compile(
    r"(?:版权所有|主办单位|主办|站点|网站名称)?\s*[:：]?\s*([\u4e00-\u9fff]{2,16}?)(?:人民政府)(?:网|门户网站|办公室)?"
)


def find_area(title: str, head: str, body: str | None = None, furniture: str = ""):
    """``(name, offset in head or None, rule, Division or None)`` of the area, or None.

    Rules, strongest first: the title, the delivery line or congress, 我代表X人民
    政府, the division named most often, the site the page came from (its
    furniture: 版权所有：X人民政府), a short name (海东 of 海东市) at the level the
    text speaks as (市委, 地委). Names the gazetteer knows win over others.
    """
    body = body if body is not None else head
    if (
        re.search(r"全国人民代表大会|全国人大|受国务院委托|国务院关于", head[:3000])
        and not re.search(r"[省市县区州旗盟]第?[一二三四五六七八九十]+届", head[:1500])
        or "国务院政府工作报告" in title
    ):
        m = re.search(r"全国人民代表大会|全国人大|受国务院委托|国务院关于|国务院政府工作报告", head[:3000])
        return "中华人民共和国", m.start() if m else None, "national", None
    candidates = []  # (rank, name, start, rule, division)
    tstart = head.find(title) if title else -1
    for pattern in _TITLE_AREA:
        m = pattern.search(title) if title else None
        if m:
            name = _innermost(m.group(1))
            if name:
                s = tstart + m.start(1) + m.group(1).rfind(name) if tstart >= 0 else None
                candidates.append((1, name, s, "title", gazetteer.match(name)))
            break
    for m in _IN_CONGRESS.finditer(head):
        name = _innermost(re.sub(r"\s+", "", m.group(1)))
        if name:
            candidates.append((2, name, head.find(name, m.start()), "delivery-line", gazetteer.match(name)))
            break
    for m in congress_matches(head):
        name, div, s = name_before(head, m.start())
        if name:
            name = _innermost(name) or name
            candidates.append((3, name, head.find(name, s), "congress", gazetteer.match(name)))
            break
    m = _WE_REPRESENT.search(head)
    if m:
        name = _innermost(m.group(1))
        if name:
            candidates.append((3, name, m.start(1) + m.group(1).rfind(name), "我代表…人民政府", gazetteer.match(name)))
    for _rank, name, s, rule, hit in sorted(candidates, key=lambda c: c[0]):
        if hit:
            return name, s, rule, hit[0]
    if title:
        named = _short_name(body, within=title)
        if named:
            return named[0], None, "short-name in the title", named[3]
    unknown = next(
        (
            (name, s, rule, None)
            for _rank, name, s, rule, _hit in sorted(candidates, key=lambda c: c[0])
            if _plausible_area(name)
        ),
        None,
    )  # an invented or very old name: kept, marked as not in the gazetteer
    named = _most_named(body)
    if named and (unknown is None or body.count(named[0]) > max(1, body.count(unknown[0]))):
        return named  # (a division the body names once, 山南日报 in a news page, is no match for the title's)
    if unknown is not None:
        return unknown
    for m in _SITE.finditer(furniture):  # the site the page was saved from: 版权所有：X县人民政府
        name = _innermost(m.group(1))
        hit = gazetteer.match(name) if name else None
        if hit:
            return name, None, "site name", hit[0]
    return _short_name(body)


def _plausible_area(name: str) -> bool:
    """A name a title or a delivery line gives that reads as an area's: a unit word after a stem
    that is no count, no self-reference and no 自治 alone."""
    stem = gazetteer.stem(name)
    return bool(
        gazetteer.unit_word(name)
        and stem
        and not stem.endswith("自治")
        and not re.match(r"[我本全该各十一二三四五六七八九]", stem)
    )


def _innermost(name: str) -> str | None:
    """``淄博市周村区`` → ``周村区``; a name not ending in a unit word → None."""
    name = re.sub(r"^[（(][^）)]*[)）]", "", name)
    name = re.sub(r"(?:人民政府|人民|政府)$", "", name)  # 宣汉县人民|政府工作报告
    for prefix in ("中共", "关于"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    if not gazetteer.unit_word(name):
        return None
    chain = gazetteer.split_chain(name)
    if len(chain) >= 2:
        return chain[-1]
    # a name written with words before it (宣汉县人民 is not one): the longest division it ends with
    if gazetteer.match(name):
        return name
    for i in range(1, len(name) - 1):
        if gazetteer.match(name[i:]):
            return name[i:]
    return name


def find_divisions(text: str) -> list[tuple[int, str, gazetteer.Division]]:
    """Every division written in full in ``text`` (longest names first, no overlaps)."""
    out = []
    i, n = 0, len(text)
    while i < n - 1:
        hit = None
        for j in range(min(n, i + 12), i + 1, -1):
            name = text[i:j]
            if not gazetteer.unit_word(name) or len(gazetteer.stem(name)) < 2:
                continue
            m = gazetteer.match(name)
            if m and m[1] in ("name", "renamed", "short") and not _inside_words(text, i, j):
                hit = (i, name, m[0])
                break
        if hit:
            out.append(hit)
            i += len(hit[1])
        else:
            i += 1
    return out


def _inside_words(text: str, i: int, j: int) -> bool:
    """A division's name read across word boundaries: its first character ends a word begun
    before it (创|新兴市 of 创新兴市, a slogan; not after another division, 湖南省|长沙市), or its
    unit word opens a noun after it (新兴市|场, 站前区|块; not 区委, 县城, which are the division's)."""
    if i > 0 and text[i - 1] not in _UNIT_CHARS and text[i - 1 : i + 1] in _two_character_words():
        return True
    return text[j - 1 : j + 1] in _UNIT_NOUNS


_UNIT_CHARS = frozenset("省市县区州旗盟")
_UNIT_NOUNS = frozenset({"市场", "区块", "区间", "区位", "县域"})


@lru_cache(maxsize=1)
def _two_character_words() -> frozenset[str]:
    """The frequent two-character words of jieba's dictionary, read from its file on first use
    (only a division found in the body, not in the title, asks)."""
    path = os.path.join(os.path.dirname(jieba_file), "dict.txt")
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 2 and int(parts[1]) >= 100 and parts[2] != "ns":
                out.add(parts[0])
    return frozenset(out)


def _speaks_as(text: str) -> str | None:
    """The unit word the text speaks as: 县 for 县委, 全县, 县人民政府 (the most frequent), or None."""
    cues: dict[str, int] = {}
    for m in _LEVEL_CUE.finditer(text[:3000]):
        word = next(g for g in m.groups() if g)
        word = {"地": "地区", "行署": "地区"}.get(word, word)
        cues[word] = cues.get(word, 0) + 1
    return max(cues.items(), key=lambda kv: (kv[1], kv[0]))[0] if cues else None


def _most_named(text: str):
    found = find_divisions(text[:3000])
    level_word = _speaks_as(text)
    if level_word and level_word not in ("省", "自治区"):  # a county's or city's report names its province too
        found = [f for f in found if f[2].level != gazetteer.PROVINCE]
    if not found:
        return None
    counts: dict[str, list] = {}
    for start, name, div in found:
        counts.setdefault(div.code, []).append((start, name, div))
    # the unit named most; a tie goes to the lower level (a county report names its city too), then the first
    level_order = {gazetteer.COUNTY: 0, gazetteer.PREFECTURE: 1, gazetteer.PROVINCE: 2}
    code, hits = max(counts.items(), key=lambda kv: (len(kv[1]), -level_order[kv[1][0][2].level], -kv[1][0][0]))
    start, name, div = hits[0]
    return name, start, "most-named", div


_LEVEL_RANK = {gazetteer.COUNTY: 0, gazetteer.PREFECTURE: 1, gazetteer.PROVINCE: 2}


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The words jieba's dictionary tags as place names (ns): a short name must be one.

    Read from the dictionary file jieba ships, without starting its tokenizer;
    only the short-name rule needs it, so it is read on first use."""
    path = os.path.join(os.path.dirname(jieba_file), "dict.txt")
    out = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "ns" and 2 <= len(parts[0]) <= 4:
                out.add(parts[0])
    return frozenset(out)


def _short_name(text: str, within: str | None = None):
    """A division written without its unit word (新海东, 塔城口岸), at the level the text speaks as,
    looked for in ``within`` (the title), else in the text."""
    level_word = _speaks_as(text)
    if not level_word:
        return None
    where = within if within is not None else text[:3000]
    best = None
    for stem, divs in gazetteer.by_stem().items():
        if len(stem) < 2:
            continue
        fits = [d for d in divs if d.unit_word == level_word]
        if not fits or stem not in _place_words():
            continue  # 同心 of 同心县 is a word (勠力同心), not a place
        rank = _LEVEL_RANK[fits[0].level]
        if any(_LEVEL_RANK[d.level] > rank for d in divs):
            continue  # 海南 of 海南区 is first the province
        i = where.find(stem)
        if i < 0:
            continue
        n = where.count(stem)
        key = (n, len(stem), -i)
        if best is None or key > best[0]:
            best = (key, fits[0], i)
    if best is None:
        return None
    div = best[1]
    return div.name, None, "short-name", div


# ---------------------------------------------------------------- date


def find_date(head: str, warnings: list[str], furniture: str = "") -> str | None:
    """The delivery date: from the line saying where the report was given,
    else a labelled date of the page (发布日期, in ``furniture`` when dropped).

    A date inside a sentence (从2004年7月1日起) is not the delivery date.
    """
    for m in _DELIVERY.finditer(head):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if mo and d and "月" in m.group(0):
            iso = _valid(int(y), int(mo), int(d))
            if iso:
                return iso
        # damaged: 2021312日 → month and day run together
        digits = (mo or "") + (d or "")
        options = _split_month_day(int(y), digits)
        labelled = _labelled_date(head) or _labelled_date(furniture)
        if labelled and labelled in options:
            return labelled
        if len(options) == 1:
            return options[0]
        if len(options) > 1:
            warnings.append(
                f"ambiguous damaged date {head[m.start(1) : m.end() - 1]!r}: could be {', '.join(options)}; left out"
            )
    for m in _FULL_DATE_LINE.finditer(head):
        iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            return iso
    return _labelled_date(head) or _labelled_date(furniture)


def _labelled_date(head: str) -> str | None:
    m = _ISO.search(head)
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _split_month_day(year: int, digits: str) -> list[str]:
    out = []
    for cut in range(1, len(digits)):
        iso = _valid(year, int(digits[:cut]), int(digits[cut:])) if digits[cut:] else None
        if iso and digits[cut] != "0" or iso and len(digits[cut:]) == 2:
            out.append(iso)
    return sorted(set(out))


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
