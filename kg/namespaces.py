"""Every namespace the graph uses, declared once and bound in one place.

The project's own terms are a ``DefinedNamespace`` with ``_fail = True``: a
typo raises instead of quietly minting a new IRI. Instances live under
``…/id/`` with one sub-namespace per kind, so IRIs read well in TriG and in
query results.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, QB, RDF, RDFS, SDO, SH, SKOS, TIME, VOID, XSD, DefinedNamespace

from ontology.iris import BASE

ONTOLOGY = URIRef(BASE + "ontology")  # the ontology's own IRI and the name of its graph


class PKG(DefinedNamespace):
    """The project's ontology terms (ontology/policy-kg.ttl defines each one)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Report: URIRef
    NamedEntity: URIRef
    Park: URIRef
    Project: URIRef
    Program: URIRef
    Section: URIRef
    Sentence: URIRef
    Mention: URIRef
    ThemeTag: URIRef
    StatusClaim: URIRef
    # reports
    area: URIRef
    reviewedYear: URIRef
    planYear: URIRef
    reviewedPeriod: URIRef
    planPeriod: URIRef
    # where a thing sits in a report
    inReport: URIRef
    inSection: URIRef
    inSentence: URIRef
    start: URIRef
    end: URIRef
    text: URIRef
    sectionId: URIRef
    marker: URIRef
    level: URIRef
    # every claim's year and mode (reviewed | planned)
    year: URIRef
    mode: URIRef
    # entities and mentions
    entityType: URIRef
    mentionOf: URIRef
    surface: URIRef
    sentenceText: URIRef
    rule: URIRef
    # themes, statuses
    theme: URIRef
    reason: URIRef
    about: URIRef
    mention: URIRef
    status: URIRef
    trigger: URIRef
    evidence: URIRef
    # indicators (RDF Data Cube)
    IndicatorStructure: URIRef
    indicator: URIRef
    kind: URIRef
    value: URIRef
    valueHigh: URIRef
    unit: URIRef
    qualifier: URIRef
    measure: URIRef
    indicatorName: URIRef
    componentIndicator: URIRef
    componentArea: URIRef
    componentYear: URIRef
    componentKind: URIRef
    componentValue: URIRef
    componentValueHigh: URIRef
    componentUnit: URIRef
    componentQualifier: URIRef
    componentMeasure: URIRef
    # the continuity audit (kg/audit/continuity.py): what report N+1 says of what report N named
    ContinuityFinding: URIRef
    earlierReport: URIRef
    laterReport: URIRef
    verdict: URIRef
    earlierMention: URIRef
    laterMention: URIRef
    # the resolver's merges (extract/resolve.py): why two names are one entity
    IdentityLink: URIRef
    score: URIRef
    firstName: URIRef
    secondName: URIRef
    firstMention: URIRef
    secondMention: URIRef
    linkKind: URIRef
    # the precomputed counts (kg/graph/summary.py): one row of a library answer per node
    SummaryRow: URIRef
    rank: URIRef
    rowReport: URIRef
    rowEntity: URIRef
    rowPartner: URIRef
    rowTheme: URIRef
    rowVerdict: URIRef
    rowYear: URIRef
    rowType: URIRef
    rowMode: URIRef
    rowEarlier: URIRef
    rowLater: URIRef
    rowOutcome: URIRef
    entityCount: URIRef
    mentionCount: URIRef
    sentenceCount: URIRef
    reportCount: URIRef
    firstYear: URIRef
    lastYear: URIRef


ID = Namespace(BASE + "id/")
REPORT = Namespace(ID + "report/")
GRAPH = Namespace(ID + "graph/")
ENTITY = Namespace(ID + "entity/")
SECTION = Namespace(ID + "section/")
SENTENCE = Namespace(ID + "sentence/")
MENTION = Namespace(ID + "mention/")
TAG = Namespace(ID + "tag/")
CLAIM = Namespace(ID + "claim/")
DATASET = Namespace(ID + "dataset/")
OBSERVATION = Namespace(ID + "observation/")
YEAR = Namespace(ID + "year/")
FINDING = Namespace(ID + "finding/")
LINK = Namespace(ID + "link/")
SUMMARY = Namespace(ID + "summary/")

CORPUS_GRAPH = GRAPH["corpus"]  # entities merged across reports, years, minted concepts
AUDIT_GRAPH = GRAPH["audit"]  # the continuity audit's findings (kg/audit/continuity.py)
SUMMARY_GRAPH = GRAPH["summary"]  # the library's aggregates, counted at build time (kg/graph/summary.py)

PREFIXES: dict[str, str] = {
    "pkg": str(PKG._NS),
    "report": str(REPORT),
    "graph": str(GRAPH),
    "entity": str(ENTITY),
    "section": str(SECTION),
    "sentence": str(SENTENCE),
    "mention": str(MENTION),
    "tag": str(TAG),
    "claim": str(CLAIM),
    "dataset": str(DATASET),
    "obs": str(OBSERVATION),
    "year": str(YEAR),
    "finding": str(FINDING),
    "link": str(LINK),
    "summary": str(SUMMARY),
    "continuity": str(ID + "continuity/"),
    "theme": str(ID + "themes/"),
    "indicator": str(ID + "indicators/"),
    "status": str(ID + "statuses/"),
    "scheme": str(ID + "scheme/"),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "org": str(ORG),
    "schema": str(SDO),
    "time": str(TIME),
    "qb": str(QB),
    "void": str(VOID),
    "dcterms": str(DCTERMS),
    "sh": str(SH),
}


# longest namespace first, so id/ never shadows id/entity/
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def compact(iri: str) -> str:
    """An IRI as a prefixed name of the project (``entity:park-xinghe``), else ``<iri>``."""
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def concept_namespace(vocabulary: str) -> Namespace:
    """Concepts of ``ontology/<vocabulary>.tsv`` live under ``id/<vocabulary>/``."""
    return Namespace(ID + vocabulary + "/")


def scheme_iri(vocabulary: str) -> URIRef:
    return ID["scheme/" + vocabulary]


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
