"""What the built graph says, in the shape the pages need.

Every fact on the site is read here, with SPARQL, from the build folder's
``graph.trig``, so a page can never show something the graph does not hold
(the extraction JSON beside it is not read). Oxigraph answers: it loads the
national corpus's graph in a second or two, where rdflib takes half a minute.

The queries fetch plain rows (reports, entities, names, themes, mentions,
status claims); grouping and counting happen in Python, where one pass over
the rows serves every page. Every list is sorted by a total key, so the same
graph gives the same pages byte for byte.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kg.graph.keys import entity_keys
from kg.graph.store import load_oxigraph
from kg.query.engines import XSD_STRING, Engine, OxigraphEngine, Term, integer, text
from kg.query.library import run_library
from ontology.vocab import modes, read_vocabulary

MODES = modes()  # a year's plan comes before its review (ontology/modes.tsv)


@dataclass(frozen=True)
class Report:
    index: int
    iri: str
    name: str  # the file name the report was built from
    title: str
    date: str
    area: str
    reviewed_year: int | None
    plan_year: int | None
    text: str = ""  # the whole text, when the graph holds it (pkg:text): the site's report pages


@dataclass(frozen=True)
class Concept:
    """A theme or a status: its notation, labels, and for statuses its rank."""

    iri: str
    id: str
    zh: str
    en: str
    rank: int = 0


@dataclass(frozen=True)
class Sentence:
    index: int
    iri: str
    report: int
    start: int
    text: str
    section: str


@dataclass(frozen=True)
class Mention:
    sentence: int
    start: int  # offsets within the sentence's text (the surface is text[start:end])
    end: int
    surface: str
    report: int
    year: int | None
    mode: str


@dataclass(frozen=True)
class Claim:
    report: int
    status: str  # a status id
    year: int | None
    mode: str
    trigger: str
    evidence: str
    sentence: int | None


@dataclass
class Entity:
    iri: str
    key: str  # node id and file name: the IRI's local name when it is plain, else a digest
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # theme ids
    links: tuple[tuple[str, str, str], ...] = ()  # the resolver's merges: (name, name, link kind)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted({m.year for m in self.mentions if m.year is not None})

    def cells(self) -> dict[tuple[int, str], list[Mention]]:
        """Mentions by (year, mode): the entity's presence, one cell per year and mode."""
        out: dict[tuple[int, str], list[Mention]] = defaultdict(list)
        for m in self.mentions:
            if m.year is not None:
                out[(m.year, m.mode)].append(m)
        return dict(sorted(out.items(), key=lambda kv: cell_order(kv[0])))


def cell_order(cell: tuple[int, str]) -> tuple[int, int, str]:
    """Chronological: a year's plan is written before its review."""
    year, mode = cell
    return (year, MODES.index(mode) if mode in MODES else len(MODES), mode)


@dataclass
class SiteData:
    reports: list[Report]
    themes: dict[str, Concept]  # by id, most entities first
    statuses: dict[str, Concept]  # by id, in lifecycle order (rank)
    entities: dict[str, Entity]  # by key, in key order
    sentences: list[Sentence]
    comentions: dict[tuple[str, str], list[int]]  # (key a < key b) -> sentence indexes
    _neighbours: dict[str, dict[str, list[int]]] | None = field(default=None, repr=False)

    @property
    def types(self) -> list[str]:
        """Entity types, most entities first."""
        counts = Counter(e.type for e in self.entities.values())
        return sorted(counts, key=lambda t: (-counts[t], t))

    @cached_property
    def years(self) -> list[int]:
        """Every year an entity is named about (computed once: the pages ask for it per entity)."""
        return sorted({y for e in self.entities.values() for y in e.years})

    def theme_entities(self, theme: str) -> list[Entity]:
        return [e for e in self.entities.values() if theme in e.themes]

    def neighbours(self, key: str) -> dict[str, list[int]]:
        """The entities named in one sentence with ``key``, with those sentences."""
        if self._neighbours is None:
            index: dict[str, dict[str, list[int]]] = defaultdict(dict)
            for (a, b), sentences in self.comentions.items():
                index[a][b] = sentences
                index[b][a] = sentences
            self._neighbours = dict(index)
        return self._neighbours.get(key, {})


def load_site_data(out_dir: str | Path) -> SiteData:
    """Everything the site shows, from the graph built in ``out_dir``."""
    return read_site_data(OxigraphEngine(load_oxigraph(out_dir)))


def read_site_data(engine: Engine) -> SiteData:
    """The same from an engine already holding the graph (tests pass rdflib's)."""

    def rows(query: str, *columns: str, **params: str) -> list[tuple[Term | None, ...]]:
        """The rows of a library query, its columns in the order given."""
        return [tuple(r[c] for c in columns) for r in run_library(engine, query, **params).dicts()]

    texts = {text(r): text(t) for r, t in rows("report-texts", "report", "text")}
    reports = _reports(rows("reports", "report", "file", "title", "date", "area", "reviewed", "plan"), texts)
    by_report = {r.iri: r.index for r in reports}
    themes = _concepts(rows("concepts", "concept", "id", "zh", "en", vocabulary="themes"))
    statuses = _concepts(rows("concepts", "concept", "id", "zh", "en", vocabulary="statuses"), ranks=_status_ranks())
    theme_by_iri = {c.iri: c.id for c in themes.values()}
    status_by_iri = {c.iri: c.id for c in statuses.values()}

    iri_entities = {}
    for e, label, typ in sorted((text(a), text(b), text(c)) for a, b, c in rows("entities", "entity", "label", "type")):
        if e not in iri_entities:  # one preferred label and type per entity; keep the smallest if the graph has more
            iri_entities[e] = Entity(iri=e, key="", label=label, type=typ)
    keys = entity_keys(sorted(iri_entities))
    for iri, ent in iri_entities.items():
        ent.key = keys[iri]
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, alias in rows("entity-names", "entity", "name"):
        aliases[text(e)].add(text(alias))
    links: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for e, a, b, kind in rows("entity-links", "entity", "firstName", "secondName", "kind"):
        links[text(e)].add((text(a), text(b), text(kind)))
    entity_themes: dict[str, set[str]] = defaultdict(set)
    for e, t in rows("entity-themes", "entity", "theme"):
        if text(t) in theme_by_iri:
            entity_themes[text(e)].add(theme_by_iri[text(t)])
    for iri, ent in iri_entities.items():
        ent.aliases = tuple(sorted(aliases.get(iri, set()) - {ent.label}))
        ent.themes = tuple(sorted(entity_themes.get(iri, ())))
        ent.links = tuple(sorted(links.get(iri, ())))

    sentences, mentions = _mentions(
        [
            (*r[:-2], _section(r[-2], r[-1]))
            for r in rows(
                "mentions",
                *("mention", "entity", "report", "year", "mode", "sentence", "sentenceText", "sentenceStart"),
                *("start", "end", "surface", "sectionId", "sectionTitle"),
            )
        ],
        by_report,
    )
    sentence_by_iri = {s.iri: s.index for s in sentences}
    for iri, m in mentions:
        if iri in iri_entities:
            iri_entities[iri].mentions.append(m)
    claims = rows(
        "status-claims", "claim", "entity", "report", "status", "year", "mode", "trigger", "evidence", "sentence"
    )
    for c in sorted(claims, key=_row_key):
        e = text(c[1])
        if e not in iri_entities or text(c[2]) not in by_report:
            continue
        status = status_by_iri.get(text(c[3]), text(c[3]).rsplit("/", 1)[-1])
        iri_entities[e].claims.append(
            Claim(
                report=by_report[text(c[2])],
                status=status,
                year=integer(c[4]),
                mode=text(c[5]),
                trigger=text(c[6]),
                evidence=text(c[7]),
                sentence=sentence_by_iri.get(text(c[8])) if c[8] is not None else None,
            )
        )
    for ent in iri_entities.values():
        ent.mentions.sort(key=lambda m: (m.sentence, m.start, m.end, m.surface))
        ent.claims.sort(
            key=lambda c: (
                c.year if c.year is not None else -1,
                c.mode,
                c.report,
                c.sentence if c.sentence is not None else -1,
                c.status,
                c.trigger,
            )
        )

    entities = {ent.key: ent for ent in sorted(iri_entities.values(), key=lambda e: e.key)}
    counts = Counter(t for e in entities.values() for t in e.themes)
    themes = dict(sorted(themes.items(), key=lambda kv: (-counts[kv[0]], kv[0])))
    return SiteData(
        reports=reports,
        themes=themes,
        statuses=statuses,
        entities=entities,
        sentences=sentences,
        comentions=find_comentions(entities),
    )


def _reports(rows, texts: dict[str, str]) -> list[Report]:
    seen: dict[str, tuple] = {}
    for r in sorted(rows, key=_row_key):
        seen.setdefault(text(r[0]), r)  # one row per report: optional values may repeat
    ordered = sorted(seen.values(), key=lambda r: (integer(r[6]) or 0, integer(r[5]) or 0, text(r[1]), text(r[0])))
    return [
        Report(
            index=i,
            iri=text(r[0]),
            name=text(r[1]),
            title=text(r[2]),
            date=text(r[3]),
            area=text(r[4]),
            reviewed_year=integer(r[5]),
            plan_year=integer(r[6]),
            text=texts.get(text(r[0]), ""),
        )
        for i, r in enumerate(ordered)
    ]


def _concepts(rows, ranks: dict[str, int] | None = None) -> dict[str, Concept]:
    out: dict[str, Concept] = {}
    for c, cid, zh, en in sorted(rows, key=_row_key):
        cid = text(cid)
        if cid not in out:
            out[cid] = Concept(iri=text(c), id=cid, zh=text(zh) or cid, en=text(en), rank=(ranks or {}).get(cid, 0))
    return dict(sorted(out.items(), key=lambda kv: (kv[1].rank, kv[0])))


def _status_ranks() -> dict[str, int]:
    """Lifecycle rank of each status, from ontology/statuses.tsv (the graph holds
    the statuses but not their order): when a year has several, the highest wins."""
    out = {}
    for t in read_vocabulary("statuses"):
        try:
            out[t.id] = int(t.extra[0]) if t.extra else 0
        except ValueError:
            out[t.id] = 0
    return out


def _mentions(rows, by_report: dict[str, int]) -> tuple[list[Sentence], list[tuple[str, Mention]]]:
    rows = [r for r in rows if text(r[2]) in by_report]
    sent_rows: dict[str, tuple] = {}
    for r in rows:
        sent_rows.setdefault(text(r[5]), (by_report[text(r[2])], int(text(r[7])), text(r[6]), text(r[11])))
    ordered = sorted(sent_rows.items(), key=lambda kv: (kv[1][0], kv[1][1], kv[0]))
    sentences = [
        Sentence(index=i, iri=iri, report=rep, start=start, text=text, section=section)
        for i, (iri, (rep, start, text, section)) in enumerate(ordered)
    ]
    index = {s.iri: s for s in sentences}
    mentions = []
    seen = set()
    for r in sorted(rows, key=_row_key):
        if text(r[0]) in seen:  # a mention in two sections would come twice
            continue
        seen.add(text(r[0]))
        s = index[text(r[5])]
        start, end = int(text(r[8])) - s.start, int(text(r[9])) - s.start
        surface = text(r[10])
        if not (0 <= start <= end <= len(s.text)) or s.text[start:end] != surface:
            found = s.text.find(surface)  # offsets that do not fit the sentence: find the surface instead
            start, end = (found, found + len(surface)) if found >= 0 else (0, 0)
        mentions.append(
            (
                text(r[1]),
                Mention(
                    sentence=s.index,
                    start=start,
                    end=end,
                    surface=surface,
                    report=s.report,
                    year=integer(r[3]),
                    mode=text(r[4]),
                ),
            )
        )
    return sentences, mentions


def find_comentions(entities: dict[str, Entity]) -> dict[tuple[str, str], list[int]]:
    """Pairs of entities named in one sentence, with the sentences."""
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for key, ent in entities.items():
        for m in ent.mentions:
            by_sentence[m.sentence].add(key)
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for s in sorted(by_sentence):
        keys = sorted(by_sentence[s])
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                pairs[(a, b)].append(s)
    return dict(sorted(pairs.items()))


def _section(section_id: Term | None, title: Term | None) -> Term | None:
    """A mention's section as the page shows it: "3.1 突出抓好重大项目建设"."""
    if section_id is None or title is None:
        return None
    return Term("literal", f"{section_id.value} {title.value}", XSD_STRING)


def _row_key(row) -> tuple:
    return tuple(("", "") if t is None else (t.kind, t.value) for t in row)
