"""extract.partition: each area is extracted as a corpus of its own; a name two areas share is one entity."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.contract import document_to_json
from extract.corpus import extract_corpus
from extract.errors import InputError
from extract.partition import by_area, join_canonical
from extract.records import Document, DocumentResult

DATA = Path(__file__).resolve().parent.parent / "data" / "partition"


def _files(area: str = "") -> list[str]:
    return sorted(str(p) for p in DATA.glob(f"{area}*.txt"))


@pytest.fixture(scope="module")
def both():
    return extract_corpus(_files())


def test_an_areas_records_do_not_depend_on_the_other_areas_in_the_corpus(both):
    alone = extract_corpus(_files("songxi"))
    together = [d for d in both.documents if d.document.area == "松溪区"]
    assert [document_to_json(d) for d in together] == [document_to_json(d) for d in alone.documents]
    assert {lk.a.split("#")[0] for lk in both.links if lk.a.startswith("songxi")} == {
        lk.a.split("#")[0] for lk in alone.links
    }
    assert not any(lk.a.split("-")[0] != lk.b.split("-")[0] for lk in both.links)  # no link crosses areas


def test_a_name_two_areas_share_is_one_entity_with_one_canonical_name(both):
    ids = {d.document.area: {e.id for e in d.entities if e.name == "两单一码监管"} for d in both.documents}
    assert set(ids) == {"枫岭县", "松溪区"}
    assert len(set.union(*ids.values())) == 1
    (eid,) = ids["枫岭县"]
    assert both.canonical[eid] == "两单一码监管"
    assert list(both.canonical) == sorted(both.canonical)


def test_areas_come_in_the_order_of_their_first_report_and_reports_keep_theirs():
    def result(name: str, area: str | None) -> DocumentResult:
        return DocumentResult(Document(path=name, text="", folded="", encoding="utf-8", script="simplified", area=area))

    rs = [result("a", "乙县"), result("b", "甲县"), result("c", None), result("d", "乙县"), result("e", None)]
    assert [[r.document.path for r in part] for part in by_area(rs)] == [["a", "d"], ["b"], ["c", "e"]]


def test_an_id_two_areas_share_keeps_the_first_areas_canonical_name():
    assert join_canonical([{"x": "甲名", "z": "丙"}, {"x": "乙名", "y": "乙"}]) == {"x": "甲名", "y": "乙", "z": "丙"}


def test_a_curation_decision_joining_two_areas_names_is_refused_in_one_line(tmp_path):
    for f in _files():
        shutil.copy(f, tmp_path)
    (tmp_path / "curation.tsv").write_text("same\t枫岭水库除险加固工程\t松溪大道改造工程\n", encoding="utf-8")
    with pytest.raises(InputError, match="different areas"):
        extract_corpus([str(tmp_path)])
    (tmp_path / "curation.tsv").write_text("same\t枫岭水库除险加固工程\t无此工程\n", encoding="utf-8")
    with pytest.raises(InputError, match="no entity is named '无此工程'"):
        extract_corpus([str(tmp_path)])


def test_a_curation_decision_within_one_area_still_applies(tmp_path):
    for f in _files():
        shutil.copy(f, tmp_path)
    (tmp_path / "curation.tsv").write_text("same\t松溪高新技术产业园\t松溪大道改造工程\n", encoding="utf-8")
    result = extract_corpus([str(tmp_path)])
    ids = {e.name: e.id for d in result.documents for e in d.entities}
    assert ids["松溪高新技术产业园"] == ids["松溪大道改造工程"]
