"""Metadata comes from the text, never from the file name: title, area, years, date."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.load import load_file, load_text
from extract.meta import read_metadata

TITLE_2019 = "关于周村区2019年度国民经济和社会发展计划执行情况与2020年计划草案的报告"
TITLE_2020 = "关于周村区2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告"


def _meta(text: str, path: str = "report.txt"):
    doc = load_text(text, path=path)
    read_metadata(doc)
    return doc


def _sample(sample_paths, year: int):
    (path,) = [p for p in sample_paths if f"-{year}-report-" in p]
    doc = load_file(path)
    read_metadata(doc)
    return doc


def test_first_sample_title_broken_over_lines_is_joined(sample_paths):
    doc = _sample(sample_paths, 2019)
    assert doc.title == TITLE_2019
    assert doc.area == "周村区"
    assert (doc.reviewed_year, doc.plan_year) == (2019, 2020)
    assert doc.date == "2020-05-26"
    assert doc.warnings == []


def test_second_sample_damaged_delivery_date_is_repaired(sample_paths):
    """``——2021312日在…``: 3 and 12 is the only month and day that 312 can be."""
    doc = _sample(sample_paths, 2020)
    assert "2021312日" in doc.text
    assert doc.title == TITLE_2020
    assert doc.area == "周村区"
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)
    assert doc.date == "2021-03-12"
    assert doc.warnings == []


def test_metadata_does_not_come_from_the_file_name(sample_paths, tmp_path):
    src = next(p for p in sample_paths if "-2019-report-" in p)
    renamed = tmp_path / "zhoucun-2030-report-2031-plan.txt"
    renamed.write_bytes(Path(src).read_bytes())
    doc = load_file(str(renamed))
    read_metadata(doc)
    assert (doc.reviewed_year, doc.plan_year) == (2019, 2020)


@pytest.mark.parametrize("year, date", [(1998, None), (2017, "2017-03-05"), (2024, "2024-03-05")])
def test_national_report_plans_its_own_year_and_reviews_the_one_before(national_dir, year, date):
    doc = load_file(str(national_dir / f"{year}-government-work-report.txt"))
    read_metadata(doc)
    assert doc.title == f"{year}年中华人民共和国国务院政府工作报告"
    assert doc.area == "中华人民共和国"
    assert (doc.reviewed_year, doc.plan_year) == (year - 1, year)
    assert doc.date == date


def test_date_in_the_body_of_a_national_report_is_not_its_delivery_date(national_dir):
    """2005 says 从2004年7月1日起 in its first pages; the report gives no delivery date."""
    doc = load_file(str(national_dir / "2005-government-work-report.txt"))
    assert "从2004年7月1日起" in doc.text[:4000]
    read_metadata(doc)
    assert doc.date is None


@pytest.mark.slow
def test_every_national_report_has_its_years_area_and_a_date_in_its_own_year(national_dir):
    paths = sorted(national_dir.glob("*-government-work-report.txt"))
    assert len(paths) >= 50
    for path in paths:
        year = int(path.name[:4])
        doc = load_file(str(path))
        read_metadata(doc)
        assert (doc.reviewed_year, doc.plan_year) == (year - 1, year), path.name
        assert doc.area == "中华人民共和国", path.name
        assert doc.title and doc.title.startswith(f"{year}年") and "政府工作报告" in doc.title, path.name
        assert doc.date is None or doc.date.startswith(f"{year}-"), (path.name, doc.date)


@pytest.mark.parametrize(
    "head",
    [
        "关于某县2020年度国民经济和社会\n发展计划执行情况与2021年计划草案的报告\n",
        "关于某县2020年度国民经济和社会发展计划\n\n执行情况与2021年计划草案的报告\n",
        "关于某县2020年度\n国民经济和社会发展计划执行情况\n与2021年计划草案的报告\n",
    ],
    ids=["two-lines", "two-lines-blank-between", "three-lines"],
)
def test_title_broken_across_lines_is_joined(head):
    doc = _meta(head + "——2021年3月2日在某县第一届人民代表大会第五次会议上\n各位代表：\n")
    assert doc.title == "关于某县2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告"
    assert doc.area == "某县"
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)
    assert doc.date == "2021-03-02"


def test_title_is_not_joined_with_a_sentence_above_it():
    doc = _meta("某县人民政府发布了报告全文。\n2021年某县政府工作报告\n各位代表：\n")
    assert doc.title == "2021年某县政府工作报告"
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)


def test_traditional_title_is_reported_as_written():
    doc = _meta(
        "一九五四年工作回顧\n1954年中華人民共和國國務院政府工作報告\n各位代表：我們的經濟建設取得了很大的成績。\n"
    )
    assert doc.title == "1954年中華人民共和國國務院政府工作報告"
    assert doc.area == "中华人民共和国"
    assert (doc.reviewed_year, doc.plan_year) == (1953, 1954)


HEAD = f"{TITLE_2020}\n"


def test_damaged_date_with_one_reading_is_repaired():
    doc = _meta(HEAD + "——2021312日在淄博市周村区第十八届人民代表大会第五次会议上\n")
    assert doc.date == "2021-03-12"
    assert doc.warnings == []


def test_damaged_date_that_lost_only_its_month_mark_is_repaired():
    doc = _meta(HEAD + "——2021年226日在某县第一届人民代表大会第五次会议上\n")
    assert doc.date == "2021-02-26"


def test_ambiguous_damaged_date_gives_a_warning_and_no_date():
    """``2021112日`` is 1 January 12 or 11 February 2: the loader must not guess."""
    doc = _meta(HEAD + "——2021112日在某县第一届人民代表大会第五次会议上\n")
    assert doc.date is None
    assert len(doc.warnings) == 1
    assert doc.warnings[0] == "ambiguous damaged date '2021112日': could be 2021-01-12, 2021-11-02; left out"


def test_ambiguous_damaged_date_is_settled_by_a_publication_date():
    doc = _meta(HEAD + "发布日期:2021-11-02\n——2021112日在某县第一届人民代表大会第五次会议上\n")
    assert doc.date == "2021-11-02"
    assert doc.warnings == []


def test_date_only_in_a_publication_line_is_taken():
    doc = _meta(HEAD + "发布日期:2021-03-12\n\n各位代表：\n")
    assert doc.date == "2021-03-12"


def test_delivery_date_broken_before_the_venue_is_taken():
    doc = _meta(HEAD + "——2021年3月12日\n在某县第一届人民代表大会第五次会议上\n")
    assert doc.date == "2021-03-12"


def test_a_date_inside_a_sentence_is_not_the_delivery_date():
    doc = _meta(HEAD + "各位代表：\n从2021年7月1日起，全区提高企业退休人员基本养老金标准。\n")
    assert doc.date is None


def test_a_date_and_place_inside_a_sentence_is_not_the_delivery_date():
    doc = _meta(HEAD + "各位代表：\n去年，我区在2020年9月27日在北京举行的博览会上签约项目12个。\n")
    assert doc.date is None


def test_delivery_line_in_parentheses_gives_the_date():
    doc = _meta(HEAD + "（2021年3月12日在某县第一届人民代表大会第五次会议上）\n")
    assert doc.date == "2021-03-12"


def test_years_come_from_the_headings_when_there_is_no_title():
    doc = _meta("各位代表：\n一、2020年计划执行情况\n经济平稳。\n二、2021年主要目标\n增长6%。\n")
    assert (doc.reviewed_year, doc.plan_year) == (2020, 2021)


def test_years_come_from_the_delivery_date_when_neither_title_nor_headings_name_one():
    doc = _meta("政府工作报告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n各位代表：\n")
    assert (doc.title, doc.area, doc.reviewed_year, doc.plan_year, doc.date) == (
        "政府工作报告",
        "中华人民共和国",
        2020,
        2021,
        "2021-03-05",
    )


def test_text_without_any_year_is_still_a_document_with_years_unknown_and_a_warning():
    doc = _meta("各位代表：\n现在，我代表区人民政府作报告，请予审议。\n经济持续增长。\n", path="noyear.txt")
    assert (doc.reviewed_year, doc.plan_year) == (None, None)
    assert "reviewed_year" not in doc.sources
    assert len(doc.warnings) >= 1 and doc.warnings[0].startswith("no recognisable year")


@pytest.mark.parametrize(
    "area, expected",
    [
        ("周村区", "周村区"),
        ("淄博市周村区", "周村区"),
        ("山东省淄博市周村区", "周村区"),
        ("杭州市", "杭州市"),
        ("广州市越秀区", "越秀区"),
        ("济南市市中区", "市中区"),
        ("浦东新区", "浦东新区"),
        ("延边朝鲜族自治州", "延边朝鲜族自治州"),
        ("内蒙古自治区", "内蒙古自治区"),
    ],
)
def test_area_is_the_innermost_unit_whether_read_from_the_title_or_the_delivery_line(area, expected):
    """The same county must get the same area whether or not its title names the city too."""
    body = "——2021年3月2日在{}第一届人民代表大会第五次会议上\n各位代表：\n"
    from_title = _meta(
        f"关于{area}2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告\n" + body.format("某地")
    )
    from_delivery = _meta("2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告\n" + body.format(area))
    assert (from_title.area, from_delivery.area) == (expected, expected)


def test_a_titles_year_is_no_review_heading():
    # 2009年政府工作报告 names the plan year; it is not a heading reviewing 2009
    doc = _meta("2009年岚溪县政府工作报告\n一、2008年工作回顾\n全县地区生产总值增长9%。\n")
    assert (doc.reviewed_year, doc.plan_year) == (2008, 2009)
    assert not any("disagree" in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize(
    "body",
    [
        "坚持创新兴市战略，全市经济稳步发展。",  # 新兴市 read across 创新|兴市
        "培育新兴市场主体，全市经济稳步发展。",  # 新兴市 read across 新兴|市场
    ],
)
def test_a_division_read_across_words_does_not_beat_the_title_s_area(body):
    # 澄霁市 is in no gazetteer: the title says it; 新兴市 only looks named in the body
    doc = _meta(f"澄霁市2013年政府工作报告\n一、2012年工作回顾\n{body}\n")
    assert doc.area == "澄霁市"


def test_a_division_the_body_names_once_does_not_beat_the_title_s_unknown_area():
    # 雅霁县 is in no gazetteer; 山南市 (a real city) is named once, by its paper
    doc = _meta("雅霁县2013年政府工作报告\n据山南日报报道，山南市委对雅霁县的工作给予肯定。\n一、2012年工作回顾\n")
    assert doc.area == "雅霁县"


def test_a_division_the_body_keeps_naming_still_beats_a_title_it_never_names():
    doc = _meta(
        "关于霁澜新区2013年政府工作报告\n淄博市周村区经济稳步增长。淄博市周村区项目建设加快。淄博市周村区民生改善。\n"
    )
    assert doc.area == "周村区"
