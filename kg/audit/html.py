"""audit.html: the continuity audit and plan versus actual, for a person to read.

One self-contained UTF-8 file, written like every page of the build folder
from a Jinja template (``kg/templates/audit.html`` on ``_base.html``, which
holds the Content-Security-Policy that forbids every request): the CSS and JS
of ``kg/templates/audit.*`` inlined, the charts inlined as SVG. This module
prepares what the template shows. The same audit gives the same bytes.

The large tables (follow-ups, new and disappeared, entities, plan versus
actual) are not HTML rows: a national audit has ten thousand findings with
their quotes, and as rows the page was 15 MB and took Chromium half a minute
to open. Their rows are compact JSON embedded once (``script#audit-data``,
see ``page_data``) and the script draws a page of rows at a time, sorting and
filtering over the data, so the first table shows at once however large the
audit. What reads without JS stays HTML: the summary, the table of report
pairs, the charts, and a ``<noscript>`` note where each table would be.

Escaping: the script builds every cell with ``textContent`` and
``createElement``, never ``innerHTML``, so a name holding ``<script>`` shows
as text; the JSON goes through the one JSON-in-script escaper of the project
(``kg.html.json_script``), so no ``</script>`` or ``<!--`` can end or bend
it; Jinja's autoescaping escapes the HTML around it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from kg.audit.charts import Chart
from kg.audit.continuity import DISAPPEARED, NEW, NOT_ASSESSABLE, Audit, EntityRow, Finding, Quote, verdict_labels
from kg.audit.plan_actual import MET, MISSED, NO_DATA, Verdict, number
from kg.graph.keys import entity_keys
from kg.html import render
from kg.namespaces import ENTITY
from ontology.vocab import read_vocabulary

_MODE_ZH = {t.id: t.zh for t in read_vocabulary("modes")}
DATA_ID = "audit-data"  # the id of the script element holding the rows


def _slug(value: str) -> str:
    """A value for a class or a select that has no spaces inside (``no data`` → ``no-data``)."""
    return re.sub(r"\s+", "-", value.strip())


# ---- the data behind the tables ----------------------------------------------------------------


class _Strings:
    """Each distinct string once in the page; rows hold its index.

    A sentence is quoted by many findings (every entity it names, both
    sides of a pair) and a report name by thousands of rows: interned, the
    national data is a third of the size. Indices follow first use, so the
    same audit gives the same table.
    """

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        value = "" if value is None else str(value)
        i = self._index.get(value)
        if i is None:
            i = self._index[value] = len(self.values)
            self.values.append(value)
        return i


def utf16_marks(sentence: str, marks: Iterable[tuple[int, int]]) -> list[int]:
    """The marks of a quote as flat ``[start, end, …]`` offsets in UTF-16 code units,
    which is what JavaScript's ``slice`` counts (a character outside the BMP,
    such as 𠀀, is two of them); overlapping marks: the earlier one wins."""
    out, at = [], 0
    astral = any(ord(c) > 0xFFFF for c in sentence)
    for a, b in sorted(marks):
        if a < at:
            continue
        at = b
        if astral:
            a, b = (len(sentence[:x].encode("utf-16-le")) // 2 for x in (a, b))
        out += [a, b]
    return out


_MENTION = re.compile(r"/mention/(.+)_(\d+)-(\d+)_[^_/]+$")


def quote_source(q: Quote) -> str:
    """Where the site shows the quote in its report's text (``reports/<stem>.html#m<offset>``: its first
    mention; kg.site.pages.report_context writes the anchor), or "" when its mentions say nothing."""
    for iri in q.mentions:
        m = _MENTION.search(iri)
        if m:
            return f"reports/{m.group(1)}.html#m{m.group(2)}"
    return ""


class _Data:
    """Builds the page's JSON: ``{"columns": [...], "rows": [[...], ...]}`` per table,
    every string in a row an index into ``strings``."""

    def __init__(self) -> None:
        self.s = _Strings()
        self.quotes: list[list] = []
        self._quote_index: dict[tuple, int] = {}
        self.pair_index: dict[tuple[str, str], int] = {}
        self.pairs: list[list] = []

    def quote(self, q: Quote) -> int:
        row = [
            self.s(q.report),
            q.year,
            self.s(q.mode),
            self.s(q.section),
            self.s(q.sentence),
            utf16_marks(q.sentence, q.marks),
            self.s(quote_source(q)),
        ]
        key = json.dumps(row)
        i = self._quote_index.get(key)
        if i is None:
            i = self._quote_index[key] = len(self.quotes)
            self.quotes.append(row)
        return i

    def pair(self, area: str, year: int, earlier: str, later: str) -> int:
        i = self.pair_index.get((earlier, later))
        if i is None:
            i = self.pair_index[(earlier, later)] = len(self.pairs)
            self.pairs.append([self.s(area), year, self.s(earlier), self.s(later)])
        return i

    def quotes_cell(self, qs: Sequence[Quote], empty: str) -> list[int] | int:
        """The quote indices, or (a number, not a list) the index of the text shown when there is none."""
        return [self.quote(q) for q in qs] if qs else self.s(empty)


CHANGES = (NEW, DISAPPEARED)


def is_follow_up(verdict: str) -> bool:
    """Every verdict of the vocabulary but new and disappeared judges what a plan became (same name,
    another name, silent, and whatever ontology/continuity.tsv adds, such as not assessable)."""
    return verdict not in CHANGES


def follow_up_verdicts(labels: dict[str, dict[str, str]]) -> list[str]:
    return [v for v in labels if is_follow_up(v)]


def entity_pages(audit: Audit) -> dict[str, str]:
    """Entity id → its key in the site, where the key is not the id itself (ids that are not plain ASCII)."""
    ids = sorted({e.entity_id for e in audit.entities} | {f.entity_id for f in audit.findings})
    keys = entity_keys([str(ENTITY) + i for i in ids])
    return {i: keys[str(ENTITY) + i] for i in ids if keys[str(ENTITY) + i] != i}


FINDING_COLUMNS = ("year", "pair", "type", "name", "id", "verdict", "earlier_quotes", "later_quotes", "note")
ENTITY_COLUMNS = ("type", "name", "id", "names", "appearances", "statuses", "first", "last", "gaps", "years")
PLAN_ACTUAL_COLUMNS = (
    "area",
    "concept",
    "indicator",
    "label",
    "measure",
    "year",
    "target",
    "target_value",
    "actual",
    "unit",
    "verdict",
    "rule",
    "target_report",
    "target_evidence",
    "actual_report",
    "actual_evidence",
)


def _missing(f: Finding) -> str:
    if f.verdict == NOT_ASSESSABLE:
        return f"no review of {f.year} in {f.later} to say"
    if is_follow_up(f.verdict):
        return f"not named in the review of {f.year} ({f.later})"
    return f"not named in {f.later}"


def _finding_row(d: _Data, f: Finding) -> list:
    s = d.s
    return [
        f.year,
        d.pair(f.area, f.year, f.earlier, f.later),
        s(f.type),
        s(f.name),
        s(f.entity_id),
        s(f.verdict),
        d.quotes_cell(f.earlier_quotes, "not named in " + f.earlier),
        d.quotes_cell(f.later_quotes, _missing(f)),
        s(f.note),
    ]


def _entity_row(d: _Data, e: EntityRow) -> list:
    s = d.s
    return [
        s(e.type),
        s(e.name),
        s(e.entity_id),
        [[s(n.name), [s(r) for r in n.reports]] for n in e.names],
        [[a.year, s(a.mode), s(a.report), a.mentions] for a in e.appearances],
        [[x.year, s(x.mode), s(x.label), s(x.trigger), s(x.report), s(x.evidence)] for x in e.statuses],
        e.first_year,
        e.last_year,
        list(e.gaps),
        list(e.years),
    ]


def _concept_label(concepts: dict[str, dict[str, str]], concept: str) -> str:
    ls = concepts.get(concept, {})
    return ls.get("zh") or ls.get("en") or concept


def _plan_actual_row(d: _Data, v, concepts) -> list:
    s = d.s
    target = ""
    if v.target_value is not None:
        target = number(v.target_value) + (f"–{number(v.target_high)}" if v.target_high is not None else "")
        target += v.qualifier or ""
    return [
        s(v.area or ""),
        s(v.concept),
        s(_concept_label(concepts, v.concept)),
        s(v.label),
        s(v.measure),
        v.year,
        s(target),
        v.target_value,
        s(number(v.actual_value)),
        s(v.unit),
        s(v.verdict),
        s(v.rule),
        s(v.target.report) if v.target else None,
        s(v.target.evidence) if v.target else None,
        s(v.actual.report) if v.actual else None,
        s(v.actual.evidence) if v.actual else None,
    ]


def _table_data(columns: Sequence[str], rows: list[list]) -> dict:
    return {"columns": list(columns), "rows": rows}


def page_data(audit: Audit, verdicts: Sequence[Verdict], concepts: dict[str, dict[str, str]]) -> dict:
    """Everything the script draws the tables from, one JSON object.

    ``tables`` holds one ``{"columns", "rows"}`` per section id; ``pairs``
    and ``quotes`` are tables the rows point into by index (a finding's
    ``pair``, its quote lists); in every row of those five tables a string
    is the index of its value in ``strings``, numbers and null are
    themselves. A quote is ``[report, year, mode, section, sentence,
    marks, source]``, marks being flat UTF-16 offsets of the names in the
    sentence, source its place in the site's page of the report's text;
    a finding's quote cell is a list of quote indices, or, when that side
    names nothing, the index of the words that say so.
    """
    d = _Data()
    for p in audit.pairs:  # the pairs' own order, so that select values follow the table of pairs
        d.pair(p.area, p.year, p.earlier, p.later)
    follow = [_finding_row(d, f) for f in audit.findings if is_follow_up(f.verdict)]
    changes = [_finding_row(d, f) for f in audit.findings if f.verdict in CHANGES]
    entities = [_entity_row(d, e) for e in audit.entities]
    plan_actual = [_plan_actual_row(d, v, concepts) for v in verdicts]
    labels = verdict_labels()
    return {
        "verdicts": [{"id": v, "en": lab.get("en", v), "zh": lab.get("zh", "")} for v, lab in labels.items()],
        # the site's entity page of each entity whose page is not entities/<id>.html (kg.site.data.entity_keys)
        "entityPages": entity_pages(audit),
        "modes": _MODE_ZH,
        "tables": {
            "follow-ups": _table_data(FINDING_COLUMNS, follow),
            "changes": _table_data(FINDING_COLUMNS, changes),
            "entities": _table_data(ENTITY_COLUMNS, entities),
            "plan-vs-actual": _table_data(PLAN_ACTUAL_COLUMNS, plan_actual),
        },
        "pairs": _table_data(("area", "year", "earlier", "later"), d.pairs),
        "quotes": _table_data(("report", "year", "mode", "section", "sentence", "marks", "source"), d.quotes),
        "strings": d.s.values,
    }


# ---- the HTML around it -------------------------------------------------------------------------

FOLLOW_HEAD = (
    "年份 Year",
    "计划 Plans it (N)",
    "回顾 Reviews it (N+1)",
    "类型 Type",
    "实体 Entity",
    "结论 Verdict",
    "N 的计划 What N plans",
    "N+1 的回顾 What N+1 says in its review",
    "说明 Note",
)
CHANGE_HEAD = (
    "年份 Year",
    "前 Earlier (N)",
    "后 Later (N+1)",
    "类型 Type",
    "实体 Entity",
    "发现 Finding",
    "N 中 Named in N",
    "N+1 中 Named in N+1",
    "说明 Note",
)
ENTITY_HEAD = (
    "类型 Type",
    "实体 Entity",
    "名称 Names used (where)",
    "年份与方式 Years and modes",
    "状态 Status per year and mode",
    "首次 First",
    "末次 Last",
    "空缺 Gaps",
)
PLAN_ACTUAL_HEAD = (
    "Area",
    "Indicator",
    "Measure",
    "Year",
    "Target",
    "Actual",
    "Unit",
    "Verdict",
    "Rule applied",
    "Target stated in",
    "Actual stated in",
)
PLAN_ACTUAL_HELP = (
    "Each target for a year (from the report that plans it) against the actual of that year (from the "
    "report that reviews it). 以上/不低于: the actual must reach the target; 以内/以下/不超过: it must stay "
    "at or below it; 左右/约: it may fall short by 5% of the target; falls are compared by their size; "
    "lower is better for prices, unemployment, intensities, deficits, emissions, poverty and targets "
    "stated as caps (docs/plan-vs-actual.md)."
)


def _label(labels: dict[str, dict[str, str]], verdict: str) -> str:
    """A verdict as the page shows it: plain Chinese first, then English (未予回顾 silent)."""
    lab = labels.get(verdict, {})
    return " ".join(x for x in (lab.get("zh"), lab.get("en") or verdict) if x)


def _select(key: str, label: str, options: Iterable[tuple[str, str]]) -> dict:
    return {"key": key, "label": label, "options": list(options)}


def _years(values: Iterable[int]) -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in sorted(set(values))]


def _types(values: Iterable[str]) -> list[tuple[str, str]]:
    return [(t, t) for t in sorted(set(values)) if t]


def _pair_label(area: str, year: int, earlier: str, later: str) -> str:
    return " · ".join(x for x in (area, str(year), f"{earlier} → {later}") if x)


def _section(sid: str, title: str, help_text: str, rows: int, elsewhere: str, selects: list[dict], head) -> dict:
    """A table the script fills: its heads and filters in HTML, its rows in the page's data."""
    return {
        "id": sid,
        "title": title,
        "help": help_text,
        "rows": rows,
        "elsewhere": elsewhere,
        "selects": selects,
        "head": list(head),
    }


def _pairs(audit: Audit, labels: dict[str, dict[str, str]]) -> dict:
    """The pairs as HTML rows (a few dozen even on the national corpus): they read without JS.
    Each count links to its findings; the script sets that section's filters on the way."""
    head = [
        "地区 Area",
        "年份 Year",
        "计划该年 Plans the year (N)",
        "回顾该年 Reviews it (N+1)",
        "可否判断 Judged",
        *(_label(labels, v) for v in labels),
    ]
    rows = [
        {
            "index": i,
            "area": p.area,
            "year": p.year,
            "earlier": p.earlier,
            "later": p.later,
            "judged": "yes" if p.assessable else f"no: {p.reason}",
            "counts": [
                {"n": p.counts.get(v, 0), "verdict": v, "target": "follow-ups" if is_follow_up(v) else "changes"}
                for v in labels
            ],
        }
        for i, p in enumerate(audit.pairs)
    ]
    unpaired = [{"file": u.file, "reason": u.reason} for u in audit.unpaired]
    return {"head": head, "rows": rows, "unpaired": unpaired}


def _pair_select(audit: Audit, findings: Sequence[Finding], index: dict[tuple[str, str], int]) -> dict:
    used = {(f.earlier, f.later) for f in findings}
    labels = {(p.earlier, p.later): _pair_label(p.area, p.year, p.earlier, p.later) for p in audit.pairs}
    for f in findings:
        labels.setdefault((f.earlier, f.later), _pair_label(f.area, f.year, f.earlier, f.later))
    values = sorted(used, key=lambda k: index[k])
    return _select("pair", "Report pair", [(str(index[k]), labels[k]) for k in values])


def _findings_section(
    sid: str, title: str, help_text: str, findings: Sequence[Finding], verdicts, labels, head, audit: Audit, pair_index
) -> dict:
    selects = [
        _select("type", "Type", _types(f.type for f in findings)),
        _select(
            "verdict",
            "结论 Verdict",
            [(v, _label(labels, v)) for v in verdicts if any(f.verdict == v for f in findings)],
        ),
        _select("year", "Year", _years(f.year for f in findings)),
        _pair_select(audit, findings, pair_index),
    ]
    return _section(sid, title, help_text, len(findings), "audit.csv or audit.json", selects, head)


def _entities_section(audit: Audit) -> dict:
    selects = [
        _select("type", "Type", _types(e.type for e in audit.entities)),
        _select("year", "Year", _years(y for e in audit.entities for y in e.years)),
    ]
    return _section(
        "entities",
        "历年实体 Entities across the years",
        "Every entity the reports name: the names it goes by and the reports that use them, each year and mode it "
        "is named in (planned before reviewed), the status each report gives it, and the years between its first "
        "and last that no report speaks of.",
        len(audit.entities),
        "audit-entities.csv or audit.json",
        selects,
        ENTITY_HEAD,
    )


def _plan_actual_section(verdicts: Sequence[Verdict], concepts: dict[str, dict[str, str]]) -> dict:
    selects = [
        _select(
            "type",
            "Indicator",
            sorted(
                {(v.concept, _concept_label(concepts, v.concept)) for v in verdicts},
                key=lambda kv: kv[1] + "\x00" + kv[0],
            ),
        ),
        _select(
            "verdict",
            "Verdict",
            [(_slug(x), x) for x in (MET, MISSED, NO_DATA) if any(v.verdict == x for v in verdicts)],
        ),
        _select("year", "Year", _years(v.year for v in verdicts)),
    ]
    return _section(
        "plan-vs-actual",
        "计划与实际 Plan versus actual",
        PLAN_ACTUAL_HELP,
        len(verdicts),
        "plan-vs-actual.csv (kg audit --indicators writes it)",
        selects,
        PLAN_ACTUAL_HEAD,
    )


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(href="#|url\(#)([^")]+)')


def inline_svg(svg: bytes, prefix: str) -> str:
    """A chart's SVG as an element of the page: no XML prolog or metadata, and its
    ids prefixed, so that charts inlined side by side never share an id."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', text)
    text = _REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    return text.strip()


_POINT = re.compile(r'<g id="(c\d+)-pt-(actual|target)-(\d+)">')


def _side(label: str, o, value: str) -> str:
    if o is None:
        return f"{label}: —"
    return f"{label} {value} ({o.report}): «{o.evidence}»"


def point_title(v: Verdict, side: str) -> str:
    """What a chart's point says on hover: the year, both numbers with the sentences they come from, the verdict."""
    target = ""
    if v.target_value is not None:
        target = number(v.target_value) + (f"–{number(v.target_high)}" if v.target_high is not None else "")
        target += (v.qualifier or "") + (v.unit or "")
    actual = number(v.actual_value) + (v.unit or "") if v.actual_value is not None else ""
    head = f"{v.year} · {v.label} · {'实际 actual' if side == 'actual' else '目标 target'} · {v.verdict}"
    return "\n".join((head, _side("目标 target", v.target, target), _side("实际 actual", v.actual, actual)))


def point_titles(svg: str, chart: Chart, row_of: dict[int, int]) -> str:
    """Each point of an inlined chart gets a tooltip (an SVG ``<title>``: its quotes) and the row of the
    plan-versus-actual table it stands for (``data-row``; audit.js shows that row on a click)."""

    def repl(m: re.Match) -> str:
        v = chart.series[int(m.group(3))]
        row = row_of.get(id(v))
        attrs = f' class="pt" tabindex="0" data-row="{row}"' if row is not None else ' class="pt"'
        return f'<g id="{m.group(1)}-pt-{m.group(2)}-{m.group(3)}"{attrs}><title>{escape(point_title(v, m.group(2)))}</title>'

    return _POINT.sub(repl, svg)


def render_html(
    audit: Audit,
    verdicts: Sequence[Verdict],
    charts: Sequence[Chart],
    concepts: dict[str, dict[str, str]] | None = None,
) -> str:
    """The whole page (kg/templates/audit.html); ``verdicts`` are plan-versus-actual rows,
    ``concepts`` the indicator labels."""
    labels = verdict_labels()
    concepts = concepts or {}
    data = page_data(audit, verdicts, concepts)
    strings, pairs = data["strings"], data["pairs"]["rows"]
    pair_index = {(strings[p[2]], strings[p[3]]): i for i, p in enumerate(pairs)}  # what the rows' ``pair`` means
    follow = [f for f in audit.findings if is_follow_up(f.verdict)]
    changes = [f for f in audit.findings if f.verdict in CHANGES]
    areas = sorted({r.area for r in audit.reports if r.area})
    totals = {v: sum(p.counts.get(v, 0) for p in audit.pairs) for v in labels}
    summary = (
        f"{len(audit.reports)} 份报告 reports{' · ' + '、'.join(areas) if areas else ''}, {len(audit.pairs)} "
        f"对相邻报告 pairs of consecutive reports, {len(audit.entities)} 个实体 entities. {audit.headline()}. "
        f"计划的跟进 Follow-ups of what the reports planned: "
        + ", ".join(f"{totals[v]} {_label(labels, v)}" for v in follow_up_verdicts(labels))
        + "."
    )
    sections = [
        _findings_section(
            "follow-ups",
            "跟进 Follow-ups: what report N planned, and what report N+1 said of it",
            "Every entity a report names in its plan for the next year, and what the next report says when it "
            "reviews that year: followed up under a name the plan used, followed up under another name (the same "
            "entity, renamed or re-worded), silent (neither the review nor the plan names it), or not assessable "
            "(the next report has no review of the year, or names it in its plan alone). The names are marked "
            "in the quotes.",
            follow,
            follow_up_verdicts(labels),
            labels,
            FOLLOW_HEAD,
            audit,
            pair_index,
        ),
        _findings_section(
            "changes",
            "新增与消失 New and disappeared",
            "New: named in report N+1 (in its review or its plan) and in no earlier report of the area. "
            "Disappeared: named in report N (in any part) and not at all in report N+1; the note says when a later "
            "report names it again.",
            changes,
            CHANGES,
            labels,
            CHANGE_HEAD,
            audit,
            pair_index,
        ),
        _entities_section(audit),
    ]
    row_of = {id(v): i for i, v in enumerate(verdicts)}  # a verdict's row in the plan-versus-actual table
    figures = [
        {
            "caption": f"{_concept_label(concepts, c.concept)} · {c.title}",
            "svg": Markup(point_titles(inline_svg(c.svg, f"c{i}"), c, row_of)),
        }
        for i, c in enumerate(charts, 1)
    ]
    return render(
        "audit.html",
        title="延续性审计 Continuity audit",
        base="",
        here="audit",
        audit={"html": True},
        summary=summary,
        pairs=_pairs(audit, labels),
        sections=sections,
        plan_actual=_plan_actual_section(verdicts, concepts),
        charts=figures,
        data_id=DATA_ID,
        data=data,
    )
