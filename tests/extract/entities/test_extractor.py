"""EntityExtractor and group_mentions on whole documents: mentions with their year,
mode, sentence and section; the report's own area; names as the report writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.entities import EntityExtractor

E, K, P = "ENTERPRISE", "PARK", "PROJECT"
AREA_BODY = "霁华新区地区生产总值增长6.2%。全力支持霁华新区发展。穗岭飞地园区开工建设。"


def entities(doc):
    ex = EntityExtractor()
    ex.first_pass(doc)
    return ex.entities(doc)


def test_the_reports_own_area_is_not_one_of_its_parks(data_file):
    doc = data_file("jihua-xinqu-2022-report-2023-plan.txt")
    assert doc.area == "霁华新区"
    assert {(e.type, e.name) for e in entities(doc)} == {(K, "穗岭飞地园区"), (K, "澜溪智能制造产业园")}


def test_another_reports_new_area_is_a_park(report):
    # the same sentences in a report about 澜川县: 霁华新区 is a place it names, not the one it is about
    assert {(e.type, e.name) for e in entities(report(2022, AREA_BODY))} == {(K, "霁华新区"), (K, "穗岭飞地园区")}


def test_mentions_carry_year_mode_sentence_and_section(document):
    doc = document(
        "关于澜川县2021年度国民经济和社会发展计划执行情况与2022年计划草案的报告\n"
        "一、2021年计划执行情况\n（一）园区建设。澜溪智能制造产业园首批厂房交付。\n"
        "二、2022年工作重点\n（一）项目建设。推动澜溪智能制造产业园扩区。\n",
        "c.txt",
    )
    [park] = entities(doc)
    assert (park.type, park.name) == (K, "澜溪智能制造产业园")
    assert [(m.year, m.mode, m.section_title, m.sentence) for m in park.mentions] == [
        (2021, "reviewed", "园区建设", "澜溪智能制造产业园首批厂房交付。"),
        (2022, "planned", "项目建设", "推动澜溪智能制造产业园扩区。"),
    ]
    for m in park.mentions:
        assert doc.text[m.start : m.end] == m.text
        assert doc.text[m.sentence_start : m.sentence_start + len(m.sentence)] == m.sentence


def test_entities_come_in_the_order_of_their_first_mention(report):
    doc = report(2021, "穗岭飞地园区开工建设。支持泓辰光电公司扩产。推进霁宁铁路前期工作。")
    assert [(e.type, e.name) for e in entities(doc)] == [(K, "穗岭飞地园区"), (E, "泓辰光电公司"), (P, "霁宁铁路")]


def test_quote_marks_are_not_part_of_an_entitys_name(report):
    [programme] = entities(report(2021, "深入推进“两单一码”监管。"))
    assert programme.name == "两单一码监管"
    assert programme.mentions[0].text == "“两单一码”监管"  # the mention is the text as written


def test_traditional_names_stay_as_written(document):
    doc = document(
        "關於瀾川縣2021年度國民經濟和社會發展計劃執行情況與2022年計劃草案的報告\n"
        "一、2021年計劃執行情況\n加快推進瀾溪智能製造產業園建設。\n",
        "t.txt",
    )
    assert doc.script == "traditional"
    [park] = entities(doc)
    assert (park.type, park.name) == (K, "瀾溪智能製造產業園")
    m = park.mentions[0]
    assert doc.text[m.start : m.end] == "瀾溪智能製造產業園"


@pytest.mark.slow
def test_traditional_reports_give_the_same_entities_written_traditionally(tmp_path, sample_paths, sample_result):
    """The samples converted to traditional characters: the same entities, named as written."""
    import opencc  # only this test converts a corpus

    from extract.corpus import extract_corpus
    from extract.load import fold

    to_trad = opencc.OpenCC("s2t")
    for p in sample_paths:
        name = p.rsplit("/", 1)[-1]
        (tmp_path / name).write_text(to_trad.convert(Path(p).read_text(encoding="utf-8")), encoding="utf-8")
    trad = extract_corpus(sorted(str(p) for p in tmp_path.glob("*.txt")))
    for simp_doc, trad_doc in zip(sample_result.documents, trad.documents):
        assert trad_doc.document.script == "traditional"
        simp = sorted((e.type, e.name) for e in simp_doc.entities)
        folded = sorted((e.type, fold(e.name)) for e in trad_doc.entities)
        assert folded == simp
        assert any(e.name != fold(e.name) for e in trad_doc.entities)  # written as the report writes them


def test_the_reports_own_title_is_its_motto_not_a_mention(document):
    doc = document(
        "坚决打赢澜川脱贫攻坚战 为建设幸福澜川而努力奋斗——澜川县2023年政府工作报告摘登\n"
        "一、2022年工作回顾\n澜川脱贫攻坚战取得全面胜利，霁禾冷链产业园建成投产。\n",
        "lanchuan-digest.txt",
    )
    found = {(e.type, e.name): [m.sentence for m in e.mentions] for e in entities(doc)}
    assert found == {
        ("PROGRAM", "澜川脱贫攻坚战"): ["澜川脱贫攻坚战取得全面胜利，霁禾冷链产业园建成投产。"],
        (K, "霁禾冷链产业园"): ["澜川脱贫攻坚战取得全面胜利，霁禾冷链产业园建成投产。"],
    }


def test_a_news_headline_names_what_the_article_is_about(document):
    doc = document(
        "霁禾冷链产业园建成投产\n澜川网讯 1月5日，澜川县政府工作报告提出，2023年全县地区生产总值增长6%。\n",
        "lanchuan-news.txt",
    )
    assert doc.kind == "news"
    assert {(e.type, e.name) for e in entities(doc)} == {(K, "霁禾冷链产业园")}
