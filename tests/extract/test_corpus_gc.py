"""The collector held while reports load: held inside, restored as it was after, even on an error."""

from __future__ import annotations

import gc

import pytest

from extract.corpus import collection_paused, read_documents

REPORT = (
    "2021年云杉县政府工作报告\n——2021年1月20日在云杉县第十八届人民代表大会第五次会议上\n各位代表：\n"
    "一、2020年工作回顾\n青石湾产业园建成投产，金穗农业科技有限公司落户。\n"
)


@pytest.fixture
def collector():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_the_collector_is_held_inside_and_enabled_again_after(collector):
    gc.enable()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_the_caller_held_stays_held(collector):
    gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_restores_the_collector(collector):
    gc.enable()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("a reader's slip")
    assert gc.isenabled()


def test_reading_reports_leaves_the_collector_on_and_no_cycles_behind(collector, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(REPORT.replace("青石湾", "青石湾" if name == "a" else "白桦林"), "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")  # a skipped file takes the error path
    gc.enable()
    gc.collect()
    docs = read_documents([str(tmp_path)])
    assert gc.isenabled()
    assert len(docs) == 2
    assert gc.collect() == 0  # what loading drops, reference counting freed: nothing was held back for later
