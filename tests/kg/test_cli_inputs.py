"""kg extract on what users really pass: folders, globs, files of every form and bad ones.

One clear line per skipped file at the end, no traceback, exit 0 when anything
could be read and 2 when nothing could; --year and --area override the texts.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli

GOOD = (
    "2021年云杉县政府工作报告\n——2021年1月20日在云杉县第十八届人民代表大会第五次会议上\n各位代表：\n"
    "一、2020年工作回顾\n青石湾产业园建成投产，金穗农业科技有限公司落户。\n"
)

BAD = {
    "empty.txt": b"",
    "scan.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
    "cut.pdf": b"%PDF-1.4\n1 0 obj\n<<",
    "cut.docx": b"PK\x03\x04word/" + b"\x00" * 64,
    "menu.html": "<html><body><a href='/'>首页</a></body></html>".encode(),
}


def _kg(*args: str):
    result = CliRunner().invoke(cli, list(args), prog_name="kg")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_beside_a_good_one_is_named_at_the_end_and_the_run_succeeds(cwd, name):
    (cwd / "reports").mkdir()
    (cwd / "reports" / "good.txt").write_text(GOOD, encoding="utf-8")
    (cwd / "reports" / name).write_bytes(BAD[name])
    result = _kg("extract", "reports", "--json", "out.json")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[-2] == "Skipped 1 file:"
    assert lines[-1].startswith(f"  reports/{name}: ")
    assert not any(line.startswith("Error") for line in lines)
    assert [d["doc"]["path"] for d in json.loads((cwd / "out.json").read_bytes())["documents"]] == ["reports/good.txt"]


def test_a_folder_of_only_bad_files_is_one_error_line_and_exit_2_and_writes_nothing(cwd):
    (cwd / "reports").mkdir()
    for name, data in BAD.items():
        (cwd / "reports" / name).write_bytes(data)
    (cwd / "out.json").write_text("{}\n", encoding="utf-8")
    result = _kg("extract", "-q", "reports", "--json", "out.json")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: nothing could be read: reports/cut.docx: not a valid .docx file")
    assert (cwd / "out.json").read_text(encoding="utf-8") == "{}\n"  # the earlier output is left whole


def test_year_and_area_options_override_every_report(cwd):
    (cwd / "a.txt").write_text("各位代表：\n青石湾产业园建成投产。\n", encoding="utf-8")
    result = _kg("extract", "-q", "a.txt", "--year", "2019", "--area", "云杉县", "--json", "out.json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads((cwd / "out.json").read_bytes())["documents"][0]["doc"]
    assert (doc["reviewed_year"], doc["plan_year"], doc["area"]) == (2018, 2019, "云杉县")
    assert doc["sources"]["plan_year"] == {"rule": "override: --year", "words": "2019", "start": None, "certain": True}


def test_every_metadata_field_has_its_source_in_the_json(cwd):
    (cwd / "a.txt").write_text(GOOD, encoding="utf-8")
    result = _kg("extract", "-q", "a.txt", "--json", "out.json", "--text")
    assert result.exit_code == 0, result.stderr
    doc = json.loads((cwd / "out.json").read_bytes())["documents"][0]["doc"]
    assert set(doc["sources"]) == {"title", "kind", "date", "reviewed_year", "plan_year", "area"}
    for field in ("title", "plan_year", "area"):
        src = doc["sources"][field]
        assert doc["text"][src["start"] : src["start"] + len(src["words"])] == src["words"], field
    assert doc["kind"] == "report" and doc["format"] == "txt"
