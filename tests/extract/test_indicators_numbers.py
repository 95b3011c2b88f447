"""Figures as reports write them: values, ranges, units, qualifiers, damage."""

from __future__ import annotations

import math

import pytest

from extract.indicators import numbers


def one(text: str) -> numbers.Figure:
    figs = numbers.scan(text)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize(
    "text, value, high, unit",
    [
        ("增长6%-6.5%", 6.0, 6.5, "%"),
        ("增长6%－6.5%", 6.0, 6.5, "%"),
        ("增长6-6.5%", 6.0, 6.5, "%"),
        ("减少8%至10%", 8.0, 10.0, "%"),
        ("增长6.5%～7%", 6.5, 7.0, "%"),
    ],
)
def test_ranges_give_value_and_value_high(text, value, high, unit):
    f = one(text)
    assert (f.value, f.value_high, f.unit) == (value, high, unit)
    assert text[f.start : f.end].startswith(str(value).rstrip("0").rstrip(".").split(".")[0])


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("增长6.5%左右", "左右"),
        ("增长15%以上", "以上"),
        ("控制在4%以内", "以内"),
        ("降到3%以下", "以下"),
        ("增长5%上下", "左右"),
        ("增长7%", None),
    ],
)
def test_qualifier_after_the_figure(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    "text, unit, family",
    [
        ("提高1.2个百分点", "个百分点", numbers.POINTS),
        ("控制在3.3‰", "‰", numbers.PERCENT),
        ("达到380.5亿元", "亿元", numbers.MONEY),
        ("超过3万元", "万元", numbers.MONEY),
        ("实际利用外资1205万美元", "万美元", numbers.MONEY),
        ("城镇新增就业1100万人", "万人", numbers.COUNT),
        ("优良天数189天", "天", numbers.TIME),
        ("播种面积17.19万亩", "万亩", numbers.PHYSICAL),
        ("新建5家", "家", numbers.COUNT),
    ],
)
def test_units_and_their_family(text, unit, family):
    f = one(text)
    assert (f.unit, f.family) == (unit, family)


def test_approximations_inside_the_figure_are_dropped_from_the_unit():
    f = one("培训2000余人次")
    assert (f.value, f.unit, f.approx) == (2000.0, "人次", True)
    f = one("新增4万多亿元")
    assert (f.value, f.unit, f.approx) == (4.0, "万亿元", True)


@pytest.mark.parametrize(
    "text", ["居全市第2位"[:0] + "PM2.5浓度", "5A级景区", "用6个月时间", "2020年", "3GW电池", "G309国道"]
)
def test_things_that_are_not_figures(text):
    assert numbers.scan(text) == []


def test_glued_percentages_are_marked_for_the_caller_to_split():
    a, b = numbers.scan("占比分别达到65.7%50%")
    assert (a.value, a.glued, b.value, b.glued) == (65.7, True, 50.0, False)


def test_two_units_in_a_row_are_a_lost_comma_not_glued_values():
    a, b = numbers.scan("总里程达到577.2公里89个村居")
    assert (a.unit, b.unit) == ("公里", "个") and not a.glued


@pytest.mark.parametrize(
    "text, why",
    [
        ("全区39888293名贫困群众", "seven or more digits"),
        ("分别增长3.05.4%", "two decimal points"),
    ],
)
def test_damaged_numbers_are_reported(text, why):
    f = one(text)
    assert f.damaged and why in f.damaged


def test_a_range_of_two_units_is_two_figures():
    a, b = numbers.scan("3万元至5亿元")
    assert (a.value, a.unit, b.value, b.unit) == (3.0, "万元", 5.0, "亿元")


def test_thousands_separator():
    assert one("12,345人").value == 12345.0


def test_damaged_value_is_not_a_number():
    assert math.isnan(one("增长3.05.4%").value)


def test_thousands_grouped_with_a_full_width_comma_are_one_number():
    a, b = numbers.scan("比预算数28，049，780，000元少846，461，000元")
    assert (a.value, a.damaged, b.value) == (28049780000.0, None, 846461000.0)


@pytest.mark.parametrize("text", ["000元", "05个"])
def test_a_number_does_not_open_on_a_leading_zero(text):
    assert numbers.scan(text) == []


def test_a_decimal_below_one_is_a_number():
    assert one("下降0.5%").value == 0.5


def test_a_minus_sign_makes_a_negative_value_but_not_in_a_range():
    f = one("增长-2.3%")
    assert (f.value, f.start) == (-2.3, 2)
    f = one("增长6%-6.5%")
    assert (f.value, f.value_high) == (6.0, 6.5)
