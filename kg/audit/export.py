"""The audit files: what ``kg audit`` (and ``kg build``) writes into the build folder.

``audit.csv`` (one row per finding), ``audit-entities.csv`` (one row per
entity), ``audit.json`` (everything, as plain JSON), ``audit.html`` (the page,
``kg.audit.html``) and, with ``--indicators``, ``plan-vs-actual.csv``,
``plan-vs-actual.json`` and one SVG chart per series in ``charts/``. Every
file is written through write_atomic, in the audit's own order.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from extract.contract import iter_dumps
from extract.fileio import write_atomic
from kg.audit.charts import charts
from kg.audit.continuity import NOT_ASSESSABLE, Audit, EntityRow, Quote, run_audit, verdict_labels
from kg.audit.html import render_html
from kg.audit.plan_actual import Verdict, concept_labels, number, observations, pair
from kg.query.engines import Engine, open_engine

AUDIT_HTML, AUDIT_CSV, ENTITIES_CSV, AUDIT_JSON = "audit.html", "audit.csv", "audit-entities.csv", "audit.json"
PLAN_ACTUAL_CSV, PLAN_ACTUAL_JSON, CHARTS_DIR = "plan-vs-actual.csv", "plan-vs-actual.json", "charts"

# ---- the continuity audit ----------------------------------------------------------------------

CSV_COLUMNS = (
    "area",
    "year",
    "earlier_report",
    "later_report",
    "verdict",
    "type",
    "entity",
    "entity_id",
    "earlier_names",
    "later_names",
    "earlier_quotes",
    "later_quotes",
    "note",
)
ENTITY_COLUMNS = (
    "type",
    "entity",
    "entity_id",
    "names",
    "years",
    "first_year",
    "last_year",
    "gaps",
    "appearances",
    "statuses",
)
_JOIN = " | "


def _quote_text(qs: Sequence[Quote]) -> str:
    return _JOIN.join(f"[{q.report} {q.year if q.year is not None else ''} {q.mode}] {q.sentence}" for q in qs)


def _y(y: int | None) -> str:
    return "" if y is None else str(y)


def audit_csv(audit: Audit) -> str:
    """One row per finding (follow-up verdicts, new, disappeared), with the quotes on both sides;
    then one ``not-assessable`` row per report the audit could pair with none, its note saying why
    (no entity, no later report: a tool that reads findings by entity skips it)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for f in audit.findings:
        w.writerow(
            [
                f.area,
                f.year,
                f.earlier,
                f.later,
                f.verdict,
                f.type,
                f.name,
                f.entity_id,
                _JOIN.join(f.earlier_names),
                _JOIN.join(f.later_names),
                _quote_text(f.earlier_quotes),
                _quote_text(f.later_quotes),
                f.note,
            ]
        )
    reports = {r.file: r for r in audit.reports}
    for u in audit.unpaired:
        r = reports.get(u.file)
        row = {c: "" for c in CSV_COLUMNS}
        row.update(
            area=r.area if r else "",
            year=_y(r.plan_year) if r else "",
            earlier_report=u.file,
            verdict=NOT_ASSESSABLE,
            note=f"paired with no report: {u.reason}",
        )
        w.writerow([row[c] for c in CSV_COLUMNS])
    return buf.getvalue()


def appearance_text(e: EntityRow) -> str:
    return ", ".join(f"{_y(a.year)} {a.mode} ({a.report}, {a.mentions})" for a in e.appearances)


def status_text(e: EntityRow) -> str:
    return ", ".join(
        f"{_y(s.year)} {s.mode}: {s.label} ({s.trigger})" if s.trigger else f"{_y(s.year)} {s.mode}: {s.label}"
        for s in e.statuses
    )


def entities_csv(audit: Audit) -> str:
    """One row per entity: years, modes, statuses, names, gaps."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ENTITY_COLUMNS)
    for e in audit.entities:
        w.writerow(
            [
                e.type,
                e.name,
                e.entity_id,
                _JOIN.join(f"{n.name} ({', '.join(n.reports)})" for n in e.names),
                " ".join(map(str, e.years)),
                _y(e.first_year),
                _y(e.last_year),
                " ".join(map(str, e.gaps)),
                appearance_text(e),
                status_text(e),
            ]
        )
    return buf.getvalue()


def _plain(value):
    """``dataclasses.asdict`` without its deep copies (a few times faster on a large audit)."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def audit_json(audit: Audit) -> str:
    return "".join(iter_audit_json(audit))


def iter_audit_json(audit: Audit) -> Iterator[str]:
    """The text of ``audit_json`` in pieces, a finding or an entity at a time (``audit.json`` of 100
    reports is 40 MB, and its tree in memory several times that)."""
    return iter_dumps(audit_payload(audit), lazy=("findings", "entities"))


def audit_payload(audit: Audit, lazy: bool = True) -> dict:
    """What ``audit.json`` holds; the findings and entities as iterators unless ``lazy`` is False."""
    many = map if lazy else lambda f, xs: [f(x) for x in xs]
    return {
        "verdicts": verdict_labels(),
        "headline": {
            "text": audit.headline(),
            "pairs": len(audit.pairs),
            "judged": len(audit.judged),
            "unpaired": len(audit.unpaired),
        },
        "reports": _plain(audit.reports),
        "unpaired": _plain(audit.unpaired),
        "pairs": _plain(audit.pairs),
        "findings": many(_plain, audit.findings),
        "entities": many(_plain, audit.entities),
    }


# ---- plan versus actual ------------------------------------------------------------------------

PLAN_ACTUAL_COLUMNS = (
    "area",
    "concept",
    "label",
    "measure",
    "year",
    "unit",
    "target",
    "target_high",
    "target_qualifier",
    "actual",
    "verdict",
    "rule",
    "lower_is_better",
    "target_report",
    "target_evidence",
    "actual_report",
    "actual_evidence",
)


def _flat(v: Verdict) -> dict:
    t, a = v.target, v.actual
    return {
        "area": v.area or "",
        "concept": v.concept,
        "label": v.label,
        "measure": v.measure,
        "year": v.year,
        "unit": v.unit,
        "target": number(v.target_value),
        "target_high": number(v.target_high),
        "target_qualifier": v.qualifier or "",
        "actual": number(v.actual_value),
        "verdict": v.verdict,
        "rule": v.rule,
        "lower_is_better": "yes" if v.lower_is_better else "no",
        "target_report": t.report if t else "",
        "target_evidence": t.evidence if t else "",
        "actual_report": a.report if a else "",
        "actual_evidence": a.evidence if a else "",
    }


def plan_actual_csv(verdicts: Sequence[Verdict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=PLAN_ACTUAL_COLUMNS, lineterminator="\n")
    w.writeheader()
    for v in verdicts:
        w.writerow(_flat(v))
    return buf.getvalue()


def plan_actual_json(verdicts: Sequence[Verdict]) -> str:
    items = [asdict(v) for v in verdicts]
    return json.dumps({"rule": _RULE_SUMMARY, "verdicts": items}, ensure_ascii=False, indent=1) + "\n"


_RULE_SUMMARY = (
    "以上/不低于: actual ≥ target; 以内/以下/不超过: actual ≤ target; 左右/约: within 5% of the target on the "
    "short side, overshooting on the good side is met; no qualifier: the target reached on the good "
    "side. Falls are compared by their size. Lower is better for prices, unemployment, intensities, "
    "deficits, emissions and poverty, and for targets stated as caps."
)


# ---- the folder ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFiles:
    audit: Audit
    verdicts: list[Verdict]
    files: list[Path]


def write_audit(
    out_dir: str | Path, *, indicators: bool = False, engine: str | Engine = "oxigraph", audit: Audit | None = None
) -> AuditFiles:
    """Audit the graph built in ``out_dir`` and write the audit files into it.

    ``engine`` is an engine name (the graph is loaded from ``graph.trig``) or an
    engine already holding that graph; ``audit`` is its audit when the caller
    has it already (``kg build`` computes it once, for the graph and the files).

    Always ``audit.html`` (continuity and plan versus actual, with the charts
    of the series where a target meets an actual inlined),
    ``audit.csv`` (one row per finding), ``audit-entities.csv`` (one row per
    entity) and ``audit.json`` (everything). With ``indicators`` also
    ``plan-vs-actual.csv``, ``plan-vs-actual.json`` and one SVG per indicator
    series in ``charts/``. Raises InputError, saying how to build, when
    ``out_dir`` holds no graph.
    """
    eng = open_engine(out_dir, engine) if isinstance(engine, str) else engine
    audit = audit if audit is not None else run_audit(eng)
    verdicts = pair(observations(eng))
    labels = concept_labels(eng)
    # chart titles in English: the charts carry no CJK font
    drawn = charts(verdicts, {c: ls.get("en") or c for c, ls in labels.items()}, every=indicators)
    out = Path(out_dir)
    # each file made when it is written, so one of them at a time is in memory
    payloads: dict[str, Callable[[], str | bytes | Iterable[str]]] = {
        AUDIT_HTML: lambda: render_html(audit, verdicts, [c for c in drawn if c.compared], labels),
        AUDIT_CSV: lambda: audit_csv(audit),
        ENTITIES_CSV: lambda: entities_csv(audit),
        AUDIT_JSON: lambda: iter_audit_json(audit),
    }
    if indicators:
        payloads[PLAN_ACTUAL_CSV] = lambda: plan_actual_csv(verdicts)
        payloads[PLAN_ACTUAL_JSON] = lambda: plan_actual_json(verdicts)
        for c in drawn:
            payloads[f"{CHARTS_DIR}/{c.name}"] = lambda c=c: c.svg
    files = []
    for name, make in payloads.items():
        write_atomic(str(out / name), make())
        files.append(out / name)
    return AuditFiles(audit=audit, verdicts=verdicts, files=files)
