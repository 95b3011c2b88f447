"""kg.query.shared: a query the audit and the site both ask is answered once, and rightly so."""

from __future__ import annotations

import pyoxigraph as ox

from kg.graph.dataset import to_store
from kg.namespaces import AUDIT_GRAPH, PKG, SUMMARY_GRAPH
from kg.pipeline import build_graph
from kg.query.engines import OxigraphEngine
from kg.query.library import run_library
from kg.query.shared import SHARED, SharedAnswers
from kg.site.data import read_site_data


class Counting:
    """An engine that counts what reaches it."""

    name = "oxigraph"

    def __init__(self, engine):
        self.engine, self.asked = engine, []

    def query(self, sparql, bindings=None):
        self.asked.append(sparql)
        return self.engine.query(sparql, bindings)


def test_the_audit_and_summary_graphs_cannot_change_the_answers_kept_for_the_site(sample_result):
    built = build_graph(sample_result)
    assert len(built.audit.findings) > 10
    with_audit = OxigraphEngine(built.store)
    without = ox.Store()
    added = {ox.NamedNode(str(AUDIT_GRAPH)), ox.NamedNode(str(SUMMARY_GRAPH))}
    assert {q.graph_name for q in built.store} >= added
    without.extend(q for q in built.store if q.graph_name not in added)
    assert len(without) < len(built.store)
    for name in SHARED:
        before = run_library(OxigraphEngine(without), name).rows
        assert before and run_library(with_audit, name).rows == before, name
    finding = ox.NamedNode(str(PKG.ContinuityFinding))
    assert any(q.object == finding for q in built.store)


def test_the_second_asker_gets_the_first_answer_the_third_asks_the_engine(tiny_corpus):
    engine = Counting(OxigraphEngine(to_store(build_graph(tiny_corpus).graphs)))
    shared = SharedAnswers(engine, names=("mentions",))
    first = run_library(shared, "mentions")
    second = run_library(shared, "mentions")
    assert second is first and len(engine.asked) == 1 and shared.served == ["mentions"]
    third = run_library(shared, "mentions")
    assert third is not first and third.rows == first.rows and len(engine.asked) == 2
    run_library(shared, "entities")
    run_library(shared, "entities")  # not shared: asked twice
    assert len(engine.asked) == 4 and shared.served == ["mentions"]


def test_a_build_answers_the_sites_shared_queries_from_the_audits(sample_result):
    built = build_graph(sample_result)
    assert isinstance(built.engine, SharedAnswers) and built.engine.served == []
    data = read_site_data(built.engine)
    assert sorted(built.engine.served) == sorted(SHARED)
    fresh = read_site_data(OxigraphEngine(built.store))
    assert data == fresh and len(data.entities) > 20


def test_a_low_memory_build_keeps_no_answer(tiny_corpus, tmp_path):
    built = build_graph(tiny_corpus, tmp_path / "work", disk_store=True)
    assert not isinstance(built.engine, SharedAnswers) and built.engine.store is built.store
