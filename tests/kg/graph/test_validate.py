"""kg validate: built graphs conform to the SHACL shapes; a small graph written here, broken one way at a
time, fails each shape readably, and kg validate exits 1."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SH, SKOS

from kg.cli import cli
from kg.graph.store import load_dataset
from kg.graph.validate import shapes_graph, validate_build, validate_graph
from kg.namespaces import ONTOLOGY, PKG

A = "tiny-2019-report-2020-plan"


def _kg(*args):
    return CliRunner().invoke(cli, list(args))


def test_every_class_the_graph_uses_has_a_shape(tiny_build):
    ds = load_dataset(tiny_build)
    used = {o for g in ds.graphs() if "ontology" not in str(g.identifier) for o in g.objects(None, RDF.type)}
    targeted = set(shapes_graph().objects(None, SH.targetClass))
    assert used - targeted == set()
    own_classes = set(ds.graph(ONTOLOGY).subjects(RDF.type, OWL.Class))
    assert len(own_classes) == 13
    assert own_classes <= targeted


def test_tiny_build_conforms(tiny_build):
    r = _kg("validate", "--out", str(tiny_build))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Conforms: ") and "triples pass every shape" in r.stdout


# One of everything the shapes check, written by hand: a report, a section, a sentence, two
# mentions of one park, the merge of their names, a theme tag, a status claim and their concepts.
SMALL = """
@prefix pkg: <https://w3id.org/policy-kg/ontology#> .
@prefix ex: <https://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .

ex:report a pkg:Report, prov:Entity ; dcterms:identifier "r.txt" ; pkg:reviewedYear 2019 ; pkg:planYear 2020 .
ex:section a pkg:Section ; pkg:inReport ex:report ; pkg:sectionId "1" ; pkg:level 1 ; dcterms:title "一、回顾" ;
    pkg:start 0 ; pkg:end 40 ; pkg:year 2019 ; pkg:mode "reviewed" ; dcterms:isPartOf ex:report .
ex:sentence a pkg:Sentence ; pkg:inReport ex:report ; pkg:inSection ex:section ; pkg:text "星河园和星河产业园都建成了。" ;
    pkg:start 10 ; pkg:end 24 .
ex:park a pkg:NamedEntity, pkg:Park, schema:Place ; pkg:entityType "PARK" ; skos:prefLabel "星河产业园"@zh ;
    skos:altLabel "星河园"@zh .
ex:m1 a pkg:Mention ; pkg:mentionOf ex:park ; pkg:inReport ex:report ; pkg:inSentence ex:sentence ;
    pkg:inSection ex:section ; pkg:start 10 ; pkg:end 13 ; pkg:surface "星河园" ;
    pkg:sentenceText "星河园和星河产业园都建成了。" ; pkg:year 2019 ; pkg:mode "reviewed" ; pkg:rule "hand" .
ex:m2 a pkg:Mention ; pkg:mentionOf ex:park ; pkg:inReport ex:report ; pkg:inSentence ex:sentence ;
    pkg:inSection ex:section ; pkg:start 14 ; pkg:end 19 ; pkg:surface "星河产业园" ;
    pkg:sentenceText "星河园和星河产业园都建成了。" ; pkg:year 2019 ; pkg:mode "reviewed" ; pkg:rule "hand" .
ex:other a pkg:NamedEntity, pkg:Park, schema:Place ; pkg:entityType "PARK" ; skos:prefLabel "绿谷物流园"@zh .
ex:m3 a pkg:Mention ; pkg:mentionOf ex:other ; pkg:inReport ex:report ; pkg:inSentence ex:sentence ;
    pkg:inSection ex:section ; pkg:start 10 ; pkg:end 13 ; pkg:surface "星河园" ;
    pkg:sentenceText "星河园和星河产业园都建成了。" ; pkg:year 2019 ; pkg:mode "reviewed" ; pkg:rule "hand" .
ex:link a pkg:IdentityLink ; pkg:about ex:park ; pkg:rule "same head" ; pkg:score 0.9 ;
    pkg:firstName "星河园" ; pkg:secondName "星河产业园" ; pkg:firstMention ex:m1 ; pkg:secondMention ex:m2 ;
    pkg:linkKind ex:variant .
ex:variant a skos:Concept ; skos:notation "variant" ; skos:prefLabel "名称变体"@zh ;
    skos:inScheme <https://w3id.org/policy-kg/id/scheme/link-kinds> .
<https://w3id.org/policy-kg/id/scheme/link-kinds> a skos:ConceptScheme ; skos:prefLabel "link-kinds"@en .
ex:theme a skos:Concept ; skos:notation "parks" ; skos:prefLabel "园区"@zh, "Parks"@en .
ex:tag a pkg:ThemeTag ; pkg:theme ex:theme ; pkg:about ex:park ; pkg:mention ex:m2 ; pkg:reason "keyword 园区" .
ex:completed a skos:Concept ; skos:notation "completed" ; skos:prefLabel "竣工"@zh .
ex:claim a pkg:StatusClaim ; pkg:about ex:park ; pkg:inReport ex:report ; pkg:status ex:completed ;
    pkg:year 2019 ; pkg:mode "reviewed" ; pkg:trigger "建成" ; pkg:evidence "星河园和星河产业园都建成了。" ;
    pkg:start 20 ; pkg:end 22 ; pkg:inSentence ex:sentence .
"""
EX = "https://example.org/"


def _small(edit=None) -> Graph:
    g = Graph().parse(data=SMALL, format="turtle")
    if edit is not None:
        edit(g)
    return g


def _set(node: str, prop, value):
    return lambda g: g.set((URIRef(EX + node), prop, value))


def _drop(node: str, prop):
    return lambda g: g.remove((URIRef(EX + node), prop, None))


def test_the_small_graph_conforms():
    report = validate_graph(_small())
    assert report.conforms, report.text()


def test_a_mid_year_report_plans_the_year_it_reviews():
    # a half-year report (or news of the plan) reviews and plans one year: GUIDELINE.md
    report = validate_graph(_small(_set("report", PKG.planYear, Literal(2019))))
    assert report.conforms, report.text()


def test_an_unnumbered_part_is_a_section_of_level_5():
    report = validate_graph(_small(_set("section", PKG.level, Literal(5))))
    assert report.conforms, report.text()


@pytest.mark.parametrize(
    "edit, line",
    [
        (
            _set("m1", PKG.mode, Literal("someday")),
            'Violation: <https://example.org/m1> pkg:mode (value "someday"): a mention\'s mode is "reviewed" or "planned"',
        ),
        (
            _drop("m1", PKG.mentionOf),
            "Violation: <https://example.org/m1> pkg:mentionOf: a mention names exactly one entity",
        ),
        (_set("park", PKG.entityType, Literal("PARK2")), "Violation: <https://example.org/park> pkg:entityType"),
        (
            _set("report", PKG.planYear, Literal(2030)),
            "Violation: <https://example.org/report> (value <https://example.org/report>): the plan year is not the year after",
        ),
        (
            _set("m1", PKG.start, Literal(1)),
            "the mention does not lie inside its sentence, or the sentence does not quote it",
        ),
        (
            _set("m2", PKG.surface, Literal("绿谷物流园")),
            "the mention does not lie inside its sentence, or the sentence does not quote it",
        ),
        (
            _set("link", PKG.secondMention, URIRef(EX + "m3")),
            "a merge's second mention names the entity the link is about",
        ),
        (
            _set("variant", SKOS.inScheme, URIRef(EX + "scheme")),
            "a merge's link kind is a concept of the link-kinds scheme (ontology/link-kinds.tsv)",
        ),
        (_drop("tag", PKG.reason), "Violation: <https://example.org/tag> pkg:reason: a theme tag says why"),
        (
            lambda g: g.add((URIRef(EX + "theme"), SKOS.prefLabel, Literal("园区建设", lang="zh"))),
            "a concept has a preferred label, at most one per language",
        ),
        (_set("claim", PKG.start, Literal(30)), "Violation: <https://example.org/claim> pkg:start"),
        (_set("park", SKOS.prefLabel, Literal("星河产业园")), "Violation: <https://example.org/park> skos:prefLabel"),
        (_set("section", PKG.level, Literal(6)), "Violation: <https://example.org/section> pkg:level"),
    ],
    ids=[
        "mode",
        "no-entity",
        "type",
        "plan-year",
        "offsets",
        "not-quoted",
        "merge",
        "link-kind",
        "reason",
        "two-labels",
        "claim-offsets",
        "plain-label",
        "level",
    ],
)
def test_each_break_is_one_readable_violation(edit, line):
    report = validate_graph(_small(edit))
    assert not report.conforms
    assert any(line in v.line() for v in report.violations), report.text()


def test_a_broken_graph_file_fails_kg_validate_with_exit_1_and_one_line_per_violation(tmp_path):
    broken = _small(_set("m1", PKG.mode, Literal("someday")))
    ds = Dataset()
    ds.graph(URIRef(EX + "graph")).__iadd__(broken)
    (tmp_path / "graph.trig").write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    r = _kg("validate", "--out", str(tmp_path))
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        'Violation: <https://example.org/m1> pkg:mode (value "someday"): a mention\'s mode is "reviewed" or "planned"'
    ]
    assert r.stderr == "Error: the graph does not conform to the shapes: 1 violation\n"


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


@pytest.mark.slow
def test_the_wide_set_builds_into_a_graph_that_conforms(wide_dir, tmp_path):
    # reports as users meet them (news, digests, a mid-year plan, traditional characters)
    files = sorted(str(p) for p in wide_dir.glob("*.txt"))
    r = _kg("build", "-q", "--no-cache", *files, "--out", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    report = validate_build(tmp_path / "out")
    assert report.conforms, report.text()


def test_shapes_file_is_valid_shacl():
    g = shapes_graph()
    assert len(set(g.subjects(RDF.type, SH.NodeShape))) >= 18
    assert isinstance(g, Graph)
