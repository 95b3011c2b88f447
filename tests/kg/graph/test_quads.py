"""kg.quads: the graph while it is built, and its copies in rdflib and Oxigraph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.graph.build import build_graphs
from kg.graph.quads import OxigraphTerms, Quads

EX = "https://example.org/"


def test_rdflib_and_oxigraph_copies_hold_the_same_quads(tiny_corpus):
    graphs = build_graphs(tiny_corpus)
    ds = graphs.to_dataset()
    store = graphs.to_oxigraph()
    assert len(store) == len(graphs) == sum(len(g) for g in ds.graphs())
    mine = {(str(g.identifier), s.n3(), p.n3(), o.n3()) for g in graphs.graphs() for s, p, o in g}
    theirs = {(str(g.identifier), s.n3(), p.n3(), o.n3()) for g in ds.graphs() for s, p, o in g}
    assert mine == theirs
    names = {q.graph_name.value for q in store}
    assert names == {str(g.identifier) for g in graphs.graphs()}


def test_graphs_come_in_iri_order_without_the_empty_ones_and_can_be_replaced():
    q = Quads()
    q.graph(URIRef(EX + "b")).add((URIRef(EX + "s"), RDFS.label, Literal("x")))
    q.graph(URIRef(EX + "c"))  # asked for, never filled
    q.graph(URIRef(EX + "a")).update([(URIRef(EX + "s"), RDFS.label, Literal("y"))] * 2)
    assert [str(g.identifier) for g in q.graphs()] == [EX + "a", EX + "b"]
    assert len(q) == 2
    q.remove_graph(URIRef(EX + "a"))
    assert [str(g.identifier) for g in q.graphs()] == [EX + "b"] and len(q) == 1


def test_to_oxigraph_can_add_only_some_graphs_to_an_existing_store():
    q = Quads()
    for name in ("a", "b"):
        q.graph(URIRef(EX + name)).add((URIRef(EX + "s"), RDFS.label, Literal(name)))
    store = q.to_oxigraph(only=[URIRef(EX + "b")])
    assert [x.object.value for x in store] == ["b"]
    assert q.to_oxigraph(store, only=[URIRef(EX + "a")]) is store and len(store) == 2


@pytest.mark.parametrize(
    "term, expected",
    [
        (URIRef(EX + "x"), ox.NamedNode(EX + "x")),
        (Literal("名", lang="zh"), ox.Literal("名", language="zh")),
        (Literal(3), ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer)))),
        (Literal("plain"), ox.Literal("plain")),
    ],
)
def test_terms_convert_to_their_oxigraph_equals(term, expected):
    assert OxigraphTerms()(term) == expected


def test_something_that_is_not_a_term_is_refused():
    with pytest.raises(TypeError, match="not an RDF term"):
        OxigraphTerms()("just a string")
