"""write_atomic: a whole file or the old one, never half of one, and no traceback for a bad path."""

from __future__ import annotations

import os

import pytest

from extract.errors import InputError
from extract.fileio import write_atomic


def test_text_is_written_as_utf8_and_replaces_the_old_file(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    write_atomic(str(out), "周村区\n")
    assert out.read_bytes() == "周村区\n".encode()
    assert os.listdir(tmp_path) == ["out.json"]


def test_missing_parent_directories_are_created(tmp_path):
    out = tmp_path / "a" / "b" / "out.bin"
    write_atomic(str(out), b"\x00\x01")
    assert out.read_bytes() == b"\x00\x01"


def test_a_directory_in_the_way_is_an_input_error_and_is_left_alone(tmp_path):
    target = tmp_path / "outputs"
    target.mkdir()
    with pytest.raises(InputError) as exc:
        write_atomic(str(target), "x")
    assert str(exc.value) == f"cannot write {target}: it is a directory"
    assert os.listdir(tmp_path) == ["outputs"]
    assert os.listdir(target) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")

    class Boom(Exception):
        pass

    class Exploding(str):
        def encode(self, *args, **kwargs):
            raise Boom()

    with pytest.raises(Boom):
        write_atomic(str(out), Exploding("new"))
    assert out.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_a_parent_that_is_a_file_is_an_input_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        write_atomic(str(tmp_path / "file" / "out.json"), "x")
    assert str(exc.value).startswith(f"cannot write {tmp_path / 'file' / 'out.json'}: ")
    assert "\n" not in str(exc.value)


def test_text_in_pieces_is_written_piece_by_piece_into_one_file(tmp_path):
    out = tmp_path / "out.json"
    written: list[str] = []

    def pieces():
        for p in ("{", "\n ", '"区": "周村"', "\n}\n"):
            written.append(p)
            yield p

    write_atomic(str(out), pieces())
    assert written == ["{", "\n ", '"区": "周村"', "\n}\n"]
    assert out.read_text(encoding="utf-8") == '{\n "区": "周村"\n}\n'
