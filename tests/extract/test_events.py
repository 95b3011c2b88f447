"""Status per entity and year, from the verbs of the clause that names it."""

from __future__ import annotations

import pytest

from extract.entities import EntityExtractor
from extract.events import find_statuses
from extract.load import load_text
from extract.meta import read_metadata
from extract.segment import segment

HEAD = "关于岚山区2019年度国民经济和社会发展计划执行情况与2020年计划草案的报告\n"


def _statuses(body: str) -> dict[str, list[tuple]]:
    doc = load_text(HEAD + body, path="s.txt")
    read_metadata(doc)
    segment(doc)
    ex = EntityExtractor()
    ex.first_pass(doc)
    ents = ex.entities(doc)
    find_statuses(doc, ents)
    return {e.name: [(s.year, s.mode, s.status, s.trigger) for s in e.status] for e in ents} | {
        "_types": {e.name: e.type for e in ents}
    }


@pytest.mark.parametrize(
    "sentence, status, trigger",
    [
        ("鸿利功能面料等18个项目竣工投产。", "in_operation", "投产"),
        ("青河大道西延工程竣工通车。", "completed", "竣工"),
        ("加快岚山家居产业园建设。", "under_construction", "加快"),
        ("岚山新材料研发中心开工建设。", "started", "开工建设"),
        ("岚山家居产业园项目入选省重点项目。", "listed", "入选省重点"),
        ("鸿泰电子公司获批省级企业技术中心。", "awarded", "获批"),
    ],
)
def test_status_from_the_clause(sentence, status, trigger):
    got = _statuses("一、2019年计划执行情况\n" + sentence + "\n")
    claims = [c for k, v in got.items() if k != "_types" for c in v]
    assert (2019, "reviewed", status, trigger) in claims


def test_the_most_advanced_status_wins():
    got = _statuses("一、2019年计划执行情况\n岚山智能生产线开工建设，当年建成投产。\n")
    assert got["岚山智能生产线"] == [(2019, "reviewed", "started", "开工建设")]  # the clause, not the sentence
    got = _statuses("一、2019年计划执行情况\n岚山智能生产线建成投产。\n")
    assert got["岚山智能生产线"] == [(2019, "reviewed", "in_operation", "投产")]


def test_a_plan_section_gives_promised_statuses_for_the_plan_year():
    got = _statuses(
        "一、2019年计划执行情况\n岚山智能生产线开工建设。\n二、2020年工作重点\n推动岚山智能生产线早日竣工投产。\n"
    )
    assert got["岚山智能生产线"] == [
        (2019, "reviewed", "started", "开工建设"),
        (2020, "planned", "in_operation", "投产"),
    ]


def test_no_verb_is_a_mention():
    got = _statuses("一、2019年计划执行情况\n围绕岚山家居产业园，招引配套企业。\n")
    assert got["岚山家居产业园"] == [(2019, "reviewed", "mentioned", "")]


def test_a_school_being_built_is_a_project():
    got = _statuses("一、2019年计划执行情况\n岚山实验中学建成投用。\n岚山第一中学教学质量提升。\n")
    assert got["_types"]["岚山实验中学"] == "PROJECT"
    assert got["_types"].get("岚山第一中学", "INSTITUTION") == "INSTITUTION"


@pytest.mark.parametrize(
    "sentence",
    ["岚山大道西延工程还没有最后完成。", "岚山智能生产线尚未竣工。", "岚山智能生产线未能如期投产。"],
)
def test_a_denied_status_is_no_status(sentence):
    got = _statuses("一、2019年计划执行情况\n" + sentence + "\n")
    claims = [c for k, v in got.items() if k != "_types" for c in v]
    assert claims and all(c[2] == "mentioned" for c in claims)
