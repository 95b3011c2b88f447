"""Report metadata read from the text itself, never from the file name.

A report names its years in the title (``关于周村区2019年度…执行情况与2020年
计划草案的报告``, ``2019年…政府工作报告``), its area in the title or in the line
telling where it was delivered, and its date in that same line (``——2020年5月
26日在…会议上``), which scraping sometimes damages into ``2021312日``.
"""
from __future__ import annotations

import re
from datetime import date

from .errors import InputError
from .records import Document

_ADMIN = "(?:自治县|自治州|自治区|特别行政区|新区|地区|区|县|市|旗|盟|州|省)"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:年度|年)")
# the delivery line opens with the date: ——2020年5月26日在…会议上 (or, damaged, ——2021312日在…)
_DELIVERY = re.compile(r"^[ —－\-（(]*((?:19|20)\d\d)(?:年)?(\d{1,2})?(?:月)?(\d{1,2})?日[在于]", re.M)
# a full date on a line of its own, or opening the delivery line (——2020年5月26日 / 在…)
_FULL_DATE_LINE = re.compile(r"^[ —－-]*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日[ ]*(?:$|[在于（(])", re.M)
_ISO = re.compile(r"(?:发文日期|发布日期|成文日期|日期)\s*[:：]?\s*((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")
_LABELLED_TITLE = re.compile(r"^\s*(?:标题|题名|名称)\s*[:：]\s*(.+?)\s*$", re.M)


def read_metadata(doc: Document) -> None:
    """Fill title, area, years and date of ``doc`` in place.

    Raises InputError (naming ``doc.path``) when no year can be found: the
    whole model hangs on the reviewed and planned years, so a text without
    them is not a report.
    """
    text = doc.folded
    head = text[:4000]
    doc.title = find_title(head)
    doc.date = find_date(head, doc.warnings)
    doc.reviewed_year, doc.plan_year = find_years(doc.title or "", text, doc.date)
    if doc.plan_year is None:
        raise InputError(f"{doc.path}: no recognisable year (looked for 'YYYY年' in the title, headings and delivery date)")
    doc.area = find_area(doc.title or "", head)
    if doc.title and doc.folded is not doc.text:
        # report the title as written, not folded
        i = text.find(doc.title)
        if i >= 0:
            doc.title = doc.text[i:i + len(doc.title)]


def find_title(head: str) -> str | None:
    m = _LABELLED_TITLE.search(head)
    if m and "报告" in m.group(1):
        return m.group(1)
    lines = [ln.strip() for ln in head.split("\n")]
    lines = [ln for ln in lines if ln][:20]
    for i, line in enumerate(lines):
        if "报告" not in line or len(line) > 80 or not _fragment(line):
            continue
        if line.startswith(("——", "—", "在")) or "各位代表" in line:
            continue
        return _join_title(lines, i)
    return None


def _fragment(line: str) -> bool:
    """A line that can be part of a title: no sentence in it, no label, no delivery line."""
    return not re.search(r"[。；！？:：]", line) and not line.startswith(("——", "—"))


def _join_title(lines: list[str], i: int) -> str:
    """The title ending on ``lines[i]``, joined with the lines it was broken from.

    A title broken over lines starts with 关于 a line or two above; without
    one, only a line the title plainly continues (…发展 / 计划执行情况…) is joined.
    """
    for j in range(i - 1, max(i - 3, 0) - 1, -1):
        if not _fragment(lines[j]) or len("".join(lines[j:i + 1])) > 100:
            break
        if lines[j].startswith("关于"):
            return "".join(lines[j:i + 1])
    title = lines[i]
    if i > 0 and _fragment(lines[i - 1]) and len(lines[i - 1]) + len(title) <= 90 and title.startswith(
            ("计划", "执行", "国民", "的报告", "和社会", "政府工作")):
        title = lines[i - 1] + title
    return title


def find_years(title: str, text: str, iso_date: str | None) -> tuple[int | None, int | None]:
    years = [int(y) for y in _YEAR.findall(title)]
    if len(years) >= 2 and years[1] == years[0] + 1:
        return years[0], years[1]
    if len(years) == 1:
        y = years[0]
        if "执行情况" in title and "计划草案" not in title:
            return y, y + 1
        return y - 1, y
    # no usable title: the first headings say what is reviewed and planned
    reviewed = planned = None
    for m in re.finditer(r"^\s*[一二三四五六七八九十]+、(.{0,40})$", text, re.M):
        heading = m.group(1)
        ys = _YEAR.findall(heading)
        if not ys:
            continue
        y = int(ys[0])
        if reviewed is None and re.search(r"回顾|执行情况|完成情况", heading):
            reviewed = y
        elif planned is None and re.search(r"目标|任务|计划|工作重点|安排|建议", heading):
            planned = y
    if reviewed is not None or planned is not None:
        if planned is None:
            planned = reviewed + 1
        if reviewed is None:
            reviewed = planned - 1
        return reviewed, planned
    if iso_date:
        y = int(iso_date[:4])
        return y - 1, y
    return None, None


def find_area(title: str, head: str) -> str | None:
    """The innermost administrative unit the report is about (周村区, not 淄博市周村区)."""
    m = re.search(r"关于(.{2,20}?" + _ADMIN + r")(?:人民政府)?(?:(?:19|20)\d\d|国民经济|政府工作)", title)
    if m:
        return _last_unit(m.group(1))
    m = re.search(r"(?:19|20)\d\d年(?:度)?(.{2,20}?)(?:国务院|人民政府)?(?:政府工作报告|国民经济)", title)
    if m and m.group(1):
        return _last_unit(m.group(1))
    m = re.search(r"在(.{2,30}?)第.{1,4}届(?:全国)?人民代表大会", head)
    if m:
        if "全国" in head[m.start():m.end()] and "全国人民代表大会" in head[m.start():m.end() + 4]:
            return "中华人民共和国"
        if _UNIT.match(m.group(1)):
            return _last_unit(m.group(1))
    if "全国人民代表大会" in head:
        return "中华人民共和国"
    return None


# One administrative unit. A bare 州 is left out: it ends city names (杭州市,
# 广州市), and today's 州 are 自治州.
_UNIT = re.compile(r".+?(?:自治县|自治州|自治区|特别行政区|新区|地区|区|县|市|旗|盟|省)")


def _last_unit(name: str) -> str:
    """``淄博市周村区`` → ``周村区``; a name that is not a chain of units stays whole."""
    units = _UNIT.findall(name)
    return units[-1] if units and "".join(units) == name else name


def find_date(head: str, warnings: list[str]) -> str | None:
    """The delivery date: from the line saying where the report was given.

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
        labelled = _labelled_date(head)
        if labelled and labelled in options:
            return labelled
        if len(options) == 1:
            return options[0]
        if len(options) > 1:
            warnings.append(f"ambiguous damaged date {head[m.start(1):m.end() - 1]!r}: could be {', '.join(options)}; left out")
    for m in _FULL_DATE_LINE.finditer(head):
        iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            return iso
    return _labelled_date(head)


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
