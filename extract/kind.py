"""What a document is: a report, a plan report, a page of one, a news article, a digest.

Users save whatever they find: the report itself (``各位代表：…我代表…``), the
plan report of the development commission (``计划执行情况与…计划草案``), one
page of a report a site split over pages (``(接1版)``), a news article about
the session (``长城网9月23日讯``, ``记者``, ``报告指出``) or a digest
(``摘登``, ``解读``, ``要点``). The kind decides how passages without headings
are read (``extract.segment``) and is recorded with the words that gave it.
"""

from __future__ import annotations

import re

from .records import MetaSource

_DIGEST = re.compile(r"摘登|摘编|摘要|解读|要点|一图读懂|图解|划重点|根据[^。\n]{0,30}政府工作报告")
_NEWS = re.compile(
    r"(?:网|报|社|台|电)(?:[\u4e00-\u9fff]{0,6})?(?:\d{1,2}月\d{1,2}日)?讯|本报讯|记者|通讯员|新华社|获悉|据介绍"
    r"|(?:作|作了)(?:《)?政府工作报告(?:》)?[。，]|报告(?:指出|提出|显示)|《政府工作报告》|代表团|分组(?:讨论|审议)"
)
_PAGE = re.compile(r"[（(]接[^）)\n]{1,4}版[)）]|接上页|上接第|[（(]续[)）]|续前")
_PLAN = re.compile(r"计划执行情况|计划草案|计划的报告|计划执行")
_REPORT = re.compile(r"各位代表|我代表[^。\n]{0,20}(?:人民政府|国务院)|政府工作报告")
_MID_YEAR = re.compile(r"今年以来|上半年|前三季度|1[-—至~]\d{1,2}月|一季度")


def find_kind(text: str, title: str | None) -> tuple[str, MetaSource]:
    """The kind of a document and the words that gave it."""
    head = text[:600]
    m = _PAGE.search(text[:1500])
    if m:
        return "page", MetaSource("kind: continued page", m.group(0), m.start())
    opening = text[:300]
    m = _DIGEST.search(opening)
    if m and not re.search(r"各位代表", head):
        return "digest", MetaSource("kind: digest", m.group(0), m.start())
    m = _NEWS.search(head)
    if m and not re.search(r"各位代表", text[:1500]):
        return "news", MetaSource("kind: news", m.group(0), m.start())
    m = _PLAN.search(title or "")
    if (
        not m
        and not re.search(r"政府工作报告", title or "")
        and not re.search(r"我代表[^。\n]{0,20}(?:人民政府|国务院)", text[:3000])
    ):
        m = _PLAN.search(text[:1500])
    if m:
        return "plan-report", MetaSource(
            "kind: plan report", m.group(0), text.find(m.group(0)) if m.group(0) in text else None
        )
    m = _REPORT.search(text[:3000])
    if m:
        return "report", MetaSource("kind: report", m.group(0), m.start())
    return "report", MetaSource("kind: default", "", None, certain=False)


def is_mid_year(head: str, title: str | None) -> bool:
    """A report on the plan part way through its year (``关于今年以来…计划执行情况的报告``):
    it reviews and plans the same year."""
    for where in (title or "", head):
        for m in _PLAN.finditer(where):
            before = where[max(0, m.start() - 30) : m.start()]
            if _MID_YEAR.search(before) and "草案" not in where[m.start() : m.start() + 30]:
                return True
    return False
