"""The summary graph: each precomputed answer is the aggregate the raw graph gives, row for row.

``tests/data/summary/*.rq`` are the library's aggregate queries as they were
before kg/graph/summary.py counted them: they count over every mention or
finding. Each is asked of a real Oxigraph store holding a real build (the
tiny hand-made corpus, the two sample reports), and so is the library query
that now reads the summary graph; both answers must be the same rows in the
same order, at the default parameters and with each parameter set.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.store import load_oxigraph
from kg.graph.summary import DATASETS, summary_triples
from kg.query.engines import OxigraphEngine
from kg.query.library import bindings, library, parse_query

RAW = Path(__file__).resolve().parents[2] / "data" / "summary"
QUERIES = sorted(p.stem for p in RAW.glob("*.rq"))

# parameters to try besides the defaults, per query (values the two corpora have)
PARAMS = {
    "entities-by-theme": [{"themeName": "rural-revitalisation"}, {"themeName": "乡村振兴", "year": "2020"}],
    "co-mentioned": [{"min": "1"}, {"min": "1", "name": "青山田园综合体项目"}, {"min": "3"}],
    "enterprises-by-program": [{"programName": "名单"}],
    "new-and-dropped": [{"from": "2019", "to": "2020"}, {"from": "2020", "to": "2021"}, {"from": "2020", "to": "2020"}],
    "plan-vs-review": [{"year": "2020"}, {"year": "2021"}],
}
REQUIRED = {"new-and-dropped"}  # no answer without parameters


def _answers(engine: OxigraphEngine, name: str, params: dict[str, str]):
    raw = parse_query(name, (RAW / f"{name}.rq").read_text(encoding="utf-8"))
    new = library()[name]
    a = engine.query(raw.text, bindings(raw, params))
    b = engine.query(new.text, bindings(new, params))
    return a, b


@pytest.fixture(scope="module", params=["tiny", "samples"])
def engine(request):
    out = request.getfixturevalue("tiny_build" if request.param == "tiny" else "sample_build")
    return OxigraphEngine(load_oxigraph(out))


def test_every_summarised_query_has_its_raw_aggregate_beside_the_tests():
    assert QUERIES == sorted(
        {"report-summary", "themes-by-report", "entities-by-theme", "audit-summary", "co-mentioned"}
        | {"enterprises-by-program", "new-and-dropped", "plan-vs-review"}
    )
    for name in QUERIES:
        assert "<https://w3id.org/policy-kg/id/summary/" in library()[name].text, name


@pytest.mark.parametrize("name", QUERIES)
def test_the_summary_gives_the_raw_aggregate_row_for_row(engine, name):
    tried = 0
    for params in ([] if name in REQUIRED else [{}]) + PARAMS.get(name, []):
        raw, summarised = _answers(engine, name, params)
        assert summarised.vars == raw.vars, name
        assert summarised.rows == raw.rows, (name, params)
        tried += bool(raw.rows)
    assert tried, f"{name}: no answer had a row; the comparison proved nothing"


def test_ranks_are_the_order_of_the_whole_answer_one_to_n(engine):
    rows = engine.query(
        "PREFIX pkg: <https://w3id.org/policy-kg/ontology#> PREFIX void: <http://rdfs.org/ns/void#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT ?name (COUNT(?row) AS ?n) (MIN(?rank) AS ?lo) (MAX(?rank) AS ?hi) (COUNT(DISTINCT ?rank) AS ?d) "
        "WHERE { ?row void:inDataset ?ds ; pkg:rank ?rank . ?ds dcterms:identifier ?name } GROUP BY ?name"
    ).rows
    got = {r[0].value: tuple(int(t.value) for t in r[1:]) for r in rows}
    assert set(got) <= set(DATASETS) and "report-summary" in got
    for name, (n, lo, hi, distinct) in got.items():
        assert (lo, hi, distinct) == (1, n, n), name


def test_the_summary_is_the_same_triples_when_counted_again(tiny_build):
    store = load_oxigraph(tiny_build)
    once = list(summary_triples(store))
    again = list(summary_triples(store))
    assert once == again and len(once) > 50


def test_an_empty_store_gives_empty_data_sets():
    triples = list(summary_triples(ox.Store()))
    assert {str(s).rsplit("/", 1)[-1] for s, _, _ in triples} == set(DATASETS)
