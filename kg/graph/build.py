"""Extraction records into named graphs: one per report, one for the corpus.

Each graph is built as a set of rdflib triples, then handed on as sorted
pyoxigraph quads (``kg.graph.dataset``): written by ``kg.graph.store``,
loaded into Oxigraph for the audit and the site, or read into an rdflib
Dataset (``build_dataset``). Their layout (every IRI
derives from file names, ids, offsets and vocabulary ids, so the same corpus
gives the same graph):

- the ontology graph (``…/ontology``): ontology/policy-kg.ttl plus one SKOS
  concept scheme per ``ontology/*.tsv`` vocabulary;
- the corpus graph (``id/graph/corpus``): entities merged across reports (one
  node per ``Entity.id``, one ``skos:prefLabel``, every other name an
  ``skos:altLabel``), the resolver's merges (``pkg:IdentityLink``: rule,
  score, and the mention behind each of the two names), the years, and
  concepts minted for ids no vocabulary lists yet;
- one graph per report (``id/graph/<file stem>``): the report, its sections,
  the sentences that hold evidence, mentions, theme tags, status claims and
  indicator observations;
- the audit graph (``id/graph/audit``), added by ``kg.pipeline.build_graph``:
  the continuity audit's findings, computed from the graphs above
  (``kg.audit.continuity``).

Names live in the corpus graph, not in the report graphs, because a later
resolution gives one id to names from several reports: the union of the
graphs must still show one preferred label per entity.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, QB, RDF, RDFS, SKOS, TIME, XSD

from extract.area_cache import AreaCache, code_fingerprint
from extract.records import CorpusResult, Document, DocumentResult, Entity, Indicator, Mention, StatusClaim
from extract.runner import Pool
from kg.graph.dataset import Graphs, Triples, to_dataset, to_graphs, to_quads
from kg.graph.names import link_kind
from kg.graph.shards import Shards, trig_file, write_shard
from kg.namespaces import (
    CLAIM,
    CORPUS_GRAPH,
    DATASET,
    ENTITY,
    GRAPH,
    LINK,
    MENTION,
    OBSERVATION,
    ONTOLOGY,
    PKG,
    PREFIXES,
    REPORT,
    SECTION,
    SENTENCE,
    TAG,
    YEAR,
    concept_namespace,
    scheme_iri,
)
from ontology.iris import report_stem as file_stem
from ontology.iris import slug
from ontology.vocab import Term, read_vocabulary

# The vocabularies that become SKOS concept schemes of the ontology graph (modes and entity types
# do not: the graph carries them as literals and classes).
SCHEMES = ("continuity", "indicators", "link-kinds", "statuses", "themes")


def _classes(curies: str) -> tuple[URIRef, ...]:
    out = []
    for c in curies.split():
        prefix, _, local = c.partition(":")
        out.append(PKG[local] if prefix == "pkg" else URIRef(PREFIXES[prefix] + local))
    return tuple(out)


# How each extraction type is typed in the graph (ontology/entity-types.tsv); others are pkg:NamedEntity only.
TYPE_CLASSES: dict[str, tuple[URIRef, ...]] = {t.id: _classes(t.extra[0]) for t in read_vocabulary("entity-types")}

# Columns after ``alt`` that a vocabulary carries, and the property each becomes.
EXTRA_COLUMNS: dict[str, tuple[URIRef, ...]] = {"indicators": (PKG.measure,)}


def report_stem(doc: Document) -> str:
    """``ontology.iris.report_stem`` of the document's file name: one rule for the JSON and the graph."""
    return file_stem(doc.name)


def entity_iri(entity_id: str) -> URIRef:
    """``Entity.id`` is the local part of the entity's IRI, or already a full IRI."""
    if entity_id.startswith(("http://", "https://")):
        return URIRef(entity_id)
    return ENTITY[slug(entity_id)]


def ontology_path() -> Path:
    return Path(str(resources.files("ontology") / "policy-kg.ttl"))


@dataclass
class _Concepts:
    """Concept IRIs by vocabulary, minting a labelled concept for ids no vocabulary lists."""

    known: dict[str, set[str]]
    corpus: Triples

    def iri(self, vocabulary: str, concept_id: str, label: str | None = None) -> URIRef:
        iri = concept_namespace(vocabulary)[slug(concept_id)]
        if concept_id not in self.known.get(vocabulary, set()):
            self.corpus.add((iri, RDF.type, SKOS.Concept))
            self.corpus.add((iri, SKOS.notation, Literal(concept_id)))
            self.corpus.add((iri, SKOS.prefLabel, Literal(label or concept_id, lang="zh")))
        return iri


def build_graphs(
    result: CorpusResult, into: MutableMapping[str, list] | None = None, jobs: int = 1, cache: AreaCache | None = None
) -> Graphs:
    """The whole corpus as named graphs (see the module docstring): what ``kg build`` writes and queries.

    Each report's graph is handed to ``into`` (a dict unless given: ``kg.graph.shards.Shards``
    keeps it on disk) as soon as it is built, so only the ontology and the corpus graph
    grow with the corpus while the reports are written. With ``jobs`` > 1 and shards,
    the report graphs are built by that many forked processes (``_report_shards``). With
    shards and ``cache`` (``extract.area_cache``), a report whose area is unchanged takes its
    graph's files from the cache instead (``_cached_report_shards``).
    """
    graphs = into if into is not None else {}
    ontology: Triples = set(Graph().parse(ontology_path(), format="turtle"))
    known = {}
    for name in SCHEMES:
        terms = read_vocabulary(name)
        add_scheme(ontology, name, terms)
        known[name] = {t.id for t in terms}
    corpus: Triples = set()
    concepts = _Concepts(known=known, corpus=corpus)
    _add_entities(corpus, result.documents, result.canonical, concepts)
    documents = sorted(result.documents, key=lambda d: report_stem(d.document))
    if isinstance(graphs, Shards) and cache is not None:
        _cached_report_shards(documents, known, graphs, corpus, jobs, cache)
    elif jobs > 1 and isinstance(graphs, Shards) and len(documents) > 1:
        _report_shards(documents, known, graphs, corpus, jobs)
    else:
        for d in documents:
            report: Triples = set()
            _ReportWriter(report, corpus, d, concepts).write()
            graphs.update(to_graphs({GRAPH[report_stem(d.document)]: report}))
    _add_links(corpus, result)
    if isinstance(graphs, Shards):  # straight to their files as sorted lines, without a list of quads
        for name, triples in ((ONTOLOGY, ontology), (CORPUS_GRAPH, corpus)):
            graphs.put_sorted(str(name), triples)
    else:
        graphs.update(to_graphs({ONTOLOGY: ontology, CORPUS_GRAPH: corpus}))
    return graphs


_WORK: tuple[list[DocumentResult], dict[str, set[str]], Path] | None = None  # what forked workers inherit


def _report_shards(
    documents: list[DocumentResult], known: dict[str, set[str]], shards: Shards, corpus: Triples, jobs: int
) -> None:
    """Each report's graph built and written to its shard by a forked worker; what the reports add
    to the corpus graph (concepts, years) merged here. The workers inherit the records (nothing is
    pickled to them), and their results are taken in report order: the same shards and corpus graph
    as one process builds."""
    for name, path, n, additions in _built_shards(documents, known, shards.root, jobs):
        shards.adopt(name, Path(path), n)
        corpus.update(additions)


def _built_shards(documents: list[DocumentResult], known: dict[str, set[str]], root: Path, jobs: int) -> list:
    """``_report_shard`` of each document, by ``jobs`` forked processes, in the documents' order."""
    global _WORK
    _WORK = (documents, known, root)
    try:
        return Pool(jobs).map(_report_shard, range(len(documents)))
    finally:
        _WORK = None


def _cached_report_shards(
    documents: list[DocumentResult],
    known: dict[str, set[str]],
    shards: Shards,
    corpus: Triples,
    jobs: int,
    cache: AreaCache,
) -> None:
    """``_report_shards`` with the cache: a report's graph depends on its records alone, and those
    on its area's inputs (``DocumentResult.partition``), so a report of an unchanged area takes its
    N-Quads shard, its TriG block and its additions to the corpus graph from the cache (keyed by
    the area's key, the report and the builder's code); the others are built and stored."""
    version = _builder_fingerprint()
    keys = [
        hashlib.sha256(f"{version}\n{d.partition}\n{report_stem(d.document)}".encode()).hexdigest()
        if d.partition
        else ""
        for d in documents
    ]
    kept = [cache.get("graphs", k, d.document.name) if k else None for k, d in zip(keys, documents)]
    todo = [i for i, hit in enumerate(kept) if hit is None]
    built = dict(zip(todo, _built_shards([documents[i] for i in todo], known, shards.root, jobs)))
    for i, (d, key) in enumerate(zip(documents, keys)):
        if i in built:
            name, path, n, additions = built[i]
            path = Path(path)
            if key:
                files = (path.read_bytes(), trig_file(path).read_bytes()) if n else (b"", b"")
                cache.put("graphs", key, d.document.name, (name, n, additions, *files))
        else:
            name, n, additions, nquads, block = kept[i]
            path = Shards.file_for(shards.root, name)
            if n:
                path.write_bytes(nquads)
                trig_file(path).write_bytes(block)
        shards.adopt(name, path, n)
        corpus.update(additions)


def _builder_fingerprint() -> str:
    """What a report's graph depends on besides its records: this package, the namespaces, the
    ontology and its vocabularies, and the libraries' versions (``code_fingerprint``)."""
    namespaces = Path(__file__).resolve().parent.parent / "namespaces.py"
    h = hashlib.sha256(code_fingerprint("kg.graph", "ontology").encode())
    h.update(namespaces.read_bytes())
    return h.hexdigest()


def _report_shard(i: int) -> tuple[str, str, int, Triples]:
    documents, known, root = _WORK
    d = documents[i]
    additions: Triples = set()
    report: Triples = set()
    _ReportWriter(report, additions, d, _Concepts(known=known, corpus=additions)).write()
    name = GRAPH[report_stem(d.document)]
    quads = to_quads(name, report) if report else []
    path = Shards.file_for(root, str(name))
    write_shard(path, quads)
    return str(name), str(path), len(quads), additions


def build_dataset(result: CorpusResult) -> Dataset:
    """The whole corpus as an rdflib Dataset (the same quads as ``build_graphs``)."""
    return to_dataset(build_graphs(result))


def add_scheme(graph: Triples, name: str, terms: Sequence[Term]) -> URIRef:
    """A TSV vocabulary as a flat SKOS concept scheme: labels @zh/@en, one altLabel@zh per keyword."""
    scheme = scheme_iri(name)
    ns = concept_namespace(name)
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, SKOS.prefLabel, Literal(name, lang="en")))
    graph.add((scheme, SKOS.notation, Literal(name)))
    extra_props = EXTRA_COLUMNS.get(name, ())
    for t in terms:
        c = ns[slug(t.id)]
        graph.add((c, RDF.type, SKOS.Concept))
        graph.add((c, SKOS.inScheme, scheme))
        graph.add((c, SKOS.topConceptOf, scheme))
        graph.add((scheme, SKOS.hasTopConcept, c))
        graph.add((c, SKOS.notation, Literal(t.id)))
        graph.add((c, SKOS.prefLabel, Literal(t.zh, lang="zh")))
        if t.en:
            graph.add((c, SKOS.prefLabel, Literal(t.en, lang="en")))
        for kw in t.alt:
            if kw != t.zh:
                graph.add((c, SKOS.altLabel, Literal(kw, lang="zh")))
        for prop, value in zip(extra_props, t.extra):
            if value:
                graph.add((c, prop, Literal(value)))
    return scheme


def _add_entities(
    g: Triples, documents: Sequence[DocumentResult], canonical: dict[str, str], concepts: _Concepts
) -> None:
    """One node per entity id. The preferred name is the resolver's canonical
    name, else the latest report's (a renamed project is known by its current
    name); the type is the latest report's; every other name and spelling
    becomes an altLabel."""
    merged: dict[str, list[Entity]] = {}
    for d in documents:  # documents come sorted by plan year, then file name
        for e in d.entities:
            merged.setdefault(e.id, []).append(e)
    for eid in sorted(merged):
        versions = merged[eid]
        latest = versions[-1]
        node = entity_iri(eid)
        g.add((node, RDF.type, PKG.NamedEntity))
        for cls in TYPE_CLASSES.get(latest.type, ()):
            g.add((node, RDF.type, cls))
        g.add((node, PKG.entityType, Literal(latest.type)))
        preferred = canonical.get(eid) or latest.name
        g.add((node, SKOS.prefLabel, Literal(preferred, lang="zh")))
        names = {n for e in versions for n in (e.name, *e.aliases)} - {preferred}
        for n in sorted(names):
            g.add((node, SKOS.altLabel, Literal(n, lang="zh")))
        for theme in sorted({t.theme for e in versions for t in e.themes}):
            g.add((node, DCTERMS.subject, concepts.iri("themes", theme)))


def _add_links(g: Triples, result: CorpusResult) -> None:
    """Each merge of the resolver as a pkg:IdentityLink: a user who doubts that
    two names are one thing reads the rule, the score, and the two sentences
    the resolver compared (those of the first mention of each name); and
    ``pkg:linkKind`` says whether the name changed or is written another way
    (``kg.graph.names.link_kind``)."""
    sides: dict[str, tuple[str, Entity]] = {}
    for d in result.documents:
        stem = report_stem(d.document)
        for e in d.entities:
            sides.setdefault(f"{d.document.name}#{e.type}#{e.name}", (stem, e))
    for link in result.links:
        a, b = sides.get(link.a), sides.get(link.b)
        if a is None or b is None or not a[1].mentions or not b[1].mentions:
            continue  # a record edited by hand; nothing to show as evidence
        (stem_a, ea), (stem_b, eb) = a, b
        first, second = mention_iri(stem_a, ea.mentions[0]), mention_iri(stem_b, eb.mentions[0])
        node = LINK[f"{first[len(MENTION) :]}__{second[len(MENTION) :]}"]
        g.add((node, RDF.type, PKG.IdentityLink))
        g.add((node, PKG.about, entity_iri(eb.id)))
        g.add((node, PKG.rule, Literal(link.rule)))
        g.add((node, PKG.score, decimal(link.score)))
        g.add((node, PKG.firstName, Literal(ea.name)))
        g.add((node, PKG.secondName, Literal(eb.name)))
        g.add((node, PKG.linkKind, concept_namespace("link-kinds")[link_kind(ea.name, eb.name, link.kind)]))
        g.add((node, PKG.firstMention, first))
        g.add((node, PKG.secondMention, second))


def mention_iri(stem: str, m: Mention) -> URIRef:
    """A mention by report, offsets and type: one span can name two types."""
    return MENTION[f"{stem}_{m.start}-{m.end}_{slug(m.type.lower())}"]


def _year(g: Triples, year: int) -> URIRef:
    """The calendar year as an OWL-Time interval, shared by every report."""
    node, desc = YEAR[str(year)], YEAR[f"{year}-description"]
    g.add((node, RDF.type, TIME.DateTimeInterval))
    g.add((node, RDFS.label, Literal(str(year))))
    g.add((node, TIME.hasDateTimeDescription, desc))
    g.add((desc, RDF.type, TIME.DateTimeDescription))
    g.add((desc, TIME.unitType, TIME.unitYear))
    g.add((desc, TIME.year, Literal(str(year), datatype=XSD.gYear)))
    return node


class _ReportWriter:
    """Adds one report's nodes to its graph; sentences are added once, on first use."""

    def __init__(self, g: Triples, corpus: Triples, d: DocumentResult, concepts: _Concepts):
        self.g, self.corpus, self.d, self.doc, self.concepts = g, corpus, d, d.document, concepts
        self.stem = report_stem(d.document)
        self.report = REPORT[self.stem]
        self._sentences: set[int] = set()

    def section(self, section_id: str) -> URIRef:
        return SECTION[f"{self.stem}_{slug(section_id)}"]

    def sentence(self, start: int, text: str | None = None, section_id: str | None = None) -> URIRef:
        node = SENTENCE[f"{self.stem}_{start}"]
        if start not in self._sentences:
            self._sentences.add(start)
            if text is None or section_id is None:
                sent = self.doc.sentence_at(start)
                text, section_id = self.doc.text[sent.start : sent.end], sent.section
            g = self.g
            g.add((node, RDF.type, PKG.Sentence))
            g.add((node, PKG.inReport, self.report))
            g.add((node, PKG.start, Literal(start)))
            g.add((node, PKG.end, Literal(start + len(text))))
            g.add((node, PKG.text, Literal(text)))
            g.add((node, PKG.inSection, self.section(section_id)))
        return node

    def write(self) -> None:
        self.report_node()
        self.sections()
        for e in self.d.entities:
            for m in e.mentions:
                self.mention(e, m)
            self.theme_tags(e)
            for s in e.status:
                self.claim(e, s)
        if self.d.indicators:
            self.indicators(self.d.indicators)

    def report_node(self) -> None:
        g, doc, r = self.g, self.doc, self.report
        g.add((r, RDF.type, PKG.Report))
        g.add((r, RDF.type, PROV.Entity))
        g.add((r, DCTERMS.identifier, Literal(doc.name)))
        g.add((r, PKG.text, Literal(doc.text)))  # the whole text: the site shows every quote in its context
        if doc.title:
            g.add((r, DCTERMS.title, Literal(doc.title, lang="zh")))
        if doc.date:
            g.add((r, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
        if doc.area:
            g.add((r, PKG.area, Literal(doc.area)))
        if doc.reviewed_year is not None:
            g.add((r, PKG.reviewedYear, Literal(doc.reviewed_year)))
            g.add((r, PKG.reviewedPeriod, _year(self.corpus, doc.reviewed_year)))
        if doc.plan_year is not None:
            g.add((r, PKG.planYear, Literal(doc.plan_year)))
            g.add((r, PKG.planPeriod, _year(self.corpus, doc.plan_year)))

    def sections(self) -> None:
        g = self.g
        for s in self.doc.sections:
            node = self.section(s.id)
            g.add((node, RDF.type, PKG.Section))
            g.add((node, PKG.inReport, self.report))
            g.add((node, PKG.sectionId, Literal(s.id)))
            g.add((node, PKG.level, Literal(s.level)))
            if s.marker:
                g.add((node, PKG.marker, Literal(s.marker)))
            g.add((node, DCTERMS.title, Literal(s.title)))
            g.add((node, PKG.start, Literal(s.start)))
            g.add((node, PKG.end, Literal(s.end)))
            if s.year is not None:
                g.add((node, PKG.year, Literal(s.year)))
            g.add((node, PKG.mode, Literal(s.mode)))
            g.add((node, DCTERMS.isPartOf, self.section(s.parent) if s.parent is not None else self.report))

    def mention_iri(self, m: Mention) -> URIRef:
        return mention_iri(self.stem, m)

    def mention(self, e: Entity, m: Mention) -> None:
        g, node = self.g, self.mention_iri(m)
        g.add((node, RDF.type, PKG.Mention))
        g.add((node, PKG.mentionOf, entity_iri(e.id)))
        g.add((node, PKG.inReport, self.report))
        g.add((node, PKG.start, Literal(m.start)))
        g.add((node, PKG.end, Literal(m.end)))
        g.add((node, PKG.surface, Literal(m.text)))
        g.add((node, PKG.inSentence, self.sentence(m.sentence_start, m.sentence, m.section)))
        g.add((node, PKG.sentenceText, Literal(m.sentence)))
        g.add((node, PKG.inSection, self.section(m.section)))
        if m.year is not None:
            g.add((node, PKG.year, Literal(m.year)))
        g.add((node, PKG.mode, Literal(m.mode)))
        g.add((node, PKG.rule, Literal(m.rule)))

    def theme_tags(self, e: Entity) -> None:
        g = self.g
        by_start = {m.start: m for m in e.mentions}
        for t in e.themes:
            theme = self.concepts.iri("themes", t.theme)
            m = by_start.get(t.mention_start) if t.mention_start is not None else None
            if m is not None:
                mention = self.mention_iri(m)
                node = TAG[f"{mention[len(MENTION) :]}_{slug(t.theme)}"]
                g.add((node, PKG.mention, mention))
                g.add((mention, DCTERMS.subject, theme))
            else:
                node = TAG[f"{self.stem}_{slug(e.id)}_{slug(t.theme)}"]
            g.add((node, RDF.type, PKG.ThemeTag))
            g.add((node, PKG.theme, theme))
            g.add((node, PKG.about, entity_iri(e.id)))
            g.add((node, PKG.reason, Literal(t.reason)))

    def claim(self, e: Entity, s: StatusClaim) -> None:
        g = self.g
        node = CLAIM[f"{self.stem}_{slug(e.id)}_{s.start}-{s.end}_{slug(s.status)}"]
        g.add((node, RDF.type, PKG.StatusClaim))
        g.add((node, PKG.about, entity_iri(e.id)))
        g.add((node, PKG.inReport, self.report))
        g.add((node, PKG.status, self.concepts.iri("statuses", s.status)))
        if s.year is not None:
            g.add((node, PKG.year, Literal(s.year)))
        g.add((node, PKG.mode, Literal(s.mode)))
        g.add((node, PKG.trigger, Literal(s.trigger)))
        g.add((node, PKG.evidence, Literal(s.evidence)))
        g.add((node, PKG.start, Literal(s.start)))
        g.add((node, PKG.end, Literal(s.end)))
        self._link_sentence(node, s.start)

    def indicators(self, indicators: Iterable[Indicator]) -> None:
        g, dataset = self.g, DATASET[self.stem]
        g.add((dataset, RDF.type, QB.DataSet))
        g.add((dataset, QB.structure, PKG.IndicatorStructure))
        g.add((dataset, DCTERMS.source, self.report))
        if self.doc.title:
            g.add((dataset, DCTERMS.title, Literal(self.doc.title, lang="zh")))
        for i in indicators:
            node = OBSERVATION[f"{self.stem}_{i.start}-{i.end}_{_digest(i)}"]
            concept = self.concepts.iri("indicators", i.concept or i.indicator, i.indicator)
            g.add((node, RDF.type, QB.Observation))
            g.add((node, QB.dataSet, dataset))
            g.add((node, PKG.indicator, concept))
            if self.doc.area:
                g.add((node, PKG.area, Literal(self.doc.area)))
            g.add((node, PKG.year, Literal(i.year)))
            g.add((node, PKG.kind, Literal(i.kind)))
            g.add((node, PKG.value, decimal(i.value)))
            if i.value_high is not None:
                g.add((node, PKG.valueHigh, decimal(i.value_high)))
            if i.unit:
                g.add((node, PKG.unit, Literal(i.unit)))
            if i.qualifier:
                g.add((node, PKG.qualifier, Literal(i.qualifier)))
            g.add((node, PKG.measure, Literal(i.measure)))
            g.add((node, PKG.indicatorName, Literal(i.indicator)))
            g.add((node, PKG.evidence, Literal(i.evidence)))
            g.add((node, PKG.inReport, self.report))
            g.add((node, PKG.start, Literal(i.start)))
            g.add((node, PKG.end, Literal(i.end)))
            if i.mode:
                g.add((node, PKG.mode, Literal(i.mode)))
            if i.section:
                g.add((node, PKG.inSection, self.section(i.section)))
            self._link_sentence(node, i.start)

    def _link_sentence(self, node: URIRef, offset: int) -> None:
        try:
            sent = self.doc.sentence_at(offset)
        except KeyError:
            return
        self.g.add((node, PKG.inSentence, self.sentence(sent.start)))


def decimal(value: float) -> Literal:
    """The number in one lexical form, always with a decimal point (2.3, 7.0,
    -0.05): Turtle and TriG can only write a decimal that way, so every format
    of the graph then carries the same literal (engines.py reads 7.0 and
    Oxigraph's 7 as one number)."""
    text = format(Decimal(repr(float(value))).normalize(), "f")
    if text == "-0":
        text = "0"
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _digest(i: Indicator) -> str:
    key = "\x1f".join(
        map(str, (i.indicator, i.measure, i.year, i.kind, i.value, i.value_high, i.unit, i.qualifier, i.concept))
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
