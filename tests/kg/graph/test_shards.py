"""kg.graph.shards: graphs kept on disk read back as the same quads, and build the same files as from memory."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from kg.graph.build import build_graphs
from kg.graph.dataset import count, ordered, to_quads
from kg.graph.shards import Shards
from kg.graph.store import serialize
from kg.namespaces import AUDIT_GRAPH
from kg.pipeline import build_graph


def test_shards_hold_the_quads_as_built_lexical_forms_included(tiny_corpus, tmp_path):
    in_memory = build_graphs(tiny_corpus)
    store = ox.Store()
    on_disk = build_graphs(tiny_corpus, Shards(tmp_path / "g", mirror=store))
    assert sorted(on_disk) == sorted(in_memory) and len(on_disk) >= 4
    assert count(on_disk) == count(in_memory) == len(store)
    for name in in_memory:
        assert on_disk[name] == in_memory[name]  # the same quads in the same order
    assert len(list(tmp_path.joinpath("g").glob("*.nq"))) == len(in_memory)
    for fmt in ("trig", "nquads"):
        assert serialize(on_disk, fmt) == serialize(in_memory, fmt)
    assert list(ordered(on_disk)) == list(ordered(in_memory))


def test_deleting_a_graph_removes_its_file_and_remove_clears_all(tiny_corpus, tmp_path):
    shards = build_graphs(tiny_corpus, Shards(tmp_path / "g"))
    name = sorted(shards)[0]
    before = len(list((tmp_path / "g").glob("*.nq")))
    del shards[name]
    assert name not in shards and len(list((tmp_path / "g").glob("*.nq"))) == before - 1
    shards.remove()
    assert not (tmp_path / "g").exists() and len(shards) == 0


def test_an_on_disk_store_audits_to_the_same_graph_as_memory(tiny_corpus, tmp_path):
    memory = build_graph(tiny_corpus)
    disk = build_graph(tiny_corpus, tmp_path / "work", disk_store=True)
    assert (tmp_path / "work" / "store").is_dir()
    assert serialize(disk.graphs, "trig") == serialize(memory.graphs, "trig")
    assert len(disk.store) == len(memory.store) and disk.audit == memory.audit


def test_report_graphs_built_by_two_processes_are_the_graphs_one_process_builds(sample_result, tmp_path):
    one = build_graphs(sample_result, Shards(tmp_path / "one"))
    store = ox.Store()
    two = build_graphs(sample_result, Shards(tmp_path / "two", mirror=store), jobs=2)
    assert sorted(two) == sorted(one) and count(two) == count(one) == len(store)
    assert serialize(two, "trig") == serialize(one, "trig")


def test_a_graph_above_the_threshold_gets_an_on_disk_store_one_below_it_does_not(tiny_corpus, tmp_path, monkeypatch):
    import kg.pipeline

    memory = build_graph(tiny_corpus, tmp_path / "small")
    assert not (tmp_path / "small" / "store").exists()
    monkeypatch.setattr(kg.pipeline, "DISK_STORE_QUADS", 10)
    disk = build_graph(tiny_corpus, tmp_path / "large")
    assert (tmp_path / "large" / "store").is_dir()
    assert len(disk.store) == len(memory.store) and disk.audit == memory.audit


def test_load_store_adds_every_quad_batch_by_batch(tiny_corpus, monkeypatch):
    import kg.graph.dataset

    graphs = build_graphs(tiny_corpus)
    calls: list[int] = []
    store = ox.Store()

    class Counting:  # records each batch handed to the store
        def bulk_extend(self, quads):
            calls.append(len(quads))
            store.bulk_extend(quads)

    monkeypatch.setattr(kg.graph.dataset, "LOAD_BATCH", 1000)
    kg.graph.dataset.load_store(Counting(), ordered(graphs))
    assert len(store) == count(graphs) > 2000
    assert max(calls) == 1000 and sum(calls) == count(graphs) and len(calls) == -(-count(graphs) // 1000)


def test_a_graph_put_as_sorted_lines_is_the_file_and_quads_to_quads_gives(tiny_corpus, tmp_path):
    graphs = build_graphs(tiny_corpus)
    name = max(graphs, key=lambda n: len(graphs[n]))
    ds = Dataset()
    ds.parse(data=serialize({name: graphs[name]}, "nquads"), format="nquads")
    triples = list(ds.graph(URIRef(name)))  # the graph as rdflib triples, as the builders make them
    assert len(triples) == len(graphs[name]) > 10
    by_setitem, by_lines = Shards(tmp_path / "a"), Shards(tmp_path / "b")
    by_setitem[name] = to_quads(URIRef(name), set(triples))
    assert by_lines.put_sorted(name, triples + triples[:5]) == len(triples)  # a repeated triple is kept once
    assert by_lines.files()[0].read_bytes() == by_setitem.files()[0].read_bytes()
    assert list(by_lines.stream(name)) == by_lines[name] == graphs[name]
    assert Shards(tmp_path / "c").put_sorted(name, []) == 0 and len(Shards(tmp_path / "c")) == 0


def test_the_audit_graph_of_a_build_on_shards_is_the_one_built_in_memory(tiny_corpus, tmp_path):
    memory = build_graph(tiny_corpus)
    shards = build_graph(tiny_corpus, tmp_path / "work")
    assert isinstance(shards.graphs, Shards) and str(AUDIT_GRAPH) in shards.graphs
    assert shards.graphs[str(AUDIT_GRAPH)] == memory.graphs[str(AUDIT_GRAPH)]
    assert len(shards.store) == len(memory.store) and shards.audit == memory.audit


def test_loading_from_the_files_puts_the_quads_into_the_store_batch_by_batch(tiny_corpus, tmp_path, monkeypatch):
    import kg.graph.dataset

    shards = build_graphs(tiny_corpus, Shards(tmp_path / "g"))
    parsed = ox.Store()
    kg.graph.dataset.load_store(parsed, ordered(shards))
    batches: list[int] = []
    store = ox.Store()

    class Counting:  # records the lines of each batch handed to the store
        def bulk_load(self, data, **kw):
            batches.append(data.count(b"\n"))
            store.bulk_load(data, **kw)

    monkeypatch.setattr(kg.graph.dataset, "LOAD_BATCH", 1000)
    shards.load(Counting())
    assert sorted(map(str, store)) == sorted(map(str, parsed)) and len(store) == count(shards) > 2000
    assert max(batches) == 1000 and sum(batches) == count(shards)
    name = sorted(shards)[0]
    only = ox.Store()
    shards.load(only, [name])
    assert len(only) == len(shards[name])
