"""kg.trig: TriG written as rdflib's serializer writes it, byte for byte, or not at all."""

from __future__ import annotations

import io

import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.graph.build import build_graphs
from kg.graph.quads import Quads
from kg.graph.store import _SortedTrigSerializer, serialize
from kg.graph.trig import serialize_trig
from kg.namespaces import PKG, bind_prefixes

EX = "https://example.org/ns#"


def rdflib_trig(graphs: Quads) -> bytes:
    buf = io.BytesIO()
    _SortedTrigSerializer(graphs.to_dataset()).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def test_tiny_corpus_graph_is_written_as_rdflib_writes_it(tiny_corpus):
    graphs = build_graphs(tiny_corpus)
    mine = serialize_trig(graphs.graphs(), graphs.namespace_manager)
    assert mine is not None
    assert mine == rdflib_trig(graphs)


@pytest.mark.slow
def test_sample_graph_with_its_audit_is_written_as_rdflib_writes_it(sample_result):
    from kg.audit.continuity import add_findings

    graphs = build_graphs(sample_result)
    add_findings(graphs, graphs.to_oxigraph())
    mine = serialize_trig(graphs.graphs(), graphs.namespace_manager)
    assert mine == rdflib_trig(graphs)


def _awkward() -> Quads:
    """Terms whose written form takes each of rdflib's special paths."""
    q = Quads()
    q.namespace_manager.bind("ex", EX)
    g = q.graph(URIRef("https://example.org/graph/b"))
    h = q.graph(URIRef("https://example.org/graph/a"))
    s = URIRef(EX + "thing")
    g.add((URIRef(EX + "Kind"), RDF.type, RDFS.Class))
    g.add((s, RDF.type, URIRef(EX + "Kind")))
    g.add((s, RDFS.label, Literal('say "hi"\nand\\leave', lang="zh")))
    g.add((s, RDFS.label, Literal("另一个名字", lang="zh")))
    g.add((s, RDFS.label, Literal("plain")))
    g.add((s, PKG.start, Literal(3)))
    g.add((s, PKG.value, Literal("2.50", datatype=XSD.decimal)))
    g.add((s, PKG.year, Literal("2020", datatype=XSD.gYear)))
    g.add((s, PKG.text, Literal("x", datatype=URIRef("https://other.example/dt"))))
    g.add((s, PKG.text, Literal('long\n"quoted" text')))
    g.add((s, PKG.about, URIRef(EX + "100%")))
    g.add((s, PKG.about, URIRef(EX + "a(b)")))
    g.add((s, PKG.about, URIRef(EX + "ends.")))
    g.add((s, PKG.about, URIRef("https://nowhere.example/path/x-y")))
    g.add((s, PKG.about, URIRef(EX)))
    h.add((URIRef(EX + "other"), PKG.about, s))
    h.add((URIRef(EX + "other"), PKG.mode, Literal(True)))
    return q


def test_awkward_terms_are_written_as_rdflib_writes_them():
    q = _awkward()
    mine = serialize_trig(q.graphs(), q.namespace_manager)
    assert mine is not None
    assert mine == rdflib_trig(q)
    parsed = Dataset()
    parsed.parse(data=mine, format="trig")
    assert {str(g.identifier): len(g) for g in parsed.graphs() if len(g)} == {
        "https://example.org/graph/a": 2,
        "https://example.org/graph/b": 15,
    }


@pytest.mark.parametrize(
    "triple",
    [
        (BNode("b0"), PKG.about, URIRef(EX + "x")),
        (URIRef(EX + "x"), PKG.about, BNode("b1")),
        (URIRef(EX + "x"), URIRef("https://unbound.example/p"), Literal(1)),
        (URIRef(EX + "x"), RDF.rest, RDF.nil),
    ],
    ids=["blank subject", "blank object", "predicate without prefix", "rdf:nil"],
)
def test_what_only_rdflib_can_write_is_left_to_rdflib(triple):
    q = Quads(bind_prefixes(Dataset()).namespace_manager)
    q.namespace_manager.bind("ex", EX)
    q.graph(URIRef("https://example.org/graph/a")).add(triple)
    assert serialize_trig(q.graphs(), q.namespace_manager) is None
    data = serialize(q, "trig")  # the store falls back to rdflib's serializer
    assert data == rdflib_trig(q)
    parsed = Dataset()
    parsed.parse(data=data, format="trig")
    assert sum(len(g) for g in parsed.graphs()) == 1
