"""Plan versus actual: the verdict rule, the pairing, and the files it writes."""

from __future__ import annotations

import csv
import json
import os

import pytest

from extract.fileio import write_atomic
from extract.indicators import find_indicators
from extract.load import load_text
from extract.meta import read_metadata
from extract.records import DocumentResult
from extract.segment import segment
from kg.audit import charts, export, plan_actual
from kg.audit.plan_actual import MET, MISSED, NO_DATA, Observation, judge, pair

# ---- the rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "t, high, qualifier, a, lower, verdict",
    [
        # floors
        (7, None, "以上", 7.0, False, MET),
        (7, None, "以上", 6.99, False, MISSED),
        (5.56, None, "不低于", 5.56, False, MET),
        (5.56, None, "不低于", 5.5, False, MISSED),
        # ceilings
        (4.5, None, "以内", 4.5, True, MET),
        (4.5, None, "以内", 4.51, True, MISSED),
        (3, None, "以下", 2.9, True, MET),
        (75, None, "不超过", 76, True, MISSED),
        # about: 5% short is forgiven, overshooting on the good side is met
        (7.5, None, "左右", 7.125, False, MET),
        (7.5, None, "左右", 7.1, False, MISSED),
        (8, None, "左右", 10.7, False, MET),
        (7, None, "约", 6.65, False, MET),
        (3, None, "左右", 3.15, True, MET),
        (3, None, "左右", 3.3, True, MISSED),
        (3, None, "左右", 0.2, True, MET),
        # no qualifier: the target itself on the good side
        (7.5, None, None, 7.5, False, MET),
        (7.5, None, None, 7.4, False, MISSED),
        (4, None, None, 4.1, True, MISSED),
        (4, None, None, 1.8, True, MET),
        # ranges: the near end on the good side
        (6, 6.5, None, 6.1, False, MET),
        (6, 6.5, None, 5.9, False, MISSED),
        (6, 6.5, None, 7.0, False, MET),
        (2, 3, None, 3.0, True, MET),
        (2, 3, None, 3.1, True, MISSED),
        # falls are compared by their size: 下降3%以上 needs a fall of at least 3
        (-3, None, "以上", -3.1, False, MET),
        (-3, None, "以上", -2.9, False, MISSED),
        (-3, None, "左右", -2.85, True, MET),
        (-3, None, "左右", -2.8, True, MISSED),
        (-5, None, "以内", -4, False, MET),
        (-5, None, "以内", -6, False, MISSED),
    ],
)
def test_verdict_rule(t, high, qualifier, a, lower, verdict):
    got, rule = judge(t, high, qualifier, a, lower)
    assert got == verdict, rule


def test_the_rule_names_its_numbers():
    verdict, rule = judge(5.5, None, "左右", 3.0, False)
    assert verdict == MISSED
    assert "左右" in rule and "3 < 5.225" in rule and "5% tolerance" in rule


# ---- pairing ---------------------------------------------------------------------------------


def obs(
    kind,
    year,
    value,
    *,
    report_year,
    concept="gdp",
    unit="%",
    qualifier=None,
    high=None,
    measure="growth",
    report=None,
    area="某县",
    end=10,
    evidence=None,
) -> Observation:
    return Observation(
        report=report or f"r{report_year}",
        area=area,
        concept=concept,
        label="地区生产总值",
        measure=measure,
        year=year,
        kind=kind,
        value=value,
        value_high=high,
        unit=unit,
        qualifier=qualifier,
        evidence=evidence or f"增长{value}%",
        report_year=report_year,
        start=0,
        end=end,
    )


def test_target_pairs_with_the_actual_from_the_next_report():
    (v,) = pair(
        [obs("target", 2022, 6.5, report_year=2022, qualifier="左右"), obs("actual", 2022, 6.3, report_year=2023)]
    )
    assert (v.year, v.target_value, v.actual_value, v.verdict) == (2022, 6.5, 6.3, MET)
    assert (v.target.report, v.actual.report) == ("r2022", "r2023")


def test_missing_sides_are_no_data():
    vs = pair([obs("target", 2025, 5, report_year=2025), obs("actual", 2020, 2.3, report_year=2021)])
    assert [(v.year, v.verdict) for v in vs] == [(2020, NO_DATA), (2025, NO_DATA)]
    assert "no target for 2020" in vs[0].rule and "no actual for 2025" in vs[1].rule


def test_the_plan_for_the_year_beats_a_five_year_plan():
    (v,) = pair(
        [
            obs("target", 2015, 7.5, report_year=2011),
            obs("target", 2015, 7, report_year=2015),
            obs("actual", 2015, 6.9, report_year=2016),
        ]
    )
    assert (v.target_value, v.target.report) == (7, "r2015")


def test_the_first_review_beats_later_retrospectives():
    (v,) = pair(
        [
            obs("target", 2015, 7, report_year=2015),
            obs("actual", 2015, 6.9, report_year=2016),
            obs("actual", 2015, 7.0, report_year=2018),
        ]
    )
    assert v.actual.report == "r2016"


def test_within_a_report_the_first_statement_counts_and_others_are_named():
    (v,) = pair(
        [
            obs("target", 2015, 580, report_year=2015, unit="万套", measure="level", end=20),
            obs("target", 2015, 110, report_year=2015, unit="万套", measure="level", end=30),
        ]
    )
    assert v.target_value == 580 and "the plan also states 110" in v.rule


def test_units_of_one_quantity_are_converted_to_one_unit_per_series():
    vs = pair(
        [
            obs("actual", 2004, 46947, report_year=2005, unit="万吨", concept="grain-output", measure="level"),
            obs(
                "target",
                2021,
                1.3,
                report_year=2021,
                unit="万亿斤",
                concept="grain-output",
                measure="level",
                qualifier="以上",
            ),
            obs("actual", 2021, 1.37, report_year=2022, unit="万亿斤", concept="grain-output", measure="level"),
        ]
    )
    assert {v.unit for v in vs} == {"万亿斤"}
    assert vs[0].actual_value == pytest.approx(0.93894)
    assert vs[1].verdict == MET


def test_units_that_do_not_compare_make_separate_series():
    vs = pair([obs("target", 2022, 1, report_year=2022, unit="个百分点"), obs("actual", 2022, 3, report_year=2023)])
    assert sorted(v.unit for v in vs) == ["%", "个百分点"] and {v.verdict for v in vs} == {NO_DATA}


def test_rows_without_a_concept_do_not_pair():
    assert pair([obs("target", 2022, 1, report_year=2022, concept=None)]) == []


def test_lower_is_better_by_concept_or_by_a_cap_in_the_target():
    (cpi,) = pair(
        [
            obs("target", 2022, 3, report_year=2022, concept="cpi", qualifier="左右"),
            obs("actual", 2022, 2, report_year=2023, concept="cpi"),
        ]
    )
    assert cpi.lower_is_better and cpi.verdict == MET
    (cap,) = pair(
        [
            obs("target", 2022, 75, report_year=2022, concept="x", evidence="煤炭消费量控制在75万吨"),
            obs("actual", 2022, 80, report_year=2023, concept="x"),
        ]
    )
    assert cap.lower_is_better and cap.verdict == MISSED


def test_areas_are_kept_apart_and_the_order_is_total():
    rows = [
        obs("target", 2022, 6, report_year=2022, area="乙县"),
        obs("target", 2022, 7, report_year=2022, area="甲县"),
        obs("target", 2021, 7, report_year=2021, area="甲县"),
    ]
    vs = pair(rows)
    assert [(v.area, v.year) for v in vs] == [("乙县", 2022), ("甲县", 2021), ("甲县", 2022)]
    assert pair(list(reversed(rows))) == vs


# ---- from the extractor's records ------------------------------------------------------------


def _report(reviewed: int, review: str, plan: str) -> DocumentResult:
    text = (
        f"关于某县{reviewed}年度国民经济和社会发展计划执行情况与{reviewed + 1}年计划草案的报告\n\n"
        f"一、{reviewed}年国民经济和社会发展计划执行情况\n\n{review}\n\n"
        f"二、{reviewed + 1}年国民经济和社会发展主要预期目标\n\n{plan}\n"
    )
    doc = load_text(text, path=f"county-{reviewed}.txt")
    read_metadata(doc)
    segment(doc)
    doc.area = "某县"
    return DocumentResult(document=doc, indicators=find_indicators(doc))


@pytest.fixture
def two_reports() -> list[DocumentResult]:
    return [
        _report(
            2021,
            "地区生产总值同比增长7.2%。",
            "地区生产总值增长6.5%左右；城镇登记失业率控制在4%以内；"
            "单位地区生产总值能耗降低3%左右；粮食总产量不低于5.56万吨。",
        ),
        _report(
            2022,
            "地区生产总值同比增长6.3%；城镇登记失业率3.2%；单位地区生产总值能耗下降2.5%；粮食总产量5.42万吨。",
            "地区生产总值增长6%以上。",
        ),
    ]


def test_pairs_from_extracted_records(two_reports):
    rows = plan_actual.observations_from_results(two_reports)
    assert rows and all(r.concept for r in rows)
    got = {(v.concept, v.year): (v.target_value, v.actual_value, v.verdict) for v in pair(rows)}
    assert got[("gdp", 2021)] == (None, 7.2, NO_DATA)
    assert got[("gdp", 2022)] == (6.5, 6.3, MET)
    assert got[("gdp", 2023)] == (6.0, None, NO_DATA)
    assert got[("registered-unemployment", 2022)] == (4.0, 3.2, MET)
    assert got[("energy-intensity", 2022)] == (-3.0, -2.5, MISSED)
    assert got[("grain-output", 2022)] == (5.56, 5.42, MISSED)


# ---- writers ---------------------------------------------------------------------------------


def test_csv_and_json_on_real_files(tmp_path, two_reports):
    verdicts = pair(plan_actual.observations_from_results(two_reports))
    csv_path, json_path = tmp_path / "out" / "plan-actual.csv", tmp_path / "out" / "plan-actual.json"
    write_atomic(csv_path, export.plan_actual_csv(verdicts))
    write_atomic(json_path, export.plan_actual_json(verdicts))
    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(export.PLAN_ACTUAL_COLUMNS)
    gdp = next(r for r in rows if r["concept"] == "gdp" and r["year"] == "2022")
    assert (gdp["target"], gdp["target_qualifier"], gdp["actual"], gdp["verdict"]) == ("6.5", "左右", "6.3", "met")
    assert gdp["actual_evidence"] == "地区生产总值同比增长6.3%" and gdp["actual_report"] == "county-2022.txt"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert "左右" in data["rule"] and len(data["verdicts"]) == len(rows)
    first = data["verdicts"][0]
    assert {"target", "actual", "verdict", "rule", "unit"} <= set(first)
    before = (csv_path.read_bytes(), json_path.read_bytes())
    write_atomic(csv_path, export.plan_actual_csv(verdicts))
    write_atomic(json_path, export.plan_actual_json(pair(plan_actual.observations_from_results(two_reports))))
    assert (csv_path.read_bytes(), json_path.read_bytes()) == before
    assert sorted(os.listdir(tmp_path / "out")) == ["plan-actual.csv", "plan-actual.json"]  # no temp files left


def test_one_deterministic_svg_chart_per_series(two_reports):
    verdicts = pair(plan_actual.observations_from_results(two_reports))
    drawn = charts.charts(verdicts, titles={"gdp": "Gross domestic product"}, every=True)
    series = {charts.series_key(v) for v in verdicts}
    assert len(drawn) == len(series) == len({c.name for c in drawn})
    gdp = next(c for c in drawn if c.name.startswith("gdp-growth-"))
    assert gdp.title == "Gross domestic product: growth"
    svg = gdp.svg
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert b"<dc:date>" not in svg and b"Matplotlib" not in svg
    again = charts.charts(verdicts, titles={"gdp": "Gross domestic product"}, every=True)
    assert [c.svg for c in again] == [c.svg for c in drawn]


def test_a_chart_needs_a_verdict():
    with pytest.raises(ValueError):
        charts.chart_svg([])


def test_a_charts_legend_names_every_colour_and_shape_drawn():
    def v(year, qualifier, verdict, high=None, actual=1.0):
        return plan_actual.Verdict(
            area="甲区", concept="gdp", measure="growth", unit="%", year=year, label="地区生产总值",
            target_value=5.0, target_high=high, qualifier=qualifier, actual_value=actual, verdict=verdict,
            rule="", lower_is_better=False, target=None, actual=None,
        )  # fmt: skip

    series = [v(2020, "以上", "met"), v(2021, "以内", "missed"), v(2022, "左右", "met", high=6.0)]
    labels = [h.get_label() for h in charts.legend_handles(series)]
    assert labels == [
        "actual",
        "target, met",
        "target, missed",
        "floor (at least)",
        "ceiling (at most)",
        "point (about)",
        "target range",
    ]
    assert [h.get_label() for h in charts.legend_handles(series[:1])] == ["actual", "target, met", "floor (at least)"]
    svg = charts.chart_svg(series).decode()
    assert [f'id="pt-{side}-{i}"' in svg for side in ("actual", "target") for i in range(3)] == [True] * 6


def test_two_areas_series_that_draw_the_same_picture_are_drawn_once(monkeypatch):
    def v(area, year, actual, rule=""):
        return plan_actual.Verdict(
            area=area, concept="gdp", measure="growth", unit="%", year=year, label="地区生产总值",
            target_value=5.0, target_high=None, qualifier="以上", actual_value=actual, verdict="met",
            rule=rule, lower_is_better=False, target=None, actual=None,
        )  # fmt: skip

    first = [v("甲区", 2020, 5.5), v("甲区", 2021, 6.0)]
    same = [v("乙区", 2021, 6.0, rule="another wording"), v("乙区", 2020, 5.5)]
    other = [v("丙区", 2020, 5.5), v("丙区", 2021, 6.5)]
    assert charts.drawing_key(first, "t") == charts.drawing_key(same, "t")
    assert charts.drawing_key(first, "t") != charts.drawing_key(other, "t")
    assert charts.drawing_key(first, "t") != charts.drawing_key(first, "u")
    assert charts.chart_svg(first, title="t") == charts.chart_svg(same, title="t")
    drawn_for = []
    real = charts.chart_svg
    monkeypatch.setattr(charts, "chart_svg", lambda vs, title=None: drawn_for.append(vs[0].area) or real(vs, title))
    out = charts.charts(first + same + other, titles={"gdp": "GDP"})
    assert len(out) == 3
    assert sorted(drawn_for) == ["丙区", "甲区"] or sorted(drawn_for) == ["丙区", "乙区"]
    by_area = {c.series[0].area: c.svg for c in out}
    assert by_area["甲区"] == by_area["乙区"] == real(first, "GDP: growth") != by_area["丙区"]
