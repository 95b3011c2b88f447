"""Programmes without a head noun, learned because several reports carry them out.

Invented names only: 澜湘两岸协同发展, 霁川全域共富 and the like are made up.
"""

from __future__ import annotations

import pytest

from extract.entities import EntityExtractor
from extract.entities.lexicon import lexicon
from extract.entities.repeats import RepeatedNames


@pytest.fixture(scope="module")
def lex():
    return lexicon()


def learned(lex, sentences: list[str], min_reports: int = 3) -> list[str]:
    r = RepeatedNames(lex, min_reports=min_reports)
    for i, s in enumerate(sentences):
        r.observe(f"report-{i}", s)
    return r.names()


def test_what_three_reports_carry_out_is_a_programme(lex):
    # the object of 推进, of 推动, and of 落实 before a list; 推进实施 governs the same name
    sentences = [
        "深入推进澜湘两岸协同发展，成效明显。",
        "推动澜湘两岸协同发展。",
        "全面推进实施澜湘两岸协同发展、霁川全域共富。",
    ]
    assert learned(lex, sentences) == ["澜湘两岸协同发展"]


def test_two_reports_are_not_enough_and_one_report_saying_it_twice_is_one(lex):
    assert learned(lex, ["推进霁川全域共富。", "实施霁川全域共富。"]) == []
    r = RepeatedNames(lex)
    for _ in range(3):
        r.observe("same-report", "推进霁川全域共富。")
    assert r.names() == []


@pytest.mark.parametrize(
    "sentence",
    [
        "推进经济发展。",  # generic words
        "推进霁川全域共富的进程。",  # runs into 的: a phrase, not a name
        "推进澜湘协作和霁川共富。",  # a coordination
        "推进三个方面。",  # a count
        "推进提高霁川居民收入。",  # a verb after the verb: the object is a verb phrase
        "推进霁川全域共富示范区。",  # it has its head: policy_heads finds it
    ],
)
def test_what_is_no_name_is_never_learned(lex, sentence):
    assert learned(lex, [sentence] * 3) == []


def test_a_tail_after_the_programme_is_no_part_of_it(lex):
    assert learned(lex, ["推进霁川全域共富工作。", "推进霁川全域共富进程，", "推进霁川全域共富。"]) == ["霁川全域共富"]


def test_a_tail_stays_where_without_it_the_name_would_be_a_place(lex):
    # 澜湘生态新农村 is a village's kind of name; building it is the programme
    reports = ["扎实推进澜湘生态新农村建设。", "稳步推进澜湘生态新农村建设。", "推进澜湘生态新农村建设，"]
    assert learned(lex, reports) == ["澜湘生态新农村建设"]


def test_a_learned_programme_is_found_again_where_no_verb_governs_it(document):
    reports = [
        document(f"澜川县{y}年工作报告\n一、{y}年工作回顾\n深入推进澜湘两岸协同发展。\n", f"r{y}.txt")
        for y in (2019, 2020, 2021)
    ]
    last = document("澜川县2022年工作报告\n一、2022年工作回顾\n澜湘两岸协同发展起步良好。\n", "r2022.txt")
    ex = EntityExtractor()
    ex.first_pass_all([*reports, last])
    assert {(e.type, e.name) for e in ex.entities(last)} == {("PROGRAM", "澜湘两岸协同发展")}
    assert [(e.type, e.name) for e in EntityExtractor().entities(last)] == []  # alone, nothing is learned


def test_every_item_of_a_list_the_verb_governs_is_carried_out(lex):
    sentences = [
        "推进澜湘两岸协同发展、霁川全域共富。",
        "实施霁川全域共富、澜湘两岸协同发展。",
        "推动澜湘两岸协同发展、霁川全域共富，",
    ]
    assert learned(lex, sentences) == ["澜湘两岸协同发展", "霁川全域共富"]


def test_a_reform_of_everyday_words_is_a_programme_when_reports_keep_doing_it(lex, nlp, found):
    # one sentence cannot tell 科技创新体制改革 (创新 reads as how) from 推进体制改革; three reports can
    assert found(nlp, "深化科技创新体制改革。") == set()
    assert learned(lex, ["深化科技创新体制改革。", "深化科技创新体制改革，", "推进科技创新体制改革。"]) == [
        "科技创新体制改革"
    ]
    assert learned(lex, ["深化体制改革。"] * 3) == []  # too short: a kind of reform


def test_a_system_of_everyday_words_is_a_programme_when_reports_keep_carrying_it_out(lex, nlp, found):
    # 新型城乡合作医疗制度 is everyday words before 制度: one report cannot tell it from a kind of system
    assert found(nlp, "积极推行新型城乡合作医疗制度。") == set()
    reports = ["积极推行新型城乡合作医疗制度。", "加快推进新型城乡合作医疗制度建设，", "全面推行新型城乡合作医疗制度。"]
    assert learned(lex, reports) == ["新型城乡合作医疗制度"]
    assert learned(lex, reports[:2]) == []  # two reports are not enough
    assert learned(lex, ["推行医疗制度。"] * 3) == []  # too short: a kind of system


def test_a_campaign_named_with_its_head_is_found_where_one_report_carries_out_its_stem(document):
    # 澜湘扶贫攻坚战 is named with its head in one report; another carries out 澜湘扶贫攻坚 bare
    first = document("澜川县2019年工作报告\n一、2019年工作回顾\n坚决打赢澜湘扶贫攻坚战。\n", "r2019.txt")
    second = document("澜川县2020年工作报告\n一、2020年工作回顾\n全面推进澜湘扶贫攻坚，成效明显。\n", "r2020.txt")
    third = document("澜川县2021年工作报告\n一、2021年工作回顾\n澜湘扶贫攻坚取得决定性进展。\n", "r2021.txt")
    ex = EntityExtractor()
    ex.first_pass_all([first, second, third])
    for d in (second, third):
        assert [(e.type, e.name) for e in ex.entities(d)] == [("PROGRAM", "澜湘扶贫攻坚")]
    # without the headed name, one report carrying out the stem teaches nothing
    ex = EntityExtractor()
    ex.first_pass_all([second, third])
    assert [(e.type, e.name) for e in ex.entities(third)] == []


def test_a_stem_of_everyday_words_is_not_taught(lex):
    r = RepeatedNames(lex)
    r.observe("a", "推进污染防治，")
    assert r.stems({"污染防治攻坚战": "PROGRAM"}) == []  # 污染防治 is what anyone does
    r.observe("a", "全面推进澜湘扶贫攻坚，")
    assert r.stems({"澜湘扶贫攻坚战": "PROGRAM", "澜湘扶贫攻坚责任制": "PROGRAM"}) == [
        ("澜湘扶贫攻坚", "澜湘扶贫攻坚战")
    ]


def test_a_duty_of_everyday_words_or_one_town_built_is_not_taught(lex):
    assert learned(lex, ["落实工作责任制度。", "落实工作责任制度，", "推行工作责任制度。"]) == []
    assert learned(lex, ["推进澜川中心镇建设。", "推进澜川中心镇建设，", "推动澜川中心镇建设。"]) == []


def test_the_stem_of_a_development_repetition_found_is_found_where_a_report_builds_it(document):
    # 澜湘经济带发展 is carried out in three reports (repetition names it); a fourth builds
    # 澜湘经济带 bare, and another writes its 高质量发展: both are that strategy
    reports = [
        document(f"澜川县{y}年工作报告\n一、{y}年工作回顾\n推动澜湘经济带发展。\n", f"r{y}.txt")
        for y in (2019, 2020, 2021)
    ]
    built = document("澜川县2022年工作报告\n一、2022年工作回顾\n依托黄金水道，推进澜湘经济带建设。\n", "r2022.txt")
    later = document("澜川县2023年工作报告\n一、2023年工作回顾\n持续推进澜湘经济带高质量发展。\n", "r2023.txt")
    ex = EntityExtractor()
    ex.first_pass_all([*reports, built, later])
    assert {(e.type, e.name) for e in ex.entities(built)} == {("PROGRAM", "澜湘经济带")}
    assert {(e.type, e.name) for e in ex.entities(later)} == {("PROGRAM", "澜湘经济带")}


def test_a_programme_known_with_an_adverb_in_front_is_found_without_it(document):
    # the slogan 全面振兴澜北 is known from one report; an earlier one writes 振兴澜北 bare
    known = document("澜川县2019年工作报告\n一、2019年工作回顾\n深入实施“全面振兴澜北”战略。\n", "r2019.txt")
    bare = document("澜川县2018年工作报告\n一、2018年工作回顾\n加快振兴澜北等老工业基地。\n", "r2018.txt")
    ex = EntityExtractor()
    ex.first_pass_all([bare, known])
    assert {(e.type, e.name) for e in ex.entities(bare)} == {("PROGRAM", "振兴澜北")}
    assert [(e.type, e.name) for e in EntityExtractor().entities(bare)] == []  # alone, nothing is learned


def test_the_stem_of_a_pilot_is_found_where_a_report_carries_the_stem_out(document):
    # 澜湘分级诊疗试点 is named with its head in one report; another carries out 澜湘分级诊疗 bare
    first = document("澜川县2019年工作报告\n一、2019年工作回顾\n开展澜湘分级诊疗试点。\n", "r2019.txt")
    second = document("澜川县2020年工作报告\n一、2020年工作回顾\n全面推进澜湘分级诊疗，成效明显。\n", "r2020.txt")
    ex = EntityExtractor()
    ex.first_pass_all([first, second])
    assert [(e.type, e.name) for e in ex.entities(second)] == [("PROGRAM", "澜湘分级诊疗")]


def test_a_connector_inside_a_word_joins_nothing(lex):
    # the 和 of 中和 is no connector: 澜湘碳达峰碳中和 is one programme; 澜湘节能与霁川减排 is two
    assert learned(lex, ["推进澜湘碳达峰碳中和。"] * 3) == ["澜湘碳达峰碳中和"]
    assert learned(lex, ["推进澜湘节能与霁川减排。"] * 3) == []


def test_a_campaigns_stem_without_its_battle_is_taught_where_a_report_carries_it_out(lex):
    # 澜湘节能减排攻坚战: neither 澜湘节能减排攻坚 nor its whole head is carried out; 澜湘节能减排 is
    r = RepeatedNames(lex)
    r.observe("a", "全面推进澜湘节能减排，")
    assert r.stems({"澜湘节能减排攻坚战": "PROGRAM"}) == [("澜湘节能减排", "澜湘节能减排攻坚战")]
