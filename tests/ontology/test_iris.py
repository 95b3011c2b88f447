"""ontology.iris: safe local names and the one rule for a report's IRI."""

from __future__ import annotations

from ontology.iris import ID, report_iri, report_path, report_stem, slug


def test_slug_keeps_chinese_and_encodes_what_an_iri_cannot_hold():
    assert slug("周村区-2019_v1.2") == "周村区-2019_v1.2"
    assert slug("a b/c#d") == "a%20b%2Fc%23d"
    assert slug("100%") == "100%25"  # a literal percent sign is encoded too, so no two names meet


def test_a_report_is_known_by_its_file_name_without_extension():
    assert report_stem("zhoucun-2019-report-2020-plan.txt") == "zhoucun-2019-report-2020-plan"
    assert report_path("周村 2019.txt") == "report/周村%202019"
    assert report_iri("周村 2019.txt") == ID + "report/周村%202019"
    assert report_stem("no-extension") == "no-extension" and report_stem("a.b.txt") == "a.b"
