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

Text before the first numbered heading is read as *passages* (level 5, no
marker): a paragraph that opens a review (``首先报告２００１年的工作``,
``2018年工作回顾``, ``过去一年``, ``一年来``, ``去年``, a short heading line with
review words) starts a reviewed passage, one that turns to the plan year
(``２００２年是…``, ``今年工作的总体要求``, ``新的一年``) a planned one, and the
paragraphs after it inherit its mode. News articles and digests, which have no
outline, are read this way throughout, with the cues of reported speech too
(``报告提出…目标`` plans; ``回顾…时称`` reviews; a paragraph about the reviewed
year, its verbs in the past). Text before the first cue is about the plan year.

Every section start is also a sentence start, so every sentence lies inside
the one section it names.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from .codepoints import codes, np
from .meta import cn_year
from .records import PLANNED, REVIEWED, Document, Section, Sentence

_NUM = "一二三四五六七八九十"
_CN = {c: i + 1 for i, c in enumerate(_NUM)}

_L1 = re.compile(rf"^[ ]*([{_NUM}]{{1,3}})、(.*)$", re.M)
_L2 = re.compile(rf"^[ ]*（([{_NUM}]{{1,3}})）(.*)$", re.M)
# 一是 (inline) opens a clause: after 。；！？： or a line break (_after_stop). A run
# whose stop before 一是 was lost in scraping (两篇文章一是…。二是…) is taken too,
# unless what is before makes 一 part of a word (这一, 之一, 统一, 唯一…: _LOOSE_BEFORE).
# patterns that open on the numeral (a scan that opens on a look-behind is slow)
# (the look-behind stands after the first numeral, so that the scan opens on a character class)
_L3_CAND = re.compile(rf"([{_NUM}](?<![{_NUM}].)[{_NUM}]{{0,2}})是(?=[^，。；、是]{{2}})")
_L3_LOOSE_CAND = re.compile(r"一是(?=[^，。；、是]{2})")
# the 是 after a numeral, where _L3_CAND can match: a scan that opens on 是 is fast, one that opens on
# the numerals (一 is everywhere) is not
_L3_IS = re.compile(rf"是(?<=[{_NUM}]是)")


def _l3_matches(text: str):
    """``_L3_CAND.finditer(text)``: the pattern tried only just before each 是 after a numeral
    (each match ends in its own 是, so the matches found so are those of finditer, in order)."""
    for c in _L3_IS.finditer(text):
        at = c.start()
        for start in range(max(0, at - 3), at):
            m = _L3_CAND.match(text, start)
            if m and m.end(1) == at:
                yield m
                break


_LOOSE_BEFORE = re.compile(r"(?![这那之统唯第同单每其万逐划另])[\u4e00-\u9fff”’）]")


def _head_lines(text: str) -> list[int]:
    """Starts of the lines whose first character after spaces can open a line heading
    (the lines ``_L1``, ``_L2`` and ``_L4`` can match): the text start and those after a line break."""
    return [0, *(m.start() + 1 for m in _HEAD_LINE.finditer(text))]


def _after_stop(text: str, i: int) -> bool:
    """Position ``i`` opens a clause: at the text start or after 。；！？： or a line break, spaces between."""
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j == 0 or text[j - 1] in "。；！？：\n"


_L4 = re.compile(r"^[ ]*(?:(\d{1,2})[.、](?!\d)|（(\d{1,2})）)(.*)$", re.M)
# a line that can open with a heading of level 1, 2 or 4: each pattern is tried there only (a scan
# for a line break is fast; one for ^ tries every character)
_HEAD_LINE = re.compile(rf"\n[ ]*(?=[{_NUM}（]|\d)")

# nesting order: an unnumbered part > 一、 > （一） > 1. > （1） > 一是 (inline, innermost)
_RANK_PART, _RANK_L1, _RANK_L2, _RANK_NUM, _RANK_PAREN_NUM, _RANK_INLINE = 0.5, 1, 2, 3, 4, 5
_RANK_PASSAGE = 0.75  # never a parent: a passage ends where any heading starts
# an unnumbered part title: a short line alone between blank lines (六五计划前两年的执行情况, 结束语)
# (the two line breaks are matched, not looked behind at, so that the scan opens on a character)
_PART = re.compile(r"\n\n[ ]*([\u4e00-\u9fff][^\n。，；：！？“”（）()]{1,23})[ ]*(?=\n\n)")

_REVIEW_WORDS = re.compile(
    r"执行情况|回顾|完成情况|过去一年|过去五年|过去的一年|工作总结|主要成绩|取得的成绩"
    r"|(?:[一二三四五六七八九十两]|\d{1,2})年来|取得[^，。]{0,8}成就|成就的[一二三四五六七八九十两]年"
)
_SITUATION = re.compile(r"^(?:关于)?(?:当前|目前|国内|国际|国内外)?(?:的)?(?:政治|经济|国内)?(?:经济)?形势$|^当前的")
_PLAN_WORDS = re.compile(r"目标|任务|计划|工作重点|重点工作|安排|建议|要求|思路|部署|措施|政策取向")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_CN_YEAR = re.compile(r"(?<![〇○零一二三四五六七八九])([一二][九〇○零][〇○零一二三四五六七八九]{2})年")
_Y = r"(?<![\d〇○零一二三四五六七八九])((?:19|20)\d\d|[一二][九〇○零][〇○零一二三四五六七八九]{2}|(?:19|20)XX)"

# passages: the paragraph opens a review of the year, or turns to the plan year
_REVIEW_OPEN_AT = (
    r"[ ]*(?:(?:首先|下面)[，,]?(?:我)?(?:向大会)?(?:报告|回顾)|"
    r"(?:(?:“十[一二三四五六七八九]五”(?:时期|期间|以来)?|过去五年)(?:及|和|暨))?"
    + _Y
    + r"年(?:度)?(?:(?:和|及)(?:“十.五”(?:时期)?|过去五年))?(?:的)?(?:政府)?"
    r"(?:工作回顾|工作总结|国民经济和社会发展计划执行情况|计划执行情况)|"
    r"过去的?一年|过去[一二三四五两]年|[一二三四五两]年来|一年来|去年(?:[，,]|以来|我们|全)|在过去的一年|刚刚过去的|即将过去的|回顾过去)"
)
_REVIEW_OPEN = re.compile("^" + _REVIEW_OPEN_AT)
# a full stop with a review opening after it: the stops where _inline_cue can find one (a scan for
# them all, not a try after each stop)
_STOP_REVIEW_OPEN = re.compile("[。！？]" + _REVIEW_OPEN_AT)
_REVIEW_OPEN_AT = re.compile(_REVIEW_OPEN_AT)  # match(text, pos): no copy of the rest of a long line
_PLAN_OPEN = re.compile(
    r"^[ ]*(?:(?:今年|新的一年|明年)(?:是|[，,]|要|将|工作|政府工作|经济社会|的?主要|我们|全)|做好今年|"
    r"(?:根据|按照)[^。\n]{0,30}今年|今后(?:五年|一个时期))"
)
_AFTER_PLAN_YEAR = re.compile(r"(?:是|[，,]|要|将|工作|经济社会发展|的?主要)")
_AFTER_REVIEWED_YEAR = re.compile(r"(?:[，,]|是|以来|我国|全国|全省|全市|全县|全区)")
_NEWS_PLAN = re.compile(
    r"报告(?:提出|要求|明确|强调|部署|指出[，,]?(?:今年|新的一年))|(?:要|将|力争)[^。\n]{0,20}(?:目标|完成|实现|建设|推进)"
)
_NEWS_REVIEW = re.compile(
    r"回顾[^。\n]{0,12}(?:时称|时说|指出|表示)|报告(?:回顾|总结)|过去的?一年|去年|一年(?:以)?来|五年(?:以)?来|成立以来"
    r"|^[ ]*预计(?!今年|明年|到)"  # 预计地区生产总值超过2100亿元: the year just ended, estimated
)
_PAST = re.compile(r"完成了?|实现了?|取得|呈现|增长|达到|引进|建成|开工|获悉")
_PARAGRAPH = re.compile(r"[^\n]+")
_NOT_A_HEADING = re.compile(r"[。；]|报告|^[ ]*(?:——|—|─|在)")  # a short line with these is no heading
_PLAN_HEADING_WORDS = re.compile(r"目标|任务|工作安排|工作重点|重点工作|总体要求")
_FULL_STOP = re.compile(r"[。！？]")
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
    n = min(len(text), start + limit)
    m = _stops(stops).search(text, start, n)
    return text[start : m.start() if m else max(start, n)].strip()


@cache
def _stops(stops: str) -> re.Pattern:
    return re.compile(f"[{re.escape(stops)}]")


def segment(doc: Document) -> None:
    """Fill ``doc.sections`` and ``doc.sentences`` in place."""
    text = doc.folded
    heads = []  # (start, rank, level, number, marker, title_start)
    l1, l2, l4 = [], [], []
    for at in _head_lines(text):
        m = _L1.match(text, at)
        if m:
            l1.append(m)
        m = _L2.match(text, at)
        if m:
            l2.append(m)
        m = _L4.match(text, at)
        if m:
            l4.append(m)
    for m in l1:
        heads.append((m.start(1), _RANK_L1, 1, _cn_number(m.group(1)), m.group(1) + "、", m.start(2)))
    for m in l2:
        heads.append((_lstripped(m), _RANK_L2, 2, _cn_number(m.group(1)), f"（{m.group(1)}）", m.start(2)))
    for m in l4:
        num = m.group(1) or m.group(2)
        marker = m.group(0).strip(" ")[: len(m.group(0).strip(" ")) - len(m.group(3))]
        rank = _RANK_NUM if m.group(1) else _RANK_PAREN_NUM
        heads.append((_lstripped(m), rank, 4, int(num), marker, m.start(3)))
    if any(h[1] == _RANK_L1 for h in heads):
        for start, title_start in _part_headings(text):
            heads.append((start, _RANK_PART, 5, 0, "", title_start))
    inline = [
        (m.start(1), _RANK_INLINE, 3, _cn_number(m.group(1)), m.group(1) + "是", m.end(0), True)
        for m in _l3_matches(text)
        if _after_stop(text, m.start(1))
    ]
    inline += [
        (m.start(), _RANK_INLINE, 3, 1, "一是", m.end(), False)
        for m in _L3_LOOSE_CAND.finditer(text)
        if m.start() and _LOOSE_BEFORE.match(text, m.start() - 1)
    ]
    heads.sort()
    heads = _merge_runs(heads, sorted(inline))

    root = Section(
        id="0",
        level=0,
        marker="",
        title=doc.title or "",
        start=0,
        end=len(text),
        parent=None,
        year=doc.plan_year,
        mode=PLANNED,
    )
    sections = [root]
    stack = [(root, 0)]
    counters: dict[str, int] = {}
    # passages: in the text before the first heading, and in each unnumbered part before its first heading
    spans = [(0, heads[0][0] if heads else len(text), True)]
    for i, h in enumerate(heads):
        neutral = h[1] == _RANK_L1 and _neutral(_heading_title(text, h[5]))
        if h[1] == _RANK_PART or neutral:
            line_end = text.find("\n", h[0])
            spans.append(
                (
                    line_end if line_end >= 0 else len(text),
                    heads[i + 1][0] if i + 1 < len(heads) else len(text),
                    not neutral,
                )
            )
    passages = {}
    for a, b, inherit in spans:
        for start, end, year, mode in _passages(text, a, b, doc, inherit):
            passages[start] = (end, year, mode)
    if _opens_inside_review(text, doc, heads, passages):
        # what comes before the first cue, and headings that say nothing, continue the review
        root = Section(
            id="0",
            level=0,
            marker="",
            title=root.title,
            start=0,
            end=len(text),
            parent=None,
            year=doc.reviewed_year,
            mode=REVIEWED,
        )
        sections, stack = [root], [(root, 0)]
    outline = heads
    heads_index = {h[0]: i for i, h in enumerate(outline)}
    heads = sorted(heads + [(start, _RANK_PASSAGE, 5, 0, "", start) for start in passages])
    for start, rank, level, _num, marker, tstart in heads:
        while stack[-1][1] >= rank:
            stack.pop()
        parent = stack[-1][0]
        counters[parent.id] = counters.get(parent.id, 0) + 1
        sid = f"{counters[parent.id]}" if parent.id == "0" else f"{parent.id}.{counters[parent.id]}"
        if rank == _RANK_PASSAGE:  # a run of paragraphs of one mode: it holds no heading
            end, year, mode = passages[start]
            title = _heading_title(text, start, limit=40, stops="。！？\n，：")
            sections.append(
                Section(
                    id=sid,
                    level=5,
                    marker="",
                    title=doc.text[start : start + len(title)],
                    start=start,
                    end=min(end, parent.end),
                    parent=parent.id,
                    year=year,
                    mode=mode,
                )
            )
            continue
        title = _heading_title(text, tstart, stops="。！？\n；" if rank == _RANK_INLINE else "。！？\n")
        end = _section_end(outline, heads_index[start], rank, parent.end, len(text))
        year, mode = _year_mode(title, parent, doc, level, (text, tstart, min(end, tstart + REVIEW_SAMPLE)))
        before = sections[-1] if sections[-1].parent == "0" else None
        if (
            rank == _RANK_L1
            and _neutral(title)
            and before is not None
            and before.level == 5
            and before.mode == REVIEWED
            and _title_line(text, before.start)
        ):
            # 2025年和“十四五”工作回顾 / 一、经济运行量质齐升…: numbered parts under an unnumbered
            # review title continue it (after a numbered review heading, a neutral one turns to the plan)
            year, mode = before.year, before.mode
        sec = Section(
            id=sid,
            level=level,
            marker=marker,
            title=doc.text[tstart : tstart + len(title)].strip(),
            start=start,
            end=end,
            parent=parent.id,
            year=year,
            mode=mode,
        )
        sections.append(sec)
        stack.append((sec, rank))
    doc.sections = sections
    doc.sentences = _sentences(text, sections)


# How a part speaks when headings say nothing of it: the words most unlike between the review and
# the plan parts of the national reports (同比, 累计, 获批, 实现了 … against 力争, 确保, 今年, 要 …)
# (every branch opens on a literal, so that a scan looks for their first characters alone: a group
# among them, (?:增长|下降|达到)\d, made the scan try every branch at every character, four times slower)
_SPEAKS_OF_PAST = re.compile(
    r"同比|比上年|获批|居全|位居|累计|实现了|增长\d|下降\d|达到\d|首次|明显|顺利|取得|圆满|竣工|投产|显著|突破|新增|完成投资"
)
_SPEAKS_OF_FUTURE = re.compile(r"力争|应当|抓好|明年|今年|将(?![来近])|我们要|切实|争取|确保|要(?!求)|健全|必须|大力")


REVIEW_SAMPLE = 3000  # characters of a part read to tell a review from a plan
# A whole numbered part says more than an opening paragraph: twice the words of the past against
# those of intent tell it (the plan parts of the national reports have three to seven times fewer)
PART_LEAST, PART_RATIO = 8, 1.5


def reads_as_review(text: str, least: int = 4, ratio: float = 3.0) -> bool:
    """Whether a stretch with no cue is plainly a review: it counts achievements (at least ``least``
    words of the past, ``ratio`` times the words of intent). Reviews often speak like plans
    (坚持…，着力…), so only the plain case is told; anything else stays with the plan year."""
    past = len(_SPEAKS_OF_PAST.findall(text))
    return past >= least and past >= ratio * len(_SPEAKS_OF_FUTURE.findall(text))


def _opens_inside_review(text: str, doc: Document, heads: list[tuple], passages: dict) -> bool:
    """A text that opens inside the review: a later page of a split report, an excerpt.

    Either its first cue is a review one with no outermost heading before it ((接1版)…推动245项…，
    一年来…), or it opens on inner headings or plain paragraphs with no cue and reads as a review
    ((四)注重精准招商…签约省外项目519个…建成投产…) up to its first cue or outermost heading."""
    first_l1 = next((h[0] for h in heads if h[1] == _RANK_L1), len(text))
    first_cue = min(passages) if passages else len(text)
    if first_cue < first_l1 and passages[first_cue][2] == REVIEWED and doc.kind == "page":
        return True
    if doc.reviewed_year is None or doc.reviewed_year == doc.plan_year:
        return False
    opening_end = min(first_l1, first_cue)
    opening_start = text.find("\n", text.find(doc.title)) if doc.title and doc.title in text[:500] else 0
    opening = text[max(opening_start, 0) : opening_end][:REVIEW_SAMPLE]
    return reads_as_review(opening)


def _title_line(text: str, start: int) -> bool:
    """The line at ``start`` is a title (2025年和“十四五”工作回顾), not prose (在过去的一年里，…)."""
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) <= 40 and not re.search(r"[，。；：！？]", line)


def _neutral(title: str) -> bool:
    """A heading that says nothing of the year it is about (一、关于社会主义建设)."""
    return not (
        _REVIEW_WORDS.search(title)
        or _PLAN_WORDS.search(title)
        or _YEAR.search(title)
        or _SITUATION.search(title)
        or re.search(r"今年|明年|今后|新的一年|[一二三四五六七八九]年", title)
    )


def _part_headings(text: str) -> list[tuple[int, int]]:
    """Unnumbered part titles above the numbered outline (1980s national reports):
    only when a report has two or more, so a lone short line is no part."""
    found = [
        (m.start(1), m.start(1))
        for m in _PART.finditer(text)
        if not _L1.match(m.group(1)) and sum(map(is_cjk_char, m.group(1))) >= 0.8 * len(m.group(1))
    ]
    return found if len(found) >= 2 else []


def is_cjk_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _passages(
    text: str, start: int, end: int, doc: Document, inherit: bool = True
) -> list[tuple[int, int, int | None, str]]:
    """``(start, end, year, mode)`` of the passages in ``text[start:end]``: runs of paragraphs
    of one mode, each opened by a cue (see the module doc); none before the first cue.

    Without ``inherit`` (inside a numbered part whose heading says nothing of its
    year: 六、加强政风建设 / 一年来，……), a cue holds for its own paragraph only."""
    news = doc.kind in ("news", "digest")
    cuts = []  # (offset, year, mode)
    ends: dict[int, int] = {}
    for para in _PARAGRAPH.finditer(text, start, end):
        a = para.start()
        line = para.group(0)
        cue = _cue(line, doc, news)
        if cue:
            cuts.append((a + len(line) - len(line.lstrip(" ")), *cue))
            if not inherit:
                ends[cuts[-1][0]] = a + len(line)
        # a review heading run into the paragraph (……提出意见。2018年工作回顾2018年，……)
        if inherit:
            m = _STOP_REVIEW_OPEN.search(line)
            while m:  # each offset just after a full stop where a review opens
                at = m.start() + 1
                c = _inline_cue(line, at, doc)
                if c:
                    cuts.append((a + at, *c))
                m = _STOP_REVIEW_OPEN.search(line, at)
    cuts.sort()
    if not inherit:
        return [(at, ends[at], year, m) for at, year, m in cuts if ends[at] > at]
    out = []
    mode = None
    for at, year, m in cuts:
        if m == mode and out:
            continue
        if out:
            out[-1] = (out[-1][0], at, out[-1][2], out[-1][3])
        out.append((at, end, year, m))
        mode = m
    return [p for p in out if p[1] > p[0]]


def _cue(line: str, doc: Document, news: bool):
    """(year, mode) a paragraph opens, or None."""
    m = _REVIEW_OPEN.match(line)
    if m:
        return _reviewed_year(m, doc), REVIEWED
    if _PLAN_OPEN.match(line) or _opens_with_year(line, doc.plan_year, _AFTER_PLAN_YEAR):
        return doc.plan_year, PLANNED
    if _opens_with_year(line, doc.reviewed_year, _AFTER_REVIEWED_YEAR) and doc.reviewed_year != doc.plan_year:
        return doc.reviewed_year, REVIEWED
    # a short line that is a heading (not a line of the title: …执行情况与2020年计划草案的报告)
    short = len(line.strip()) <= 30 and not _NOT_A_HEADING.search(line)
    if short and _REVIEW_WORDS.search(line):
        return _year_in(line, doc.reviewed_year), REVIEWED
    if short and _PLAN_HEADING_WORDS.search(line) and not _YEAR.search(line.replace(str(doc.plan_year), "")):
        return doc.plan_year, PLANNED
    if news:
        first = _FULL_STOP.split(line, maxsplit=1)[0]
        if _NEWS_REVIEW.search(first):
            return doc.reviewed_year, REVIEWED
        if _NEWS_PLAN.search(first):
            return doc.plan_year, PLANNED
        years = {int(y) for y in _YEAR.findall(first)}
        if doc.reviewed_year in years and doc.plan_year not in years and _PAST.search(first):
            return doc.reviewed_year, REVIEWED
        if doc.plan_year in years and doc.reviewed_year not in years and doc.reviewed_year != doc.plan_year:
            return doc.plan_year, PLANNED
    return None


def _inline_cue(line: str, pos: int, doc: Document):
    m = _REVIEW_OPEN_AT.match(line, pos)
    if m and (m.group(1) or line.startswith(("首先", "下面"), pos)):
        return _reviewed_year(m, doc), REVIEWED
    return None


def _reviewed_year(m: re.Match, doc: Document) -> int | None:
    y = m.group(1)
    return cn_year(y) if y and "X" not in y else doc.reviewed_year


def _year_in(line: str, default: int | None) -> int | None:
    ys = _YEAR.findall(line)
    return int(ys[0]) if ys else default


def _opens_with_year(line: str, year: int | None, after: re.Pattern) -> bool:
    if year is None:
        return False
    body = line.lstrip(" ")
    head = f"{year}年"
    return body.startswith(head) and after.match(body, len(head)) is not None


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
    for start, r, *_ in heads[i + 1 :]:
        if r <= rank:
            return min(start, parent_end)
    return min(parent_end, n)


def _year_mode(title: str, parent: Section, doc: Document, level: int, body: tuple[str, int, int] = ("", 0, 0)):
    """Year and mode of a section from its heading, else from its parent.

    An outermost heading says what its part is about: review words, or the
    reviewed or plan year it names, or plan words; with none of them it is
    about the plan year. An inner heading only changes course with review
    words, or with plan words and the plan year (（二）2020年主要目标): one
    that merely names a year (一是巩固2020年脱贫成果) stays in its part.
    ``body``, the opening of an outermost part (a text, and where in it), is read when its
    heading says nothing: only then is it cut out of the text (most headings say something).
    """
    # 一九五七年经济战线上的胜利: a 1950s heading writes its year in words
    years = [int(y) for y in _YEAR.findall(title)] + [cn_year(y) for y in _CN_YEAR.findall(title)]
    if _REVIEW_WORDS.search(title):
        return (years[0] if years else doc.reviewed_year), REVIEWED
    if _SITUATION.search(title) and not _PLAN_WORDS.search(title) and doc.plan_year not in years:
        # 当前的经济形势, 关于经济形势: where things stand after the year reviewed
        return doc.reviewed_year, REVIEWED
    if level in (1, 5):
        if doc.plan_year in years:
            return doc.plan_year, PLANNED
        if doc.reviewed_year in years:
            return doc.reviewed_year, REVIEWED
        if _PLAN_WORDS.search(title) and years:
            return years[0], PLANNED
        if parent.level == 5 and not _PLAN_WORDS.search(title):  # inside an unnumbered part: its mode
            return parent.year, parent.mode
        if (
            level == 1
            and not years
            and not _PLAN_WORDS.search(title)
            and doc.reviewed_year is not None
            and doc.reviewed_year != doc.plan_year
            and reads_as_review(body[0][body[1] : body[2]], least=PART_LEAST, ratio=PART_RATIO)
        ):  # 一、国民经济在调整…中: a whole part that counts achievements is the review, whatever its heading
            return doc.reviewed_year, REVIEWED
        return doc.plan_year, PLANNED
    if doc.plan_year in years and _PLAN_WORDS.search(title):
        return doc.plan_year, PLANNED
    if parent.level == 0 and doc.reviewed_year in years and doc.plan_year not in years:
        return doc.reviewed_year, REVIEWED  # （一）一九五七年经济战线上的胜利: the outermost headings of the text
    return parent.year, parent.mode


def _sentences(text: str, sections: list[Section]) -> list[Sentence]:
    """The sentences of ``text``, each in the innermost section holding it: what ``_SENT`` matches,
    cut again where a section starts inside (一是…；二是…), stripped of the spaces at its ends."""
    numpy = np()
    points = codes(text)
    cuts = sentence_cuts(points)
    # a section starting inside a sentence cuts it (the starts are in order: the outline's)
    cuts = numpy.sort(numpy.concatenate((cuts, [s.start for s in sections])))
    cuts = cuts[numpy.concatenate(([True], cuts[1:] != cuts[:-1]))]
    starts, ends = cuts[:-1], cuts[1:]
    keep = points[starts] != 0x0A  # (a line break is a piece of its own)
    starts, ends = starts[keep], ends[keep]
    if " " in text:  # a sentence is stripped of the spaces around it: most texts have none
        spaced = numpy.flatnonzero((points[starts] == 0x20) | (points[ends - 1] == 0x20))
        if spaced.size:
            starts, ends = starts.copy(), ends.copy()
            for i in spaced.tolist():
                a, b = int(starts[i]), int(ends[i])
                while a < b and text[a] == " ":
                    a += 1
                while b > a and text[b - 1] == " ":
                    b -= 1
                starts[i], ends[i] = a, b
            keep = ends > starts
            starts, ends = starts[keep], ends[keep]
    # the innermost section holding each start: the last in the outline (pre-order) that starts at
    # or before it and has not ended (most often the last to start; else _innermost walks back)
    sec_starts = [s.start for s in sections]
    last = numpy.searchsorted(sec_starts, starts, side="right") - 1
    holds = starts < numpy.array([s.end for s in sections])[last]
    ids = [s.id for s in sections]
    where = last.tolist()
    if not holds.all():
        for i in numpy.flatnonzero(~holds).tolist():
            where[i] = _innermost(sections, sec_starts, int(starts[i]), where[i])
    return list(map(Sentence, starts.tolist(), ends.tolist(), map(ids.__getitem__, where)))


_STOP, _CLOSE, _BREAK = 1, 2, 3


@cache
def _kinds():
    """What each character of the basic plane is to a sentence: a full stop (。！？), a closing
    mark (”’」』）), a line break, or nothing (0)."""
    numpy = np()
    table = numpy.zeros(0x10000, dtype=numpy.uint8)
    table[[ord(c) for c in "。！？"]] = _STOP
    table[[ord(c) for c in "”’」』）"]] = _CLOSE
    table[0x0A] = _BREAK
    return table


def sentence_cuts(points):
    """Where ``_SENT`` starts and ends its matches in a text given as code points (``codes``),
    in order, with 0 and the text's length; a line break is a match of its own, one long.

    A match runs up to a line break, or through a run of full stops (。！？) and the closing
    marks after them (”’」』）): it ends after a stop that no stop or closing mark follows, after
    the last of closing marks that follow a stop, and at each line break, and the next starts
    after these. So only those characters are looked at, which are outside the main block of
    Chinese characters: ``_SENT.finditer`` stepped through every character of the text."""
    numpy = np()
    n = len(points)
    outside = numpy.flatnonzero((points - 0x4E00) >= 0x5200)  # (the unsigned difference wraps)
    kinds = _kinds()[numpy.minimum(points[outside], 0xFFFF)]
    marked = numpy.flatnonzero(kinds)
    at, kind = outside[marked], kinds[marked]  # the stops, closing marks and line breaks, in order
    stop, close, brk = kind == _STOP, kind == _CLOSE, kind == _BREAK
    adjacent = numpy.zeros(at.size, dtype=bool)  # the next character is the next of these
    adjacent[:-1] = at[1:] == at[:-1] + 1
    nxt = numpy.zeros(at.size, dtype=numpy.uint8)  # the kind of the character after, if one of these
    nxt[:-1] = kind[1:]
    nxt[~adjacent] = 0
    # a run of closing marks right after a stop: each mark's run follows a stop
    after_stop = numpy.zeros(at.size, dtype=bool)
    after_stop[1:] = adjacent[:-1] & stop[:-1]
    opens = close.copy()
    opens[1:] &= ~(adjacent[:-1] & close[:-1])  # the first mark of its run
    per_run = (after_stop & opens)[opens]
    marks_after_stop = per_run[numpy.maximum(numpy.cumsum(opens) - 1, 0)] if per_run.size else opens
    # cut after: a stop not followed by a stop or mark, the last mark of a run after a stop, a break
    after = (stop & (nxt != _STOP) & (nxt != _CLOSE)) | (close & (nxt != _CLOSE) & marks_after_stop) | brk
    # each character's two places, before it (a line break) and after it, in order
    places = numpy.stack((at, at + 1), axis=1).ravel()
    chosen = numpy.stack((brk, after), axis=1).ravel()
    cuts = numpy.concatenate(([0], places[chosen], [n]))
    return cuts[numpy.concatenate(([True], cuts[1:] != cuts[:-1]))]  # each once


def _innermost(sections: list[Section], starts: list[int], pos: int, i: int) -> int:
    """Index of the innermost section holding ``pos``, from ``i``, the last section starting at or before it."""
    while i > 0:
        s = sections[i]
        if s.start <= pos < s.end:
            return i
        i -= 1
    return 0
