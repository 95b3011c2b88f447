"""kg audit and the audit half of kg build, in-process: exact messages and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

DATA = Path(__file__).resolve().parents[2] / "data" / "audit"
AUDIT_FILES = ["audit-entities.csv", "audit.csv", "audit.html", "audit.json"]


def _kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def tiny_graph(tiny_build, tmp_path) -> Path:
    """A build folder holding only the hand-made corpus's graph."""
    shutil.copy(tiny_build / "graph.trig", tmp_path / "graph.trig")
    return tmp_path


def test_audit_before_build_says_how_to_build(tmp_path):
    r = _kg("audit", "--out", tmp_path)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == (
        f"Error: no built graph in {tmp_path} ({tmp_path}/graph.trig is missing): "
        f"run `kg build --out {tmp_path}` first\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_audit_reads_outputs_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["audit"])
    assert r.exit_code == 2
    assert r.stderr == (
        "Error: no built graph in outputs (outputs/graph.trig is missing): run `kg build --out outputs` first\n"
    )


def test_a_graph_file_that_is_not_trig_is_one_error_line(tmp_path):
    (tmp_path / "graph.trig").write_text("this is not TriG {", encoding="utf-8")
    r = _kg("audit", "--out", tmp_path)
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: {tmp_path}/graph.trig is not valid TriG: ") and r.stderr.count("\n") == 1


def test_audit_writes_its_files_and_says_what_it_found(tiny_graph):
    r = _kg("audit", "--out", tiny_graph)
    assert r.exit_code == 0, r.output
    assert r.stdout == ""
    assert r.stderr == (
        f"Wrote {tiny_graph}: 1 of 1 report pair could be judged (3 same-name, 1 silent, 1 new, 1 disappeared), "
        "7 entities, 2 plan-versus-actual rows "
        "(audit.html, audit.csv, audit-entities.csv, audit.json)\n"
    )
    assert sorted(p.name for p in tiny_graph.iterdir()) == [*AUDIT_FILES, "graph.trig"]


def test_indicators_adds_plan_versus_actual_and_one_chart_per_series(tiny_graph):
    r = _kg("audit", "--out", tiny_graph, "--indicators")
    assert r.exit_code == 0, r.output
    charts = sorted(p.name for p in (tiny_graph / "charts").iterdir())
    assert len(charts) == 1 and charts[0].startswith("gdp-growth-") and charts[0].endswith(".svg")
    assert r.stderr.endswith(
        f"(audit.html, audit.csv, audit-entities.csv, audit.json, plan-vs-actual.csv, "
        f"plan-vs-actual.json, charts/{charts[0]})\n"
    )
    csv_text = (tiny_graph / "plan-vs-actual.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].startswith("area,concept,label,measure,year,")
    assert ",gdp,地区生产总值,growth,2020,%,6,,左右,3.6,missed," in csv_text
    assert (tiny_graph / "plan-vs-actual.json").read_text(encoding="utf-8").startswith('{\n "rule": ')
    assert (tiny_graph / "charts" / charts[0]).read_bytes().startswith(b"<?xml")


def test_quiet_audit_prints_nothing(tiny_graph):
    r = _kg("audit", "--out", tiny_graph, "-q")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")
    assert (tiny_graph / "audit.html").is_file()


def test_build_writes_the_audit_files_kg_audit_writes(tmp_path):
    out = tmp_path / "out"
    r = _kg("build", *sorted(DATA.glob("*.txt")), "--out", out, "-q")
    assert r.exit_code == 0, r.output
    assert (r.stdout, r.stderr) == ("", "")
    assert {*AUDIT_FILES, "extraction.json", "graph.trig", "manifest.json"} <= {p.name for p in out.iterdir()}
    built = {name: (out / name).read_bytes() for name in AUDIT_FILES}
    assert "海川港口物流园" in built["audit.csv"].decode("utf-8")
    r = _kg("audit", "--out", out)
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith(
        f"Wrote {out}: 2 of 2 report pairs could be judged (3 same-name, 1 other-name, 1 silent, "
        "1 not-assessable, 2 new, 4 disappeared), 6 entities, 2 plan-versus-actual rows"
    )
    assert {name: (out / name).read_bytes() for name in AUDIT_FILES} == built


def test_audit_help_has_an_example():
    r = _kg("audit", "--help")
    assert r.exit_code == 0
    assert "Example:" in r.stdout and "kg build && kg audit --indicators" in r.stdout
    assert "--indicators" in r.stdout and "--out DIR" in r.stdout


NO_AREA = {
    "a-2020.txt": "2020年政府工作报告\n各位代表：\n一、2019年工作回顾\n青石湾产业园建成投产。\n"
    "二、2020年工作安排\n推进金穗农业科技有限公司扩产。\n",
    "b-2021.txt": "2021年政府工作报告\n各位代表：\n一、2020年工作回顾\n青石湾产业园二期开工。\n"
    "二、2021年工作安排\n推进金穗农业科技有限公司上市。\n",
}


def test_build_warns_of_reports_with_no_area_and_pairs_them_with_none(tmp_path, monkeypatch):
    """Two reports that name no area could be of two counties: no pair, no invented findings."""
    import json

    monkeypatch.chdir(tmp_path)
    for name, body in NO_AREA.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    r = _kg("build", *NO_AREA, "--out", "out")
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines()[-1] == (
        "Warning: 2 reports name no area, so the audit pairs them with no other report: a-2020.txt, b-2021.txt "
        "(set the area with --area or reports.tsv)"
    )
    data = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert (data["pairs"], data["findings"]) == ([], [])
    assert [u["file"] for u in data["unpaired"]] == list(NO_AREA)
    # given an area, the two reports pair and the follow-ups are judged
    r = _kg("build", *NO_AREA, "--out", "out", "--area", "云杉县", "-q")
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert data["headline"]["text"] == "1 of 1 report pair could be judged"
