"""The counts behind the library's aggregate queries, precomputed once per build (``id/graph/summary``).

Aggregates over every mention or finding (report-summary, themes-by-report,
co-mentioned …) cost, asked of the graph, work that grows with the mentions
(240,000 at 1,000 reports) whatever the size of the answer: seconds to tens
of seconds through ``kg serve`` (docs/serve.md). The build knows them all
once the graph and its audit are in the store, so it counts them here, once,
and writes each library answer as a data set: one ``void:Dataset`` per
query (``id/summary/<query>``), one ``pkg:SummaryRow`` per row
(``void:inDataset``), with the row's dimensions (``pkg:rowReport``,
``pkg:rowEntity`` …) and counts (``pkg:entityCount``, ``pkg:mentionCount``
…), declared as RDF Data Cube dimension and measure properties. The rows are
not ``qb:Observation``s: the graph's Data Cube data sets are the indicator
figures of a report, and their shapes say so.

Each row also has ``pkg:rank``: its place, from 1, in the order the query
prints the whole answer. A page of a query at its default parameters is then
a lookup of a run of ranks (kg.query.pages), not a sort of every row.

The counts are read from the store (the same nodes and literals the raw
queries would see, so the same duplicates count once), then counted here in
plain Python; ``tests/kg/graph/test_summary.py`` asks the raw aggregates of
the library as it was (``tests/data/summary/*.rq``) over the same store and
compares every row. The graph is a function of the other graphs, so the same
build gives the same bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, VOID

from kg.graph.dataset import Graphs, Triple, load_store, to_quads
from kg.graph.shards import Shards
from kg.namespaces import AUDIT_GRAPH, PKG, SUMMARY, SUMMARY_GRAPH, scheme_iri

SCHEMA_CORPORATION = "https://schema.org/Corporation"

# the library queries answered from this graph, and the data set each reads
DATASETS = (
    "report-summary",
    "themes-by-report",
    "entities-by-theme",
    "audit-summary",
    "co-mentioned",
    "enterprises-by-program",
    "entity-years",  # new-and-dropped: the years each entity is named about
    "plan-vs-review",
)
# (entity-timeline was counted here too: 1.6 M quads at 1,000 reports for 173 → 142 ms, not kept)


def dataset_iri(name: str) -> URIRef:
    return SUMMARY[name]


@dataclass
class Facts:
    """What the aggregates count, read from the store: one dict per property, by subject IRI."""

    reports: set[str] = field(default_factory=set)
    identifier: dict[str, str] = field(default_factory=dict)
    reviewed: dict[str, int] = field(default_factory=dict)
    planned: dict[str, int] = field(default_factory=dict)
    area: dict[str, ox.Literal] = field(default_factory=dict)
    mention_of: dict[str, str] = field(default_factory=dict)  # mention → entity
    in_report: dict[str, str] = field(default_factory=dict)  # mention, sentence … → report
    mode: dict[str, ox.Literal] = field(default_factory=dict)
    year: dict[str, int] = field(default_factory=dict)
    sentence: dict[str, str] = field(default_factory=dict)  # mention → sentence
    subjects: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # node → dcterms:subject
    entity_type: dict[str, ox.Literal] = field(default_factory=dict)
    label: dict[str, str] = field(default_factory=dict)  # entity → skos:prefLabel
    corporations: set[str] = field(default_factory=set)
    programs: set[str] = field(default_factory=set)
    themes: dict[str, tuple[str, str]] = field(default_factory=dict)  # theme → (notation, label@zh)
    notation: dict[str, str] = field(default_factory=dict)
    label_en: dict[str, str] = field(default_factory=dict)
    findings: dict[str, dict[str, object]] = field(default_factory=lambda: defaultdict(dict))


def _pairs(store: ox.Store, predicate: str, graph: ox.NamedNode | None = None) -> Iterator[tuple[str, object]]:
    for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, graph):
        if isinstance(q.subject, ox.NamedNode):
            yield q.subject.value, q.object


def _int(term) -> int | None:
    try:
        return int(term.value)
    except (AttributeError, ValueError):
        return None


def read_facts(store: ox.Store) -> Facts:
    """One pass over each property the aggregates use (every graph of the store)."""
    f = Facts()
    for s, o in _pairs(store, str(RDF.type)):
        if o.value == str(PKG.Report):
            f.reports.add(s)
        elif o.value == SCHEMA_CORPORATION:
            f.corporations.add(s)
        elif o.value == str(PKG.Program):
            f.programs.add(s)
    simple = (
        (DCTERMS.identifier, f.identifier, lambda o: o.value),
        (PKG.reviewedYear, f.reviewed, _int),
        (PKG.planYear, f.planned, _int),
        (PKG.area, f.area, lambda o: o),
        (PKG.mentionOf, f.mention_of, lambda o: o.value),
        (PKG.inReport, f.in_report, lambda o: o.value),
        (PKG.mode, f.mode, lambda o: o),
        (PKG.year, f.year, _int),
        (PKG.inSentence, f.sentence, lambda o: o.value),
        (PKG.entityType, f.entity_type, lambda o: o),
        (SKOS.notation, f.notation, lambda o: o.value),
    )
    for prop, into, read in simple:
        for s, o in _pairs(store, str(prop)):
            value = read(o)
            if value is not None:
                into[s] = value
    for s, o in _pairs(store, str(DCTERMS.subject)):
        f.subjects[s].append(o.value)
    zh: dict[str, str] = {}
    for s, o in _pairs(store, str(SKOS.prefLabel)):
        lang = getattr(o, "language", None)
        if lang == "zh":
            zh[s] = o.value
        elif lang == "en":
            f.label_en[s] = o.value
        f.label.setdefault(s, o.value)
    f.label.update(zh)
    for s, o in _pairs(store, str(SKOS.inScheme)):
        if o.value == str(scheme_iri("themes")) and s in f.notation and s in zh:
            f.themes[s] = (f.notation[s], zh[s])
    audit = ox.NamedNode(str(AUDIT_GRAPH))
    for prop, key in (
        (PKG.verdict, "verdict"),
        (PKG.year, "year"),
        (PKG.earlierReport, "earlier"),
        (PKG.laterReport, "later"),
    ):
        for s, o in _pairs(store, str(prop), audit):
            f.findings[s][key] = _int(o) if key == "year" else o.value
    return f


# ---- the rows, in each query's order ---------------------------------------------------------------


def _first(value) -> tuple:
    """A sort key as ORDER BY reads a column: unbound first, then the value."""
    return (0,) if value is None else (1, value)


def _desc(n: int) -> int:
    return -n


Row = dict[URIRef, object]  # property → an IRI (str), an int, or an Oxigraph literal


def report_summary(f: Facts) -> list[Row]:
    groups: dict[tuple, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for m, e in f.mention_of.items():
        r = f.in_report.get(m)
        if r in f.reports and m in f.mode and e in f.entity_type:
            ents, ms = groups[(r, f.entity_type[e].value, f.mode[m].value)]
            ents.add(e)
            ms.add(m)
    rows = []
    for (r, typ, mode), (ents, ms) in groups.items():
        if r in f.identifier:
            key = (f.identifier[r], typ, mode, r)
            rows.append((key, {PKG.rowReport: r, PKG.rowType: typ, PKG.rowMode: mode,
                               PKG.entityCount: len(ents), PKG.mentionCount: len(ms)}))  # fmt: skip
    return _ordered(rows)


def themes_by_report(f: Facts) -> list[Row]:
    groups: dict[tuple, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for m, e in f.mention_of.items():
        r = f.in_report.get(m)
        if r is None:
            continue
        for t in set(f.subjects.get(m, ())):
            if t in f.themes:
                ents, ms = groups[(t, r)]
                ents.add(e)
                ms.add(m)
    rows = []
    for (t, r), (ents, ms) in groups.items():
        if r in f.identifier:
            key = (f.identifier[r], _desc(len(ents)), f.themes[t][0], t, r)
            rows.append(
                (key, {PKG.rowReport: r, PKG.rowTheme: t, PKG.entityCount: len(ents), PKG.mentionCount: len(ms)})
            )
    return _ordered(rows)


def entities_by_theme(f: Facts) -> list[Row]:
    groups: dict[tuple, set] = defaultdict(set)
    for m, e in f.mention_of.items():
        y = f.year.get(m)
        if y is None:
            continue
        for t in set(f.subjects.get(m, ())):
            if t in f.themes:
                groups[(t, y, e)].add(m)
    rows = []
    for (t, y, e), ms in groups.items():
        typ = f.entity_type.get(e)
        key = (f.themes[t][0], y, _first(typ.value if typ else None), _desc(len(ms)), _first(f.label.get(e)), e, t)
        rows.append((key, {PKG.rowTheme: t, PKG.rowYear: y, PKG.rowEntity: e, PKG.mentionCount: len(ms)}))
    return _ordered(rows)


def audit_summary(f: Facts) -> list[Row]:
    groups: dict[tuple, set] = defaultdict(set)
    for node, v in f.findings.items():
        if len(v) == 4:
            groups[(v["year"], v["earlier"], v["later"], v["verdict"])].add(node)
    rows = []
    for (y, n, n1, v), found in groups.items():
        key = (y, _first(f.identifier.get(n)), _first(f.identifier.get(n1)), _first(f.notation.get(v)), n, n1, v)
        rows.append((key, {PKG.rowYear: y, PKG.rowEarlier: n, PKG.rowLater: n1, PKG.rowVerdict: v,
                           PKG.entityCount: len(found)}))  # fmt: skip
    return _ordered(rows)


def _by_sentence(f: Facts, keep: Callable[[str], bool] = lambda m: True) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for m, s in f.sentence.items():
        if m in f.mention_of and keep(m):
            out[s].add(f.mention_of[m])
    return out


def co_mentioned(f: Facts) -> list[Row]:
    """Every pair named together at least once (the query's ``min`` filters them)."""
    sentences: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, ents in _by_sentence(f).items():
        if s not in f.in_report:
            continue
        ordered = sorted(ents)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                sentences[(a, b)].add(s)
    rows = []
    for (a, b), ss in sentences.items():
        reports = {f.in_report[s] for s in ss}
        key = (_desc(len(ss)), _first(f.label.get(a)), _first(f.label.get(b)), a, b)
        rows.append((key, {PKG.rowEntity: a, PKG.rowPartner: b, PKG.sentenceCount: len(ss),
                           PKG.reportCount: len(reports)}))  # fmt: skip
    return _ordered(rows)


def enterprises_by_program(f: Facts) -> list[Row]:
    programs = _by_sentence(f, lambda m: f.mention_of[m] in f.programs and f.mention_of[m] in f.label)
    years: dict[tuple[str, str], list[int]] = defaultdict(list)
    sentences: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m, s in f.sentence.items():
        e = f.mention_of.get(m)
        if e not in f.corporations or e not in f.label or m not in f.year:
            continue
        for p in programs.get(s, ()):
            years[(p, e)].append(f.year[m])
            sentences[(p, e)].add(s)
    rows = []
    for (p, e), ss in sentences.items():
        key = (f.label[p], p, _desc(len(ss)), f.label[e], e)
        rows.append((key, {PKG.rowEntity: p, PKG.rowPartner: e, PKG.sentenceCount: len(ss),
                           PKG.firstYear: min(years[(p, e)]), PKG.lastYear: max(years[(p, e)])}))  # fmt: skip
    return _ordered(rows)


def entity_years(f: Facts) -> list[Row]:
    groups: dict[tuple[str, int], int] = defaultdict(int)
    for m, e in f.mention_of.items():
        if m in f.year:
            groups[(e, f.year[m])] += 1
    rows = [((e, y), {PKG.rowEntity: e, PKG.rowYear: y, PKG.mentionCount: n}) for (e, y), n in groups.items()]
    return _ordered(rows)


def plan_vs_review(f: Facts) -> list[Row]:
    """Per pair of reports (one plans year Y, the next of its area reviews Y) and entity: kept, dropped or new."""
    said: dict[tuple[str, str, int], set[str]] = defaultdict(set)  # (report, mode, year) → entities
    for m, e in f.mention_of.items():
        r, mode, y = f.in_report.get(m), f.mode.get(m), f.year.get(m)
        if r is not None and mode is not None and y is not None and mode.value in ("planned", "reviewed"):
            said[(r, mode.value, y)].add(e)
    reviewing: dict[int, list[str]] = defaultdict(list)
    for r, y in f.reviewed.items():
        reviewing[y].append(r)
    rows = []
    for plan, y in f.planned.items():
        for nxt in reviewing.get(y, ()):
            a, b = f.area.get(plan), f.area.get(nxt)
            if a is not None and b is not None and a != b:
                continue
            before, after = said.get((plan, "planned", y), set()), said.get((nxt, "reviewed", y), set())
            for e in before | after:
                outcome = ("kept" if e in after else "dropped") if e in before else "new"
                typ = f.entity_type.get(e)
                key = (y, _first(f.identifier.get(plan)), _first(f.identifier.get(nxt)), outcome,
                       _first(typ.value if typ else None), _first(f.label.get(e)), e, plan, nxt)  # fmt: skip
                rows.append((key, {PKG.rowYear: y, PKG.rowEarlier: plan, PKG.rowLater: nxt, PKG.rowEntity: e,
                                   PKG.rowOutcome: outcome}))  # fmt: skip
    return _ordered(rows)


def _ordered(rows: list[tuple[tuple, Row]]) -> list[Row]:
    return [row for _, row in sorted(rows, key=lambda kr: kr[0])]


COUNTERS: dict[str, Callable[[Facts], list[Row]]] = {
    "report-summary": report_summary,
    "themes-by-report": themes_by_report,
    "entities-by-theme": entities_by_theme,
    "audit-summary": audit_summary,
    "co-mentioned": co_mentioned,
    "enterprises-by-program": enterprises_by_program,
    "entity-years": entity_years,
    "plan-vs-review": plan_vs_review,
}


# ---- the graph --------------------------------------------------------------------------------------

_IRI_PROPS = {PKG.rowReport, PKG.rowEntity, PKG.rowPartner, PKG.rowTheme, PKG.rowVerdict, PKG.rowEarlier, PKG.rowLater}


def _term(prop: URIRef, value) -> URIRef | Literal:
    if prop in _IRI_PROPS:
        return URIRef(value)
    if isinstance(value, ox.Literal):
        return Literal(value.value, lang=value.language) if value.language else Literal(value.value)
    return Literal(value)  # an int: xsd:integer; a str: a plain string


def summary_triples(store: ox.Store) -> Iterator[Triple]:
    """The summary graph of what ``store`` holds, data set by data set, row by row."""
    facts = read_facts(store)
    for name in DATASETS:
        ds = dataset_iri(name)
        yield ds, RDF.type, VOID.Dataset
        yield ds, DCTERMS.identifier, Literal(name)
        for rank, row in enumerate(COUNTERS[name](facts), start=1):
            node = SUMMARY[f"{name}_{rank}"]
            yield node, RDF.type, PKG.SummaryRow
            yield node, VOID.inDataset, ds
            yield node, PKG.rank, Literal(rank)
            for prop, value in row.items():
                yield node, prop, _term(prop, value)


def add_summary(graphs: Graphs, store: ox.Store) -> None:
    """Count what ``store`` holds (the graph and its audit) and add the counts, as
    ``id/graph/summary``, both to it and to ``graphs``, as ``add_findings`` adds the audit."""
    graphs.pop(str(SUMMARY_GRAPH), None)
    store.remove_graph(ox.NamedNode(str(SUMMARY_GRAPH)))
    if isinstance(graphs, Shards):
        if graphs.put_sorted(str(SUMMARY_GRAPH), summary_triples(store)):
            graphs.load(store, [str(SUMMARY_GRAPH)])
        return
    quads = to_quads(SUMMARY_GRAPH, set(summary_triples(store)))
    if quads:
        graphs[str(SUMMARY_GRAPH)] = quads
        load_store(store, quads)
