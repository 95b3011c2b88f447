"""Repair the damage scraping leaves in a report, before it is normalised.

Pages saved from government sites carry more than the report:

* page furniture, lines that belong to the site (``发布时间:…``, ``来源:…``,
  ``字号[大][中][小]``, ``浏览次数``, ``当前位置:首页 > …``, menus of short links,
  ``【打印】【关闭】``, copyright and disclaimer lines, stray table pipes);
  they are dropped from the text and kept in ``Document.furniture``, where the
  metadata still reads a publication date;
* short ASCII watermark tokens some sites insert between sentences
  (``…发展。IAh推进…``);
* pinyin that converters leave after a character (``報(bào)告``, ``發(fā)展``):
  ``strip_pinyin`` takes it out of the text the rules read, after
  normalisation, and remembers where it stood; ``extract.expose`` puts it
  back in the text the records quote;
* hard wraps: lines cut at a fixed width (text copied from a PDF or a
  terminal), which break words and numbers (``金穗农业科技有限`` / ``公司``);
* Markdown heading marks and bold (``### 一、…``, ``**…**``);
* literal ``&nbsp;`` entities (U+00A0 itself is a space for the normaliser);
* masked years (``20xx年``, ``xxxx年``, ``20××年``), written one way, ``20XX年``,
  with the same length (after normalisation, so offsets stay), for the
  metadata to settle.

Every repair removes or rewrites whole characters before offsets exist: the
offsets the project writes point into the repaired, normalised text, which is
the text it exposes (``kg extract --text``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat

from .codepoints import codes, np

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# A furniture line opens with a label of the site's page, or is one of its buttons.
_LABELS = (
    "发布时间",
    "发布日期",
    "发布机构",
    "发布者",
    "信息来源",
    "来源：",
    "来源:",
    "浏览次数",
    "浏览量",
    "点击数",
    "点击量",
    "阅读次数",
    "阅读量",
    "访问量",
    "字号",
    "字体",
    "【字体",
    "【打印",
    "打印本页",
    "关闭窗口",
    "分享到",
    "分享至",
    "索引号",
    "体裁分类",
    "主题分类",
    "成文日期",
    "文号：",
    "文号:",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "所在位置",
    "位置：",
    "位置:",
    "首页>",
    "首页 >",
    "首页＞",
    "责任编辑",
    "编辑：",
    "编辑:",
    "无障碍",
    "导航菜单",
    "跳至内容",
    "跳转到",
    "扫一扫",
    "上一篇",
    "下一篇",
    "相关链接",
    "相关文章",
    "【关闭",
    "关键词：",
    "关键词:",
    "Copyright",
    "版权所有",
    "网站地图",
    "小字号",
    "大字号",
    "中字号",
    "文章正文",
    "以上文章仅代表",
    "本网只是转载",
    "如涉及作品内容",
    "免责声明",
    "主办单位",
    "承办单位",
    "网站标识码",
)
_LABEL_MAX = max(map(len, _LABELS)) + 4  # characters read for a label at the start (and a "（来源" before it)
_INLINE_LABELS = ("来源:", "来源：", "浏览次数", "字号", "【打印】", "分享到", "分享至", "责任编辑", "发布时间")
_BUTTONS = re.compile(r"^[\s|｜\-—_/·•>＞【】\[\]（）()大中小打印关闭分享收藏默认]*$")
_NO_CJK = re.compile(rf"^[^{_CJK}]*$")
_SOURCE_OPEN = re.compile(r"[（(]\s*来源")
_REPLACED = re.compile("[\ufffd%％]")
_MARKUP = re.compile(r"[<>=@]")
_MENU_GAP = re.compile(r"[ \u00a0\u3000|｜]+")
_CLAUSE_MARK = re.compile(r"[。，；：！？、,;:]")
_TRAD_LABELS_FROM = "發佈時間來源瀏覽數點擊閱讀訪問號體關閉選擇頁編輯責當前網絡僅轉載內權歸屬關鍵詞"
_TRAD_LABELS = str.maketrans(
    _TRAD_LABELS_FROM,
    "发布时间来源浏览数点击阅读访问号体关闭选择页编辑责当前网络仅转载内权归属关键词",
)


def _folded(line: str) -> str:
    """Enough folding to read a traditional label (發佈時間 → 发布时间) without loading OpenCC."""
    return line.translate(_TRAD_LABELS).replace("佈", "布")


# The characters a label (or the （ of （来源) opens with, as written: folded, they open one. A line
# opening with another character is read for a label no further.
_LABEL_OPENS = frozenset(
    ch
    for ch in {label[0] for label in _LABELS} | {"（", "("} | set(_TRAD_LABELS_FROM) | {"佈"}
    if _folded(ch) in {label[0] for label in _LABELS} | {"（", "("}
)
# any of _INLINE_LABELS (its branches open on a literal each, so that the scan is fast)
_INLINE_RE = re.compile("来源[:：]|浏览次数|字号|【打印】|分享[到至]|责任编辑|发布时间")
_TRAD_RE = re.compile(f"[{_TRAD_LABELS_FROM}佈]")  # what _folded changes: a line without these folds to itself


def is_furniture(line: str) -> bool:
    """A line that belongs to the web page, not to the report."""
    s = line.strip(" \t\u00a0\u3000")
    if not s or len(s) > 100 and "。" in s:
        return False  # a paragraph of prose
    if s[0] in _LABEL_OPENS:
        head = _folded(s[:_LABEL_MAX])
        if head.startswith(_LABELS) or _SOURCE_OPEN.match(head):
            return True
    if "。" in s and len(s) > 20:
        return False  # a sentence of the report (the labels above open the furniture that has one)
    if _BUTTONS.match(s):
        return True
    if "。" not in s and len(s) <= 100 and _INLINE_RE.search(_folded(s) if _TRAD_RE.search(s) else s):
        return True
    if _NO_CJK.match(s) and len(s) <= 60 and (not _REPLACED.search(s) or _MARKUP.search(s)):
        return True  # 0/0, ||||, 13:04, an ASP directive, a lone date
    if _CLAUSE_MARK.search(s):
        return False  # a menu has no clause marks
    tokens = [t for t in _MENU_GAP.split(s) if t]
    if len(tokens) >= 4 and all(len(t) <= 8 for t in tokens) and sum(len(t) >= 2 for t in tokens) >= 3:
        return True  # a menu: 首页 经济要闻 政策法规 经济数据 …
    return False


# a watermark: 2–5 ASCII letters and digits with a lower-case letter, between two sentences
_WATERMARK = re.compile(
    rf"([。！？；])[ ]?(?=[A-Za-z0-9]*[a-z])(?![A-Za-z0-9]*(?:km|kg|kW|mm|cm|m2|m3)\b)"
    rf"[A-Za-z0-9]{{2,5}}[ ]?(?=[{_CJK}“（(]|$)",
    re.M,
)
_STOPS = "。！？；"  # what a watermark follows (_WATERMARK's first group)
_REACH = 6  # a watermark's lower-case letter is at most this many characters after its stop


def remove_watermarks(text: str, points=None) -> tuple[str, int]:
    """``_WATERMARK.subn(r"\\1", text)``: the text without its watermark tokens, and how many.

    Every token is a whole run of ASCII letters and digits, two to five long, holding a lower-case
    letter (what ends it must be Chinese, a space or the line end), after a stop and at most one
    space: its lower-case letter is one to six characters after the stop. So the lower-case letters
    are found in an array of code points, and the pattern is tried only at the stops in the six
    characters before each (none twice): a scan of it over the whole text tried every character
    (4 ms over the national corpus, timed alone; this takes 1), and reports hold few lower-case
    letters.

    ``points``: the text's code points (``codes``), when the caller has them."""
    points = codes(text) if points is None else points
    lower = np().flatnonzero((points - 97) < 26)  # a..z (the unsigned difference wraps below a)
    out, done, tried, n = [], 0, 0, 0  # done: the text before it is written; tried: starts tried before it
    for i in lower.tolist():
        for at in range(max(done, tried, i - _REACH), i):
            if text[at] in _STOPS:
                m = _WATERMARK.match(text, at)
                if m:
                    out += (text[done:at], m.group(1))
                    done = m.end()
                    n += 1
                    break
        tried = i
    if not n:
        return text, 0
    out.append(text[done:])
    return "".join(out), n


TONE_MARKS = _TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


@cache
def tone_marks():
    """Which of the first 512 characters are the tone marks of pinyin (all of them are): a table
    to look code points below 512 up in (``codes``)."""
    table = np().zeros(0x200, dtype=bool)
    table[[ord(ch) for ch in TONE_MARKS]] = True
    return table


_TONE_CHARS = re.compile(f"[{_TONE}]")
# patterns open on a character, not a look-behind, so that the scan is fast; the callers check what is before
_PINYIN = re.compile(rf"([{_CJK}])[(（][a-zü]*[{_TONE}][a-zü{_TONE}]*[)）]")
_PINYIN_CUT = re.compile(rf"([{_CJK}])[(（][a-zü{_TONE}]{{0,6}}(?=\s*\Z)")
# a text saved from a Markdown page: ### 一、2023年工作回顾, **生产总值**
_MARKDOWN = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
_BOLD = re.compile(r"(?<!\*)\*\*([^*\n]+?)\*\*(?!\*)")
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|#160|#xa0);", re.I)
_SENTENCE_END = "。！？：；…”’）」』"
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\(\d+\)|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]+[部章节]|——|—)"
)


@dataclass
class Repaired:
    text: str
    furniture: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was repaired, for a warning


def repair(text: str, *, wrapped: bool | None = None) -> Repaired:
    """The report text of a scraped page, with what the site added taken out.

    ``wrapped``: True when the lines are visual lines (a PDF), False when they
    are paragraphs; None to tell from the text (most lines of one length).
    """
    if "\r" in text:  # each pass below runs only where its mark can be: most texts have none
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = _ENTITY.sub(" ", text)
    out = Repaired(text="")
    kept = []
    split = text.split("\n")
    marked = _mark_tables(split)  # first: a table's rows would pass for a site's menu
    if marked is not split:
        text = "\n".join(marked)
    for k, line in enumerate(marked):
        if line:  # (an empty line, most often between paragraphs, is none)
            s = line.strip(_WS)
            # a line of prose, told before is_furniture is called (its own first tests, in short)
            if "。" in s and len(s) > 20 and (len(s) > 100 or s[0] not in _LABEL_OPENS) or line is not split[k]:
                kept.append(line)  # (or a table's row or header: marked, it is the report's)
            elif is_furniture(line):
                out.furniture.append(s)
            else:
                kept.append(line)
        else:
            kept.append(line)
    # a furniture line that is the whole text is the text (a one-line note)
    if not any(ln.strip() for ln in kept):
        kept, out.furniture = text.split("\n"), []
    joined = "\n".join(kept) if out.furniture else text
    n_md = n_bold = n_marks = 0
    if "#" in joined:
        joined, n_md = _MARKDOWN.subn("", joined)
    if "**" in joined:
        joined, n_bold = _BOLD.subn(r"\1", joined)
    points = codes(joined)
    joined, n_marks = remove_watermarks(joined, points)
    if n_md or n_bold or n_marks:
        fixed = joined.split("\n")  # the lines of joined
        points = codes(joined) if n_marks else points
    else:
        fixed = kept
    if n_marks:
        out.notes.append(f"{n_marks} watermark token(s) between sentences removed")
    if wrapped is None:
        wrapped = _looks_wrapped(fixed, tones=bool(tone_marks()[points[points < 0x200]].any()))
    lines = _join_wrapped(fixed, wrapped) if wrapped else _join_broken_numbers(fixed, points)
    lines = _join_clause_breaks(_join_unindented(lines))
    out.text = "\n".join(lines) if lines is not fixed else joined  # (a line joined, or none)
    out.text = _unspace(out.text)
    return out


# A table laid out with spaces (指标名称    单位    完成数    比上年增长（%）): its columns are
# parted by one | each, which the normal form keeps (it drops the spaces, and would run two
# figures of a row into one: 3260    9.6 → 32609.6). extract.indicators.tables reads the rows.
_COLUMN_GAP = re.compile(r"[ \t\u3000\u00a0]{2,}|\t")
_TABLE_HEAD = re.compile(r"单位|增长|增速|完成|预计|目标|计划|指标")
_CELL_NUMBER = re.compile(r"^[-−]?[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?$")


def _mark_tables(lines: list[str]) -> list[str]:
    """The lines with each table's header and rows written with | between their columns."""
    if not any("  " in ln or "\t" in ln for ln in lines):
        return lines
    out, marked = list(lines), False
    i = 0
    while i < len(out):
        cells = _columns(out[i])
        if len(cells) >= 3 and _TABLE_HEAD.search(out[i]) and not any(_CELL_NUMBER.match(c) for c in cells):
            rows = i + 1
            while rows < len(out) and _table_row(_columns(out[rows])):
                rows += 1
            if rows - i >= 2:  # a header and one row at least
                for k in range(i, rows):
                    out[k] = "|".join(_columns(out[k]))
                i, marked = rows, True
                continue
        i += 1
    return out if marked else lines


def _columns(line: str) -> list[str]:
    return [c for c in _COLUMN_GAP.split(line.strip(_WS)) if c]


def _table_row(cells: list[str]) -> bool:
    """A name, then figures (and perhaps a unit): a row of a table."""
    return (
        len(cells) >= 2
        and not _CELL_NUMBER.match(cells[0])
        and not any(ch in cells[0] for ch in "，。；")
        and sum(bool(_CELL_NUMBER.match(c)) for c in cells[1:]) >= 1
        and all(len(c) <= 8 for c in cells[1:])
    )


# A space a PDF copy puts inside quotes (“ 精准扶贫 ”) or between a figure and the words around
# it (宏远铝业 10 万吨铝, 增长 13.1%): the text's own spaces are never there.
_SPACES = " \u00a0"
_OPENING, _CLOSING = "“‘", "”’"
_SPACED_FIGURES = 1 / 400  # spaced figures per character from which a text is read as a PDF copy's
_MIN_SPACED = 10  # and at least so many: a short page's list numbers (1 扎实推进…) are no PDF spacing
_CJK_RE = re.compile(f"[{_CJK}]")


def _unspace(text: str) -> str:
    """``text`` without the spaces a PDF copy leaves inside quotes, and, where figures are spaced
    throughout (one in 400 characters or more, ten at least), around figures; a short page's list
    numbers (``1 扎实推进…``) keep their space. Only the spaces are looked at, run by run: most
    texts have a few hundred."""
    if " " not in text and "\u00a0" not in text:
        return text
    runs, figures = [], 0
    for a, b in _space_runs(text):
        before, after = text[a - 1 : a], text[b : b + 1]
        if before and before in _OPENING or after and after in _CLOSING:
            runs.append((a, b))
        elif b - a == 1 and before and after and _figure_edge(before, after):
            runs.append((a, -b))  # (a figure's space: dropped only if the text is spaced throughout)
            figures += 1
    if not runs:
        return text
    spaced = figures >= _MIN_SPACED and figures >= len(text) * _SPACED_FIGURES
    out, last = [], 0
    for a, b in runs:
        if b < 0 and not spaced:
            continue
        out.append(text[last:a])
        last = abs(b)
    out.append(text[last:])
    return "".join(out)


def _space_runs(text: str) -> list[tuple[int, int]]:
    """Where the runs of spaces are, found by ``str.find`` (a regex scan reads every character)."""
    starts = []
    for sp in _SPACES:
        i = text.find(sp)
        while i >= 0:
            starts.append(i)
            i = text.find(sp, i + 1)
    starts.sort()
    runs: list[tuple[int, int]] = []
    for i in starts:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _figure_edge(before: str, after: str) -> bool:
    """A space between Chinese and a digit, either way round (10 万吨, 增长 13.1%)."""
    if after.isascii() and after.isdigit():
        return bool(_CJK_RE.match(before))
    return (before.isascii() and before.isdigit() or before == "%") and bool(_CJK_RE.match(after))


def strip_pinyin(text: str, *, tones: bool = True) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The text without the pinyin a converter left after characters (``戰(zhàn)略``),
    and where each annotation stood: ``(offset in the returned text, annotation)``.

    The rules read the text without them; the text a user is shown keeps them
    (``extract.expose`` puts them back once the records are made), so that
    every quote and offset the project writes points into what the user has.
    ``tones=False``: the caller knows the text holds no tone mark (TONE_MARKS),
    so that only an annotation cut short at its end is looked for.
    """
    if not (tones and _TONE_CHARS.search(text)) and not _PINYIN_CUT.search(text, max(0, len(text) - 12)):
        return text, ()
    out, marks, last, removed = [], [], 0, 0
    for m in (*_PINYIN.finditer(text), *_PINYIN_CUT.finditer(text, max(0, len(text) - 12))):
        cut = m.start(1) + 1  # the annotation begins right after its character
        out.append(text[last:cut])
        marks.append((cut - removed, text[cut : m.end()]))
        removed += m.end() - cut
        last = m.end()
    out.append(text[last:])
    return "".join(out), tuple(marks)


def without_pinyin(text: str) -> str:
    """``text`` as a name is read: 霁川产业（yè）园 is 霁川产业园."""
    return strip_pinyin(text)[0] if "（" in text or "(" in text else text


def _width(line: str) -> int:
    """A line's width as written before a converter annotated it: pinyin makes no line longer."""
    line = line.strip(" \t\u00a0\u3000")
    # (a pinyin annotation holds a tone mark: a line without one is as long as it is)
    return len(_PINYIN.sub(r"\1", line)) if ("(" in line or "（" in line) and _TONE_CHARS.search(line) else len(line)


def _looks_wrapped(lines: list[str], tones: bool = True) -> bool:
    """Most long lines of one length: the text was cut at a fixed width.

    ``tones=False``: the caller knows the text holds no tone mark, so that no line holds converter
    pinyin and each line's width is its length, stripped."""
    widths = map(_width, lines) if tones else map(len, map(str.strip, lines, repeat(_WS)))
    counts = Counter(widths)
    for w in [w for w in counts if w < 10]:  # (an empty line is 0 wide)
        del counts[w]
    n = sum(counts.values())
    if n < 6:
        return False
    get = counts.get  # a Counter's [] calls __missing__ for an absent width: get is the same, faster
    near, top = max((get(w - 1, 0) + counts[w] + get(w + 1, 0), w) for w in counts)
    return near / n >= 0.5 and top >= 12


def _join_wrapped(lines: list[str], wrapped: bool) -> list[str]:
    """Join a line to the next where the break is a wrap, not a paragraph end."""
    if not lines:
        return lines
    width = 0
    if wrapped:
        lengths = sorted(_width(ln) for ln in lines if _width(ln))
        width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out = [lines[0]]
    for line in lines[1:]:
        if not wrapped:
            # only a line ending in a digit or a point (spaces after it aside) can be joined
            last = out[-1][-1:]
            if not last or last not in " \t\u00a0\u3000.．" and not last.isdigit():
                out.append(line)
                continue
        prev = out[-1].rstrip(" \t\u00a0\u3000")
        nxt = line.strip(" \t\u00a0\u3000")
        if (
            prev
            and nxt
            and (
                (prev[-1].isdigit() or prev[-1] in ".．")
                and _inside_number(prev, nxt)
                or wrapped
                and _width(prev) >= width - 1
                and prev[-1] not in _SENTENCE_END
            )
            and not _HEADING.match(nxt)
        ):
            out[-1] = prev + nxt
        else:
            out.append(line)
    return out


_WS = " \t\u00a0\u3000"  # the spaces a line is stripped of
_NUMBER_END = ".．"  # with a digit or a space, what a line ends in when a number breaks over it


@cache
def _number_ends():
    """Which characters of the basic plane a line broken inside a number may end in (a digit, as
    ``str.isdigit`` tells, a point or a space), and which of them were asked already: each
    character is asked once, when a line first ends in it (asking all 65,536 at once took 8 ms)."""
    numpy = np()
    ends, asked = numpy.zeros(0x10000, dtype=bool), numpy.zeros(0x10000, dtype=bool)
    marks = [ord(c) for c in _WS + _NUMBER_END]
    ends[marks] = asked[marks] = True
    return ends, asked


def _may_end_a_number(chars):
    """For code points of the basic plane, whether a line broken inside a number may end in each."""
    numpy = np()
    ends, asked = _number_ends()
    new = chars[~asked[chars]]
    if new.size:
        for c in numpy.unique(new).tolist():
            ends[c] = chr(c).isdigit()
        asked[new] = True
    return ends[chars]


def _join_broken_numbers(lines: list[str], points) -> list[str]:
    """``_join_wrapped(lines, wrapped=False)``: a line joined to the one before where the break is
    inside a number. ``points``: the code points of the lines joined by line breaks (``codes``).

    Only a line after one that ends in a digit, a point or a space can be joined; those are found
    with the code points (the character before each line break), and the others are not looked at
    one by one."""
    numpy = np()
    breaks = numpy.flatnonzero(points == 0x0A)
    breaks = breaks[breaks > 0]
    before = points[breaks - 1]
    maybe = (before > 0xFFFF) | _may_end_a_number(numpy.minimum(before, 0xFFFF))
    if not maybe.any():
        return lines
    # the line after each such break: its index is the number of breaks before it, plus one
    after = numpy.searchsorted(numpy.flatnonzero(points == 0x0A), breaks[maybe]) + 1
    out = list(lines)
    into: dict[int, int] = {}  # a line joined → the line it was joined into
    for i in after.tolist():
        h = into.get(i - 1, i - 1)
        prev = out[h].rstrip(_WS)
        nxt = lines[i].strip(_WS)
        if prev and nxt and (prev[-1].isdigit() or prev[-1] in _NUMBER_END) and _inside_number(prev, nxt):
            if not _HEADING.match(nxt):
                out[h] = prev + nxt
                into[i] = h
    return [ln for i, ln in enumerate(out) if i not in into] if into else lines


_SENTENCE_CLOSE = "。！？；：…"  # what a paragraph may end in (a closing quote at a line's end goes on)
_INDENT = re.compile(r"[ \u3000\u00a0\t]{2,}\S")  # a paragraph's first line, indented
_MIN_FULL_LINE = 15  # characters: shorter lines are titles, names, signatures, not lines cut by the page


def _join_unindented(lines: list[str]) -> list[str]:
    """In a text whose paragraphs open indented (a PDF copy), a line that does not open so
    and follows a long line ending in no mark goes on that line: the page cut it (县政 / 协委员…,
    农业投 / 资发展有限公司). Most texts indent nothing, or every line, and are left alone."""
    if len(lines) < 8:
        return lines
    others = [ln for ln in lines if ln.strip(_WS)]
    repeated = {k for k, n in Counter(ln.strip(_WS) for ln in others).items() if n > 1}  # page headers
    after_end = [  # the paragraphs' first lines (short lines, page headers, unindented headings aside)
        b
        for a, b in zip(lines, lines[1:])
        if len(nb := b.strip(_WS)) >= 8
        and a.rstrip(_WS)[-1:] in _SENTENCE_CLOSE
        and nb not in repeated
        and (_INDENT.match(b) or not _HEADING.match(b))
    ]
    indented = sum(1 for b in after_end if _INDENT.match(b))
    if len(after_end) < 4 or indented < 0.6 * len(after_end):
        return lines
    if sum(1 for ln in others if _INDENT.match(ln)) > 0.9 * len(others):
        return lines  # every line indented: the indent tells no paragraph
    out: list[str] = []
    for line in lines:
        prev = out[-1].rstrip(_WS) if out else ""
        nxt = line.strip(_WS)
        if (
            len(prev.lstrip(_WS)) >= _MIN_FULL_LINE
            and prev[-1] not in _SENTENCE_CLOSE
            and nxt
            and nxt not in repeated
            and not _INDENT.match(line)
            and not line[:1].isspace()
            and not _HEADING.match(nxt)
        ):
            out[-1] = prev + nxt
        else:
            out.append(line)
    return out


_CLAUSE_MARKS = "，、"  # a paragraph never ends in one: a line that does goes on in the next
_CLAUSE_ENDS = _CLAUSE_MARKS + _WS  # what such a line's last character is, spaces after the mark included


def _join_clause_breaks(lines: list[str]) -> list[str]:
    """Join a line ending in a comma or an enumeration mark to the line after it (unless that one
    is empty or a heading): text copied from a PDF breaks sentences wherever a visual line ended
    (``全社会固定资产投资168.5亿元，`` / ``增长25.6%``), though its lines are not of one width."""
    if not any(ln[-1:] in _CLAUSE_ENDS for ln in lines):
        return lines
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1][-1:] in _CLAUSE_MARKS
            and len(out[-1].lstrip(_WS)) > 4  # not a numbering alone (一、, 第一、) before its item
            and (nxt := line.strip(_WS))
            and not _HEADING.match(nxt)
        ):
            out[-1] += nxt
            continue
        if line[-1:] in _CLAUSE_ENDS and (prev := line.rstrip(_WS))[-1:] in _CLAUSE_MARKS:
            line = prev
        out.append(line)
    return out


def _inside_number(prev: str, nxt: str) -> bool:
    """``…增长1`` / ``2.5%``: a line break inside a number."""
    return bool(
        re.search(r"\d[.．]?$", prev)
        and re.match(r"^[.．]?\d+(?:[.．]\d+)?(?:%|％|万|亿|元|个|年|月|日|倍|公里|吨)", nxt)
        and not re.match(r"^\d{1,2}[.、．](?!\d)", nxt)
    )


_MASK_TAIL = re.compile(r"[xX×*]{2}(?=年)")
_MASK = re.compile(r"(?<![\dA-Za-z])(?:(19|20)[xX×*]{2}|[xX×]{4})(?=年)")


def unmask_years(text: str) -> tuple[str, int]:
    """``20xx年``, ``xxxx年``, ``20××年`` → ``20XX年`` (the same length, so offsets stay)."""
    # the common case: no mask (a search for x年 is fast, a scan of the pattern is not)
    if not any(ch in text and ch + "年" in text for ch in "xX×*") or not _MASK_TAIL.search(text):
        return text, 0
    n = 0

    def canon(m: re.Match) -> str:
        nonlocal n
        n += 1
        return (m.group(1) or "20") + "XX"

    return _MASK.sub(canon, text), n
