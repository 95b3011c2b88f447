"""Indicator facts read from tables laid out with spaces in a plan report."""

from __future__ import annotations

from extract.indicators import find_indicators
from extract.load import load_text
from extract.meta import read_metadata
from extract.segment import segment

HEAD = "关于澜溪市2022年国民经济和社会发展计划执行情况与2023年计划草案的报告\n\n"

REVIEW_TABLE = (
    "表1  2022年主要经济指标完成情况\n"
    "指标名称              单位      计划      完成数      比上年增长（%）\n"
    "地区生产总值          亿元      420       418.6       9.1\n"
    "规模以上工业总产值    亿元      3300      3260        9.6\n"
    "进出口总额            亿美元    —         86.2        -3.4\n"
)
PLAN_TABLE = (
    "表2  2023年主要预期目标\n"
    "指标名称              单位      目标      增长（%）\n"
    "地区生产总值          亿元      460       10\n"
)


def _facts(review: str, plan: str = ""):
    text = HEAD + "一、2022年计划执行情况\n\n" + review + "\n二、2023年计划安排\n\n" + plan + "\n"
    doc = load_text(text, path="lanxi-2022-report-2023-plan.txt")
    read_metadata(doc)
    segment(doc)
    found = find_indicators(doc)
    for i in found:
        assert doc.text[i.start : i.end] == i.evidence
    return doc, found


def test_each_row_of_a_table_gives_its_level_and_its_growth():
    _, found = _facts(REVIEW_TABLE)
    got = {(i.indicator, i.measure, i.value, i.unit, i.kind, i.year) for i in found}
    assert ("地区生产总值", "level", 418.6, "亿元", "actual", 2022) in got
    assert ("地区生产总值", "growth", 9.1, "%", "actual", 2022) in got
    # the two columns of a row are two figures, not one run together (3260 and 9.6, not 32609.6)
    assert ("规模以上工业总产值", "level", 3260.0, "亿元", "actual", 2022) in got
    assert ("进出口总额", "growth", -3.4, "%", "actual", 2022) in got


def test_the_reviewed_year_s_own_plan_column_is_no_fact():
    _, found = _facts(REVIEW_TABLE)
    assert 420.0 not in {i.value for i in found} and 3300.0 not in {i.value for i in found}


def test_a_table_of_targets_gives_the_plan_year_s_targets():
    _, found = _facts(REVIEW_TABLE, PLAN_TABLE)
    assert ("地区生产总值", "level", 460.0, "target", 2023) in {
        (i.indicator, i.measure, i.value, i.kind, i.year) for i in found
    }
    assert [i.concept for i in found if i.value == 460.0] == ["gdp"]


def test_a_table_s_rows_stay_in_the_text_and_its_columns_are_marked():
    doc, _ = _facts(REVIEW_TABLE)
    assert "地区生产总值|亿元|420|418.6|9.1" in doc.text  # not dropped as a site's menu
