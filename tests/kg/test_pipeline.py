"""kg.pipeline: one graph in memory for the whole build folder, the same files as step by step."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from extract.records import CorpusResult
from kg.audit.export import write_audit
from kg.namespaces import ID, PKG
from kg.pipeline import STAGES, build_folder, write_build
from kg.site.write import write_site


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_folder_writes_what_build_audit_and_site_write_one_after_the_other(tiny_corpus, tmp_path):
    stepwise, at_once = tmp_path / "stepwise", tmp_path / "at-once"
    write_build(tiny_corpus, stepwise)
    write_audit(stepwise)  # reads graph.trig back, audits it again
    write_site(stepwise)
    timings: dict[str, float] = {}
    folder = build_folder(tiny_corpus, at_once, timings=timings)
    expected, got = _files(stepwise), _files(at_once)
    assert "graph.trig" in got and "audit.html" in got and "index.html" in got
    assert got.keys() == expected.keys()
    assert [name for name in got if got[name] != expected[name]] == []
    assert list(timings) == list(STAGES) and all(t >= 0 for t in timings.values())
    assert folder.build.quads > 0 and {p.name for p in folder.audit.files} >= {"audit.html", "audit.json"}


def test_extraction_json_and_the_graph_give_a_report_one_iri_even_for_a_name_that_needs_escaping(tiny_corpus, tmp_path):
    """A file name with a space: extraction.json said report/甲乙 2019, the graph report/甲乙%202019."""
    d = tiny_corpus.documents[0]
    renamed = replace(d, document=replace(d.document, path="/somewhere/甲乙 2019 报告.txt"))
    summary = write_build(CorpusResult(documents=[renamed]), tmp_path)
    extraction = json.loads((tmp_path / "extraction.json").read_text(encoding="utf-8"))
    (iri,) = [doc["doc"]["iri"] for doc in extraction["documents"]]
    assert iri == "report/甲乙%202019%20报告"
    assert summary.quads > 0
    graph = (tmp_path / "graph.trig").read_text(encoding="utf-8")
    rdf_type, report = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PKG.Report))
    quads = ox.parse(graph.encode(), format=ox.RdfFormat.TRIG)
    assert {q.subject.value for q in quads if q.predicate == rdf_type and q.object == report} == {str(ID) + iri}
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert [r["iri"] for r in manifest["reports"]] == [str(ID) + iri]


def test_build_folder_with_two_jobs_writes_the_files_of_one(tiny_corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    build_folder(tiny_corpus, one, jobs=1)
    build_folder(tiny_corpus, two, jobs=2)
    expected, got = _files(one), _files(two)
    assert got.keys() == expected.keys() and "extraction.json" in got
    assert [name for name in got if got[name] != expected[name]] == []


def test_a_build_that_consumes_its_records_drops_them_and_writes_the_same_files(tiny_corpus, tmp_path):
    kept, dropped = tmp_path / "kept", tmp_path / "dropped"
    build_folder(tiny_corpus, kept)
    own = replace(tiny_corpus, documents=list(tiny_corpus.documents), links=list(tiny_corpus.links))
    folder = build_folder(own, dropped, consume=True)
    assert own.documents == [] and own.links == [] and own.canonical == {}
    assert tiny_corpus.documents and folder.build.reports == len(tiny_corpus.documents)
    expected, got = _files(kept), _files(dropped)
    assert got.keys() == expected.keys() and "extraction.json" in got
    assert [name for name in got if got[name] != expected[name]] == []
