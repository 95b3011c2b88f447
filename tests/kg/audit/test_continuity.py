"""kg.audit.continuity: the continuity audit read from a built graph, its findings in the graph, its files.

Two small corpora: the hand-made 甲乙区 reports of conftest.py (entities and
statuses written by hand, so every row is worked out on paper) and three
岚山区 reports in tests/data/audit/ read by the real extractor, where each
verdict happens once or twice (see tests/data/README.md).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from extract.records import CorpusResult, DocumentResult
from kg.audit.continuity import FOLLOW_UPS, VERDICTS, add_findings, consecutive_pairs, run_audit
from kg.audit.export import AUDIT_CSV, AUDIT_JSON, CSV_COLUMNS, ENTITIES_CSV, write_audit
from kg.audit.plan_actual import observations, observations_from_results, pair
from kg.graph.build import build_graphs
from kg.graph.dataset import count, to_store
from kg.graph.store import load_dataset, load_oxigraph, serialize, union_graph
from kg.graph.validate import validate_build, validate_graph
from kg.namespaces import (
    AUDIT_GRAPH,
    ENTITY,
    FINDING,
    MENTION,
    PKG,
    REPORT,
    concept_namespace,
)
from kg.pipeline import build_graph, write_build
from kg.query.engines import OxigraphEngine, RdflibEngine, open_engine
from kg.query.library import run_query

DATA = Path(__file__).resolve().parents[2] / "data" / "audit"
R2019 = "lanshan-2019-report-2020-plan.txt"
R2020 = "lanshan-2020-report-2021-plan.txt"
R2021 = "lanshan-2021-report-2022-plan.txt"
TA = "tiny-2019-report-2020-plan"
TB = "tiny-2020-report-2021-plan"
VERDICT = concept_namespace("continuity")


@pytest.fixture(scope="module")
def lanshan_result():
    from extract.corpus import extract_corpus

    return extract_corpus(sorted(str(p) for p in DATA.glob("*.txt")))


@pytest.fixture(scope="module")
def lanshan_build(lanshan_result, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lanshan-build")
    write_build(lanshan_result, out)
    write_audit(out, indicators=True)
    return out


@pytest.fixture(scope="module")
def lanshan(lanshan_build):
    return run_audit(open_engine(lanshan_build, "oxigraph"))


@pytest.fixture(scope="module")
def tiny(tiny_build):
    return run_audit(open_engine(tiny_build, "oxigraph"))


def only(audit, year, verdict, name=None):
    found = [f for f in audit.findings if f.year == year and f.verdict == verdict and (name is None or f.name == name)]
    assert len(found) == 1, [(f.verdict, f.name) for f in found]
    return found[0]


def entity(audit, name):
    (e,) = [e for e in audit.entities if e.name == name]
    return e


def marked(q) -> list[str]:
    return [q.sentence[a:b] for a, b in q.marks]


# pairs and verdicts ------------------------------------------------------------------------


def test_a_report_pairs_with_the_next_report_of_its_area_that_reviews_the_year_it_plans(lanshan):
    assert [(p.earlier, p.later, p.area, p.year) for p in lanshan.pairs] == [
        (R2019, R2020, "岚山区", 2020),
        (R2020, R2021, "岚山区", 2021),
    ]
    assert lanshan.pairs[0].counts == {
        "same-name": 1,
        "other-name": 1,
        "silent": 1,
        "not-assessable": 1,
        "new": 2,
        "disappeared": 1,
    }
    assert lanshan.pairs[1].counts == {
        "same-name": 2,
        "other-name": 0,
        "silent": 0,
        "not-assessable": 0,
        "new": 0,
        "disappeared": 3,
    }
    assert all(p.assessable for p in lanshan.pairs) and lanshan.unpaired == []
    assert lanshan.headline() == "2 of 2 report pairs could be judged"


def test_every_finding_of_a_pair_in_the_documented_order(lanshan):
    assert [(f.verdict, f.type, f.name, f.note) for f in lanshan.findings if f.year == 2020] == [
        ("same-name", "PROJECT", "金沙湾智能制造项目", ""),
        ("other-name", "PARK", "青石岭生态农业园", ""),
        ("silent", "PARK", "海川港口物流园", ""),
        ("not-assessable", "ENTERPRISE", "远洋新材料公司", f"named only in the plan of {R2020}"),
        ("new", "PROJECT", "白鹭湖湿地公园项目", "named in the review"),
        ("new", "PROJECT", "紫金数据中心项目", "named in the plan"),
        ("disappeared", "PARK", "海川港口物流园", f"named again in {R2021}"),
    ]
    assert all((f.earlier, f.later, f.area) == (R2019, R2020, "岚山区") for f in lanshan.findings if f.year == 2020)


def test_followed_up_same_name_quotes_the_plan_and_the_review(lanshan):
    f = only(lanshan, 2020, "same-name")
    assert f.earlier_names == f.later_names == ("金沙湾智能制造项目",)
    # only what the 2019 report plans: its review of 2019 (签约落地) is not the promise
    (planned,) = f.earlier_quotes
    assert (planned.report, planned.year, planned.mode, planned.section) == (
        R2019,
        2020,
        "planned",
        "2.1 抓好重大项目建设",
    )
    assert planned.sentence == "推进金沙湾智能制造项目、青石岭生态农业示范园建设，加快海川港口物流园二期招商。"
    assert marked(planned) == ["金沙湾智能制造项目"]
    (reviewed,) = f.later_quotes
    assert (reviewed.report, reviewed.year, reviewed.mode) == (R2020, 2020, "reviewed")
    assert reviewed.sentence == "金沙湾智能制造项目竣工投产，青石岭生态农业园开园迎客。"
    assert marked(reviewed) == ["金沙湾智能制造项目"]
    assert f.entity == str(ENTITY[f.entity_id]) and f.entity_id.startswith("project-")


def test_followed_up_under_another_name_when_no_name_of_the_plan_comes_back(lanshan):
    f = only(lanshan, 2020, "other-name")
    assert (f.earlier_names, f.later_names) == (("青石岭生态农业示范园",), ("青石岭生态农业园",))
    assert [marked(q) for q in f.earlier_quotes] == [["青石岭生态农业示范园"]]
    assert [marked(q) for q in f.later_quotes] == [["青石岭生态农业园"]]
    assert [q.mode for q in f.later_quotes] == ["reviewed"]


def test_not_assessable_when_the_next_report_names_it_in_its_plan_alone(lanshan):
    """The review does not name it, the plan does: whether it was done the report does not say."""
    f = only(lanshan, 2020, "not-assessable", "远洋新材料公司")
    assert [q.sentence for q in f.earlier_quotes] == ["支持远洋新材料公司扩大产能。"]
    assert [(q.report, q.mode) for q in f.later_quotes] == [(R2020, "planned")]  # where it is planned again
    assert f.note == f"named only in the plan of {R2020}"
    # reviewed a year later, under the name of the plan
    g = only(lanshan, 2021, "same-name", "远洋新材料公司")
    assert [q.sentence for q in g.later_quotes] == ["远洋新材料公司在深交所上市。"]


def test_new_is_what_no_earlier_report_of_the_area_named(lanshan):
    new = [f for f in lanshan.findings if f.verdict == "new"]
    assert [(f.year, f.name) for f in new] == [(2020, "白鹭湖湿地公园项目"), (2020, "紫金数据中心项目")]
    f = new[1]
    assert f.earlier_quotes == () and [(q.report, q.mode) for q in f.later_quotes] == [(R2020, "planned")]
    # 海川港口物流园 comes back in the 2021 report, but the 2019 report named it: not new
    assert entity(lanshan, "海川港口物流园").appearances[-1].report == R2021


def test_disappeared_is_what_the_next_report_does_not_name_at_all(lanshan):
    f = only(lanshan, 2020, "disappeared")
    assert f.name == "海川港口物流园" and f.later_quotes == ()
    # every mention in the earlier report, its review and its plan
    assert [(q.year, q.mode, q.sentence) for q in f.earlier_quotes] == [
        (2019, "reviewed", "海川港口物流园建成运营。"),
        (2020, "planned", "推进金沙湾智能制造项目、青石岭生态农业示范园建设，加快海川港口物流园二期招商。"),
    ]
    assert [f.name for f in lanshan.findings if f.year == 2021 and f.verdict == "disappeared"] == [
        "青石岭生态农业园",
        "白鹭湖湿地公园项目",
        "金沙湾智能制造项目",
    ]


def test_rows_worked_out_on_paper_for_the_hand_made_corpus(tiny):
    assert [(p.earlier, p.later, p.year) for p in tiny.pairs] == [(f"{TA}.txt", f"{TB}.txt", 2020)]
    assert [(f.verdict, f.type, f.name, f.earlier_names, f.later_names, f.note) for f in tiny.findings] == [
        ("same-name", "PARK", "星河产业园", ("星河产业园",), ("星河产业园",), ""),
        ("same-name", "PROJECT", "光明芯片项目", ("光明芯片项目二期",), ("光明芯片项目二期",), ""),
        ("same-name", "PROJECT", "红日电池项目", ("红日电池项目",), ("红日电池项目",), ""),
        ("silent", "PROJECT", "青山田园综合体项目", ("青山田园综合体项目",), (), ""),
        ("new", "PARK", "绿谷物流园", (), ("绿谷物流园",), "named in the plan"),
        ("disappeared", "PROJECT", "青山田园综合体项目", ("青山田园综合体项目",), (), ""),
    ]


def test_reports_of_other_areas_or_years_apart_are_no_pair(tmp_path):
    from extract.corpus import read_documents

    (tmp_path / R2019).write_text((DATA / R2019).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / R2021).write_text((DATA / R2021).read_text(encoding="utf-8"), encoding="utf-8")
    other = (DATA / R2020).read_text(encoding="utf-8").replace("岚山区", "临港区")
    (tmp_path / "lingang-2020-report-2021-plan.txt").write_text(other, encoding="utf-8")
    docs = read_documents(sorted(str(p) for p in tmp_path.glob("*.txt")))
    built = build_graph(CorpusResult(documents=[DocumentResult(document=d) for d in docs]))
    audit = built.audit
    reports = audit.reports  # area, then plan year
    assert [(r.file, r.area, r.reviewed_year, r.plan_year) for r in reports] == [
        ("lingang-2020-report-2021-plan.txt", "临港区", 2020, 2021),
        (R2019, "岚山区", 2019, 2020),
        (R2021, "岚山区", 2021, 2022),
    ]
    assert consecutive_pairs(reports) == [] and audit.pairs == [] and audit.findings == []
    assert str(AUDIT_GRAPH) not in built.graphs


# entities ------------------------------------------------------------------------------------


def test_entity_rows_give_years_modes_names_and_the_gaps_between(lanshan):
    e = entity(lanshan, "海川港口物流园")
    assert (e.type, e.years, e.first_year, e.last_year, e.gaps) == ("PARK", (2019, 2020, 2022), 2019, 2022, (2021,))
    assert [(a.report, a.year, a.mode, a.mentions) for a in e.appearances] == [
        (R2019, 2019, "reviewed", 1),
        (R2019, 2020, "planned", 1),
        (R2021, 2022, "planned", 1),
    ]
    assert [(n.name, n.reports) for n in e.names] == [("海川港口物流园", (R2019, R2021))]
    park = entity(lanshan, "青石岭生态农业园")
    assert [(n.name, n.reports) for n in park.names] == [
        ("青石岭生态农业示范园", (R2019,)),
        ("青石岭生态农业园", (R2020,)),
    ]
    assert park.gaps == () and park.years == (2020,)
    # type, then canonical name
    assert [(e.type, e.name) for e in lanshan.entities] == sorted((e.type, e.name) for e in lanshan.entities)


def test_status_sequence_per_year_and_mode_from_the_claims(tiny, lanshan, lanshan_result):
    g = entity(tiny, "光明芯片项目")
    assert [(s.year, s.mode, s.status, s.label, s.trigger, s.report) for s in g.statuses] == [
        (2019, "reviewed", "completed", "completed", "竣工投产", f"{TA}.txt")
    ]
    assert g.statuses[0].evidence == "星河产业园内的光明芯片项目竣工投产。"
    h = entity(tiny, "红日电池项目")
    assert [(s.year, s.mode, s.status, s.trigger) for s in h.statuses] == [(2020, "reviewed", "started", "开工")]
    assert entity(tiny, "绿谷物流园").statuses == ()
    # the real extraction's claims, through the graph, in year order with a year's plan before its review
    claims = sorted(
        (s.year, {"planned": 0, "reviewed": 1}[s.mode], s.status, s.trigger)
        for d in lanshan_result.documents
        for e in d.entities
        if e.name == "紫金数据中心项目"
        for s in e.status
    )
    z = entity(lanshan, "紫金数据中心项目")
    assert [(s.year, {"planned": 0, "reviewed": 1}[s.mode], s.status, s.trigger) for s in z.statuses] == claims
    assert [(s.year, s.mode) for s in z.statuses] == [(2021, "planned"), (2021, "reviewed"), (2022, "planned")]


# engines, memory and the graph ---------------------------------------------------------------


def test_the_audit_is_the_same_in_memory_and_from_the_file_on_either_engine(lanshan_result, lanshan_build):
    in_memory = build_graph(lanshan_result).audit
    from_rdflib = run_audit(RdflibEngine(load_dataset(lanshan_build)))
    from_oxigraph = run_audit(OxigraphEngine(load_oxigraph(lanshan_build)))
    assert in_memory == from_rdflib == from_oxigraph
    assert in_memory.findings and in_memory.entities


def test_findings_are_nodes_of_the_audit_graph_with_their_evidence(tiny_build, tiny):
    ds = load_dataset(tiny_build)
    g = ds.graph(AUDIT_GRAPH)
    nodes = set(g.subjects(RDF.type, PKG.ContinuityFinding))
    assert len(nodes) == len(tiny.findings) == 6
    node = FINDING[f"{TA}_{TB}_silent_project-qingshan"]
    assert node in nodes
    assert g.value(node, PKG.earlierReport) == REPORT[TA] and g.value(node, PKG.laterReport) == REPORT[TB]
    assert g.value(node, PKG.about) == ENTITY["project-qingshan"]
    assert g.value(node, PKG.verdict) == VERDICT["silent"]
    assert g.value(node, PKG.year).toPython() == 2020
    (m,) = g.objects(node, PKG.earlierMention)
    assert list(g.objects(node, PKG.laterMention)) == []
    report_graph = ds.graph(URIRef(str(REPORT[TA]).replace("/report/", "/graph/")))
    assert str(report_graph.value(m, PKG.mode)) == "planned" and str(m).startswith(str(MENTION[TA]))
    same = FINDING[f"{TA}_{TB}_same-name_project-guangming"]
    assert len(list(g.objects(same, PKG.laterMention))) == 1
    # the verdicts are a concept scheme with both labels
    onto = ds.graph(URIRef("https://w3id.org/policy-kg/ontology"))
    from rdflib.namespace import SKOS

    assert Literal("followed up, another name", lang="en") in set(onto.objects(VERDICT["other-name"], SKOS.prefLabel))


def test_library_queries_give_the_audit_rows_on_both_engines(tiny_build):
    engines = {"rdflib": RdflibEngine(load_dataset(tiny_build)), "oxigraph": OxigraphEngine(load_oxigraph(tiny_build))}

    def rows(name, **params):
        got = {k: run_query(None, name, {p: str(v) for p, v in params.items()}, loaded=e) for k, e in engines.items()}
        assert got["rdflib"].vars == got["oxigraph"].vars and got["rdflib"].rows == got["oxigraph"].rows, name
        return [tuple(t.value if t is not None else None for t in row) for row in got["oxigraph"].rows]

    assert rows("audit-summary") == [
        ("2020", f"{TA}.txt", f"{TB}.txt", "disappeared", "disappeared", "1"),
        ("2020", f"{TA}.txt", f"{TB}.txt", "new", "new", "1"),
        ("2020", f"{TA}.txt", f"{TB}.txt", "same-name", "followed up, same name", "3"),
        ("2020", f"{TA}.txt", f"{TB}.txt", "silent", "silent", "1"),
    ]
    silent = rows("audit-followups", verdict="silent")
    assert [(r[3], r[6], r[7], r[8], r[10]) for r in silent] == [
        (
            "silent",
            "青山田园综合体项目",
            "planned",
            "青山田园综合体项目",
            "推进光明芯片项目二期和青山田园综合体项目建设。",
        )
    ]
    same = rows("audit-followups", verdict="same-name", year=2020)
    assert [(r[6], r[7], r[8]) for r in same] == [
        ("星河产业园", "planned", "星河产业园"),
        ("星河产业园", "reviewed", "星河产业园"),
        ("光明芯片项目", "planned", "光明芯片项目二期"),
        ("光明芯片项目", "reviewed", "光明芯片项目二期"),
        ("红日电池项目", "planned", "红日电池项目"),
        ("红日电池项目", "reviewed", "红日电池项目"),
    ]
    assert rows("audit-followups", year=2019) == []
    assert [(r[3], r[6], r[7]) for r in rows("audit-changes")] == [
        ("disappeared", "青山田园综合体项目", "2"),
        ("new", "绿谷物流园", "1"),
    ]
    assert [r[3] for r in rows("audit-changes", change="new")] == ["new"]


def test_the_built_graphs_with_their_audit_conform_to_the_shapes(lanshan_build):
    report = validate_build(lanshan_build)
    assert report.conforms, report.text()


XINGHE = f"{TA}_{TB}_same-name_park-xinghe"
QINGSHAN = f"{TA}_{TB}_silent_project-qingshan"
LVGU = f"{TA}_{TB}_new_park-lvgu"
DISAGREES = "the finding disagrees with its evidence"
NEEDS = "a finding shows the evidence its verdict needs"


def _a_mention(ds, graph: str, surface: str) -> URIRef:
    g = ds.graph(URIRef(str(REPORT[graph]).replace("/report/", "/graph/")))
    return min(g.subjects(PKG.surface, Literal(surface)))


@pytest.mark.parametrize(
    "case,focus,message",
    [
        ("same-name whose names differ", XINGHE, DISAGREES),
        ("same-name without the review's mention", XINGHE, NEEDS),
        ("evidence from a report the finding does not name", XINGHE, DISAGREES),
        ("a year the reports do not plan and review", XINGHE, DISAGREES),
        ("silent with a mention in the review", QINGSHAN, DISAGREES),
        ("not-assessable with a mention in the review", QINGSHAN, DISAGREES),
        ("new with a mention in the earlier report", LVGU, DISAGREES),
    ],
)
def test_shapes_catch_a_finding_that_contradicts_its_evidence(tiny_build, case, focus, message):
    ds = load_dataset(tiny_build)
    g = ds.graph(AUDIT_GRAPH)
    node = FINDING[focus]
    if case.startswith("same-name whose"):
        g.set((node, PKG.verdict, VERDICT["other-name"]))
    elif case.startswith("same-name without"):
        g.remove((node, PKG.laterMention, None))
    elif case.startswith("evidence from"):
        g.set((node, PKG.laterReport, REPORT[TA]))
    elif case.startswith("a year"):
        g.set((node, PKG.year, Literal(2021)))
    elif case.startswith("silent"):
        g.add((node, PKG.laterMention, _a_mention(ds, TB, "红日电池项目")))
    elif case.startswith("not-assessable"):
        g.set((node, PKG.verdict, VERDICT["not-assessable"]))
        g.add((node, PKG.laterMention, _a_mention(ds, TB, "红日电池项目")))
    else:
        g.add((node, PKG.earlierMention, _a_mention(ds, TA, "星河产业园")))
    report = validate_graph(union_graph(ds))
    assert not report.conforms, case
    assert any(v.focus == f"finding:{focus}" and message in v.shape_message for v in report.violations), report.text()


def test_shapes_take_a_not_assessable_finding_with_no_later_evidence(tiny_build):
    """The later report has nothing to quote when it has no review: the finding still conforms."""
    ds = load_dataset(tiny_build)
    g = ds.graph(AUDIT_GRAPH)
    g.set((FINDING[QINGSHAN], PKG.verdict, VERDICT["not-assessable"]))
    report = validate_graph(union_graph(ds))
    assert report.conforms, report.text()


# plan versus actual --------------------------------------------------------------------------


def test_plan_versus_actual_from_the_graph_is_the_one_from_the_records(lanshan_build, lanshan_result):
    eng = open_engine(lanshan_build, "oxigraph")
    from_graph = pair(observations(eng))
    assert from_graph == pair(observations_from_results(lanshan_result.documents))
    assert [
        (v.concept, v.measure, v.year, v.target_value, v.qualifier, v.actual_value, v.verdict) for v in from_graph
    ] == [("gdp", "growth", 2020, 6.0, "左右", 6.5, "met"), ("gdp", "growth", 2021, 7.0, None, 8.2, "met")]


def test_plan_versus_actual_of_the_hand_made_corpus_through_the_graph(tiny_build, tiny_corpus):
    assert pair(observations(open_engine(tiny_build, "rdflib"))) == pair(
        observations_from_results(tiny_corpus.documents)
    )


# files ---------------------------------------------------------------------------------------


def test_audit_files_hold_every_finding_and_entity(lanshan_build, lanshan):
    rows = list(csv.DictReader(io.StringIO((lanshan_build / AUDIT_CSV).read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == len(lanshan.findings) == 12
    other = next(r for r in rows if r["verdict"] == "other-name")
    assert (other["earlier_names"], other["later_names"]) == ("青石岭生态农业示范园", "青石岭生态农业园")
    assert other["earlier_quotes"] == (
        f"[{R2019} 2020 planned] 推进金沙湾智能制造项目、青石岭生态农业示范园建设，加快海川港口物流园二期招商。"
    )
    assert other["later_quotes"] == f"[{R2020} 2020 reviewed] 金沙湾智能制造项目竣工投产，青石岭生态农业园开园迎客。"
    ents = list(csv.DictReader(io.StringIO((lanshan_build / ENTITIES_CSV).read_text(encoding="utf-8"))))
    haichuan = next(r for r in ents if r["entity"] == "海川港口物流园")
    assert (haichuan["years"], haichuan["gaps"], haichuan["first_year"], haichuan["last_year"]) == (
        "2019 2020 2022",
        "2021",
        "2019",
        "2022",
    )
    data = json.loads((lanshan_build / AUDIT_JSON).read_text(encoding="utf-8"))
    assert set(data) == {"verdicts", "headline", "reports", "unpaired", "pairs", "findings", "entities"}
    assert list(data["verdicts"]) == list(VERDICTS)
    assert len(data["findings"]) == 12 and data["findings"][1]["later_quotes"][0]["marks"] == [[14, 22]]
    assert (lanshan_build / "plan-vs-actual.csv").read_text(encoding="utf-8").count("\n") == 3
    assert (
        [p.name for p in (lanshan_build / "charts").iterdir()]
        == [p.name for p in (lanshan_build / "charts").glob("gdp-growth-*.svg")]
        != []
    )


def test_the_same_graph_gives_the_same_bytes(lanshan_build, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(lanshan_build, copy)
    for p in copy.rglob("*"):
        if p.is_file() and p.name != "graph.trig":
            p.unlink()
    write_audit(copy, indicators=True, engine="rdflib")
    names = sorted(
        str(p.relative_to(lanshan_build))
        for p in lanshan_build.rglob("*")
        if p.is_file() and not p.name.startswith(("extraction", "manifest"))
    )
    assert names == sorted(str(p.relative_to(copy)) for p in copy.rglob("*") if p.is_file())
    for name in names:
        assert (copy / name).read_bytes() == (lanshan_build / name).read_bytes(), name


def test_the_graph_file_carries_the_audit_graph_in_a_stable_form(lanshan_result):
    a, b = build_graphs(lanshan_result), build_graphs(lanshan_result)
    add_findings(a, to_store(a))
    store = to_store(b)
    add_findings(b, store)
    add_findings(b, store)  # a second audit replaces the first, in the graphs and in the store
    assert len(store) == count(b)
    assert serialize(a, "trig") == serialize(b, "trig")
    assert b"graph:audit {" in serialize(a, "trig")


# the samples ---------------------------------------------------------------------------------


def test_samples_show_the_plans_the_2020_report_does_not_review_and_a_renamed_project(sample_build):
    audit = run_audit(open_engine(sample_build, "oxigraph"))
    (p,) = audit.pairs
    assert (p.earlier, p.later, p.year) == (
        "zhoucun-2019-report-2020-plan.txt",
        "zhoucun-2020-report-2021-plan.txt",
        2020,
    )
    for name in ("恒大养生谷", "海尔家居产业园工业互联网平台"):
        f = only(audit, 2020, "silent", name)
        assert f.later_quotes == ()
        assert all(q.mode == "planned" and q.year == 2020 and name in q.sentence for q in f.earlier_quotes)
    citizen = [f for f in audit.findings if f.verdict in FOLLOW_UPS and "西铁城新景精密机床" in f.earlier_names]
    assert [(f.verdict, f.later_names) for f in citizen] == [("other-name", ("西铁城精密数控机床",))]
    (q,) = citizen[0].later_quotes
    assert q.report == "zhoucun-2020-report-2021-plan.txt" and marked(q) == ["西铁城精密数控机床"]
    assert sum(p.counts.values()) == len(audit.findings)
    for f in audit.findings:
        if f.verdict in FOLLOW_UPS:
            assert f.earlier_quotes and all(q.mode == "planned" and q.report == f.earlier for q in f.earlier_quotes)
            later_mode = "planned" if f.verdict == "not-assessable" else "reviewed"
            assert all(q.mode == later_mode and q.report == f.later for q in f.later_quotes)
            assert bool(f.later_quotes) == (f.verdict != "silent")
            if f.verdict != "not-assessable":
                assert (set(f.earlier_names) & set(f.later_names) != set()) == (f.verdict == "same-name")


def test_a_converters_pinyin_in_the_review_is_no_change_of_name(tmp_path):
    from extract.corpus import extract_corpus

    (tmp_path / R2019).write_text((DATA / R2019).read_text(encoding="utf-8"), encoding="utf-8")
    review = (DATA / R2020).read_text(encoding="utf-8")
    assert "金沙湾智能制造项目竣工投产" in review
    review = review.replace("金沙湾智能制造项目竣工投产", "金沙湾智能制(zhì)造项目竣工投产")
    (tmp_path / R2020).write_text(review, encoding="utf-8")
    audit = build_graph(extract_corpus(sorted(str(p) for p in tmp_path.glob("*.txt")))).audit
    f = only(audit, 2020, "same-name", "金沙湾智能制造项目")
    assert f.earlier_names == f.later_names == ("金沙湾智能制造项目",)
    (reviewed,) = f.later_quotes
    assert marked(reviewed) == ["金沙湾智能制（zhì）造项目"]  # the quote is the text as written
