"""kg.graph.trig: graph.trig joined from one block per graph is the serialiser's file, and parses back."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

import kg.graph.trig
from kg.graph.build import build_graphs
from kg.graph.dataset import ordered, to_graphs
from kg.graph.shards import Shards, trig_file
from kg.graph.store import serialize
from kg.graph.trig import head, write_body, write_trig
from kg.namespaces import PKG, PREFIXES

EX = "https://example.org/ns#"


def _graphs():
    """Three graphs whose terms take the writer's special paths: prefixed and unprefixed IRIs,
    quotes and newlines, language tags, datatypes, booleans, a local name ending in a dot."""
    s = URIRef(EX + "thing")
    return to_graphs(
        {
            URIRef("https://example.org/graph/c"): {
                (s, RDF.type, PKG.Report),
                (s, RDFS.label, Literal('say "hi"\nand\\leave', lang="zh")),
                (s, PKG.value, Literal("2.50", datatype=XSD.decimal)),
                (s, PKG.about, URIRef(EX + "ends.")),
            },
            URIRef("https://w3id.org/policy-kg/id/graph/a"): {
                (URIRef("https://w3id.org/policy-kg/id/entity/x"), PKG.mode, Literal(True)),
                (URIRef("https://w3id.org/policy-kg/id/entity/x"), RDFS.label, Literal("名字", lang="zh")),
            },
            URIRef("https://example.org/graph/b"): {(s, PKG.start, Literal(3)), (s, PKG.start, Literal(4))},
        }
    )


def _joined(graphs, tmp_path) -> bytes:
    paths = []
    for i, name in enumerate(sorted(graphs)):
        paths.append(tmp_path / f"{i}.trig")
        with open(paths[-1], "wb") as fh:
            write_body(graphs[name], fh)
    out = io.BytesIO()
    write_trig(out, paths)
    return out.getvalue()


def test_blocks_joined_are_the_bytes_one_serialisation_of_all_quads_writes(tmp_path):
    graphs = _graphs()
    whole = ox.serialize(ordered(graphs), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    assert _joined(graphs, tmp_path) == whole
    assert whole.startswith(head()) and head().count(b"@prefix ") == len(PREFIXES)


def test_the_joined_file_parses_back_in_rdflib_to_the_same_graphs(tmp_path):
    graphs = _graphs()
    back = Dataset()
    back.parse(data=_joined(graphs, tmp_path), format="trig")
    expected = Dataset()
    expected.parse(data=ox.serialize(ordered(graphs), format=ox.RdfFormat.N_QUADS), format="nquads")
    names = sorted(str(g.identifier) for g in back.graphs() if len(g))
    assert names == sorted(graphs)
    for name in names:
        assert isomorphic(back.graph(URIRef(name)), expected.graph(URIRef(name)))


def test_no_graph_writes_nothing_not_even_the_prefixes():
    out = io.BytesIO()
    write_trig(out, [])
    assert out.getvalue() == b"" == ox.serialize([], format=ox.RdfFormat.TRIG, prefixes=PREFIXES)


def test_a_writer_that_starts_otherwise_is_refused(monkeypatch):
    monkeypatch.setattr(kg.graph.trig, "head", lambda: b"@prefix other: <urn:other:> .\n")
    with pytest.raises(RuntimeError, match="no longer starts with the prefix lines"):
        write_body(_graphs()[sorted(_graphs())[0]], io.BytesIO())


def test_shards_write_the_files_the_serialisers_write_for_the_same_graphs(sample_result, tmp_path):
    in_memory = build_graphs(sample_result)
    for jobs in (1, 2):
        shards = build_graphs(sample_result, Shards(tmp_path / f"j{jobs}"), jobs=jobs)
        assert all(trig_file(p).is_file() for p in shards.files())
        trig, nquads = io.BytesIO(), io.BytesIO()
        shards.write_trig(trig)
        shards.write_nquads(nquads)
        assert trig.getvalue() == ox.serialize(ordered(in_memory), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        assert nquads.getvalue() == ox.serialize(ordered(in_memory), format=ox.RdfFormat.N_QUADS)
        assert serialize(shards, "trig") == trig.getvalue()
    name = sorted(shards)[0]
    path = shards.files()[0]
    del shards[name]
    assert not path.exists() and not trig_file(path).exists()
