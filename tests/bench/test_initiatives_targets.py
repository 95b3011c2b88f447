"""bench/initiatives.py measures on a list of one's own (--targets, --pairs), so that its scores can be
checked on initiatives the extractor was not tuned to; the corpus here is two invented reports."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "initiatives.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_initiatives", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up while being made
    spec.loader.exec_module(mod)
    yield mod
    del sys.modules[spec.name]


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_targets_file_gives_name_forms_and_apart(bench, tmp_path):
    f = _write(
        tmp_path / "t.tsv",
        "# name\tforms\tapart\n\n星火计划\t星火计划|星火\t星火燎原\n丰收计划\n",
    )
    spark, harvest = bench.read_targets(f)
    assert spark == bench.Target("星火计划", ("星火计划", "星火"), ("星火燎原",))
    assert harvest == bench.Target("丰收计划", ("丰收计划",), ())
    assert spark.named_in("实施星火计划") and not spark.named_in("星火燎原之势")


def test_pairs_file_joins_two_rows_with_a_bar_column(bench, tmp_path):
    f = _write(tmp_path / "p.tsv", "甲工程\t甲工程|甲\t\t||\t甲二期工程\n")
    ((a, b),) = bench.read_pairs(f)
    assert (a.name, a.forms, b.name, b.forms) == ("甲工程", ("甲工程", "甲"), "甲二期工程", ("甲二期工程",))


@pytest.mark.parametrize(
    "text, says",
    [("甲工程\t甲\t乙\t丙\n", "1 to 3"), ("# only a comment\n", "no targets"), ("\t甲\n", "1 to 3")],
)
def test_bad_targets_file_is_one_line_and_exit_2(bench, tmp_path, capsys, text, says):
    f = _write(tmp_path / "t.tsv", text)
    assert bench.main(["--corpus", str(tmp_path), "--targets", f]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "t.tsv" in err


def test_pairs_line_without_one_bar_column_is_refused(bench, tmp_path, capsys):
    f = _write(tmp_path / "p.tsv", "甲工程\t甲\t\t乙工程\n")
    assert bench.main(["--corpus", str(tmp_path), "--pairs", f]) == 2
    assert "p.tsv:1" in capsys.readouterr().err


def test_bench_measures_the_file_list_on_a_corpus(bench, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus / "2001.txt", "2001年政府工作报告\n各位代表：\n一、过去一年的工作\n全面实施星火计划。\n")
    _write(corpus / "2002.txt", "2002年政府工作报告\n各位代表：\n一、过去一年的工作\n形成星火燎原之势。\n")
    targets = _write(tmp_path / "t.tsv", "星火计划\t星火计划|星火\t星火燎原\n")
    pairs = _write(tmp_path / "p.tsv", "星火计划\t\t\t||\t火炬计划\n")
    assert bench.main(["--corpus", str(corpus), "--targets", targets, "--pairs", pairs]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("星火计划"))
    assert row.split()[1] == "1"  # named in 2001; in 2002 only inside the apart string
    assert "initiatives: 1 (1 named in the text" in out
    assert "星火计划 / 火炬计划:" in out and "of 1" in out
    assert "三峡工程" not in out  # the built-in list is replaced, not added to
