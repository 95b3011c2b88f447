"""Bad input: each case one clear reason (or a warning), never a traceback, never the end of the run.

Every case is read next to one good report: the good one is always extracted,
the bad one is skipped with its reason or read with a warning. (The CLI side,
exit codes and the summary, is in tests/kg/test_cli_inputs.py.)
"""

from __future__ import annotations

import codecs
import io
import os

import pytest
from reportlab.pdfgen import canvas

from extract.corpus import read_documents
from extract.errors import InputError
from extract.inputs import Skipped

GOOD = (
    "2021年云杉县政府工作报告\n——2021年1月20日在云杉县第十八届人民代表大会第五次会议上\n各位代表：\n"
    "一、2020年工作回顾\n青石湾产业园建成投产，金穗农业科技有限公司落户。\n"
)
OTHER = GOOD.replace("青石湾产业园", "白桦林数字经济产业园")


def _encrypted_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(50, 800, "locked")
    c.showPage()
    c.save()
    return buf.getvalue()


def _image_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 200, 300, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


# name → (bytes, the reason it is skipped)
SKIPPED = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\r\n\t \xe3\x80\x80\n", "empty file"),
    "bom-only.txt": (codecs.BOM_UTF8, "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary file (holds NUL bytes and is not UTF-16 text)"),
    "scan.png": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40,
        "an image (PNG), not a text: a scanned report needs OCR first",
    ),
    "photo.jpg": (
        b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 40,
        "an image (JPEG), not a text: a scanned report needs OCR first",
    ),
    "old.doc": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        "is an old Microsoft Office file (.doc/.xls/.wps): save it as .docx",
    ),
    "bundle.zip": (
        b"PK\x03\x04" + b"\x00" * 64,
        "a zip archive, not a report: unpack it first (a .docx must be named .docx)",
    ),
    "cut.docx": (b"PK\x03\x04word/" + b"\x00" * 64, "not a valid .docx file (BadZipFile)"),
    "renamed.docx": (GOOD.encode("utf-8"), "not a valid .docx file (damaged or cut short)"),
    "cut.pdf": (b"%PDF-1.4\n1 0 obj\n<<", "not a valid PDF"),
    "scan.pdf": (_image_pdf(), "a PDF with no text layer (scanned pages are images): run OCR first"),
    "locked.pdf": (_encrypted_pdf(), "an encrypted PDF: save it without a password first"),
    "menu.html": (
        "<html><body><a href='/'>首页</a> <a href='/a'>政务公开</a></body></html>".encode(),
        "an HTML page with no article text (only menus and links): save the report's own page",
    ),
    "english.txt": (b"Government work report\nGDP grew by 5 percent.\n", "no Chinese text found"),
    "garbage.txt": (
        bytes([0x81, 0x30, 0xFF, 0xFE, 0xFD]) * 300,
        "not text in a supported encoding (UTF-8, UTF-16, GB18030/GBK, Big5)",
    ),
}


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_a_file_that_is_no_report_is_skipped_with_one_line_and_the_good_one_is_read(tmp_path, name):
    data, reason = SKIPPED[name]
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    skipped: list[Skipped] = []
    docs = read_documents([str(tmp_path / "good.txt"), str(tmp_path / name)], skipped=skipped)
    assert [d.name for d in docs] == ["good.txt"]
    assert len(skipped) == 1
    assert skipped[0].path == str(tmp_path / name)
    assert skipped[0].reason.startswith(reason), skipped[0].reason
    assert "\n" not in str(skipped[0])


def test_a_50_mb_file_is_read_whole(tmp_path):
    # a report whose lines are padded with spaces to 50 MB: nothing is refused for its size
    # (bench/long_text.py shows the extraction of long texts is linear in their length)
    big = tmp_path / "big.txt"
    pad = " " * 10_000
    with open(big, "w", encoding="utf-8") as fh:
        fh.write(GOOD)
        while fh.tell() < 50 * 1024 * 1024:
            fh.write("青石湾产业园建成投产。" + pad + "\n")
    assert big.stat().st_size >= 50 * 1024 * 1024
    skipped: list[Skipped] = []
    (doc,) = read_documents([str(big)], skipped=skipped)
    assert skipped == [] and doc.name == "big.txt"
    assert doc.text.count("青石湾产业园建成投产。") >= 5000


def test_a_5_mb_single_line_is_read_with_a_warning(tmp_path):
    line = "2021年云杉县政府工作报告。" + "全县地区生产总值增长5.2%，青石湾产业园建成投产。" * 110000
    path = tmp_path / "oneline.txt"
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size > 5 * 1024 * 1024 and "\n" not in line
    (doc,) = read_documents([str(path)])
    assert any(w.startswith("a line of ") and "lost its line breaks" in w for w in doc.warnings)
    assert doc.plan_year == 2021
    assert len(doc.sentences) > 100000


@pytest.mark.parametrize(
    "name, data, warning",
    [
        ("cut.txt", GOOD.encode("utf-8") + "园".encode()[:2], "1 broken UTF-8 byte sequence(s) replaced by U+FFFD"),
        (
            "nul.txt",
            GOOD.encode("utf-8").replace("各位代表".encode(), "各位\x00代表".encode()),
            "1 NUL byte(s) dropped",
        ),
        (
            "mixed.txt",
            GOOD.split("一、")[0].encode("utf-8") + ("一、" + GOOD.split("一、")[1]).encode("gb18030"),
            "lines in two encodings (UTF-8 and GB18030): each line read in its own",
        ),
    ],
    ids=["truncated-multibyte", "nul-bytes", "mixed-encodings"],
)
def test_damaged_bytes_are_read_with_a_warning(tmp_path, name, data, warning):
    (tmp_path / name).write_bytes(data)
    (doc,) = read_documents([str(tmp_path / name)])
    assert warning in doc.warnings
    assert "青石湾产业园建成投产" in doc.text and "各位代表" in doc.text
    assert (doc.area, doc.plan_year) == ("云杉县", 2021)


def test_the_same_text_under_two_names_is_read_once_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "copy of a.txt").write_text(GOOD, encoding="gb18030")  # another encoding, the same text
    warnings: list[str] = []
    docs = read_documents([str(tmp_path)], warnings=warnings)
    assert [d.name for d in docs] == ["a.txt"]
    assert warnings == [f"{tmp_path / 'copy of a.txt'}: the same text as {tmp_path / 'a.txt'}: read once"]


def test_two_reports_of_one_area_and_year_are_both_read_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    warnings: list[str] = []
    docs = read_documents([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], warnings=warnings)
    assert sorted(d.name for d in docs) == ["a.txt", "b.txt"]
    assert len(warnings) == 1 and "are all reports of 云杉县 reviewing 2020 and planning 2021" in warnings[0]


def test_a_folder_reads_the_reports_in_it_and_nothing_else(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.html").write_text(
        f"<html><body><article><p>{OTHER.replace(chr(10), '</p><p>')}</p></article></body></html>", encoding="utf-8"
    )
    (tmp_path / "curation.tsv").write_text("", encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    docs = read_documents([str(tmp_path)])
    assert sorted(d.name for d in docs) == ["a.txt", "b.html"]


@pytest.mark.parametrize(
    "arg, reason",
    [
        ("missing.txt", "no such file"),
        ("nothing-*.txt", "matches no file"),
        ("emptydir", "a folder with no report files"),
    ],
    ids=["missing-path", "unmatched-glob", "empty-folder"],
)
def test_an_argument_that_names_no_report_is_skipped(tmp_path, arg, reason, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    skipped: list[Skipped] = []
    docs = read_documents(["good.txt", arg], skipped=skipped)
    assert [d.name for d in docs] == ["good.txt"]
    assert [s.path for s in skipped] == [arg] and skipped[0].reason.startswith(reason)


def test_a_quoted_glob_is_expanded(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    docs = read_documents([os.path.join(str(tmp_path), "*.txt")])
    assert sorted(d.name for d in docs) == ["a.txt", "b.txt"]


def test_a_text_with_no_year_is_read_with_a_warning(tmp_path):
    (tmp_path / "noyear.txt").write_text("各位代表：\n青石湾产业园建成投产。\n", encoding="utf-8")
    (doc,) = read_documents([str(tmp_path / "noyear.txt")])
    assert doc.plan_year is None and doc.warnings[0].startswith("no recognisable year")
    assert doc.sections[0].year is None


def test_nothing_readable_is_one_input_error_naming_every_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError) as exc:
        read_documents([str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")])
    assert str(exc.value) == (
        f"nothing could be read: {tmp_path / 'empty.txt'}: empty file; {tmp_path / 'missing.txt'}: no such file"
    )


def test_the_year_override_must_be_a_year(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(InputError, match="--year 21: give the plan year"):
        read_documents([str(tmp_path / "a.txt")], year=21)


def test_a_folders_own_notes_are_skipped_unless_named(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text(OTHER, encoding="utf-8")  # a report kept as markdown is a report
    (tmp_path / "README.md").write_text("这些报告来自各县政府网站。\n", encoding="utf-8")
    (tmp_path / "SOURCE.md").write_text("来源：政府网站，2021年下载。\n", encoding="utf-8")
    skipped: list[Skipped] = []
    docs = read_documents([str(tmp_path)], skipped=skipped)
    assert sorted(d.name for d in docs) == ["a.txt", "b.md"]
    assert sorted((os.path.basename(s.path), s.reason) for s in skipped) == [
        ("README.md", "a note about the folder, not a report"),
        ("SOURCE.md", "a note about the folder, not a report"),
    ]
    named = read_documents([str(tmp_path / "SOURCE.md")], warnings=[])  # named, it is read
    assert [d.name for d in named] == ["SOURCE.md"]
