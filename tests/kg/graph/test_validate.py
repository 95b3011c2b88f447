"""kg validate: built graphs conform to the SHACL shapes; broken ones fail readably with exit 1."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, SH

from kg.cli import cli
from kg.graph.store import load_dataset
from kg.graph.validate import shapes_graph, validate_build
from kg.namespaces import ENTITY, GRAPH, ONTOLOGY, PKG, REPORT

A = "tiny-2019-report-2020-plan"


def _kg(*args):
    return CliRunner().invoke(cli, list(args))


def test_every_class_the_graph_uses_has_a_shape(tiny_build):
    ds = load_dataset(tiny_build)
    used = {o for g in ds.graphs() if "ontology" not in str(g.identifier) for o in g.objects(None, RDF.type)}
    targeted = set(shapes_graph().objects(None, SH.targetClass))
    assert used - targeted == set()
    own_classes = set(ds.graph(ONTOLOGY).subjects(RDF.type, OWL.Class))
    assert len(own_classes) == 12
    assert own_classes <= targeted


def test_tiny_build_conforms(tiny_build):
    r = _kg("validate", "--out", str(tiny_build))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Conforms: ") and "triples pass every shape" in r.stdout


def _break(src, dst, edit) -> None:
    """Copy the build at ``src`` to ``dst`` with ``edit`` applied to its graph."""
    shutil.copytree(src, dst)
    ds = load_dataset(dst)
    edit(ds)
    (dst / "graph.trig").write_bytes(ds.serialize(format="trig", encoding="utf-8"))


def _a_mention(ds, surface: str):
    g = ds.graph(GRAPH[A])
    return g, next(m for m in g.subjects(PKG.surface, Literal(surface)))


def test_broken_graph_fails_with_a_readable_report_and_exit_1(tiny_build, tmp_path):
    def edit(ds):
        g, m = _a_mention(ds, "红日电池项目")
        g.remove((m, PKG.mode, None))
        g.add((m, PKG.mode, Literal("someday")))
        g.remove((m, PKG.mentionOf, None))
        corpus = ds.graph(GRAPH["corpus"])
        corpus.add((ENTITY["park-xinghe"], PKG.entityType, Literal("PARK2")))
        g.remove((REPORT[A], PKG.planYear, None))
        g.add((REPORT[A], PKG.planYear, Literal(2030)))

    out = tmp_path / "broken"
    _break(tiny_build, out, edit)
    r = _kg("validate", "--out", str(out))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    mention = [ln for ln in lines if ln.startswith("Violation: mention:tiny-2019-report-2020-plan_")]
    assert any("pkg:mentionOf: a mention names exactly one entity" in ln for ln in mention), lines
    assert any('pkg:mode (value "someday"): a mention\'s mode is "reviewed" or "planned"' in ln for ln in mention)
    assert any(ln.startswith("Violation: entity:park-xinghe pkg:entityType") for ln in lines)
    assert any(ln.startswith(f"Violation: report:{A}") and "plan year is not the year after" in ln for ln in lines)
    assert r.stderr.startswith("Error: the graph does not conform to the shapes: ")
    assert r.stderr.count("\n") == 1


def test_mention_outside_its_sentence_is_caught(tiny_build, tmp_path):
    def edit(ds):
        g, m = _a_mention(ds, "红日电池项目")
        g.remove((m, PKG.start, None))
        g.remove((m, PKG.end, None))
        g.add((m, PKG.start, Literal(1)))
        g.add((m, PKG.end, Literal(7)))

    out = tmp_path / "offsets"
    _break(tiny_build, out, edit)
    report = validate_build(out)
    assert not report.conforms
    assert [v.shape_message for v in report.violations] == [
        "the mention does not lie inside its sentence, or the sentence does not quote it"
    ]


def test_a_merge_whose_mention_names_another_entity_is_caught(tiny_build, tmp_path):
    def edit(ds):
        corpus = ds.graph(GRAPH["corpus"])
        link = next(
            n
            for n in corpus.subjects(RDF.type, PKG.IdentityLink)
            if corpus.value(n, PKG.about) == ENTITY["park-xinghe"]
        )
        _, other = _a_mention(ds, "红日电池项目")
        corpus.set((link, PKG.secondMention, other))

    out = tmp_path / "merge"
    _break(tiny_build, out, edit)
    report = validate_build(out)
    # sh:equals reports the value on each side that the other lacks
    assert {v.shape_message for v in report.violations} == {
        "a merge's second mention names the entity the link is about"
    }


def test_validate_before_build_says_how_to_build(tmp_path):
    r = _kg("validate", "--out", str(tmp_path))
    assert r.exit_code == 2
    assert (
        r.stderr == f"Error: no built graph in {tmp_path} ({tmp_path}/graph.trig is missing): "
        f"run `kg build --out {tmp_path}` first\n"
    )


def test_a_graph_file_that_is_not_trig_is_one_error_line(tmp_path):
    (tmp_path / "graph.trig").write_text("this is not { trig", encoding="utf-8")
    r = _kg("validate", "--out", str(tmp_path))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {tmp_path}/graph.trig is not valid TriG: ")
    assert r.stderr.count("\n") == 1


@pytest.mark.slow
def test_sample_build_conforms(sample_build):
    report = validate_build(sample_build)
    assert report.conforms, report.text()
    assert report.nodes > 10_000


def test_shapes_file_is_valid_shacl():
    g = shapes_graph()
    assert len(set(g.subjects(RDF.type, SH.NodeShape))) >= 18
    assert isinstance(g, Graph)
