"""kg.graph.build and kg.graph.store: records into named graphs, deterministic IRIs and bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, PROV, QB, RDF, SDO, SKOS, TIME, XSD

from kg.graph.build import add_scheme, build_dataset, build_graphs, decimal
from kg.graph.store import FORMATS, load_dataset, serialize, union_graph
from kg.namespaces import (
    CORPUS_GRAPH,
    ENTITY,
    GRAPH,
    MENTION,
    ONTOLOGY,
    PKG,
    REPORT,
    SENTENCE,
    concept_namespace,
    scheme_iri,
)
from kg.pipeline import write_build
from ontology.iris import slug
from ontology.vocab import Term, read_vocabulary

A = "tiny-2019-report-2020-plan"
B = "tiny-2020-report-2021-plan"


@pytest.fixture(scope="module")
def ds(tiny_corpus) -> Dataset:
    return build_dataset(tiny_corpus)


def test_one_named_graph_per_report_plus_corpus_and_ontology(ds):
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {str(GRAPH[A]), str(GRAPH[B]), str(CORPUS_GRAPH), str(ONTOLOGY)}


def test_report_node_carries_title_date_years_and_periods(ds):
    g = ds.graph(GRAPH[A])
    r = REPORT[A]
    assert (r, RDF.type, PKG.Report) in g and (r, RDF.type, PROV.Entity) in g
    assert g.value(r, DCTERMS.identifier) == Literal(f"{A}.txt")
    assert g.value(r, DCTERMS.date) == Literal("2020-01-10", datatype=XSD.date)
    assert g.value(r, PKG.reviewedYear).toPython() == 2019
    assert g.value(r, PKG.planYear).toPython() == 2020
    assert g.value(r, PKG.area) == Literal("甲乙区")
    year = g.value(r, PKG.planPeriod)
    corpus = ds.graph(CORPUS_GRAPH)
    desc = corpus.value(year, TIME.hasDateTimeDescription)
    assert corpus.value(desc, TIME.year) == Literal("2020", datatype=XSD.gYear)


def test_mention_node_holds_its_evidence(ds, tiny_corpus):
    doc = tiny_corpus.documents[0].document
    start = doc.text.index("光明芯片项目竣工")
    m = MENTION[f"{A}_{start}-{start + 6}_project"]
    g = ds.graph(GRAPH[A])
    assert g.value(m, PKG.mentionOf) == ENTITY["project-guangming"]
    assert g.value(m, PKG.inReport) == REPORT[A]
    assert (g.value(m, PKG.start).toPython(), g.value(m, PKG.end).toPython()) == (start, start + 6)
    assert str(g.value(m, PKG.surface)) == "光明芯片项目" == doc.text[start : start + 6]
    assert str(g.value(m, PKG.sentenceText)) == "星河产业园内的光明芯片项目竣工投产。"
    assert g.value(m, PKG.year).toPython() == 2019
    assert str(g.value(m, PKG.mode)) == "reviewed"
    assert str(g.value(m, PKG.rule)) == "hand"
    section = g.value(m, PKG.inSection)
    assert str(g.value(section, DCTERMS.title)) == "新旧动能转换全面提速"
    assert str(g.value(section, PKG.sectionId)) == "1.1"
    sentence = g.value(m, PKG.inSentence)
    assert sentence == SENTENCE[f"{A}_{doc.text.index('星河产业园内')}"]
    assert str(g.value(sentence, PKG.text)) == "星河产业园内的光明芯片项目竣工投产。"


def test_entity_named_in_two_reports_is_one_node_with_one_preferred_name(ds):
    corpus = ds.graph(CORPUS_GRAPH)
    e = ENTITY["project-guangming"]
    assert list(corpus.objects(e, SKOS.prefLabel)) == [Literal("光明芯片项目", lang="zh")]
    assert set(corpus.objects(e, SKOS.altLabel)) == {Literal("光明芯片项目二期", lang="zh")}
    assert {PKG.NamedEntity, PKG.Project, PROV.Plan, SDO.Project} <= set(corpus.objects(e, RDF.type))
    # names live in the corpus graph only, so the union still has one prefLabel
    assert all((e, SKOS.prefLabel, None) not in ds.graph(GRAPH[r]) for r in (A, B))
    reports = {
        ds.graph(GRAPH[r]).value(m, PKG.inReport) for r in (A, B) for m in ds.graph(GRAPH[r]).subjects(PKG.mentionOf, e)
    }
    assert reports == {REPORT[A], REPORT[B]}


def test_entity_types_map_to_standard_classes(ds):
    corpus = ds.graph(CORPUS_GRAPH)
    assert {ORG.Organization, SDO.Corporation} <= set(corpus.objects(ENTITY["enterprise-lanhai"], RDF.type))
    assert {PKG.Park, SDO.Place} <= set(corpus.objects(ENTITY["park-xinghe"], RDF.type))
    assert PKG.Program in set(corpus.objects(ENTITY["program-zjtx"], RDF.type))


def test_theme_tags_keep_their_reason_and_link_mention_and_entity(ds):
    g = ds.graph(GRAPH[A])
    rural = concept_namespace("themes")["rural-revitalisation"]
    tags = [t for t in g.subjects(PKG.theme, rural) if g.value(t, PKG.about) == ENTITY["project-qingshan"]]
    reasons = sorted(str(g.value(t, PKG.reason)) for t in tags)
    assert reasons[0].startswith("section （二）乡村振兴稳步实施: keyword 乡村振兴")
    for t in tags:
        assert (g.value(t, PKG.mention), DCTERMS.subject, rural) in g
    assert (ENTITY["project-qingshan"], DCTERMS.subject, rural) in ds.graph(CORPUS_GRAPH)


def test_status_claims_are_nodes_with_trigger_and_evidence(ds):
    g = ds.graph(GRAPH[B])
    claims = list(g.subjects(RDF.type, PKG.StatusClaim))
    assert len(claims) == 1
    c = claims[0]
    assert g.value(c, PKG.about) == ENTITY["project-hongri"]
    assert g.value(c, PKG.status) == concept_namespace("statuses")["started"]
    assert str(g.value(c, PKG.trigger)) == "开工"
    assert str(g.value(c, PKG.evidence)) == "红日电池项目在星河产业园开工。"
    assert g.value(c, PKG.year).toPython() == 2020 and str(g.value(c, PKG.mode)) == "reviewed"
    assert g.value(c, PKG.inSentence) is not None


def test_indicators_are_data_cube_observations(ds):
    g = ds.graph(GRAPH[A])
    obs = sorted(g.subjects(RDF.type, QB.Observation))
    assert len(obs) == 2
    target = next(o for o in obs if str(g.value(o, PKG.kind)) == "target")
    dataset = g.value(target, QB.dataSet)
    assert g.value(dataset, QB.structure) == PKG.IndicatorStructure
    assert g.value(target, PKG.indicator) == concept_namespace("indicators")["gdp"]
    assert g.value(target, PKG.value) == Literal("6.0", datatype=XSD.decimal)
    assert str(g.value(target, PKG.qualifier)) == "左右" and str(g.value(target, PKG.unit)) == "%"
    assert g.value(target, PKG.year).toPython() == 2020
    assert str(g.value(target, PKG.evidence)) == "地区生产总值增长6%左右"
    # the structure names its dimensions in the ontology graph
    onto = ds.graph(ONTOLOGY)
    dims = {onto.value(c, QB.dimension) for c in onto.objects(PKG.IndicatorStructure, QB.component)}
    assert {PKG.indicator, PKG.area, PKG.year, PKG.kind} <= dims


def test_unknown_indicator_concept_gets_a_labelled_concept_from_its_name(tiny_corpus):
    from dataclasses import replace

    from extract.records import CorpusResult, DocumentResult

    d = tiny_corpus.documents[0]
    odd = replace(d.indicators[0], concept=None, indicator="夜间经济营业额")
    ds = build_dataset(CorpusResult(documents=[DocumentResult(d.document, d.entities, [odd])]))
    concept = concept_namespace("indicators")[slug("夜间经济营业额")]
    assert ds.graph(CORPUS_GRAPH).value(concept, SKOS.prefLabel) == Literal("夜间经济营业额", lang="zh")
    assert (None, PKG.indicator, concept) in ds.graph(GRAPH[A])


def test_theme_scheme_has_every_theme_with_zh_en_labels_and_keywords(ds):
    onto = ds.graph(ONTOLOGY)
    themes = read_vocabulary("themes")
    scheme = scheme_iri("themes")
    concepts = set(onto.subjects(SKOS.inScheme, scheme))
    assert len(concepts) == len(themes) >= 15
    rural = concept_namespace("themes")["rural-revitalisation"]
    labels = set(onto.objects(rural, SKOS.prefLabel))
    assert {Literal("乡村振兴", lang="zh"), Literal("Rural revitalisation", lang="en")} <= labels
    assert Literal("美丽乡村", lang="zh") in set(onto.objects(rural, SKOS.altLabel))


def test_any_tsv_vocabulary_becomes_a_concept_scheme_with_one_function():
    g = Graph()
    scheme = add_scheme(g, "indicators", [Term("gdp", "地区生产总值", "GDP", ("生产总值", "GDP"), ("growth",))])
    gdp = concept_namespace("indicators")["gdp"]
    assert (scheme, SKOS.hasTopConcept, gdp) in g
    assert set(g.objects(gdp, SKOS.altLabel)) == {Literal("生产总值", lang="zh"), Literal("GDP", lang="zh")}
    assert g.value(gdp, PKG.measure) == Literal("growth")
    assert g.value(gdp, SKOS.notation) == Literal("gdp")


def test_indicator_and_status_vocabularies_are_loaded_when_present(ds):
    onto = ds.graph(ONTOLOGY)
    for name in ("indicators", "statuses"):
        assert (scheme_iri(name), RDF.type, SKOS.ConceptScheme) in onto, name
        assert len(set(onto.subjects(SKOS.inScheme, scheme_iri(name)))) == len(read_vocabulary(name))


def test_ontology_graph_has_no_blank_nodes(ds):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for q in ds.graph(ONTOLOGY) for t in q)


@pytest.mark.parametrize(
    "value,text",
    [(2.3, "2.3"), (6.0, "6.0"), (100.0, "100.0"), (0.05, "0.05"), (-1.5, "-1.5"), (1e-07, "0.0000001"), (-0.0, "0.0")],
)
def test_decimals_are_written_in_canonical_form(value, text):
    assert decimal(value) == Literal(text, datatype=XSD.decimal)


def test_two_builds_in_one_process_give_the_same_bytes_in_every_format(tiny_corpus):
    for fmt in FORMATS:
        assert serialize(build_graphs(tiny_corpus), fmt) == serialize(build_graphs(tiny_corpus), fmt), fmt


def test_named_graphs_are_written_in_iri_order(tiny_build):
    text = (tiny_build / "graph.trig").read_text(encoding="utf-8")
    heads = [line for line in text.splitlines() if line.endswith("{")]
    assert heads == [
        "graph:audit {",
        "graph:corpus {",
        "graph:summary {",
        f"graph:{A} {{",
        f"graph:{B} {{",
        f"<{ONTOLOGY}> {{",
    ]


@pytest.mark.parametrize("fmt", ["turtle", "nquads", "json-ld"])
def test_every_format_parses_back_to_the_same_triples(tiny_build, fmt, tmp_path, tiny_corpus):
    write_build(tiny_corpus, tmp_path, [fmt])
    path = tmp_path / FORMATS[fmt]
    expected = union_graph(load_dataset(tiny_build))
    if fmt == "turtle":
        got = Graph().parse(path, format="turtle")
    else:
        got = union_graph(Dataset().parse(path, format={"nquads": "nquads", "json-ld": "json-ld"}[fmt]))
    assert isomorphic(got, expected)
    if fmt == "nquads":  # N-Quads keeps the graph names
        quads = Dataset().parse(path, format="nquads")
        assert {str(g.identifier) for g in quads.graphs() if len(g)} >= {str(GRAPH[A]), str(GRAPH[B])}


def test_build_folder_has_graph_extraction_and_manifest(tiny_build):
    manifest = json.loads((tiny_build / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["graph"] == "graph.trig"
    assert manifest["counts"]["reports"] == 2 and manifest["counts"]["entities"] == 7
    assert [r["iri"] for r in manifest["reports"]] == [str(REPORT[A]), str(REPORT[B])]
    extraction = json.loads((tiny_build / "extraction.json").read_text(encoding="utf-8"))
    assert len(extraction["documents"]) == 2
    import hashlib

    digest = hashlib.sha256((tiny_build / "graph.trig").read_bytes()).hexdigest()
    assert manifest["sha256"]["graph.trig"] == digest


def test_unknown_format_is_an_input_error_and_writes_nothing(tiny_corpus, tmp_path):
    from extract.errors import InputError

    with pytest.raises(InputError, match="unknown format 'rdfxml'; choose one of: trig, turtle, nquads, json-ld"):
        write_build(tiny_corpus, tmp_path, ["rdfxml"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_kg_build_in_processes_with_different_hash_seeds_writes_identical_files(tmp_path, tiny_files):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "kg.cli",
                "build",
                *tiny_files,
                "--out",
                str(out),
                "-q",
                "--format",
                "nquads",
                "--format",
                "json-ld",
                "--format",
                "turtle",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir())
    assert names == [
        "audit-entities.csv",
        "audit.csv",
        "audit.html",
        "audit.json",
        "entities",
        "entities.html",
        "evolution.html",
        "extraction.json",
        "graph.jsonld",
        "graph.nq",
        "graph.trig",
        "graph.ttl",
        "index.html",
        "manifest.json",
        "overview.html",
        "reports",
        "themes",
    ]
    files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())  # the site's folders too
    assert files == sorted(p.relative_to(outs[1]) for p in outs[1].rglob("*") if p.is_file())
    for name in files:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_entity_iri_comes_from_the_entity_id(ds):
    from kg.graph.build import entity_iri

    assert entity_iri("park-xinghe") == URIRef("https://w3id.org/policy-kg/id/entity/park-xinghe")
    assert entity_iri("https://example.org/x") == URIRef("https://example.org/x")
    assert (ENTITY["park-xinghe"], PKG.entityType, Literal("PARK")) in ds.graph(CORPUS_GRAPH)


@pytest.mark.slow
def test_sample_build_names_both_reports_and_merges_the_citizen_machine_tool(sample_build):
    ds = load_dataset(sample_build)
    q = """SELECT DISTINCT ?file WHERE {
        ?e skos:prefLabel|skos:altLabel ?n . FILTER(STR(?n) = "西铁城精密机床")
        ?m pkg:mentionOf ?e ; pkg:inReport ?r . ?r dcterms:identifier ?file }"""
    files = sorted(str(row[0]) for row in ds.query(q, initNs={"skos": SKOS, "pkg": PKG._NS, "dcterms": DCTERMS}))
    assert files == ["zhoucun-2019-report-2020-plan.txt", "zhoucun-2020-report-2021-plan.txt"]
    assert Path(sample_build / "graph.trig").stat().st_size > 100_000


def test_each_merge_is_an_identity_link_with_rule_score_and_the_mention_of_each_name(ds, tiny_corpus):
    from kg.namespaces import LINK

    corpus = ds.graph(CORPUS_GRAPH)
    links = sorted(corpus.subjects(RDF.type, PKG.IdentityLink))
    assert len(links) == len(tiny_corpus.links) == 2
    rename = next(n for n in links if corpus.value(n, PKG.about) == ENTITY["project-guangming"])
    assert str(rename).startswith(str(LINK))
    assert corpus.value(rename, PKG.rule) == Literal("renamed: most of one name kept")
    assert corpus.value(rename, PKG.score) == Literal("0.8", datatype=XSD.decimal)
    assert (corpus.value(rename, PKG.firstName), corpus.value(rename, PKG.secondName)) == (
        Literal("光明芯片项目"),
        Literal("光明芯片项目二期"),
    )
    union = union_graph(ds)
    first, second = corpus.value(rename, PKG.firstMention), corpus.value(rename, PKG.secondMention)
    assert union.value(first, PKG.inReport) == REPORT[A] and union.value(second, PKG.inReport) == REPORT[B]
    assert union.value(first, PKG.mentionOf) == union.value(second, PKG.mentionOf) == ENTITY["project-guangming"]
    assert "光明芯片项目" in union.value(first, PKG.sentenceText)


def test_a_link_whose_names_no_report_holds_is_left_out(tiny_corpus):
    from dataclasses import replace

    from extract.records import Link

    broken = replace(
        tiny_corpus,
        links=[Link(a="nowhere.txt#PARK#无", b="nowhere.txt#PARK#无", rule="same name", score=1.0, detail="")],
    )
    assert not list(build_dataset(broken).graph(CORPUS_GRAPH).subjects(RDF.type, PKG.IdentityLink))
