"""Metadata from every place a report or an article about it states it; each field with its source.

The texts are invented; the place names are real divisions where the gazetteer is what is tested.
"""

from __future__ import annotations

import pytest

from extract.corpus import read_documents
from extract.errors import InputError
from extract.load import load_text
from extract.meta import congress_year, read_metadata
from extract.segment import segment

BODY = "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n全县经济持续增长。\n"


def _meta(text: str, path: str = "report.txt"):
    doc = load_text(text, path=path)
    read_metadata(doc)
    return doc


# years -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "congress, delivered",
    [
        ("吉林省第十四届人民代表大会第一次会议", 2023),
        ("陕西省第十四届人民代表大会第二次会议", 2024),
        ("甘肃省第十三届人民代表大会第二次会议", 2019),
        ("北京市第十六届人民代表大会第二次会议", 2024),
        ("天津市第十八届人民代表大会第三次会议", 2025),
        ("重庆市第六届人民代表大会第三次会议", 2025),
        ("海南省第七届人民代表大会第二次会议", 2024),
        ("第十四届全国人民代表大会第二次会议", 2024),
        ("第十届全国人民代表大会第一次会议", 2003),
        ("广东省十二届人大四次会议", 2016),
    ],
)
def test_a_provincial_or_national_session_fixes_the_year(congress, delivered):
    doc = _meta(f"1月15日上午，{congress}开幕。政府工作报告提出，过去五年经济稳中有进。\n")
    assert (doc.reviewed_year, doc.plan_year) == (delivered - 1, delivered)
    src = doc.sources["plan_year"]
    assert src.rule == "congress-session" and congress in src.words
    assert doc.text[src.start : src.start + len(src.words)] == src.words


def test_a_county_or_city_term_fixes_no_year():
    doc = _meta("在某某县第十八届人民代表大会第五次会议上\n" + BODY)
    assert (doc.reviewed_year, doc.plan_year) == (None, None)
    assert doc.warnings[0].startswith("no recognisable year")


def test_congress_year_refuses_a_session_no_five_year_term_has():
    assert congress_year("河北省", 14, 6) is None
    assert congress_year(None, 1, 1) == 1954
    assert congress_year("河北省", 5, 1) is None  # before five-year terms opened together


def test_a_delivery_in_december_reviews_that_same_year():
    doc = _meta("政府工作报告\n——2025年12月24日在某某市第十九届人民代表大会第五次会议上\n" + BODY)
    assert (doc.reviewed_year, doc.plan_year, doc.date) == (2025, 2026, "2025-12-24")
    assert doc.sources["reviewed_year"].rule == "delivery-line"


def test_a_mid_year_report_on_the_plan_reviews_and_plans_one_year():
    """A standing committee meets about six times a year: its meeting number only estimates the year."""
    doc = _meta(
        "某某省十二届人大常委会第十次会议举行。省发展和改革委员会主任作了《关于今年以来国民经济和社会发展"
        "计划执行情况的报告》。今年上半年，生产总值增长5.8%。\n"
    )
    assert doc.area is None or doc.area  # no such province: no certain year either
    doc = _meta(
        "河北省十二届人大常委会第十次会议举行。省发展和改革委员会主任作了《关于今年以来国民经济和社会发展"
        "计划执行情况的报告》。今年上半年，生产总值增长5.8%。\n"
    )
    assert (doc.reviewed_year, doc.plan_year) == (2014, 2014)
    assert doc.sources["plan_year"].rule == "standing-committee-meeting"
    assert doc.sources["plan_year"].certain is False
    assert any(w.startswith("years estimated") for w in doc.warnings)
    assert doc.area == "河北省"


@pytest.mark.parametrize(
    "text, years, rule",
    [
        ("首页\n《政府工作报告》成为焦点。\n回顾2013——全市实现生产总值1776亿元\n", (2013, 2014), "body: 回顾"),
        ("代表们认为，报告提出了2015年发展思路、目标任务，鼓舞人心。\n", (2014, 2015), "body: 提出…目标"),
        ("根据2024年某某自治区政府工作报告，要加大投资力度。\n", (2023, 2024), "body: …年…政府工作报告"),
        ("各位代表：\n刚刚过去的2025年，全县经济持续增长。\n", (2025, 2026), "body: 过去的…年"),
        ("政府工作报告\n各位代表：\n首先报告２００１年的工作\n经济持续增长。\n", (2001, 2002), "review-heading"),
        (
            "政府工作报告\n各位代表：现在，我代表市人民政府作报告，请予审议。2018年工作回顾2018年，是不平凡的一年。\n",
            (2018, 2019),
            "review-heading",
        ),
        ("政府工作报告\n各位代表：\n一、2021年和过去五年工作回顾\n经济持续增长。\n", (2021, 2022), "review-heading"),
        (
            "政府工作报告\n各位代表：\n一、“十四五”时期及2025年工作回顾\n经济持续增长。\n",
            (2025, 2026),
            "review-heading",
        ),
        ("政府工作报告\n各位代表：\n二、2021年主要目标任务\n增长6%。\n", (2020, 2021), "plan-heading"),
        (
            "政府工作报告指出，2018年是贯彻落实党的十九大精神的开局之年。今年主要预期目标是：增长8%。\n",
            (2017, 2018),
            "body: …年是…之年",
        ),
    ],
)
def test_years_from_the_body_and_headings(text, years, rule):
    doc = _meta(text)
    assert (doc.reviewed_year, doc.plan_year) == years
    assert doc.sources["plan_year"].rule == rule


def test_a_year_looked_back_on_is_no_year_ahead():
    doc = _meta("某某县经济工作综述\n2017年是极不平凡的一年，全县经济增长8%。\n")
    assert doc.sources["plan_year"].rule != "body: …年是…之年"


def test_a_title_naming_the_reviewed_year_is_told_by_its_delivery_date():
    # some sites label the report by the year it reviews; the session's date says which report it is
    doc = _meta("2015年政府工作报告——2016年1月13日在某某市第八届人民代表大会第五次会议上\n" + BODY)
    assert (doc.reviewed_year, doc.plan_year) == (2015, 2016)
    assert doc.sources["plan_year"].rule == "title-date"
    same = _meta("2016年政府工作报告——2016年1月13日在某某市第八届人民代表大会第五次会议上\n" + BODY)
    assert (same.reviewed_year, same.plan_year) == (2015, 2016)
    assert same.sources["plan_year"].rule == "title"


def test_a_news_page_dated_in_its_furniture_and_telling_of_a_december_session():
    doc = _meta(
        "2022-12-30 10:13   来源:某报\n12月29日，某某区第六届人民代表大会第三次会议开幕，区长作了政府工作报告。\n"
    )
    assert (doc.reviewed_year, doc.plan_year) == (2022, 2023)
    assert doc.kind == "news"


def test_the_file_name_is_the_last_resort_and_says_so():
    doc = _meta(BODY, path="reports/2021年政府工作报告.docx")
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)
    src = doc.sources["plan_year"]
    assert (src.rule, src.words, src.start, src.certain) == ("file name", "2021年政府工作报告.docx", None, False)
    assert any("file name" in w for w in doc.warnings)


def test_the_text_wins_over_the_file_name():
    doc = _meta("2019年某某县政府工作报告\n" + BODY, path="2031年政府工作报告.txt")
    assert doc.plan_year == 2019 and doc.sources["plan_year"].rule == "title"


# area ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, area, rule",
    [
        (
            "政府工作报告\n——2021年1月8日在青龙满族自治县第九届人民代表大会第六次会议上\n各位代表：\n",
            "青龙满族自治县",
            "delivery-line",
        ),
        (
            "政府工作报告\n——2015年1月8日在嫩江县第十六届人民代表大会第四次会议上\n各位代表：\n",
            "嫩江县",
            "delivery-line",
        ),
        ("关于海口市琼山区2020年国民经济和社会发展计划执行情况与2021年计划草案的报告\n", "琼山区", "title"),
        ("2021年宣漢縣人民政府工作報告\n各位代表：\n", "宣漢縣", "title"),
        (
            "各位代表：\n2024年，在地委的坚强领导下，在地区人大工委的监督下，塔城口岸经济加快发展。\n",
            "塔城地区",
            "short-name",
        ),
        ("2019年工作回顾\n2019年，滨海新区经济稳中有进。滨海新区新增企业三千家。\n", "滨海新区", "most-named"),
    ],
)
def test_area_read_from_the_text_and_checked_against_the_gazetteer(text, area, rule):
    doc = _meta(text)
    assert doc.area == area
    assert doc.sources["area"].rule == rule
    assert doc.area_code is not None


def test_an_old_county_name_is_matched_to_the_division_it_became():
    doc = _meta("政府工作报告\n——2015年1月8日在嫩江县第十六届人民代表大会第四次会议上\n各位代表：\n")
    assert doc.area_code == "231183"  # 嫩江市 since 2019


def test_words_before_an_area_are_not_part_of_it():
    """2021年宣汉县人民政府工作报告 names 宣汉县, not 宣汉县人民."""
    doc = _meta("2021年宣汉县人民政府工作报告\n各位代表：\n")
    assert doc.area == "宣汉县"


def test_no_area_is_a_warning_not_a_refusal():
    doc = _meta("政府工作报告\n各位代表：\n2020年经济持续增长。\n")
    assert doc.area is None
    assert any(w.startswith("no area found") for w in doc.warnings)


# kind ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("某某网1月5日讯 记者从会上获悉，某某县2020年引进项目21个。\n", "news"),
        ("稳中求进——2022年某某市政府工作报告解读\n2021年工作回顾\n", "digest"),
        ("政府工作报告\n(接1版)推动245项应用成果转化。\n", "page"),
        ("关于某某县2020年国民经济和社会发展计划执行情况与2021年计划草案的报告\n各位代表：\n", "plan-report"),
        ("2021年某某县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n", "report"),
    ],
)
def test_document_kind(text, kind):
    doc = _meta(text)
    assert doc.kind == kind
    assert doc.sources["kind"].rule.startswith("kind: ")


def test_news_passages_take_their_mode_from_reported_speech():
    doc = _meta(
        "某某网讯 1月20日，某某县第十八届人民代表大会第五次会议开幕。\n"
        "报告回顾了2020年的工作，全县引进青石湾产业园等项目21个。\n"
        "报告提出，2021年要开工建设白鹭湖生态旅游项目。\n"
    )
    segment(doc)
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)
    modes = {doc.text[s.start : s.end].split("，")[0]: (s.year, s.mode) for s in doc.sections if s.level == 5}
    assert modes["报告回顾了2020年的工作"] == (2020, "reviewed")
    assert modes["报告提出"] == (2021, "planned")


def test_digest_passages_take_their_mode_from_reported_speech_too():
    doc = _meta(
        "一图读懂2021年某某县政府工作报告\n"
        "回顾2020年工作时称，全县引进青石湾产业园等项目21个。\n"
        "报告提出，2021年要开工建设白鹭湖生态旅游项目。\n"
    )
    segment(doc)
    assert doc.kind == "digest"
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)
    modes = {doc.text[s.start : s.end].split("，")[0]: (s.year, s.mode) for s in doc.sections if s.level == 5}
    assert modes["回顾2020年工作时称"] == (2020, "reviewed")
    assert modes["报告提出"] == (2021, "planned")


def test_a_news_paragraph_of_estimates_or_of_the_year_since_reviews():
    doc = _meta(
        "某某网讯 1月20日，某某县第十八届人民代表大会第五次会议开幕，县长作政府工作报告，今年要抓好八个方面的工作。\n"
        "某某县撤县设区一年以来，经济持续向好。\n"
        "预计地区生产总值增长8%左右。\n"
        "报告提出，2021年要开工建设白鹭湖生态旅游项目。\n"
    )
    segment(doc)
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)
    modes = [(doc.text[s.start : s.end].split("，")[0], s.mode) for s in doc.sections if s.level == 5]
    assert modes == [
        ("某某县撤县设区一年以来", "reviewed"),
        ("报告提出", "planned"),
    ]
    i = doc.text.index("预计")
    assert doc.section(doc.sentence_at(i).section).mode == "reviewed"


# overrides -------------------------------------------------------------------


def test_year_and_area_overrides_win_and_are_recorded(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (doc,) = read_documents([str(tmp_path / "a.txt")], year=2021, area="某某县")
    assert (doc.reviewed_year, doc.plan_year, doc.area) == (2020, 2021, "某某县")
    assert doc.sources["plan_year"].rule == "override: --year"
    assert doc.sources["area"].rule == "override: --area"
    assert not any(w.startswith(("no recognisable year", "no area")) for w in doc.warnings)


def test_reports_tsv_beside_the_reports_sets_each_file(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("2019年某某县政府工作报告\n" + BODY, encoding="utf-8")
    (tmp_path / "reports.tsv").write_text(
        "file\tarea\treviewed_year\tplan_year\tkind\na.txt\t青龙满族自治县\t2017\t2017\tplan-report\nb.txt\t\t\t\t\n",
        encoding="utf-8",
    )
    docs = {d.name: d for d in read_documents([str(tmp_path)])}
    a, b = docs["a.txt"], docs["b.txt"]
    assert (a.area, a.area_code, a.reviewed_year, a.plan_year, a.kind) == (
        "青龙满族自治县",
        "130321",
        2017,
        2017,
        "plan-report",
    )
    assert a.sources["plan_year"].words == f"{tmp_path / 'reports.tsv'}:2"
    assert (b.plan_year, b.sources["plan_year"].rule) == (2019, "title")  # an empty cell leaves the text's value


@pytest.mark.parametrize(
    "content, message",
    [
        ("name\tarea\n", "the first line must name the columns"),
        ("file\tplan_year\na.txt\t二〇二一\n", "plan_year must be a year like 2021"),
        ("file\tkind\na.txt\tspeech\n", "unknown kind 'speech'"),
    ],
)
def test_a_mistake_in_reports_tsv_names_its_line(tmp_path, content, message):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "reports.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_documents([str(tmp_path / "a.txt")])
    assert message in str(exc.value) and "reports.tsv:" in str(exc.value)


def test_a_plan_report_named_in_an_article_gives_its_two_years():
    doc = _meta(
        "某某信息港讯 2月26日上午，计划审查委员会召开会议，审议市发展和改革局关于某某市2015年国民经济和社会发展"
        "计划执行情况与2016年计划草案的报告。\n"
    )
    assert (doc.reviewed_year, doc.plan_year) == (2015, 2016)
    assert doc.sources["plan_year"].rule == "body: plan report named"


def test_the_national_standing_committee_hears_a_mid_year_report_on_the_plan():
    doc = _meta(
        "8月25日，十一届全国人大常委会第二十二次会议举行，听取国务院关于今年以来国民经济和社会发展计划执行情况的报告。\n"
        "今年是“十二五”规划开局之年。\n"
    )
    assert (doc.reviewed_year, doc.plan_year, doc.area) == (2011, 2011, "中华人民共和国")
    assert doc.sources["area"].rule == "national" and doc.sources["area"].words == "全国人大"
    assert doc.sources["plan_year"].rule == "what-the-year-was"  # certain: it outranks the meeting estimate


def test_an_article_quoting_the_report_is_news_and_its_page_date_is_a_publication_date():
    doc = _meta(
        "县人大代表围绕《政府工作报告》进行分组讨论\n发布日期:2022-02-15\n1月14日下午，参加某某县第十八届人民代表大会"
        "第一次会议的代表分组讨论政府工作报告。\n"
    )
    assert doc.kind == "news"
    assert doc.sources["date"].rule == "publication-date"
    assert (doc.reviewed_year, doc.plan_year) == (2021, 2022)


def test_the_site_a_page_was_saved_from_names_the_area_when_the_text_does_not():
    doc = _meta(
        "政府工作报告\n各位代表：\n一、2020年工作回顾\n经济持续增长。\n版权所有：青龙满族自治县人民政府  网站地图\n"
    )
    assert doc.area == "青龙满族自治县"
    assert doc.sources["area"].rule == "site name"
    assert "版权所有" not in doc.text


@pytest.mark.parametrize(
    "text",
    [
        "各位代表：\n全县上下勠力同心，县委坚强领导，县人民政府扎实工作。\n",  # 同心 is a word here, not 同心县
        "各位代表：\n全区贯彻海南发展要求，区委坚强领导，区人民政府扎实工作。\n",  # 海南 is the province, not 海南区
    ],
)
def test_a_short_name_must_be_a_place_and_not_a_higher_unit(text):
    doc = _meta(text)
    assert doc.area is None


def test_a_county_report_naming_its_province_is_not_the_province():
    doc = _meta(
        "政府工作报告\n各位代表：\n全县深入贯彻云南省委部署，县委坚强领导，县人民政府扎实工作，全县经济增长。\n"
    )
    assert doc.area != "云南省"
