"""The per-area cache of a build: after one report of a two-area corpus changed, the other area's
records and report graphs come from the cache, and the build folder is what a cacheless build writes."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from kg.cli.main import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "partition"


def _build(corpus: Path, out: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out), "--jobs", "1", *options])
    assert result.exit_code == 0, result.output
    return result.output


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_rebuild_after_one_edit_redoes_that_area_only_and_writes_the_cacheless_bytes(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus)
    cache = tmp_path / "cache"
    first = _build(corpus, tmp_path / "cold", "--cache", str(cache))
    assert "0 of 2 areas' records and 0 of 4 report graphs reused" in first

    edited = corpus / "songxi-2022-report-2023-plan.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("。", "。松溪数字经济产业园开工建设。", 1), encoding="utf-8"
    )
    again = _build(corpus, tmp_path / "warm", "--cache", str(cache))
    assert "1 of 2 areas' records and 2 of 4 report graphs reused" in again
    fresh = tmp_path / "fresh"
    _build(corpus, fresh, "--no-cache")
    warm = _files(tmp_path / "warm")
    assert warm == _files(fresh)
    assert "松溪数字经济产业园".encode() in warm["graph.trig"]
    assert warm != _files(tmp_path / "cold")


def test_the_served_entries_are_the_untouched_areas(tmp_path):
    from extract.area_cache import AreaCache
    from extract.corpus import extract_corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus)
    extract_corpus([str(corpus)], areas=AreaCache(tmp_path / "c"))
    edited = corpus / "fengling-2021-report-2022-plan.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "推进枫岭物流园建设。\n", encoding="utf-8")
    areas = AreaCache(tmp_path / "c")
    extract_corpus([str(corpus)], areas=areas)
    assert areas.hits == {"records": ["松溪区"]} and areas.misses == {"records": ["枫岭县"]}


def test_an_entry_that_cannot_be_read_is_made_again(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus)
    cache = tmp_path / "cache"
    _build(corpus, tmp_path / "one", "--cache", str(cache))
    for entry in (cache / "areas").rglob("*.pickle"):
        entry.write_bytes(b"\x80half")
    output = _build(corpus, tmp_path / "two", "--cache", str(cache))
    assert "0 of 2 areas' records and 0 of 4 report graphs reused" in output
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
