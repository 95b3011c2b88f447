"""The continuity audit: what each report promised, and what the next one said of it.

A report reviews year Y and plans year Y+1; the next report of the same area
reviews Y+1. So for two consecutive reports N and N+1 (N's plan year is
N+1's reviewed year, same area) every entity that N names in its plan gets a
verdict from what N+1 says when it reviews that year:

- ``same-name``: N+1's review names it with a name N's plan used;
- ``other-name``: N+1's review names it (same entity id, the resolver merged
  the names) but with none of the names N's plan used;
- ``silent``: N+1's review does not name it, nor does its plan;
- ``not-assessable``: N+1 cannot say: it has no part read as a review
  (an excerpt of the plan alone, say), or it names the entity only in its
  plan (planned again), so its review's silence is not a finding.

Reports N and N+1 must name the same area: a report whose area is unknown is
paired with no report (two such reports may well be of two counties), and
the audit lists it in ``unpaired`` with why. The headline counts the pairs
that could be judged: those whose later report has a part read as a review.

Two more findings per pair: ``new`` (N+1 names it, reviewed or planned, and
no earlier report of the area did) and ``disappeared`` (N names it, in any
mode, and N+1 does not name it at all). Beside the pairs, one row per entity:
its type, canonical name, the years and modes it appears in, its status per
year and mode, every name used and where, first and last year, and the years
in between that no report speaks of (gaps).

Everything is read from a built graph with SPARQL (never by re-running the
extraction), through either engine of ``kg.query.engines``: ``kg build`` audits
the Oxigraph copy of the graph it has just built (``add_findings``) and adds
the findings to the graph as the named graph ``id/graph/audit``; ``kg audit``
reads ``graph.trig`` with Oxigraph. Both give the same rows; ``kg.audit.export``
writes them into the audit files.

Ordering (deterministic, the same graph gives the same bytes)
    - reports: area, plan year, file name;
    - findings: area, year, earlier report, later report, verdict (same-name,
      other-name, silent, not-assessable, new, disappeared), entity type,
      canonical name, entity IRI;
    - unpaired reports: file name;
    - entities: type, canonical name, IRI;
    - within a row: appearances and statuses by year, then planned before
      reviewed (a year is planned before it is reviewed), then report order
      and offset; quotes by report order and offset; names in the order they
      were first used (report order, then offset).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from extract.records import PLANNED, REVIEWED
from extract.repair import without_pinyin
from kg.graph.dataset import Graphs, Triple, Triples, load_store, to_quads
from kg.graph.shards import Shards
from kg.namespaces import AUDIT_GRAPH, ENTITY, FINDING, PKG, REPORT, concept_namespace
from kg.query.engines import Engine, OxigraphEngine, integer, text
from kg.query.library import run_library
from ontology.vocab import modes, read_vocabulary

SAME_NAME, OTHER_NAME, SILENT, NEW, DISAPPEARED = "same-name", "other-name", "silent", "new", "disappeared"
NOT_ASSESSABLE = "not-assessable"
VERDICTS = (SAME_NAME, OTHER_NAME, SILENT, NOT_ASSESSABLE, NEW, DISAPPEARED)
FOLLOW_UPS = (SAME_NAME, OTHER_NAME, SILENT, NOT_ASSESSABLE)
VOCABULARY = "continuity"  # ontology/continuity.tsv: the verdicts as SKOS concepts
_MODE_ORDER = {mode: i for i, mode in enumerate(modes())}  # a year is planned before it is reviewed


# ---- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportInfo:
    iri: str
    file: str  # dcterms:identifier, the file name reports are known by
    area: str  # "" when the report names none
    reviewed_year: int | None
    plan_year: int | None
    title: str
    review_parts: int = 0  # sections read as a review (mode ``reviewed``)
    plan_parts: int = 0  # sections read as a plan


@dataclass(frozen=True, slots=True)
class Unpaired:
    """A report the audit pairs with no other, and why."""

    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class Quote:
    """One sentence of a report behind a finding, with the names it uses marked."""

    report: str
    year: int | None
    mode: str
    section: str  # "3.1.3 突出抓好重大项目建设"
    sentence: str
    marks: tuple[tuple[int, int], ...]  # spans of the names inside ``sentence``
    names: tuple[str, ...]
    mentions: tuple[str, ...]  # mention IRIs


@dataclass(frozen=True, slots=True)
class Finding:
    """What report ``later`` says of an entity that report ``earlier`` (or ``later`` alone, for ``new``) names.

    For the follow-up verdicts, ``earlier_*`` are N's planned mentions and
    ``later_*`` N+1's reviewed ones; for ``new`` every mention in N+1; for
    ``disappeared`` every mention in N.
    """

    earlier: str
    later: str
    area: str
    year: int  # the year ``earlier`` plans and ``later`` reviews
    verdict: str
    entity: str  # IRI
    entity_id: str
    type: str
    name: str  # canonical name
    earlier_names: tuple[str, ...]
    later_names: tuple[str, ...]
    earlier_quotes: tuple[Quote, ...]
    later_quotes: tuple[Quote, ...]
    note: str  # e.g. "planned again in …", "named again in …"


@dataclass(frozen=True, slots=True)
class Appearance:
    report: str
    year: int | None
    mode: str
    mentions: int


@dataclass(frozen=True, slots=True)
class StatusStep:
    year: int | None
    mode: str
    status: str  # id in ontology/statuses.tsv
    label: str  # its English label
    trigger: str
    report: str
    evidence: str


@dataclass(frozen=True, slots=True)
class NameUse:
    name: str
    reports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity: str
    entity_id: str
    type: str
    name: str
    appearances: tuple[Appearance, ...]
    statuses: tuple[StatusStep, ...]
    names: tuple[NameUse, ...]
    years: tuple[int, ...]
    first_year: int | None
    last_year: int | None
    gaps: tuple[int, ...]  # years between first and last that no mention is about


@dataclass(frozen=True, slots=True)
class PairSummary:
    earlier: str
    later: str
    area: str
    year: int
    counts: dict[str, int]  # verdict → findings, every verdict present
    assessable: bool = True  # the later report has a part read as a review
    reason: str = ""  # why not, when not


@dataclass
class Audit:
    reports: list[ReportInfo] = field(default_factory=list)
    pairs: list[PairSummary] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    unpaired: list[Unpaired] = field(default_factory=list)

    def by_verdict(self, verdict: str) -> list[Finding]:
        return [f for f in self.findings if f.verdict == verdict]

    @property
    def judged(self) -> list[PairSummary]:
        """The pairs that could be judged: the later report reviews the year."""
        return [p for p in self.pairs if p.assessable]

    def headline(self) -> str:
        """How many pairs could be judged, and which reports were not paired: one sentence."""
        n = len(self.pairs)
        out = f"{len(self.judged)} of {n} report pair{'s' if n != 1 else ''} could be judged"
        unjudged = [p for p in self.pairs if not p.assessable]
        if unjudged:
            out += f" ({len(unjudged)} with no review in the later report: not assessable)"
        if self.unpaired:
            k = len(self.unpaired)
            out += f"; {k} report{'s' if k != 1 else ''} not paired ({_reasons(self.unpaired)})"
        return out


# ---- reading the graph -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Mention:
    iri: str
    entity: str
    report: str  # report IRI
    surface: str
    mode: str
    year: int | None
    start: int
    end: int
    sentence: str
    sentence_start: int

    @property
    def name(self) -> str:
        """The surface as a name: a converter's pinyin (霁川产业(yè)园) is no change of name."""
        return without_pinyin(self.surface)

    section: str


def _reasons(unpaired: Sequence[Unpaired]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for u in unpaired:
        counts[_SHORT.get(u.reason, u.reason)] += 1
    return "; ".join(f"{reason}: {n}" for reason, n in sorted(counts.items()))


def _texts(row: dict, **columns: str) -> dict[str, str]:
    """The text of each of a result row's ``columns``, keyed by the field it fills: most fields of the records
    read back from the graph are one column's text, and naming them once each keeps the readers short."""
    return {name: text(row[column]) for name, column in columns.items()}


def read_reports(engine: Engine) -> list[ReportInfo]:
    parts: dict[tuple[str, str], int] = {}
    for r in run_library(engine, "report-parts").dicts():
        parts[(text(r["report"]), text(r["mode"]))] = integer(r["sections"]) or 0
    out = [
        ReportInfo(
            **_texts(r, iri="report", file="file", area="area", title="title"),
            reviewed_year=integer(r["reviewed"]),
            plan_year=integer(r["plan"]),
            review_parts=parts.get((text(r["report"]), REVIEWED), 0),
            plan_parts=parts.get((text(r["report"]), PLANNED), 0),
        )
        for r in run_library(engine, "reports").dicts()
    ]
    # one row per report even if a report carried two titles
    unique = {r.iri: r for r in sorted(out, key=lambda r: (r.iri, r.title), reverse=True)}
    return sorted(unique.values(), key=lambda r: (r.area, r.plan_year or 0, r.file, r.iri))


def _read_mentions(engine: Engine) -> list[_Mention]:
    out = [
        _Mention(
            **_texts(
                r,
                iri="mention",
                entity="entity",
                report="report",
                surface="surface",
                mode="mode",
                sentence="sentenceText",
            ),
            year=integer(r["year"]),
            start=int(r["start"].value),
            end=int(r["end"].value),
            sentence_start=int(r["sentenceStart"].value),
            section=f"{text(r['sectionId'])} {text(r['sectionTitle'])}".strip(),
        )
        for r in run_library(engine, "mentions").dicts()
    ]
    return sorted(set(out), key=lambda m: (m.report, m.start, m.end, m.entity, m.iri))


def run_audit(engine: Engine) -> Audit:
    """The audit of the graph ``engine`` holds."""
    reports = read_reports(engine)
    by_iri = {r.iri: r for r in reports}
    order = {r.iri: i for i, r in enumerate(reports)}
    mentions = [m for m in _read_mentions(engine) if m.report in by_iri]
    entities = {text(r["entity"]): (text(r["label"]), text(r["type"])) for r in run_library(engine, "entities").dicts()}
    statuses = run_library(engine, "status-claims").dicts()

    # mentions by report and entity
    in_report: dict[str, dict[str, list[_Mention]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        in_report[m.report][m.entity].append(m)

    findings: list[Finding] = []
    pairs: list[PairSummary] = []
    for earlier, later in consecutive_pairs(reports):
        made = _pair_findings(earlier, later, in_report, entities, reports)
        findings.extend(made)
        pairs.append(_pair_summary(earlier, later, made))
    findings.sort(key=_finding_key)
    rows = _entity_rows(mentions, entities, statuses, by_iri, order)
    return Audit(reports=reports, pairs=pairs, findings=findings, entities=rows, unpaired=unpaired_reports(reports))


def _pair_fields(earlier: ReportInfo, later: ReportInfo) -> dict:
    """Which pair a finding or a pair's headline is about, the same four fields in both."""
    return {"earlier": earlier.file, "later": later.file, "area": earlier.area, "year": earlier.plan_year}


def _pair_summary(earlier: ReportInfo, later: ReportInfo, made: Sequence[Finding]) -> PairSummary:
    """The headline of one pair: its findings counted by verdict (every verdict present, so a table has all
    its columns), and whether the later report can be read as a review of the earlier plan at all."""
    counts = {v: 0 for v in VERDICTS}
    for f in made:
        counts[f.verdict] += 1
    return PairSummary(
        **_pair_fields(earlier, later),
        counts=counts,
        assessable=later.review_parts > 0,
        reason="" if later.review_parts else no_review(later),
    )


AREA_UNKNOWN = "its area is unknown (set it with --area or reports.tsv)"
YEARS_UNKNOWN = "its years are unknown (set them with --year or reports.tsv)"
_SHORT = {AREA_UNKNOWN: "area unknown", YEARS_UNKNOWN: "years unknown"}  # for the headline


def unpaired_reports(reports: Sequence[ReportInfo]) -> list[Unpaired]:
    """The reports that cannot be paired with any other, and why."""
    out = []
    for r in reports:
        if not r.area:
            out.append(Unpaired(r.file, AREA_UNKNOWN))
        elif r.plan_year is None and r.reviewed_year is None:
            out.append(Unpaired(r.file, YEARS_UNKNOWN))
    return sorted(out, key=lambda u: u.file)


def no_review(report: ReportInfo) -> str:
    return f"{report.file} has no part read as a review of {report.reviewed_year}"


def consecutive_pairs(reports: Sequence[ReportInfo]) -> list[tuple[ReportInfo, ReportInfo]]:
    """(N, N+1): N+1 reviews the year N plans, and both name the same area. Reports that name no
    area are paired with none: two of them may be of two counties (荆门市 and 高青县)."""
    out = []
    for n in reports:
        for n1 in reports:
            if not n.area or n.plan_year is None:
                continue
            if n1.reviewed_year == n.plan_year and n1.area == n.area and n1.iri != n.iri:
                out.append((n, n1))
    return sorted(out, key=lambda p: (p[0].area, p[0].plan_year, p[0].file, p[1].file))


def _finding_key(f: Finding) -> tuple:
    return (f.area, f.year, f.earlier, f.later, VERDICTS.index(f.verdict), f.type, f.name, f.entity)


def _entity_id(iri: str) -> str:
    return iri.removeprefix(str(ENTITY))


def _quotes(ms: Iterable[_Mention], file_of: dict[str, str]) -> tuple[Quote, ...]:
    """One quote per sentence, the names in it marked; in report and offset order."""
    by_sentence: dict[tuple[str, int], list[_Mention]] = defaultdict(list)
    for m in ms:
        by_sentence[(m.report, m.sentence_start)].append(m)
    out = []
    for key in sorted(by_sentence, key=lambda k: (file_of[k[0]], k[1])):
        group = sorted(by_sentence[key], key=lambda m: (m.start, m.end))
        first = group[0]
        marks = []
        for m in group:
            a = m.start - m.sentence_start
            if first.sentence[a : a + len(m.surface)] != m.surface:  # offsets disagree: mark the first match
                a = first.sentence.find(m.surface)
            if a >= 0:
                marks.append((a, a + len(m.surface)))
        out.append(
            Quote(
                report=file_of[first.report],
                year=first.year,
                mode=first.mode,
                section=first.section,
                sentence=first.sentence,
                marks=tuple(sorted(set(marks))),
                names=tuple(dict.fromkeys(m.name for m in group)),
                mentions=tuple(m.iri for m in group),
            )
        )
    return tuple(out)


def _names(ms: Iterable[_Mention]) -> tuple[str, ...]:
    return tuple(sorted({m.name for m in ms}))


def _pair_findings(n: ReportInfo, n1: ReportInfo, in_report, entities, reports) -> list[Finding]:
    file_of = {r.iri: r.file for r in reports}
    before = in_report[n.iri]
    after = in_report[n1.iri]
    # reports of the area before N+1: what N+1 names first is what none of them named
    earlier_reports = [r.iri for r in reports if r.area == n1.area and (r.plan_year or 0) < (n1.plan_year or 0)]
    later_reports = [r for r in reports if r.area == n.area and (r.plan_year or 0) > (n1.plan_year or 0)]
    seen_before = {e for r in earlier_reports for e in in_report[r]}
    out = []

    def make(verdict, entity, earlier_ms, later_ms, note=""):
        label, typ = entities.get(entity, (_entity_id(entity), ""))
        return Finding(
            **_pair_fields(n, n1),
            verdict=verdict,
            entity=entity,
            entity_id=_entity_id(entity),
            type=typ,
            name=label,
            earlier_names=_names(earlier_ms),
            later_names=_names(later_ms),
            earlier_quotes=_quotes(earlier_ms, file_of),
            later_quotes=_quotes(later_ms, file_of),
            note=note,
        )

    for entity in sorted(before):
        planned = [m for m in before[entity] if m.mode == PLANNED]
        if planned:
            reviewed = [m for m in after.get(entity, []) if m.mode == REVIEWED]
            again = [m for m in after.get(entity, []) if m.mode == PLANNED]
            if not n1.review_parts:  # nothing in N+1 reviews the year: its silence says nothing
                note = no_review(n1) + (f"; planned again in {n1.file}" if again else "")
                out.append(make(NOT_ASSESSABLE, entity, planned, again, note))
            elif not reviewed and again:  # named in N+1's plan alone: whether it was done, N+1 does not say
                out.append(make(NOT_ASSESSABLE, entity, planned, again, f"named only in the plan of {n1.file}"))
            elif not reviewed:
                out.append(make(SILENT, entity, planned, []))
            elif {m.name for m in reviewed} & {m.name for m in planned}:
                out.append(make(SAME_NAME, entity, planned, reviewed))
            else:
                out.append(make(OTHER_NAME, entity, planned, reviewed))
        if entity not in after:
            back = next((r.file for r in later_reports if entity in in_report[r.iri]), None)
            note = f"named again in {back}" if back else ""
            out.append(make(DISAPPEARED, entity, before[entity], [], note))
    for entity in sorted(after):
        if entity not in seen_before:
            modes = sorted({m.mode for m in after[entity]}, key=_MODE_ORDER.get)
            note = {(REVIEWED,): "named in the review", (PLANNED,): "named in the plan"}.get(
                tuple(modes), "named in the review and the plan"
            )
            out.append(make(NEW, entity, [], after[entity], note))
    return out


def _entity_rows(mentions, entities, statuses, by_iri, order) -> list[EntityRow]:
    file_of = {iri: r.file for iri, r in by_iri.items()}
    ms_of: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        ms_of[m.entity].append(m)
    claims_of: dict[str, list[StatusStep]] = defaultdict(list)
    for r in statuses:
        report = text(r["report"])
        if report not in by_iri:
            continue
        step = StatusStep(
            year=integer(r["year"]),
            mode=text(r["mode"]),
            status=text(r["statusId"]),
            label=text(r["statusLabel"]) or text(r["statusId"]),
            trigger=text(r["trigger"]),
            report=file_of[report],
            evidence=text(r["evidence"]),
        )
        claims_of[text(r["entity"])].append((order[report], int(r["start"].value), step))
    rows = []
    for entity, ms in ms_of.items():
        label, typ = entities.get(entity, (_entity_id(entity), ""))
        counts: dict[tuple, int] = defaultdict(int)
        for m in ms:
            counts[(m.year, m.mode, m.report)] += 1
        appearances = tuple(
            Appearance(report=file_of[rep], year=y, mode=mode, mentions=c)
            for (y, mode, rep), c in sorted(
                counts.items(),
                key=lambda kv: (kv[0][0] is None, kv[0][0] or 0, _MODE_ORDER.get(kv[0][1], 2), order[kv[0][2]]),
            )
        )
        steps = tuple(
            t[2]
            for t in sorted(
                set(claims_of.get(entity, [])),
                key=lambda t: (
                    t[2].year is None,
                    t[2].year or 0,
                    _MODE_ORDER.get(t[2].mode, 2),
                    t[0],
                    t[1],
                    t[2].status,
                ),
            )
        )
        used: dict[str, tuple[tuple[int, int], list[str]]] = {}  # name → (where first used, reports in order)
        for m in sorted(ms, key=lambda m: (order[m.report], m.start)):
            reps = used.setdefault(m.name, ((order[m.report], m.start), []))[1]
            if file_of[m.report] not in reps:
                reps.append(file_of[m.report])
        names = tuple(
            NameUse(name=n, reports=tuple(reps))
            for n, (_first, reps) in sorted(used.items(), key=lambda kv: (kv[1][0], kv[0]))
        )
        years = tuple(sorted({m.year for m in ms if m.year is not None}))
        first, last = (years[0], years[-1]) if years else (None, None)
        gaps = tuple(y for y in range(first, last + 1) if y not in years) if years else ()
        rows.append(
            EntityRow(
                entity=entity,
                entity_id=_entity_id(entity),
                type=typ,
                name=label,
                appearances=appearances,
                statuses=steps,
                names=names,
                years=years,
                first_year=first,
                last_year=last,
                gaps=gaps,
            )
        )
    return sorted(rows, key=lambda r: (r.type, r.name, r.entity))


# ---- the audit in the graph ------------------------------------------------------------------


def finding_iri(f: Finding, reports: dict[str, ReportInfo]) -> URIRef:
    """``id/finding/<N>_<N+1>_<verdict>_<entity>``: from report and entity IRIs, so stable across builds."""

    def local(iri: str, ns) -> str:
        ns = str(ns)
        return iri[len(ns) :] if iri.startswith(ns) else hashlib.sha1(iri.encode()).hexdigest()[:12]

    return FINDING[
        f"{local(reports[f.earlier].iri, REPORT)}_{local(reports[f.later].iri, REPORT)}_{f.verdict}_"
        f"{local(f.entity, ENTITY)}"
    ]


def audit_graph(audit: Audit) -> Triples:
    """The findings as triples: one node per finding, with its two reports,
    entity, verdict concept, year and evidence mentions."""
    return set(audit_triples(audit))


def audit_triples(audit: Audit) -> Iterator[Triple]:
    """The triples of ``audit_graph`` finding by finding (one may come twice), not as one set."""
    reports = {r.file: r for r in audit.reports}
    verdicts = concept_namespace(VOCABULARY)
    for f in audit.findings:
        node = finding_iri(f, reports)
        yield node, RDF.type, PKG.ContinuityFinding
        yield node, PKG.earlierReport, URIRef(reports[f.earlier].iri)
        yield node, PKG.laterReport, URIRef(reports[f.later].iri)
        yield node, PKG.about, URIRef(f.entity)
        yield node, PKG.verdict, verdicts[f.verdict]
        yield node, PKG.year, Literal(f.year)
        for q in f.earlier_quotes:
            for m in q.mentions:
                yield node, PKG.earlierMention, URIRef(m)
        for q in f.later_quotes:
            for m in q.mentions:
                yield node, PKG.laterMention, URIRef(m)


def add_findings(graphs: Graphs, store: ox.Store, engine: Engine | None = None) -> Audit:
    """Audit the graph that ``store`` holds and add the findings, as
    ``id/graph/audit``, both to it and to ``graphs`` (the same quads):
    ``kg build`` writes ``graphs`` and goes on querying ``store``, so both
    must keep holding one graph. An audit graph already there is replaced.
    ``engine`` is the one to query ``store`` through (``kg build``'s keeps
    answers for the site: ``kg.query.shared``)."""
    graphs.pop(str(AUDIT_GRAPH), None)
    store.remove_graph(ox.NamedNode(str(AUDIT_GRAPH)))
    audit = run_audit(engine if engine is not None else OxigraphEngine(store))
    if isinstance(graphs, Shards):
        # straight into its file as sorted lines, then into the store from the file: the set of the
        # findings' triples, their quads and the quads' sort keys were held at once before
        if graphs.put_sorted(str(AUDIT_GRAPH), audit_triples(audit)):
            graphs.load(store, [str(AUDIT_GRAPH)])
        return audit
    quads = to_quads(AUDIT_GRAPH, audit_graph(audit))
    if quads:
        graphs[str(AUDIT_GRAPH)] = quads
        load_store(store, quads)  # in batches: a transaction into an on-disk store holds it all in RocksDB's buffers
    return audit


def verdict_labels() -> dict[str, dict[str, str]]:
    return {t.id: {"zh": t.zh, "en": t.en} for t in read_vocabulary(VOCABULARY)}
