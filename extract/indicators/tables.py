"""Indicator facts read from a table laid out in text.

Plan reports (计划执行情况与计划草案的报告) often give their headline figures as a
table, which a copy into text keeps as lines of columns parted by runs of
spaces or tabs::

    表1  2012年主要经济指标完成情况
    指标名称              单位      完成数      比上年增长（%）
    地区生产总值          亿元      1096.5      11.2

No sentence names those figures: the row gives the indicator, the header says
what each column is (a level in the row's unit, or a growth in per cent), and
the title or the section says the year. A header is a line of three columns or
more that has 单位 or a growth column and a column of amounts; the rows are the
lines after it whose first column is a name and whose other columns are
figures. A column of the reviewed year's own plan (计划) is left out: the
figure a report was aiming at for the year it reviews is no fact of that year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..records import REVIEWED, Document, Indicator, Section

ACTUAL, TARGET = "actual", "target"
_CELLS = re.compile(r"\|")  # the columns as repair marked them (extract.repair._mark_tables)
_NUMBER = re.compile(r"^[-−]?\d+(?:\.\d+)?$")
_NAME = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff（）()、·]{1,30}$")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_GROWTH = re.compile(r"增长|增速|增幅|同比|比上年|[（(]%[)）]")
_PLANNED = re.compile(r"计划|目标|预期")
_UNIT_LABEL = "单位"
_MIN_COLUMNS = 3


@dataclass(frozen=True)
class _Column:
    measure: str  # "level" or "growth"
    kind: str | None  # ACTUAL, TARGET, or None: the table's or the section's


def table_facts(
    doc: Document, section_at: Callable[[int], Section], match: Callable[[str, str], object]
) -> tuple[list[Indicator], list[tuple[int, int]]]:
    """The facts of every table in ``doc`` and the spans of the rows read (whose figures no
    sentence may take again). ``section_at`` gives the section at an offset; ``match`` the
    vocabulary's concept of a name."""
    text = doc.folded
    if "|" not in text:
        return [], []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[Indicator] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        start, line = lines[i]
        header = _header(line)
        if header is None:
            i += 1
            continue
        title = lines[i - 1][1] if i > 0 else ""
        unit_at, columns = header
        i += 1
        while i < len(lines):
            row_start, row = lines[i]
            cells = _cells(row)
            if len(cells) < 2 or not _NAME.match(cells[0]):
                break
            facts = _row(doc, cells, unit_at, columns, title, row_start, row, section_at(row_start), match)
            if facts is None:
                break
            out.extend(facts)
            spans.append((row_start, row_start + len(row)))
            i += 1
    return out, spans


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELLS.split(line) if c.strip()] if "|" in line else []


def _header(line: str) -> tuple[int | None, list[_Column | None]] | None:
    """Where the unit column is and what each column holds, if ``line`` heads a table."""
    cells = _cells(line)
    if len(cells) < _MIN_COLUMNS or any(_NUMBER.match(c) for c in cells):
        return None
    unit_at = next((k for k, c in enumerate(cells) if c == _UNIT_LABEL), None)
    columns: list[_Column | None] = [None]  # the first column: the names
    for k, c in enumerate(cells[1:], 1):
        if k == unit_at:
            columns.append(None)
            continue
        kind = TARGET if _PLANNED.search(c) else (ACTUAL if re.search(r"完成|实际|实绩", c) else None)
        columns.append(_Column("growth" if _GROWTH.search(c) else "level", kind))
    if unit_at is None and not any(col and col.measure == "growth" for col in columns):
        return None
    if not any(col and col.measure == "level" for col in columns) and unit_at is not None:
        return None
    return unit_at, columns


def _row(doc, cells, unit_at, columns, title, start, row, section, match) -> list[Indicator] | None:
    """The facts of one row, or None when its cells are no row of this table."""
    name = cells[0]
    unit = cells[unit_at] if unit_at is not None and unit_at < len(cells) else None
    if unit is not None and _NUMBER.match(unit):
        return None  # a row without its unit: the columns do not line up
    facts = []
    year, kind = _year_and_kind(doc, title, section)
    for k, cell in enumerate(cells[1:], 1):
        col = columns[k] if k < len(columns) else None
        if col is None:
            continue
        value = cell.replace("−", "-")
        if not _NUMBER.match(value):
            continue
        ckind = col.kind or kind
        if ckind == TARGET and kind == ACTUAL:
            continue  # the reviewed year's own plan: what was aimed at, no fact of the year
        cunit = "%" if col.measure == "growth" else unit
        at = row.find(cell, len(name))
        evidence_end = start + (at + len(cell) if at >= 0 else len(row))
        facts.append(
            Indicator(
                indicator=doc.text[start : start + len(name)],
                measure=col.measure,
                year=year,
                kind=ckind,
                value=float(value),
                unit=cunit,
                qualifier=None,
                evidence=doc.text[start:evidence_end],
                start=start,
                end=evidence_end,
                concept=getattr(match(name, "增长" if col.measure == "growth" else ""), "id", None),
                section=section.id,
                mode=section.mode,
            )
        )
    return facts or None


def _year_and_kind(doc: Document, title: str, section: Section) -> tuple[int | None, str]:
    """The table's year and kind: its title's (2012年…完成情况, 2013年主要预期目标), else its section's."""
    m = _YEAR.search(title)
    if m:
        year = int(m.group(1))
        if _PLANNED.search(title) or doc.plan_year is not None and year >= doc.plan_year:
            return year, TARGET
        return year, ACTUAL
    if section.mode == REVIEWED:
        return doc.reviewed_year, ACTUAL
    return doc.plan_year, TARGET
