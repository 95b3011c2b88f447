"""Sections and sentences, each section knowing its year and mode.

Planning reports number their outline in four ways: ``一、`` (a line),
``（一）`` (a line, whose first sentence is the heading), ``一是`` (inline, after
a full stop or colon) and ``1.`` / ``（1）`` (a line). ``Section.level`` names
the kind of numbering (1 一、 2 （一） 3 一是 4 1. or （1）); nesting follows the
outline as written: 一、 holds （一）, which holds 1., which holds （1）, and an
inline run 一是, 二是… belongs to the paragraph it runs in, whatever that is.
An inline run needs at least two items in order (一是…二是…), so a lone 一是
inside a sentence (其原因：一是…，二是…) is not a section.

The outermost headings say whether a part reviews year Y (执行情况, 回顾) or plans
year Y+1 (目标, 任务, 工作重点); everything inside inherits that, unless its own
heading names another year and mode. A part whose heading says neither, and
text outside any part (the preamble, the closing), is taken as about the plan
year: a report is delivered during the year it plans, and after its review it
turns to what comes (1990s national reports: 一、1994年国内工作的回顾, then
二、促进国民经济持续、快速、健康发展).

Every section start is also a sentence start, so every sentence lies inside
the one section it names.
"""
from __future__ import annotations

import bisect
import re

from .records import PLANNED, REVIEWED, Document, Section, Sentence

_NUM = "一二三四五六七八九十"
_CN = {c: i + 1 for i, c in enumerate(_NUM)}

_L1 = re.compile(rf"^[ ]*([{_NUM}]{{1,3}})、(.*)$", re.M)
_L2 = re.compile(rf"^[ ]*（([{_NUM}]{{1,3}})）(.*)$", re.M)
_L3 = re.compile(rf"(?:(?<=[。；！？：\n])|^)[ ]*([{_NUM}]{{1,3}})是(?=[^，。；、是]{{2}})", re.M)
# a run whose stop before 一是 was lost in scraping (两篇文章一是…。二是…); the
# characters that make 一 part of a word (这一, 之一, 统一, 唯一…) are not that
_L3_LOOSE = re.compile(r"(?<=[\u4e00-\u9fff”’）])(?<![这那之统唯第同单每其万逐划另])一是(?=[^，。；、是]{2})")
_L4 = re.compile(r"^[ ]*(?:(\d{1,2})[.、](?!\d)|（(\d{1,2})）)(.*)$", re.M)

# nesting order: 一、 > （一） > 1. > （1） > 一是 (inline, innermost)
_RANK_L1, _RANK_L2, _RANK_NUM, _RANK_PAREN_NUM, _RANK_INLINE = 1, 2, 3, 4, 5

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


def _heading_title(text: str, start: int, limit: int = 120, stops: str = "。！？\n") -> str:
    """The heading: from ``start`` to the first full stop or line end."""
    end = start
    n = min(len(text), start + limit)
    while end < n and text[end] not in stops:
        end += 1
    return text[start:end].strip()


def segment(doc: Document) -> None:
    """Fill ``doc.sections`` and ``doc.sentences`` in place."""
    text = doc.folded
    heads = []  # (start, rank, level, number, marker, title_start)
    for m in _L1.finditer(text):
        heads.append((m.start(1), _RANK_L1, 1, _cn_number(m.group(1)), m.group(1) + "、", m.start(2)))
    for m in _L2.finditer(text):
        heads.append((_lstripped(m), _RANK_L2, 2, _cn_number(m.group(1)), f"（{m.group(1)}）", m.start(2)))
    for m in _L4.finditer(text):
        num = m.group(1) or m.group(2)
        marker = m.group(0).strip(" ")[: len(m.group(0).strip(" ")) - len(m.group(3))]
        rank = _RANK_NUM if m.group(1) else _RANK_PAREN_NUM
        heads.append((_lstripped(m), rank, 4, int(num), marker, m.start(3)))
    inline = [(m.start(1), _RANK_INLINE, 3, _cn_number(m.group(1)), m.group(1) + "是", m.end(0), True)
              for m in _L3.finditer(text)]
    inline += [(m.start(), _RANK_INLINE, 3, 1, "一是", m.end(), False) for m in _L3_LOOSE.finditer(text)]
    heads.sort()
    heads = _merge_runs(heads, sorted(inline))

    root = Section(id="0", level=0, marker="", title=doc.title or "", start=0, end=len(text),
                   parent=None, year=doc.plan_year, mode=PLANNED)
    sections = [root]
    stack = [(root, 0)]
    counters: dict[str, int] = {}
    for i, (start, rank, level, _num, marker, tstart) in enumerate(heads):
        while stack[-1][1] >= rank:
            stack.pop()
        parent = stack[-1][0]
        counters[parent.id] = counters.get(parent.id, 0) + 1
        sid = f"{counters[parent.id]}" if parent.id == "0" else f"{parent.id}.{counters[parent.id]}"
        title = _heading_title(text, tstart, stops="。！？\n；" if rank == _RANK_INLINE else "。！？\n")
        end = _section_end(heads, i, rank, parent.end, len(text))
        year, mode = _year_mode(title, parent, doc, level)
        sec = Section(id=sid, level=level, marker=marker, title=doc.text[tstart:tstart + len(title)].strip(),
                      start=start, end=end, parent=parent.id, year=year, mode=mode)
        sections.append(sec)
        stack.append((sec, rank))
    doc.sections = sections
    doc.sentences = _sentences(text, sections)


def _lstripped(m: re.Match) -> int:
    """Start of a line match, after its leading spaces."""
    return m.start(0) + len(m.group(0)) - len(m.group(0).lstrip(" "))


def _merge_runs(heads: list[tuple], inline: list[tuple]) -> list[tuple]:
    """Add the inline ``N是`` that form runs 一是, 二是… (two or more, in order)
    within one paragraph block (between line headings); a loose 一是 (its stop
    lost) counts only when a run follows it."""
    line_starts = [h[0] for h in heads]
    runs: list[list[tuple]] = []
    run: list[tuple] = []
    block = -1
    for cand in inline:
        b = bisect.bisect_right(line_starts, cand[0])
        if b != block:
            runs.append(run)
            run, block = [], b
        num, strict = cand[3], cand[6]
        if num == 1:
            if run and run[-1][0] == cand[0]:
                continue  # the same 一是 found by both patterns
            runs.append(run)
            run = [cand]
        elif run and strict and num == run[-1][3] + 1:
            run.append(cand)
    runs.append(run)
    kept = [c[:6] for r in runs if len(r) >= 2 for c in r]
    return sorted(heads + kept)


def _section_end(heads, i, rank, parent_end, n):
    for start, r, *_ in heads[i + 1:]:
        if r <= rank:
            return min(start, parent_end)
    return min(parent_end, n)


def _year_mode(title: str, parent: Section, doc: Document, level: int):
    """Year and mode of a section from its heading, else from its parent.

    An outermost heading says what its part is about: review words, or the
    reviewed or plan year it names, or plan words; with none of them it is
    about the plan year. An inner heading only changes course with review
    words, or with plan words and the plan year (（二）2020年主要目标): one
    that merely names a year (一是巩固2020年脱贫成果) stays in its part.
    """
    years = [int(y) for y in _YEAR.findall(title)]
    if _REVIEW_WORDS.search(title):
        return (years[0] if years else doc.reviewed_year), REVIEWED
    if level == 1:
        if doc.plan_year in years:
            return doc.plan_year, PLANNED
        if doc.reviewed_year in years:
            return doc.reviewed_year, REVIEWED
        if _PLAN_WORDS.search(title) and years:
            return years[0], PLANNED
        return doc.plan_year, PLANNED
    if doc.plan_year in years and _PLAN_WORDS.search(title):
        return doc.plan_year, PLANNED
    return parent.year, parent.mode


def _sentences(text: str, sections: list[Section]) -> list[Sentence]:
    starts = sorted({s.start for s in sections})
    sec_starts = [s.start for s in sections]  # pre-order, so sorted
    out = []
    for m in _SENT.finditer(text):
        a, end = m.start(), m.end()
        # a section starting inside (一是…；二是…) starts a sentence too
        cuts = starts[bisect.bisect_right(starts, a):bisect.bisect_left(starts, end)]
        for b in cuts + [end]:
            piece_start, piece_end = a, b
            while piece_start < piece_end and text[piece_start] == " ":
                piece_start += 1
            while piece_end > piece_start and text[piece_end - 1] == " ":
                piece_end -= 1
            if piece_start < piece_end:
                out.append(Sentence(start=piece_start, end=piece_end,
                                    section=_innermost(sections, sec_starts, piece_start)))
            a = b
    return out


def _innermost(sections: list[Section], starts: list[int], pos: int) -> str:
    i = bisect.bisect_right(starts, pos) - 1
    while i > 0:
        s = sections[i]
        if s.start <= pos < s.end:
            return s.id
        i -= 1
    return "0"
