"""Plan versus actual over the 52 national reports, against tables checked by hand in the texts."""

from __future__ import annotations

import pytest

from extract.corpus import read_documents
from extract.indicators import find_indicators
from extract.records import DocumentResult
from kg.audit.plan_actual import MET, MISSED, NO_DATA, observations_from_results, pair

pytestmark = pytest.mark.slow

# year: (target, target_high, qualifier, actual, verdict); each number read in the reports for
# that year (target) and the next (actual). 2007: the 2008 report gives only the five-year
# average; 2019 and 2020: the 2020 report is not in the corpus; 2025: no 2026 report yet.
GDP_GROWTH = {
    2003: (7, None, "左右", 9.1, MET),
    2004: (7, None, "左右", 9.5, MET),
    2005: (8, None, "左右", 9.9, MET),
    2006: (8, None, "左右", 10.7, MET),
    2007: (8, None, "左右", None, NO_DATA),
    2008: (8, None, "左右", 9, MET),
    2009: (8, None, "左右", 8.7, MET),
    2010: (8, None, "左右", 10.3, MET),
    2011: (8, None, "左右", 9.2, MET),
    2012: (7.5, None, None, 7.8, MET),
    2013: (7.5, None, "左右", 7.7, MET),
    2014: (7.5, None, "左右", 7.4, MET),
    2015: (7, None, "左右", 6.9, MET),
    2016: (6.5, 7, None, 6.7, MET),
    2017: (6.5, None, "左右", 6.9, MET),
    2018: (6.5, None, "左右", 6.6, MET),
    2019: (6, 6.5, None, None, NO_DATA),
    2020: (None, None, None, 2.3, NO_DATA),
    2021: (6, None, "以上", 8.1, MET),
    2022: (5.5, None, "左右", 3, MISSED),
    2023: (5, None, "左右", 5.2, MET),
    2024: (5, None, "左右", 5, MET),
    2025: (5, None, "左右", None, NO_DATA),
}

CPI_GROWTH = {  # the years where both numbers are stated
    2005: (4, 1.8, MET),
    2006: (3, 1.5, MET),
    2007: (3, 4.8, MISSED),
    2010: (3, 3.3, MISSED),
    2012: (4, 2.6, MET),
    2013: (3.5, 2.6, MET),
    2014: (3.5, 2, MET),
    2016: (3, 2, MET),
    2018: (3, 2.1, MET),
    2021: (3, 0.9, MET),
    2022: (3, 2, MET),
    2023: (3, 0.2, MET),
    2024: (3, 0.2, MET),
}


@pytest.fixture(scope="module")
def verdicts(national_dir):
    docs = read_documents(sorted(str(p) for p in national_dir.glob("*.txt")))
    results = [DocumentResult(document=d, indicators=find_indicators(d)) for d in docs]
    return pair(observations_from_results(results))


def test_gdp_growth_2003_2025_is_complete_and_correct(verdicts):
    rows = {v.year: v for v in verdicts if v.concept == "gdp" and v.measure == "growth" and 2003 <= v.year <= 2025}
    assert sorted(rows) == sorted(GDP_GROWTH)
    for year, (t, t_high, qualifier, a, verdict) in GDP_GROWTH.items():
        v = rows[year]
        assert (v.target_value, v.target_high, v.qualifier, v.actual_value, v.verdict) == (
            t,
            t_high,
            qualifier,
            a,
            verdict,
        ), (year, v.rule)
        if v.target is not None:
            assert v.target.report.startswith(str(year))
        if v.actual is not None:
            assert v.actual.report.startswith(str(year + 1))


def test_cpi_where_both_numbers_are_stated(verdicts):
    rows = {v.year: v for v in verdicts if v.concept == "cpi" and v.measure == "growth"}
    for year, (t, a, verdict) in CPI_GROWTH.items():
        assert (rows[year].target_value, rows[year].actual_value, rows[year].verdict) == (t, a, verdict), year
    assert all(v.lower_is_better for v in rows.values())
