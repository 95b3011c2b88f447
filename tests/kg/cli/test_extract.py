"""``kg extract`` in-process: the JSON contract, determinism, help, and bad input.

Every test asserts the exit code and the exact message a user sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from extract.errors import InputError, ValidationFailed
from kg.cli.main import KgGroup, cli

# A small report of our own: enough for the CLI paths that need one good file.
SMALL = (
    "关于某县2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告\n"
    "——2021年3月2日在某县第一届人民代表大会第五次会议上\n"
    "一、2020年国民经济和社会发展计划执行情况\n"
    "海尔家居产业园项目入选省重点项目。地区生产总值同比增长2.3%。\n"
)


def _kg(*args: str):
    result = CliRunner().invoke(cli, list(args), prog_name="kg")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def cwd(tmp_path, monkeypatch):
    """Run in an empty directory so messages name files as the user typed them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def embedded():
    """The sample files as ``kg`` finds them when given none."""
    from extract.corpus import sample_paths

    return sample_paths()


@pytest.fixture(scope="module")
def extracted(embedded, tmp_path_factory):
    """One run over the two samples named on the command line, with --text, and the bytes it wrote."""
    out = tmp_path_factory.mktemp("extract") / "out.json"
    result = _kg("extract", *embedded, "--json", str(out), "--text")
    assert result.exit_code == 0, result.stderr
    return result, out.read_bytes()


# The contract (../shared/contract/extract-json.md) -----------------------


def test_extract_writes_the_contract_for_each_sample(extracted, embedded, sample_paths):
    result, data = extracted
    assert result.stdout == ""
    docs = json.loads(data)["documents"]
    # the embedded samples are known as samples/<name> wherever the package is installed
    assert [d["doc"]["path"] for d in docs] == ["samples/" + Path(p).name for p in embedded]
    assert [Path(p).name for p in embedded] == [Path(p).name for p in sample_paths]
    heads = [{k: d["doc"][k] for k in ("title", "area", "reviewed_year", "plan_year", "date")} for d in docs]
    assert heads == [
        {
            "title": "关于周村区2019年度国民经济和社会发展计划执行情况与2020年计划草案的报告",
            "area": "周村区",
            "reviewed_year": 2019,
            "plan_year": 2020,
            "date": "2020-05-26",
        },
        {
            "title": "关于周村区2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告",
            "area": "周村区",
            "reviewed_year": 2020,
            "plan_year": 2021,
            "date": "2021-03-12",
        },
    ]
    assert len({d["doc"]["iri"] for d in docs}) == 2 and all(d["doc"]["iri"] for d in docs)
    for d in docs:
        assert isinstance(d["indicators"], list) and d["indicators"]
        assert d["entities"]
        for e in d["entities"]:
            assert {"id", "type", "name", "mentions"} <= set(e)
            assert e["type"] in ("ENTERPRISE", "PARK", "PROJECT", "PROGRAM", "INSTITUTION")
            assert e["mentions"]
            for m in e["mentions"]:
                assert {"text", "start", "end", "sentence", "section"} <= set(m)


def test_every_mention_is_the_normalised_text_at_its_offsets(extracted):
    docs = json.loads(extracted[1])["documents"]
    checked = 0
    for d in docs:
        text = d["doc"]["text"]
        titles = {s["title"] for s in d["doc"]["sections"]}
        for e in d["entities"]:
            for m in e["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"], m
                ss = m["sentence_start"]
                assert text[ss : ss + len(m["sentence"])] == m["sentence"], m
                assert ss <= m["start"] and m["end"] <= ss + len(m["sentence"]), m
                assert m["section"] in titles, m
                checked += 1
    assert checked > 300


def test_entity_ids_are_shared_across_documents_for_the_same_name_and_type(extracted):
    docs = json.loads(extracted[1])["documents"]
    ids = [{(e["type"], e["name"]): e["id"] for e in d["entities"]} for d in docs]
    common = set(ids[0]) & set(ids[1])
    assert common
    assert all(ids[0][k] == ids[1][k] for k in common)


def test_text_is_left_out_unless_asked_for(cwd):
    (cwd / "small.txt").write_text(SMALL, encoding="utf-8")
    result = _kg("extract", "-q", "small.txt", "--json", "out.json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    (doc,) = json.loads((cwd / "out.json").read_bytes())["documents"]
    assert doc["doc"]["path"] == "small.txt"
    assert "text" not in doc["doc"]


@pytest.fixture(scope="module")
def to_stdout():
    """A second run: no files, JSON to standard output."""
    return _kg("extract", "-q", "--json", "-", "--text")


def test_json_dash_writes_to_standard_output(to_stdout):
    assert (to_stdout.exit_code, to_stdout.stderr) == (0, "")
    assert json.loads(to_stdout.stdout)["documents"]


def test_no_files_reads_the_embedded_sample_corpus(to_stdout, embedded):
    docs = json.loads(to_stdout.stdout)["documents"]
    assert [d["doc"]["path"] for d in docs] == ["samples/" + Path(p).name for p in embedded]


def test_two_runs_give_byte_identical_output(to_stdout, extracted):
    """The run naming the samples into a file and the run reading them by default to stdout."""
    assert to_stdout.stdout_bytes == extracted[1]


@pytest.mark.slow
def test_runs_in_processes_with_different_hash_seeds_give_the_same_bytes(tmp_path):
    """Set and dict order must never leak into the output."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.json"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "extract", "-q", "--text", "--json", str(out)],
            check=True,
            env=env,
            cwd=tmp_path,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_progress_goes_to_standard_error_and_ends_with_what_was_written(cwd):
    (cwd / "small.txt").write_text(SMALL, encoding="utf-8")
    result = _kg("extract", "small.txt", "--json", "out.json")
    assert (result.exit_code, result.stdout) == (0, "")
    n = len(json.loads((cwd / "out.json").read_bytes())["documents"][0]["entities"])
    assert result.stderr.splitlines() == [
        "[1/1] reading small.txt",
        "[1/1] extracting small.txt",
        f"Wrote out.json: 1 documents, {n} entities",
    ]


# Help --------------------------------------------------------------------


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, cmd in sorted(group.commands.items()):
        yield path + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, path + (name,))


def test_kg_help_has_an_example():
    result = _kg("--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "extract" in result.stdout


def test_every_command_help_has_an_example():
    """Every command registered on the group, so commands added later are covered too."""
    commands = list(_commands(cli))
    assert ("extract",) in [p for p, _ in commands]
    for path, _ in commands:
        result = _kg(*path, "--help")
        assert result.exit_code == 0, path
        assert "Example" in result.stdout, f"kg {' '.join(path)} --help has no example"
        example = result.stdout.split("Example", 1)[1]
        assert f"kg {' '.join(path)}" in example, f"the example of kg {' '.join(path)} does not run it"


# Bad input ---------------------------------------------------------------


def _bad_files(cwd: Path) -> dict[str, tuple[str, str]]:
    """name → (file to pass, exact error line)"""
    (cwd / "reports").mkdir()
    (cwd / "empty.txt").write_bytes(b"")
    (cwd / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06")
    (cwd / "noyear.txt").write_text("各位代表：\n现在，我代表区人民政府作报告，请予审议。\n", encoding="utf-8")
    return {
        "missing": ("missing.txt", "Error: missing.txt: no such file\n"),
        "directory": (
            "reports",
            "Error: reports: a folder with no report files (.txt .text .md .html .htm .shtml .xhtml .docx .pdf)\n",
        ),
        "empty": ("empty.txt", "Error: empty.txt: empty file\n"),
        "binary": ("picture.png", "Error: picture.png: an image (PNG), not a text: a scanned report needs OCR first\n"),
        "unmatched-glob": ("nothing-*.txt", "Error: nothing-*.txt: matches no file\n"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "unmatched-glob"])
def test_unreadable_input_is_one_error_line_and_exit_2(cwd, case):
    name, message = _bad_files(cwd)[case]
    result = _kg("extract", "-q", name, "--json", "out.json")
    assert result.exit_code == 2
    assert result.stderr == message
    assert result.stdout == ""
    assert not (cwd / "out.json").exists()


def test_unreadable_input_without_quiet_still_ends_with_the_error(cwd):
    result = _kg("extract", "missing.txt", "--json", "out.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["[1/1] reading missing.txt", "Error: missing.txt: no such file"]


def test_several_unreadable_files_are_named_in_one_line(cwd):
    _bad_files(cwd)
    result = _kg("extract", "-q", "missing.txt", "empty.txt", "--json", "out.json")
    assert result.exit_code == 2
    assert result.stderr == "Error: nothing could be read: missing.txt: no such file; empty.txt: empty file\n"


def test_a_text_without_a_year_is_extracted_with_its_years_unknown_and_a_warning(cwd):
    _bad_files(cwd)
    result = _kg("extract", "noyear.txt", "--json", "out.json")
    assert result.exit_code == 0, result.stderr
    assert any(line.startswith("Warning: noyear.txt: no recognisable year") for line in result.stderr.splitlines())
    doc = json.loads((cwd / "out.json").read_bytes())["documents"][0]["doc"]
    assert (doc["path"], doc["reviewed_year"], doc["plan_year"]) == ("noyear.txt", None, None)


def test_one_good_and_one_bad_file_extracts_the_good_one_and_names_the_skipped_one_at_the_end(cwd):
    _bad_files(cwd)
    (cwd / "good.txt").write_text(SMALL, encoding="utf-8")
    result = _kg("extract", "empty.txt", "good.txt", "--json", "out.json")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[-2:] == ["Skipped 1 file:", "  empty.txt: empty file"]
    assert not any(line.startswith(("Error:", "Traceback")) for line in lines)
    data = json.loads((cwd / "out.json").read_bytes())
    assert [d["doc"]["path"] for d in data["documents"]] == ["good.txt"]
    assert data["documents"][0]["entities"]
    assert data["skipped"] == [{"path": "empty.txt", "reason": "empty file"}]


def test_quiet_hides_the_warnings_but_not_the_skipped_files(cwd):
    _bad_files(cwd)
    (cwd / "good.txt").write_text(SMALL, encoding="utf-8")
    result = _kg("extract", "-q", "missing.txt", "good.txt", "--json", "out.json")
    assert (result.exit_code, result.stderr) == (0, "Skipped 1 file:\n  missing.txt: no such file\n")
    assert len(json.loads((cwd / "out.json").read_bytes())["documents"]) == 1


def test_existing_output_is_left_untouched_when_the_run_fails(cwd):
    _bad_files(cwd)
    (cwd / "out.json").write_text('{"old": true}\n', encoding="utf-8")
    result = _kg("extract", "-q", "empty.txt", "--json", "out.json")
    assert result.exit_code == 2
    assert (cwd / "out.json").read_text(encoding="utf-8") == '{"old": true}\n'
    assert sorted(p.name for p in cwd.iterdir()) == ["empty.txt", "noyear.txt", "out.json", "picture.png", "reports"]


def test_output_path_that_is_a_directory_is_one_error_line(cwd):
    (cwd / "outdir").mkdir()
    (cwd / "small.txt").write_text(SMALL, encoding="utf-8")
    result = _kg("extract", "-q", "small.txt", "--json", "outdir")
    assert result.exit_code == 2
    assert result.stderr == "Error: cannot write outdir: it is a directory\n"
    assert list((cwd / "outdir").iterdir()) == []
    assert sorted(p.name for p in cwd.iterdir()) == ["outdir", "small.txt"]


@pytest.mark.parametrize("second", ["b/report.txt", "b/report.md"], ids=["same-name", "same-name-other-extension"])
def test_two_files_that_would_be_one_report_read_the_first_and_skip_the_second(cwd, second):
    """A report's IRI is its file name without extension: two such files would merge."""
    for name, text in (("a/report.txt", SMALL), (second, SMALL + "经济持续增长。\n")):
        (cwd / name).parent.mkdir(exist_ok=True)
        (cwd / name).write_text(text, encoding="utf-8")
    result = _kg("extract", "-q", "a/report.txt", second, "--json", "out.json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Skipped 1 file:\n  {second}: has the name report of a/report.txt (reports are told "
        "apart by file name without extension): rename one\n"
    )
    assert [d["doc"]["path"] for d in json.loads((cwd / "out.json").read_bytes())["documents"]] == ["a/report.txt"]


# The group's error handling, on a group of its own --------------------------


def _group_raising(exc: BaseException) -> click.Group:
    @click.group(cls=KgGroup)
    def group() -> None:
        pass

    @group.command()
    def run() -> None:
        raise exc

    return group


@pytest.mark.parametrize(
    "exc, code",
    [(InputError("in.txt: empty file"), 2), (ValidationFailed("3 shapes not met"), 1)],
    ids=["input", "validation"],
)
def test_library_errors_become_one_line_and_their_exit_code(exc, code):
    result = CliRunner().invoke(_group_raising(exc), ["run"])
    assert result.exit_code == code
    assert result.stderr == f"Error: {exc}\n"
    assert result.stdout == ""


def test_other_exceptions_are_bugs_and_are_not_hidden():
    result = CliRunner().invoke(_group_raising(RuntimeError("bug")), ["run"])
    assert isinstance(result.exception, RuntimeError)
    assert "Error:" not in result.stderr
