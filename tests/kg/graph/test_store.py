"""kg.graph.store and kg.graph.dataset: the built quads written by the libraries' serialisers, read back whole."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.graph.build import build_graphs
from kg.graph.dataset import count, ordered, to_dataset, to_graphs, to_quads, to_store
from kg.graph.store import serialize
from kg.namespaces import AUDIT_GRAPH, PKG
from kg.pipeline import build_graph

EX = "https://example.org/ns#"
OX_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "json-ld": ox.RdfFormat.JSON_LD}


def _awkward():
    """Terms whose written form takes a serialiser's special paths: quotes, newlines and
    backslashes, %, parentheses and a final dot in a local name, other datatypes, booleans."""
    g, h = URIRef("https://example.org/graph/b"), URIRef("https://example.org/graph/a")
    s = URIRef(EX + "thing")
    b = {
        (URIRef(EX + "Kind"), RDF.type, RDFS.Class),
        (s, RDF.type, URIRef(EX + "Kind")),
        (s, RDFS.label, Literal('say "hi"\nand\\leave', lang="zh")),
        (s, RDFS.label, Literal("另一个名字", lang="zh")),
        (s, RDFS.label, Literal("plain")),
        (s, PKG.start, Literal(3)),
        (s, PKG.value, Literal("2.50", datatype=XSD.decimal)),
        (s, PKG.year, Literal("2020", datatype=XSD.gYear)),
        (s, PKG.text, Literal("x", datatype=URIRef("https://other.example/dt"))),
        (s, PKG.text, Literal('long\n"quoted"\ttext\r')),
        (s, PKG.about, URIRef(EX + "100%25")),
        (s, PKG.about, URIRef(EX + "a(b)")),
        (s, PKG.about, URIRef(EX + "ends.")),
        (s, PKG.about, URIRef("https://nowhere.example/path/x-y")),
        (s, PKG.about, URIRef(EX)),
        (s, RDF.rest, RDF.nil),
    }
    a = {(URIRef(EX + "other"), PKG.about, s), (URIRef(EX + "other"), PKG.mode, Literal(True))}
    return to_graphs({g: b, h: a})


def _lines(quads) -> list[str]:
    return sorted(str(q) for q in quads)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "json-ld"])
def test_awkward_terms_come_back_from_every_format_with_their_graphs(fmt):
    graphs = _awkward()
    data = serialize(graphs, fmt)
    parsed = Dataset()
    parsed.parse(data=data, format=fmt)
    assert {str(g.identifier): len(g) for g in parsed.graphs() if len(g)} == {
        "https://example.org/graph/a": 2,
        "https://example.org/graph/b": 16,
    }
    back = ox.parse(data, format=OX_FORMATS[fmt])
    assert _lines(back) == _lines(ordered(graphs))


def test_turtle_is_the_union_of_the_graphs():
    graphs = _awkward()
    got = Graph().parse(data=serialize(graphs, "turtle"), format="turtle")
    assert len(got) == 18
    assert (URIRef(EX + "other"), PKG.mode, Literal(True)) in got


def test_trig_writes_each_graph_once_in_iri_order_with_the_project_prefixes():
    text = serialize(_awkward(), "trig").decode("utf-8")
    heads = [line for line in text.splitlines() if line.endswith("{")]
    assert heads == ["<https://example.org/graph/a> {", "<https://example.org/graph/b> {"]
    assert "@prefix pkg: <https://w3id.org/policy-kg/ontology#> ." in text
    assert "pkg:about" in text and "rdfs:label" in text


def test_quads_keep_the_lexical_form_a_store_would_canonicalise():
    """Oxigraph keeps numbers by value; the files keep 2.50 as built."""
    graphs = _awkward()
    assert '"2.50"^^<http://www.w3.org/2001/XMLSchema#decimal>' in serialize(graphs, "nquads").decode()
    assert '"2.5"^^' in "".join(str(q) for q in to_store(graphs))


def test_a_graph_comes_sorted_by_its_n_quads_lines_whatever_the_set_order():
    triples = {(URIRef(EX + s), RDFS.label, Literal(o)) for s, o in [("b", "y"), ("a", "x"), ("a", "w")]}
    quads = to_quads(URIRef(EX + "g"), triples)
    assert [(q.subject.value, q.object.value) for q in quads] == [(EX + "a", "w"), (EX + "a", "x"), (EX + "b", "y")]


def test_blank_nodes_are_refused_the_builders_mint_an_iri_for_every_node():
    with pytest.raises(TypeError, match="not an IRI or a literal"):
        to_quads(URIRef(EX + "g"), [(BNode("b0"), PKG.about, URIRef(EX + "x"))])


def test_the_rdflib_copy_holds_the_same_quads(tiny_corpus):
    graphs = build_graphs(tiny_corpus)
    ds = to_dataset(graphs)
    assert sum(len(g) for g in ds.graphs()) == count(graphs)
    mine = {str(q) for q in ordered(graphs)}
    theirs = {str(q) for q in ox.parse(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)}
    assert mine == theirs


def test_the_tiny_graph_with_its_audit_reads_back_from_trig_as_built(tiny_corpus):
    built = build_graph(tiny_corpus)
    data = serialize(built.graphs, "trig")
    assert _lines(ox.parse(data, format=ox.RdfFormat.TRIG)) == _lines(ordered(built.graphs))
    assert str(AUDIT_GRAPH) in built.graphs
    rdflib_copy = Dataset()
    rdflib_copy.parse(data=data, format="trig")
    assert sum(len(g) for g in rdflib_copy.graphs()) == count(built.graphs)
