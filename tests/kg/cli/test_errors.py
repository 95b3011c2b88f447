"""Every user error of every command is one ``Error: …`` line and a non-zero exit, never
click's usage block (usage line, hint, blank line) and never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile.txt").write_text("x", encoding="utf-8")
    (tmp_path / "noreports").mkdir()
    (tmp_path / "noreports" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "badgraph").mkdir()
    (tmp_path / "badgraph" / "graph.trig").write_text("garbage {{\n", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("2021年政府工作报告\n各位代表：\n", encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "locked.rq").write_text("ASK {}\n", encoding="utf-8")
    (tmp_path / "locked.rq").chmod(0)
    return tmp_path


# (arguments, the start of the one line after "Error: "); {tiny} is the tiny build folder
CASES = [
    (["extract", "-q", "missing.txt"], "missing.txt: no such file"),
    (["extract", "-q", "noreports"], "noreports: a folder with no report files"),
    (["build", "-q", "missing.txt", "--out", "o"], "missing.txt: no such file"),
    (["build", "-q", "--out", "afile.txt"], "Invalid value for '--out': Directory 'afile.txt' is a file."),
    (["build", "--format", "xml"], "Invalid value for '--format': 'xml' is not one of"),
    (["extract", "--year", "abc", "afile.txt"], "Invalid value for '--year': 'abc' is not a valid integer."),
    (["extract", "--bogus"], "No such option '--bogus'."),
    (["frobnicate"], "No such command 'frobnicate'."),
    (["validate", "--out", "afile.txt"], "Invalid value for '--out': Directory 'afile.txt' is a file."),
    (["query", "--out", "afile.txt", "reports"], "Invalid value for '--out': Directory 'afile.txt' is a file."),
    (["query", "--out", "noreports", "reports"], "no built graph in noreports"),
    (["audit", "-q", "--out", "noreports"], "no built graph in noreports"),
    (["site", "-q", "--out", "noreports"], "no built graph in noreports"),
    (["query", "--out", "badgraph", "reports", "--engine", "rdflib"], "badgraph/graph.trig is not valid TriG"),
    (["query", "--out", "{tiny}", "reports", "--param", "bad"], "--param takes name=value, not 'bad'"),
    (["query", "--out", "{tiny}", "reports", "--param", "nope=1"], "the query has no variable 'nope' to bind"),
    (["query", "--out", "{tiny}", "reports", "--format", "xml"], "Invalid value for '--format': 'xml'"),
    (["query", "--out", "{tiny}", "reports", "--engine", "x"], "Invalid value for '--engine': 'x'"),
    (["query", "--out", "{tiny}", "SELECT { ?s"], "malformed SPARQL at line 1, column 12"),
    (["query", "--out", "{tiny}", "nosuch.rq"], "no query file nosuch.rq"),
    (["query", "--out", "{tiny}", "ASK {}", "--format", "csv"], "SPARQL's CSV results format has no form for an ASK"),
    (["query", "--out", "{tiny}"], "give a query"),
    (["serve", "--out", "{tiny}", "--port", "abc"], "Invalid value for '--port': 'abc' is not a valid integer."),
    (["serve", "--out", "{tiny}", "--port", "70000"], "--port must be between 1 and 65535, not 70000"),
    (["serve", "--out", "{tiny}", "--timeout", "0"], "--timeout must be more than 0 seconds, not 0"),
    (["serve", "--out", "{tiny}", "--max-depth", "-1"], "--max-depth must be 0 (no limit) or more, not -1"),
    (["serve", "--out", "noreports"], "no built graph in noreports"),
]
UNREADABLE = [
    (["extract", "-q", "locked.txt"], "nothing could be read: locked.txt: "),
    (["query", "--out", "{tiny}", "locked.rq"], "locked.rq: Permission denied"),
]


def _one_error_line(args: list[str], expected: str, tiny) -> None:
    args = [a.replace("{tiny}", str(tiny)) for a in args]
    result = CliRunner().invoke(cli, args, prog_name="kg")
    assert isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: " + expected.replace("{tiny}", str(tiny))), lines[0]


@pytest.mark.parametrize(("args", "expected"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_bad_input_is_one_error_line(place, tiny_build, args, expected):
    _one_error_line(args, expected, tiny_build)


@pytest.mark.skipif(ROOT, reason="root reads a file whatever its mode")
@pytest.mark.parametrize(("args", "expected"), UNREADABLE, ids=[" ".join(a) for a, _ in UNREADABLE])
def test_an_unreadable_file_is_one_error_line(place, tiny_build, args, expected):
    _one_error_line(args, expected, tiny_build)


def test_a_usage_error_names_where_help_is(place):
    result = CliRunner().invoke(cli, ["query", "--format", "xml"], prog_name="kg")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: Invalid value for '--format': 'xml' is not one of 'table', 'csv', 'json'. (see kg query --help)\n"
    )


def test_port_in_use_is_one_error_line(place, tiny_build):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        _one_error_line(
            ["serve", "--out", "{tiny}", "--port", str(port)], f"port {port} on 127.0.0.1 is in use", tiny_build
        )


def test_through_a_real_process_the_line_is_all_there_is(place):
    """What a shell sees: no usage block, no traceback, exit 2."""
    r = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", "--out", "afile.txt", "reports"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert r.stderr == "Error: Invalid value for '--out': Directory 'afile.txt' is a file. (see kg query --help)\n"
    assert r.stdout == ""


def test_help_version_and_no_command_still_work():
    assert CliRunner().invoke(cli, ["--version"], prog_name="kg").exit_code == 0
    helped = CliRunner().invoke(cli, ["query", "--help"], prog_name="kg")
    assert helped.exit_code == 0 and helped.stdout.startswith("Usage: kg query")
    bare = CliRunner().invoke(cli, [], prog_name="kg")
    assert "Commands:" in bare.output


def _unwritable_place() -> str | None:
    """A folder even root cannot write in: sysfs refuses new entries. None where there is none."""
    probe = "/sys/kg-probe-unwritable"
    try:
        os.mkdir(probe)
    except OSError:
        return "/sys"
    os.rmdir(probe)
    return None


@pytest.mark.skipif(_unwritable_place() is None, reason="no folder here refuses writes")
def test_a_build_into_a_folder_that_cannot_be_written_is_one_error_line(place):
    # issue 10's read-only --out: as root a chmod'ed folder is writable, sysfs is not
    out = os.path.join(_unwritable_place(), "kg-build")
    _one_error_line(["build", "-q", "--out", out], "/sys/.kg-build.kg-lock: Permission denied", None)
    assert not os.path.exists(out)
