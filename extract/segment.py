"""Sections and sentences, each section knowing its year and mode.

Planning reports number their outline in four ways, outermost first:
``一、`` (a line), ``（一）`` (a line, whose first sentence is the heading),
``一是`` (inline, after a full stop) and ``1.`` / ``（1）`` (a line). The
outermost headings say whether a part reviews year Y (执行情况, 回顾) or plans
year Y+1 (目标, 任务, 工作重点); everything inside inherits that, unless its own
heading names another year and mode. Text outside any such part (the preamble,
the closing) is taken as about the plan year: a report is delivered during the
year it plans.
"""
from __future__ import annotations

import bisect
import re

from .records import PLANNED, REVIEWED, Document, Section, Sentence

_NUM = "一二三四五六七八九十"
_CN = {c: i + 1 for i, c in enumerate(_NUM)}

_L1 = re.compile(rf"^[ ]*([{_NUM}]{{1,3}})、(.*)$", re.M)
_L2 = re.compile(rf"^[ ]*（([{_NUM}]{{1,3}})）(.*)$", re.M)
_L3 = re.compile(rf"(?:(?<=[。；！\n])|^)[ ]*([{_NUM}]{{1,3}})是(?=[^，。；、是]{{2}})", re.M)
_L4 = re.compile(r"^[ ]*(?:(\d{1,2})[.、](?!\d)|（(\d{1,2})）)(.*)$", re.M)

_REVIEW_WORDS = re.compile(r"执行情况|回顾|完成情况|过去一年|过去五年|过去的一年|工作总结|主要成绩|取得的成绩")
_PLAN_WORDS = re.compile(r"目标|任务|计划|工作重点|重点工作|安排|建议|要求|思路|部署|措施|政策取向")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_SENT = re.compile(r"[^。！？\n]*[。！？]+[”’」』）]*|[^。！？\n]+")


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if len(s) == 1:
        return _CN.get(s, 0)
    if s.startswith("十"):
        return 10 + _CN.get(s[1], 0)
    if len(s) == 2 and s[1] == "十":
        return _CN.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN.get(s[0], 0) * 10 + _CN.get(s[2], 0)
    return 0


def _heading_title(text: str, start: int, limit: int = 120) -> str:
    """The heading: from ``start`` to the first full stop or line end."""
    end = start
    n = min(len(text), start + limit)
    while end < n and text[end] not in "。！？\n":
        end += 1
    return text[start:end].strip()


def segment(doc: Document) -> None:
    """Fill ``doc.sections`` and ``doc.sentences`` in place."""
    text = doc.folded
    heads = []  # (start, level, number, marker, title_start)
    for m in _L1.finditer(text):
        heads.append((m.start(1), 1, _cn_number(m.group(1)), m.group(1) + "、", m.start(2)))
    for m in _L2.finditer(text):
        heads.append((m.start(0) + len(m.group(0)) - len(m.group(0).lstrip(" ")), 2, _cn_number(m.group(1)),
                      f"（{m.group(1)}）", m.start(2)))
    for m in _L3.finditer(text):
        heads.append((m.start(1), 3, _cn_number(m.group(1)), m.group(1) + "是", m.end(0)))
    for m in _L4.finditer(text):
        num = m.group(1) or m.group(2)
        marker = m.group(0).strip(" ")[: len(m.group(0).strip(" ")) - len(m.group(3))]
        heads.append((m.start(0) + len(m.group(0)) - len(m.group(0).lstrip(" ")), 4, int(num), marker, m.start(3)))
    heads.sort()
    heads = _keep_sequences(heads)

    root = Section(id="0", level=0, marker="", title=doc.title or "", start=0, end=len(text),
                   parent=None, year=doc.plan_year, mode=PLANNED)
    sections = [root]
    stack = [root]
    counters: dict[str, int] = {}
    last_top_mode = None
    for i, (start, level, _num, marker, tstart) in enumerate(heads):
        while stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        counters[parent.id] = counters.get(parent.id, 0) + 1
        sid = f"{counters[parent.id]}" if parent.id == "0" else f"{parent.id}.{counters[parent.id]}"
        title = _heading_title(text, tstart)
        end = _section_end(heads, i, level, parent.end, len(text))
        year, mode = _year_mode(title, parent, doc, level, last_top_mode)
        if level == 1:
            last_top_mode = mode
        sec = Section(id=sid, level=level, marker=marker, title=doc.text[tstart:tstart + len(title)].strip(),
                      start=start, end=end, parent=parent.id, year=year, mode=mode)
        sections.append(sec)
        stack.append(sec)
    doc.sections = sections
    doc.sentences = _sentences(text, sections)


def _keep_sequences(heads: list[tuple]) -> list[tuple]:
    """Drop inline ``N是`` that do not continue a ``一是, 二是…`` run in the same block."""
    out = []
    last3 = 0
    for h in heads:
        start, level, num = h[0], h[1], h[2]
        if level < 3:
            last3 = 0
        if level == 3:
            if num != last3 + 1:
                continue
            last3 = num
        out.append(h)
    return out


def _section_end(heads, i, level, parent_end, n):
    for start, lvl, *_ in heads[i + 1:]:
        if lvl <= level:
            return min(start, parent_end)
    return min(parent_end, n)


def _year_mode(title: str, parent: Section, doc: Document, level: int, last_top_mode):
    years = [int(y) for y in _YEAR.findall(title)]
    if _REVIEW_WORDS.search(title):
        return (years[0] if years else doc.reviewed_year), REVIEWED
    if level == 1 or years:
        if _PLAN_WORDS.search(title) or (years and doc.plan_year in years):
            return (years[0] if years else doc.plan_year), PLANNED
        if years and doc.reviewed_year in years:
            return doc.reviewed_year, REVIEWED
    if level == 1:
        if last_top_mode is not None:
            return (doc.reviewed_year if last_top_mode == REVIEWED else doc.plan_year), last_top_mode
        return doc.plan_year, PLANNED
    return parent.year, parent.mode


def _sentences(text: str, sections: list[Section]) -> list[Sentence]:
    starts = [s.start for s in sections]
    out = []
    for m in _SENT.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a] == " ":
            a += 1
        while b > a and text[b - 1] == " ":
            b -= 1
        if a == b:
            continue
        out.append(Sentence(start=a, end=b, section=_innermost(sections, starts, a)))
    return out


def _innermost(sections: list[Section], starts: list[int], pos: int) -> str:
    i = bisect.bisect_right(starts, pos) - 1
    while i > 0:
        s = sections[i]
        if s.start <= pos < s.end:
            return s.id
        i -= 1
    return "0"
