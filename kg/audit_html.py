"""audit.html: the continuity audit and plan versus actual, for a person to read.

One self-contained UTF-8 file: the CSS and JS of ``kg/templates/audit.*``
inlined, the charts inlined as SVG, a Content-Security-Policy that forbids
every request, and every label and quote HTML-escaped (names come from
reports; a report could contain ``<script>``). The tables are plain HTML, so
the page reads without JS; the script only sorts (click a column head) and
filters (a text box, and selects for type, verdict and year that match the
rows' ``data-*`` attributes). The same audit gives the same bytes.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from importlib import resources

from .audit import (
    DISAPPEARED,
    FOLLOW_UPS,
    NEW,
    Audit,
    Chart,
    EntityRow,
    Finding,
    Quote,
    verdict_labels,
)

_MODE_ZH = {"planned": "计划", "reviewed": "回顾"}


def _e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _template(name: str) -> str:
    return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")


def _slug(value: str) -> str:
    """A value for a ``data-*`` attribute the filters split on spaces: no spaces inside."""
    return re.sub(r"\s+", "-", value.strip())


def render_quote(q: Quote) -> str:
    """The sentence with the names in it marked; each piece escaped on its own."""
    parts, at = [], 0
    for a, b in q.marks:
        if a < at:  # overlapping marks: the earlier one wins
            continue
        parts.append(_e(q.sentence[at:a]))
        parts.append(f"<mark>{_e(q.sentence[a:b])}</mark>")
        at = b
    parts.append(_e(q.sentence[at:]))
    year = "" if q.year is None else f"{q.year} "
    cite = f"{q.report} · {year}{q.mode} · {q.section}"
    return f"<blockquote><cite>{_e(cite)}</cite>{''.join(parts)}</blockquote>"


def _quotes(qs: Sequence[Quote], empty: str) -> str:
    if not qs:
        return f'<span class="none">{_e(empty)}</span>'
    return "".join(render_quote(q) for q in qs)


def _badge(verdict: str, labels: dict[str, dict[str, str]]) -> str:
    lab = labels.get(verdict, {})
    text = f"{lab.get('en', verdict)} · {lab['zh']}" if lab.get("zh") else lab.get("en", verdict)
    return f'<span class="badge v-{_e(_slug(verdict))}">{_e(text)}</span>'


def _select(key: str, label: str, values: Iterable[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{_e(v)}">{_e(t)}</option>' for v, t in values)
    return (f'<label>{_e(label)} <select data-key="{_e(key)}"><option value="">all</option>{options}</select>'
            f'</label>')


def _filters(section_id: str, selects: Sequence[str]) -> str:
    return (f'<div class="filters"><input type="search" placeholder="Filter: any text, e.g. a name" '
            f'aria-label="Filter the table of {_e(section_id)}">{"".join(selects)}<span class="count"></span></div>')


def _table(head: Sequence[str], rows: Sequence[str]) -> str:
    ths = "".join(f"<th>{_e(h)}</th>" for h in head)
    return (f'<div class="scroll"><table class="sortable"><thead><tr>{ths}</tr></thead>'
            f'<tbody>\n{"".join(rows)}</tbody></table></div>')


def _years(values: Iterable[int]) -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in sorted(set(values))]


def _types(values: Iterable[str]) -> list[tuple[str, str]]:
    return [(t, t) for t in sorted(set(values)) if t]


def _pairs_section(audit: Audit, labels) -> str:
    if not audit.pairs:
        return ('<section id="pairs"><h2>Report pairs</h2><p class="help">No two reports of one area where the '
                'later one reviews the year the earlier one plans: nothing to follow up.</p></section>')
    verdicts = list(labels)
    head = ["Area", "Year", "Plans the year (N)", "Reviews it (N+1)", *(labels[v]["en"] for v in verdicts)]
    rows = []
    for p in audit.pairs:
        cells = "".join(f'<td class="num">{p.counts.get(v, 0)}</td>' for v in verdicts)
        rows.append(f'<tr><td>{_e(p.area)}</td><td class="num">{p.year}</td><td>{_e(p.earlier)}</td>'
                    f'<td>{_e(p.later)}</td>{cells}</tr>\n')
    return ('<section id="pairs"><h2>Report pairs</h2><p class="help">Each report plans the next year; the next '
            'report of the same area reviews it. Counts of findings per pair.</p>' + _table(head, rows) + '</section>')


def _finding_row(f: Finding, labels) -> str:
    return (f'<tr data-type="{_e(f.type)}" data-verdict="{_e(f.verdict)}" data-year="{f.year}">'
            f'<td class="num">{f.year}</td><td>{_e(f.earlier)}</td><td>{_e(f.later)}</td><td>{_e(f.type)}</td>'
            f'<td class="name" data-sort="{_e(f.name)}">{_e(f.name)}<span class="id">{_e(f.entity_id)}</span></td>'
            f'<td data-sort="{_e(f.verdict)}">{_badge(f.verdict, labels)}</td>'
            f'<td class="quotes">{_quotes(f.earlier_quotes, "not named in " + f.earlier)}</td>'
            f'<td class="quotes">{_quotes(f.later_quotes, _missing(f))}</td>'
            f'<td>{_e(f.note)}</td></tr>\n')


def _missing(f: Finding) -> str:
    if f.verdict in FOLLOW_UPS:
        return f"not named in the review of {f.year} ({f.later})"
    return f"not named in {f.later}"


def _findings_section(sid: str, title: str, help_text: str, findings: Sequence[Finding], verdicts, labels,
                      head) -> str:
    selects = [
        _select("type", "Type", _types(f.type for f in findings)),
        _select("verdict", "Verdict", [(v, labels[v]["en"]) for v in verdicts if any(f.verdict == v
                                                                                       for f in findings)]),
        _select("year", "Year", _years(f.year for f in findings)),
    ]
    rows = [_finding_row(f, labels) for f in findings]
    return (f'<section id="{sid}" class="filterable"><h2>{_e(title)}</h2><p class="help">{_e(help_text)}</p>'
            + _filters(sid, selects) + _table(head, rows) + '</section>')


def _entity_row(e: EntityRow) -> str:
    names = "".join(f"<li>{_e(n.name)} <span class=\"id\">{_e(', '.join(n.reports))}</span></li>" for n in e.names)
    seen = "".join(f"<li>{'' if a.year is None else a.year} {_e(a.mode)} {_e(_MODE_ZH.get(a.mode, ''))} "
                   f"<span class=\"id\">{_e(a.report)} · {a.mentions}×</span></li>" for a in e.appearances)
    statuses = "".join(
        f"<li>{'' if s.year is None else s.year} {_e(s.mode)}: <strong>{_e(s.label)}</strong>"
        f"{' (' + _e(s.trigger) + ')' if s.trigger else ''}<span class=\"id\" title=\"{_e(s.evidence)}\">"
        f"{_e(s.report)}</span></li>" for s in e.statuses) or '<li class="none">none stated</li>'
    return (f'<tr data-type="{_e(e.type)}" data-year="{" ".join(map(str, e.years))}">'
            f'<td>{_e(e.type)}</td>'
            f'<td class="name" data-sort="{_e(e.name)}">{_e(e.name)}<span class="id">{_e(e.entity_id)}</span></td>'
            f'<td><ul class="plain">{names}</ul></td><td><ul class="plain">{seen}</ul></td>'
            f'<td><ul class="plain">{statuses}</ul></td>'
            f'<td class="num">{"" if e.first_year is None else e.first_year}</td>'
            f'<td class="num">{"" if e.last_year is None else e.last_year}</td>'
            f'<td data-sort="{len(e.gaps)}">{_e(" ".join(map(str, e.gaps)))}</td></tr>\n')


def _entities_section(audit: Audit) -> str:
    selects = [_select("type", "Type", _types(e.type for e in audit.entities)),
               _select("year", "Year", _years(y for e in audit.entities for y in e.years))]
    head = ["Type", "Entity", "Names used (where)", "Years and modes", "Status per year and mode", "First", "Last",
            "Gaps"]
    return ('<section id="entities" class="filterable"><h2>Entities across the years</h2><p class="help">Every '
            'entity the reports name: the names it goes by and the reports that use them, each year and mode it '
            'is named in (planned before reviewed), the status each report gives it, and the years between its '
            'first and last that no report speaks of.</p>'
            + _filters("entities", selects) + _table(head, [_entity_row(e) for e in audit.entities]) + '</section>')


def _fmt(v: float | None) -> str:
    return "" if v is None else f"{round(v, 6):g}"


def _plan_actual_section(verdicts: Sequence, charts: Sequence[Chart], concepts: dict[str, dict[str, str]]) -> str:
    def label(concept: str) -> str:
        ls = concepts.get(concept, {})
        return ls.get("zh") or ls.get("en") or concept

    rows = []
    for v in verdicts:
        target = ""
        if v.target_value is not None:
            target = _fmt(v.target_value) + (f"–{_fmt(v.target_high)}" if v.target_high is not None else "")
            target += v.qualifier or ""
        t_ev = f"<blockquote><cite>{_e(v.target.report)}</cite>{_e(v.target.evidence)}</blockquote>" if v.target \
            else '<span class="none">no target stated</span>'
        a_ev = f"<blockquote><cite>{_e(v.actual.report)}</cite>{_e(v.actual.evidence)}</blockquote>" if v.actual \
            else '<span class="none">no actual stated</span>'
        rows.append(
            f'<tr data-type="{_e(v.concept)}" data-verdict="{_e(_slug(v.verdict))}" data-year="{v.year}">'
            f'<td>{_e(v.area or "")}</td><td class="name" data-sort="{_e(label(v.concept))}">{_e(label(v.concept))}'
            f'<span class="id">{_e(v.concept)} · {_e(v.label)}</span></td><td>{_e(v.measure)}</td>'
            f'<td class="num">{v.year}</td><td class="num" data-sort="{_e(_fmt(v.target_value))}">{_e(target)}</td>'
            f'<td class="num">{_e(_fmt(v.actual_value))}</td><td>{_e(v.unit)}</td>'
            f'<td data-sort="{_e(v.verdict)}"><span class="badge v-{_e(_slug(v.verdict))}">{_e(v.verdict)}</span></td>'
            f'<td>{_e(v.rule)}</td><td class="quotes">{t_ev}</td><td class="quotes">{a_ev}</td></tr>\n')
    selects = [_select("type", "Indicator", sorted({(v.concept, label(v.concept)) for v in verdicts},
                                                   key=lambda kv: kv[1] + "\x00" + kv[0])),
               _select("verdict", "Verdict", [(_slug(x), x) for x in ("met", "missed", "no data")
                                              if any(v.verdict == x for v in verdicts)]),
               _select("year", "Year", _years(v.year for v in verdicts))]
    head = ["Area", "Indicator", "Measure", "Year", "Target", "Actual", "Unit", "Verdict", "Rule applied",
            "Target stated in", "Actual stated in"]
    table = (_filters("plan-vs-actual", selects) + _table(head, rows)) if verdicts else \
        '<p class="help">No indicator of the vocabulary has a target or an actual in these reports.</p>'
    figures = "".join(f'<figure><figcaption>{_e(label(c.concept))} · {_e(c.title)}</figcaption>'
                      f'{inline_svg(c.svg, f"c{i}")}</figure>\n' for i, c in enumerate(charts, 1))
    return ('<section id="plan-vs-actual" class="filterable"><h2>Plan versus actual</h2><p class="help">Each target '
            'for a year (from the report that plans it) against the actual of that year (from the report that '
            'reviews it). 以上/不低于: the actual must reach the target; 以内/以下/不超过: it must stay at or below it; '
            '左右/约: it may fall short by 5% of the target; falls are compared by their size; lower is better for '
            'prices, unemployment, intensities, deficits, emissions, poverty and targets stated as caps '
            '(docs/plan-vs-actual.md).</p>' + table + '</section>'
            + (f'<section id="charts"><h2>Indicators across the years</h2><p class="help">Actuals as a line, '
               f'targets as markers coloured by verdict (▲ a floor, ▼ a ceiling, ◆ a point; a bar for a range).</p>'
               f'<div class="charts">{figures}</div></section>' if charts else ''))


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(href="#|url\(#)([^")]+)')


def inline_svg(svg: bytes, prefix: str) -> str:
    """A chart's SVG as an element of the page: no XML prolog or metadata, and its
    ids prefixed, so that charts inlined side by side never share an id."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg"):]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', text)
    text = _REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    return text.strip()


def render_html(audit: Audit, verdicts: Sequence, charts: Sequence[Chart],
                concepts: dict[str, dict[str, str]] | None = None) -> str:
    """The whole page; ``verdicts`` are plan-versus-actual rows, ``concepts`` the indicator labels."""
    labels = verdict_labels()
    concepts = concepts or {}
    follow = [f for f in audit.findings if f.verdict in FOLLOW_UPS]
    changes = [f for f in audit.findings if f.verdict in (NEW, DISAPPEARED)]
    areas = sorted({r.area for r in audit.reports if r.area})
    totals = {v: sum(p.counts.get(v, 0) for p in audit.pairs) for v in labels}
    summary = (f"{len(audit.reports)} reports{' of ' + '、'.join(areas) if areas else ''}, {len(audit.pairs)} "
               f"pairs of consecutive reports, {len(audit.entities)} entities. Follow-ups of what the reports "
               f"planned: " + ", ".join(f"{totals[v]} {labels[v]['en']}" for v in FOLLOW_UPS) + ".")
    head_follow = ["Year", "Plans it (N)", "Reviews it (N+1)", "Type", "Entity", "Verdict",
                   "What N plans", "What N+1 says in its review", "Note"]
    head_change = ["Year", "Earlier (N)", "Later (N+1)", "Type", "Entity", "Finding", "Named in N", "Named in N+1",
                   "Note"]
    body = "".join([
        '<header><h1>Continuity audit · 延续性审计</h1>',
        f'<p class="lead">{_e(summary)}</p>',
        ('<nav><a href="#pairs">Report pairs</a><a href="#follow-ups">Follow-ups</a>'
        '<a href="#changes">New and disappeared</a><a href="#entities">Entities</a>'
        '<a href="#plan-vs-actual">Plan versus actual</a></nav></header>'),
        '<main>',
        _pairs_section(audit, labels),
        _findings_section(
            "follow-ups", "Follow-ups: what report N planned, and what report N+1 said of it",
            "Every entity a report names in its plan for the next year, and what the next report says when it "
            "reviews that year: followed up under a name the plan used, followed up under another name (the same "
            "entity, renamed or re-worded), or silent (the review does not name it; the note says when the next "
            "plan names it again). The names are marked in the quotes.",
            follow, FOLLOW_UPS, labels, head_follow),
        _findings_section(
            "changes", "New and disappeared",
            "New: named in report N+1 (in its review or its plan) and in no earlier report of the area. "
            "Disappeared: named in report N (in any part) and not at all in report N+1; the note says when a later "
            "report names it again.",
            changes, (NEW, DISAPPEARED), labels, head_change),
        _entities_section(audit),
        _plan_actual_section(verdicts, charts, concepts),
        ('</main><footer>Written by <code>kg audit</code> from the built graph (graph.trig); the same findings are '
        'in the graph (named graph id/graph/audit) and in audit.csv, audit-entities.csv and audit.json.</footer>'),
    ])
    page = _template("audit.html")
    for key, value in (("title", "Continuity audit · 延续性审计"), ("css", _template("audit.css").strip()),
                       ("js", _template("audit.js").strip()), ("body", body)):
        page = page.replace("{{" + key + "}}", value, 1)
    return page
